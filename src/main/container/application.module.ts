import { ContainerModule } from 'inversify';
import { createApplication } from '../../application/application.js';
import { resolve, TOKENS } from '../tokens.js';
import { ports } from './ports.js';

/** The application: every use case, made once from the bound ports. */
export const applicationModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.application)
    .toDynamicValue((ctx) =>
      createApplication(ports(ctx), { publicUrl: resolve(ctx, TOKENS.config).publicUrl }),
    )
    .inSingletonScope();
});
