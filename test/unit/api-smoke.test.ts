import request from 'supertest';
import { inMemoryApps } from '../support/in-memory-apps.js';

describe.each([
  ['express', '/api/v1'],
  ['fastify', '/fastify/v1'],
])('%s API smoke', (name, base) => {
  it('signs up, logs in and reads the profile', async () => {
    const { web, api } = await inMemoryApps();
    const server = name === 'express' ? web : api.server;
    const signUp = await request(server).post(`${base}/users`).send({
      username: 'sam',
      password: 'long enough',
      email: 'sam@example.com',
      birthday: '1990-01-01',
      gender: 'female',
      city: 'Berlin',
    });
    expect(signUp.status).toBe(201);
    const token = await request(server)
      .post(`${base}/auth/token`)
      .type('form')
      .send({ grant_type: 'password', username: 'sam', password: 'long enough' });
    expect(token.status).toBe(200);
    const me = await request(server)
      .get(`${base}/users/me`)
      .set('Authorization', `Bearer ${token.body.access_token}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('sam');
    const bad = await request(server)
      .post(`${base}/users`)
      .set('Content-Type', 'application/json')
      .send('{"username":');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('REQUEST.MALFORMED_BODY');
    const invalid = await request(server).post(`${base}/users`).send({ username: 'x', extra: 1 });
    expect(invalid.status).toBe(400);
    const unauth = await request(server).get(`${base}/socks`);
    expect(unauth.status).toBe(401);
    expect(unauth.headers['www-authenticate']).toBe('Bearer');
    if (name === 'fastify') await api.close();
  });
});
