import { createServer } from 'node:http';
import { inMemoryApps } from '../support/in-memory-apps.js';
it('times', async () => {
  for (let i = 0; i < 5; i++) {
    let t0 = Date.now();
    const a = await inMemoryApps();
    const build = Date.now() - t0;
    t0 = Date.now();
    const b = await inMemoryApps();
    const build2 = Date.now() - t0;
    t0 = Date.now();
    await a.api.close();
    const close = Date.now() - t0;
    t0 = Date.now();
    await b.api.listen({ host: '127.0.0.1', port: 0 });
    const listen = Date.now() - t0;
    t0 = Date.now();
    const s = createServer(a.web);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const elisten = Date.now() - t0;
    await b.api.close(); s.close();
    console.log({ build, build2, close, listen, elisten });
  }
});
