import { Container } from 'inversify';
import pino from 'pino';
import { buildWebApp } from '../../src/adapters/http-express/build-web-app.js';
import { webUiRouter } from '../../src/adapters/http-express/web/web-ui-router.js';
import { buildApiApp } from '../../src/adapters/http-fastify/build-api-app.js';
import { HttpMetrics } from '../../src/adapters/http-common/operations/http-metrics.js';
import { Presenter } from '../../src/adapters/http-common/presenters.js';
import { createTestKit } from '../../src/application/testing/test-kit.js';
import { apiUseCases } from '../../src/main/container/api-use-cases.js';
import { useCasesModule } from '../../src/main/container/use-cases.module.js';
import { webUseCases } from '../../src/main/container/web-use-cases.js';
import { inMemoryPortsModule } from './in-memory-ports.module.js';

/** Both HTTP apps over one set of in-memory fakes: fast route-level tests without services. */
export async function inMemoryApps() {
  const kit = createTestKit();
  const container = new Container();
  container.load(useCasesModule, inMemoryPortsModule(kit));
  const common = {
    useCases: apiUseCases(container),
    presenter: new Presenter('http://localhost:3000/media'),
    logger: pino({ level: 'silent' }),
    readinessChecks: [],
    trustProxy: 'loopback',
    corsOrigins: [],
  };
  const webUi = webUiRouter({
    useCases: webUseCases(container),
    logger: common.logger,
    sessionSecret: 'in-memory test session secret, 32+ characters',
    sessionStore: null,
    mapTileUrl: 'https://tile.example.test/{z}/{x}/{y}.png',
  });
  const web = buildWebApp({ ...common, metrics: new HttpMetrics('web'), webUi });
  const api = await buildApiApp({ ...common, metrics: new HttpMetrics('api') });
  await api.ready();
  return { kit, web, api };
}
