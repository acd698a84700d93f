import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { WebSocket } from 'ws';
import { JoseAccessTokens } from '../../src/adapters/security/jose-access-tokens.js';
import { aSock, aUser } from '../../src/application/testing/builders.js';
import type { Match } from '../../src/domain/matching/match.js';
import type { User } from '../../src/domain/user/user.js';
import { startOutboxRelay } from '../../src/main/background.js';
import { startRuntime, type Runtime } from '../../src/main/runtime.js';
import { startApiServer, startWebServer } from '../../src/main/servers.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/postgres-harness.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const JWT_SECRET = 'live chat test jwt secret, 32+ characters long';

/** A client socket that keeps every frame it got. */
interface Client {
  readonly ws: WebSocket;
  readonly frames: Array<Record<string, unknown>>;
  readonly closed: Promise<number>;
  send(frame: object): void;
  /** Resolves with the first frame (already received or to come) that `match` accepts. */
  next(
    match: (frame: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

/**
 * The live chat across instances: two web app instances (different ports) and the Fastify API,
 * each a runtime of its own as in production, sharing one PostgreSQL database and one Redis
 * (CHAT_REDIS_URL) for the chat's fan-out; their jobs run in process (no REDIS_URL).
 */
describe('the live chat across two web instances and both APIs', () => {
  let database: MigratedDatabase;
  const runtimes: Runtime[] = [];
  let web1: Server;
  let web2: Server;
  let api: FastifyInstance;
  let alice: User;
  let bob: User;
  let carol: User;
  let match: Match;
  const clients: Client[] = [];
  const tokens = new JoseAccessTokens(JWT_SECRET, 900);
  const tokenOf = async (user: User) => (await tokens.issue({ userId: user.id, isAdmin: false })).token;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.db.url,
      CHAT_REDIS_URL: REDIS_URL,
      JWT_SECRET,
      SESSION_SECRET: 'live chat test session secret, 32+ characters',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-chat-data-')),
      MEDIA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-chat-media-')),
      PORT: '0',
    };
    const start = async (deployable: 'web' | 'api') => {
      const runtime = await startRuntime(deployable, env);
      runtimes.push(runtime);
      return { runtime, relay: startOutboxRelay(runtime, deployable) };
    };
    const one = await start('web');
    const two = await start('web');
    const three = await start('api');
    web1 = (await startWebServer(one.runtime, 0, one.relay.nudge)).server;
    web2 = (await startWebServer(two.runtime, 0, two.relay.nudge)).server;
    api = await startApiServer(three.runtime, 0, three.relay.nudge);

    const users = runtimes[0]!.database.repositories.users;
    const socks = runtimes[0]!.database.repositories.socks;
    const matches = runtimes[0]!.database.repositories.matches;
    [alice, bob, carol] = (await Promise.all(
      ['alice', 'bob', 'carol'].map(async (name) => {
        const user = aUser({
          id: randomUUID(),
          username: `${name}${Date.now() % 100000}`,
          email: `${name}@example.com`,
        });
        await users.add(user);
        return user;
      }),
    )) as [User, User, User];
    const aliceSock = aSock({ id: randomUUID(), ownerId: alice.id });
    const bobSock = aSock({ id: randomUUID(), ownerId: bob.id });
    await socks.add(aliceSock);
    await socks.add(bobSock);
    match = {
      id: randomUUID(),
      initiator: { userId: alice.id, sockId: aliceSock.id },
      partner: { userId: bob.id, sockId: bobSock.id },
      createdAt: new Date(),
      endedAt: null,
    };
    await runtimes[0]!.database.repositories.uow.run(() => matches.add(match));
  });

  afterAll(async () => {
    for (const client of clients) client.ws.terminate();
    for (const runtime of runtimes.reverse()) await runtime.lifecycle.stop(runtime.logger);
    await database?.dispose();
  });

  const portOf = (server: Server) => (server.address() as { port: number }).port;

  async function connect(server: Server, user: User | null, matchId = match.id): Promise<Client> {
    const query = new URLSearchParams({ match: matchId });
    if (user) query.set('access_token', await tokenOf(user));
    const ws = new WebSocket(`ws://127.0.0.1:${portOf(server)}/chat?${query.toString()}`);
    const frames: Array<Record<string, unknown>> = [];
    const waiters: Array<() => void> = [];
    ws.on('message', (data) => {
      frames.push(JSON.parse(String(data)) as Record<string, unknown>);
      for (const wake of waiters.splice(0)) wake();
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const client: Client = {
      ws,
      frames,
      closed,
      send: (frame) => ws.send(JSON.stringify(frame)),
      next: (accept, timeoutMs = 5000) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`no such frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`)),
            timeoutMs,
          );
          const look = () => {
            const found = frames.find(accept);
            if (found) {
              clearTimeout(timer);
              resolve(found);
            } else waiters.push(look);
          };
          look();
        }),
    };
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
    await client.next((f) => f.type === 'ready');
    return client;
  }

  const isMessage = (text: string) => (f: Record<string, unknown>) =>
    f.type === 'message' && (f.message as { text: string }).text === text;

  it('carries a message from instance 1 to the other participant on instance 2, as its sender', async () => {
    const a = await connect(web1, alice);
    const b = await connect(web2, bob);

    a.send({ type: 'send', text: 'Hello from instance one', sender: bob.username });

    const got = await b.next(isMessage('Hello from instance one'));
    expect(got.message).toMatchObject({ matchId: match.id, sender: alice.username, seenAt: null });
    // the sender's own socket gets it too, once
    await a.next(isMessage('Hello from instance one'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b.frames.filter(isMessage('Hello from instance one'))).toHaveLength(1);

    // a read receipt goes back to the sender
    b.send({ type: 'seen', messageId: (got.message as { id: string }).id });
    const seen = await a.next((f) => f.type === 'seen');
    expect(seen).toMatchObject({ matchId: match.id, messageId: (got.message as { id: string }).id });
  });

  it('pushes a message posted through the Fastify API to the sockets', async () => {
    const b = await connect(web2, bob);

    const response = await fetch(
      `http://127.0.0.1:${portOf(api.server)}/fastify/v1/matches/${match.id}/messages`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenOf(alice)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Through Fastify' }),
      },
    );

    expect(response.status).toBe(201);
    expect((await b.next(isMessage('Through Fastify'))).message).toMatchObject({ sender: alice.username });
  });

  it('keeps out a third user and anyone without a login', async () => {
    await expect(connect(web1, carol)).rejects.toThrow('refused: 404');
    await expect(connect(web1, null)).rejects.toThrow('refused: 401');
  });

  it('answers a bad frame with an error event and keeps the socket', async () => {
    const a = await connect(web1, alice);

    a.ws.send('not json');
    a.send({ type: 'send', text: '' });
    a.send({ type: 'send', text: 'x'.repeat(5000) });

    await a.next((f) => f.type === 'error' && f.code === 'FRAME.INVALID');
    await a.next((f) => f.type === 'error' && f.code === 'VALIDATION.INVALID_VALUE');
    a.send({ type: 'ping' });
    await a.next((f) => f.type === 'pong');
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('lets a reconnecting client catch up on what it missed, with each message once', async () => {
    const a = await connect(web1, alice);
    const b = await connect(web2, bob);
    b.ws.close();
    await b.closed;
    a.send({ type: 'send', text: 'While you were away' });
    await a.next(isMessage('While you were away'));

    const again = await connect(web1, bob);
    again.send({ type: 'sync' });
    const history = await again.next((f) => f.type === 'history');

    const texts = (history.messages as Array<{ text: string }>).map((m) => m.text);
    expect(texts.filter((t) => t === 'While you were away')).toHaveLength(1);
  });

  it('stores a message resent under its client id once, and answers the resending socket', async () => {
    const a = await connect(web1, alice);
    const b = await connect(web2, bob);
    a.send({ type: 'send', text: 'Sent once', clientId: 'resend-1' });
    const first = await b.next(isMessage('Sent once'));
    expect(first.message).toMatchObject({ clientId: 'resend-1' });
    // the answer was lost with the socket: the client resends under the same id elsewhere
    a.ws.terminate();
    const again = await connect(web2, alice);
    again.send({ type: 'send', text: 'Sent once', clientId: 'resend-1' });

    const answer = await again.next(isMessage('Sent once'));
    expect(answer.message).toEqual(first.message);
    // over REST too, the same id answers the same message
    const viaRest = await fetch(
      `http://127.0.0.1:${portOf(api.server)}/fastify/v1/matches/${match.id}/messages`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenOf(alice)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Sent once', clientId: 'resend-1' }),
      },
    );
    expect(viaRest.status).toBe(201);
    expect(((await viaRest.json()) as { id: string }).id).toBe((first.message as { id: string }).id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b.frames.filter(isMessage('Sent once'))).toHaveLength(1);
    const { uow, messages } = runtimes[0]!.database.repositories;
    const stored = await uow.run(() => messages.listForMatch(match.id, { beforeId: null, limit: 100 }));
    expect(stored.items.filter((m) => m.text === 'Sent once')).toHaveLength(1);
  });

  it('answers a refused message with an error naming its client id', async () => {
    const a = await connect(web1, alice);

    a.send({ type: 'send', text: '   ', clientId: 'empty-1' });

    expect(await a.next((f) => f.type === 'error')).toMatchObject({
      code: 'VALIDATION.INVALID_VALUE',
      clientId: 'empty-1',
    });
  });

  it('closes the sockets of both participants, on both instances, when the match ends', async () => {
    const a = await connect(web1, alice);
    const b = await connect(web2, bob);

    const response = await fetch(`http://127.0.0.1:${portOf(web1)}/api/v1/matches/${match.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await tokenOf(bob)}` },
    });

    expect(response.status).toBe(204);
    expect(await a.closed).toBe(4000);
    expect(await b.closed).toBe(4000);
    expect(a.frames.some((f) => f.type === 'ended')).toBe(true);
    await expect(connect(web2, alice)).rejects.toThrow('refused: 404');
  });
});
