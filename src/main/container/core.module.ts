import { ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { RandomUuidGenerator } from '../../adapters/system/random-uuid-generator.js';
import { SystemClock } from '../../adapters/system/system-clock.js';
import { PORTS, TOKENS } from '../tokens.js';

/** Configuration, the logger, the clock and ids: what every deployable binds. */
export function coreModule(config: Config, logger: Logger): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(TOKENS.config).toConstantValue(config);
    bind(TOKENS.logger).toConstantValue(logger);
    bind(PORTS.clock).toConstantValue(new SystemClock());
    bind(PORTS.ids).toConstantValue(new RandomUuidGenerator());
  });
}
