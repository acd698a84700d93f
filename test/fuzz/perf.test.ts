import inject from 'light-my-request';
import { startApps } from './support/world.js';
jest.setTimeout(60000);
it('perf', async () => {
  const apps = await startApps();
  const web = (apps as any).web;
  const api = (apps as any).api;
  const auth = { Authorization: `Bearer ${apps.express.fixture.tokens.alice}` };
  for (const [name, fn, url] of [['e-me', web, '/api/v1/users/me'], ['f-me', api, '/fastify/v1/users/me']] as const) {
    let t = process.hrtime.bigint();
    let r: any;
    for (let i = 0; i < 300; i++) r = await inject(fn, { method: 'GET', url, headers: auth });
    console.log(name, Number(process.hrtime.bigint() - t) / 300 / 1e6, r.statusCode, r.body.slice(0, 50));
  }
  let r: any = await inject(web, { method: 'POST', url: '/api/v1/users/me/mails', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"subject":"a","content":"b"}' });
  console.log(r.statusCode, r.body);
  r = await inject(web, { method: 'POST', url: '/api/v1/users/me/mails', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"subject":"a",' });
  console.log(r.statusCode, r.body);
  await apps.close();
});
