import pino from 'pino';
import { buildWebApp } from '../../src/adapters/http-express/build-web-app.js';
import { webUiRouter } from '../../src/adapters/http-express/web/web-ui-router.js';
import { buildApiApp } from '../../src/adapters/http-fastify/build-api-app.js';
import { HttpMetrics } from '../../src/adapters/http-common/operations/http-metrics.js';
import { Presenter } from '../../src/adapters/http-common/presenters.js';
import { applicationOf, createTestKit } from '../../src/application/testing/test-kit.js';

/** Both HTTP apps over one set of in-memory fakes: fast route-level tests without services. */
export async function inMemoryApps() {
  const kit = createTestKit();
  const app = applicationOf(kit);
  const common = {
    app,
    presenter: new Presenter('http://localhost:3000/media'),
    logger: pino({ level: 'silent' }),
    readinessChecks: [],
    trustProxy: 'loopback',
    corsOrigins: [],
  };
  const webUi = webUiRouter({
    app,
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
