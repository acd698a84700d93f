import { ContainerModule } from 'inversify';
import { APPLICATION_PORT_NAMES } from '../../src/application/application.js';
import type { TestKit } from '../../src/application/testing/test-kit.js';
import { loadConfig } from '../../src/main/config.js';
import { PORTS, TOKENS } from '../../src/main/tokens.js';

/** Binds every driven port to the in-memory fake of one test kit, and a test configuration. */
export function inMemoryPortsModule(kit: TestKit): ContainerModule {
  return new ContainerModule(({ bind }) => {
    for (const name of APPLICATION_PORT_NAMES) bind(PORTS[name]).toConstantValue(kit[name]);
    bind(TOKENS.config).toConstantValue(loadConfig({ NODE_ENV: 'test' }, 'web'));
  });
}
