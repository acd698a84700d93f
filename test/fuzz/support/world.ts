import type { AddressInfo } from 'node:net';
import http from 'node:http';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildWebApp, WEB_API_BASE } from '../../../src/adapters/http-express/build-web-app.js';
import { buildApiApp, FASTIFY_API_BASE } from '../../../src/adapters/http-fastify/build-api-app.js';
import { HttpMetrics } from '../../../src/adapters/http-common/operations/http-metrics.js';
import { Presenter } from '../../../src/adapters/http-common/presenters.js';
import { RefreshToken } from '../../../src/domain/auth/refresh-token.js';
import type { Match } from '../../../src/domain/matching/match.js';
import type { Message } from '../../../src/domain/chat/message.js';
import type { SelfMail } from '../../../src/domain/mail/self-mail.js';
import type { User } from '../../../src/domain/user/user.js';
import { createTestKit, type TestKit } from '../../../src/application/testing/test-kit.js';
import {
  APPLICATION_PORT_NAMES,
  createApplication,
  type ApplicationPorts,
} from '../../../src/application/application.js';

/**
 * The world of one fuzz run: a fresh in-memory test kit seeded with the fixture below.
 *
 * The fuzz suite exercises the HTTP layer (routing, body decoding, validation, problem mapping,
 * presenters) of both apps; persistence is covered by the repository contract suites
 * (src/application/testing/contracts, run against PostgreSQL in the integration project), so the
 * in-memory fakes are the state here.
 */
export type UserName = 'alice' | 'bob' | 'carol';

export interface Owned {
  readonly socks: readonly string[];
  readonly profilePictures: readonly string[];
  readonly sockPictures: readonly { readonly sockId: string; readonly pictureId: string }[];
  readonly matches: readonly string[];
  readonly mails: readonly string[];
}

export interface Fixture {
  readonly users: { readonly alice: User; readonly bob: User; readonly carol: User };
  readonly passwords: Readonly<Record<UserName, string>>;
  /** Valid access tokens by user, at the fixture's clock. */
  readonly tokens: Readonly<Record<UserName, string>>;
  /** Tokens that must be refused: expired, of an unknown user, malformed. */
  readonly badTokens: readonly string[];
  readonly refreshTokens: {
    readonly valid: readonly string[];
    readonly spent: string;
    readonly expired: string;
  };
  /** What each user owns: a caller's own ids make requests go past the ownership checks. */
  readonly owned: Readonly<Record<UserName, Owned>>;
  readonly sockIds: readonly string[];
  readonly pictureIds: readonly string[];
  readonly matchIds: readonly string[];
  readonly messageIds: readonly string[];
  readonly mailIds: readonly string[];
  /** Ids that look right but belong to nothing. */
  readonly unknownIds: readonly string[];
}

export const FIXTURE_START = '2026-11-29T12:00:00.000Z';

/**
 * Seeds a fresh kit. Deterministic: two kits seeded by this function hold identical state
 * (same ids, timestamps, tokens), which is what makes the two apps comparable.
 *
 * alice (admin, a profile picture) owns socks A1 (1 picture) and A2 (no picture);
 * bob owns B1 (1 picture) and B2 (2 pictures); carol owns C1 (1 picture) and C2 (none).
 * A1 and B1 liked each other: alice and bob have an active match with three messages.
 * C1 liked A1 (alice liking C1 from A1 makes a match); bob and carol have an ended match.
 * alice and bob each have a mail; every user has a valid refresh token.
 */
export async function seedFixture(kit: TestKit): Promise<Fixture> {
  const { clock } = kit;
  clock.set('2026-11-01T09:00:00.000Z');
  const alice = await kit.givenUser({
    username: 'alice',
    passwordHash: 'hashed:alice-password',
    isAdmin: true,
    city: 'Berlin',
    createdAt: clock.now(),
  });
  clock.advanceSeconds(60);
  const bob = await kit.givenUser({
    username: 'bob',
    passwordHash: 'hashed:bob-password',
    firstName: 'Bob',
    gender: 'male',
    city: 'Hamburg',
    location: { lat: 53.57532, lon: 10.01534 },
    createdAt: clock.now(),
  });
  clock.advanceSeconds(60);
  const carol = await kit.givenUser({
    username: 'carol',
    passwordHash: 'hashed:carol-password',
    firstName: 'Carol',
    gender: 'female',
    city: 'Atlantis',
    location: null,
    notifications: false,
    social: { instagram: 'https://instagram.com/carol', facebook: null, twitter: null, spotify: null },
    createdAt: clock.now(),
  });
  clock.advanceSeconds(60);
  const alicePicture = await kit.givenPicture(alice);
  clock.advanceSeconds(60);
  const a1 = await kit.givenSock(alice, { name: 'A1', color: 'red' }, 1);
  clock.advanceSeconds(60);
  const a2 = await kit.givenSock(alice, { name: 'A2', fabric: 'silk' }, 0);
  clock.advanceSeconds(60);
  const b1 = await kit.givenSock(bob, { name: 'B1', color: 'red', story: '' }, 1);
  clock.advanceSeconds(60);
  const b2 = await kit.givenSock(bob, { name: 'B2', type: 'knee-high' }, 2);
  clock.advanceSeconds(60);
  const c1 = await kit.givenSock(carol, { name: 'C1', holes: 0, brand: 'gucci' }, 1);
  clock.advanceSeconds(60);
  const c2 = await kit.givenSock(carol, { name: 'C2' }, 0);
  clock.advanceSeconds(60);

  const swipe = async (sockId: string, targetSockId: string, decision: 'like' | 'dislike') => {
    await kit.swipes.add({ sockId, targetSockId, decision, judgedAt: clock.now() });
    clock.advanceSeconds(10);
  };
  await swipe(a1.id, b1.id, 'like');
  await swipe(b1.id, a1.id, 'like');
  await swipe(c1.id, a1.id, 'like');
  await swipe(b2.id, a2.id, 'dislike');
  await swipe(b2.id, c1.id, 'like');
  await swipe(c1.id, b2.id, 'like');

  const active: Match = {
    id: kit.ids.next(),
    initiator: { userId: bob.id, sockId: b1.id },
    partner: { userId: alice.id, sockId: a1.id },
    createdAt: clock.now(),
    endedAt: null,
  };
  await kit.matches.add(active);
  clock.advanceSeconds(60);
  const ended: Match = {
    id: kit.ids.next(),
    initiator: { userId: carol.id, sockId: c1.id },
    partner: { userId: bob.id, sockId: b2.id },
    createdAt: clock.now(),
    endedAt: null,
  };
  await kit.matches.add(ended);
  clock.advanceSeconds(60);
  await kit.matches.save({ ...ended, endedAt: clock.now() });

  const messages: Message[] = [];
  for (const [sender, text, seen] of [
    [alice, 'Hi Bob!', true],
    [bob, 'Hi Alice, nice sock.', false],
    [alice, 'Coffee?', false],
  ] as const) {
    clock.advanceSeconds(30);
    const message: Message = {
      id: kit.ids.next(),
      matchId: active.id,
      senderId: sender.id,
      text,
      sentAt: clock.now(),
      seenAt: seen ? clock.now() : null,
      clientId: null,
    };
    await kit.messages.add(message);
    messages.push(message);
  }

  const mails: SelfMail[] = [];
  for (const [owner, subject] of [
    [alice, 'Note to self'],
    [bob, 'Reminder'],
  ] as const) {
    clock.advanceSeconds(30);
    const mail: SelfMail = {
      id: kit.ids.next(),
      userId: owner.id,
      subject,
      content: `Dear ${owner.username}, remember the socks.`,
      status: 'queued',
      createdAt: clock.now(),
      sentAt: null,
    };
    await kit.mails.add(mail);
    mails.push(mail);
  }

  const refresh = async (user: User, secret: string, at: Date, ttlSeconds: number, spent = false) => {
    const token = RefreshToken.issue({
      id: kit.ids.next(),
      userId: user.id,
      familyId: kit.ids.next(),
      tokenHash: kit.secretTokens.hash(secret),
      at,
      ttlSeconds,
    });
    await kit.refreshTokens.add(spent ? RefreshToken.spend(token, at) : token);
  };
  const month = 30 * 86_400;
  await refresh(alice, 'refresh-alice', clock.now(), 2 * month);
  await refresh(bob, 'refresh-bob', clock.now(), 2 * month);
  await refresh(carol, 'refresh-carol', clock.now(), 2 * month);
  await refresh(alice, 'refresh-alice-spent', clock.now(), 2 * month, true);
  await refresh(bob, 'refresh-bob-expired', new Date('2026-10-01T00:00:00.000Z'), 60);

  clock.set(FIXTURE_START);
  const token = async (user: User) =>
    (await kit.accessTokens.issue({ userId: user.id, isAdmin: user.isAdmin })).token;
  const tokens = { alice: await token(alice), bob: await token(bob), carol: await token(carol) };
  const now = clock.now().getTime();
  const unknownIds = [
    '00000000-0000-4000-8000-000000009999',
    'f47ac10b-58cc-4372-a567-0e02b2c3d479',
    '00000000-0000-0000-0000-000000000000',
  ];
  const pictures = [...kit.db.tables.pictures.values()];
  const owned = (user: User, socks: readonly string[], matches: readonly string[]): Owned => ({
    socks,
    profilePictures: pictures.filter((p) => p.userId === user.id && p.sockId === null).map((p) => p.id),
    sockPictures: pictures
      .filter((p) => p.userId === user.id && p.sockId !== null)
      .map((p) => ({ sockId: p.sockId as string, pictureId: p.id })),
    matches,
    mails: mails.filter((m) => m.userId === user.id).map((m) => m.id),
  });
  void alicePicture;
  return {
    users: { alice, bob, carol },
    owned: {
      alice: owned(alice, [a1.id, a2.id], [active.id]),
      bob: owned(bob, [b1.id, b2.id], [active.id, ended.id]),
      carol: owned(carol, [c1.id, c2.id], [ended.id]),
    },
    passwords: { alice: 'alice-password', bob: 'bob-password', carol: 'carol-password' },
    tokens,
    badTokens: [
      `access:${alice.id}:1:${now - 1}`,
      `access:${bob.id}:0:${now}`,
      `access:${unknownIds[0]}:1:${now + 60_000}`,
      'access:::',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
    ],
    refreshTokens: {
      valid: ['refresh-alice', 'refresh-bob', 'refresh-carol'],
      spent: 'refresh-alice-spent',
      expired: 'refresh-bob-expired',
    },
    sockIds: [a1.id, a2.id, b1.id, b2.id, c1.id, c2.id],
    pictureIds: pictures.map((p) => p.id),
    matchIds: [active.id, ended.id],
    messageIds: messages.map((m) => m.id),
    mailIds: mails.map((m) => m.id),
    unknownIds,
  };
}

/** Port methods that change nothing (`run` only groups the calls it makes, which count themselves). */
const READS =
  /^(find|list|get)|^(blockedFor|dispatchedAt|dispatchedIds|hash|issue|locate|lockPair|now|peek|pending|run|seq|shortlistCandidates|verify)$/;

interface Holder {
  kit: TestKit;
  /** A port was asked to change something since the kit was seeded. */
  dirty: boolean;
}

/**
 * Every port as a stand-in that forwards to `holder.kit`, so a run swaps in a fresh kit instead of
 * rebuilding the application and the apps, and notes whether the kit was changed at all (if not,
 * the next run can keep it: it is still fresh).
 */
function swappablePorts(holder: Holder): ApplicationPorts {
  const ports: Record<string, unknown> = {};
  for (const name of APPLICATION_PORT_NAMES) {
    ports[name] = new Proxy(
      {},
      {
        get(_target, key) {
          const port = holder.kit[name] as unknown as object;
          const value: unknown = Reflect.get(port, key, port);
          if (typeof value !== 'function') return value;
          const method = (value as (...a: unknown[]) => unknown).bind(port);
          if (READS.test(String(key))) return method;
          return (...args: unknown[]) => {
            holder.dirty = true;
            return method(...args);
          };
        },
      },
    );
  }
  return ports as unknown as ApplicationPorts;
}

export interface Side {
  readonly name: 'express' | 'fastify';
  readonly base: string;
  readonly port: number;
  /** The kit of the current run. */
  kit: TestKit;
  fixture: Fixture;
}

export interface Apps {
  readonly express: Side;
  readonly fastify: Side;
  /**
   * Gives both apps a fresh, identically seeded kit; keeps the current ones when no port was asked
   * to change anything since they were seeded (they are still fresh), unless `always`.
   */
  reset(always?: boolean): Promise<void>;
  close(): Promise<void>;
}

export const MEDIA_BASE_URL = 'http://localhost:3000/media';

/** Both apps, each over its own in-memory state, listening on ephemeral local ports. */
export async function startApps(): Promise<Apps> {
  const expressHolder: Holder = { kit: createTestKit(), dirty: false };
  const fastifyHolder: Holder = { kit: createTestKit(), dirty: false };
  const common = (holder: Holder) => {
    return {
      app: createApplication(swappablePorts(holder), { publicUrl: 'http://localhost:3000' }),
      presenter: new Presenter(MEDIA_BASE_URL),
      logger: pino({ level: 'silent' }),
      readinessChecks: [],
      trustProxy: 'loopback',
      corsOrigins: [],
    };
  };
  const web = buildWebApp({ ...common(expressHolder), metrics: new HttpMetrics('web') });
  const webServer = http.createServer(web);
  await new Promise<void>((resolve) => webServer.listen(0, '127.0.0.1', resolve));
  const api: FastifyInstance = await buildApiApp({
    ...common(fastifyHolder),
    metrics: new HttpMetrics('api'),
  });
  await api.listen({ port: 0, host: '127.0.0.1' });

  const express: Side = {
    name: 'express',
    base: WEB_API_BASE,
    port: (webServer.address() as AddressInfo).port,
    kit: expressHolder.kit,
    fixture: undefined as never,
  };
  const fastify: Side = {
    name: 'fastify',
    base: FASTIFY_API_BASE,
    port: (api.server.address() as AddressInfo).port,
    kit: fastifyHolder.kit,
    fixture: undefined as never,
  };
  const reset = async (always = false) => {
    if (!always && !expressHolder.dirty && !fastifyHolder.dirty) return;
    for (const [side, holder] of [
      [express, expressHolder],
      [fastify, fastifyHolder],
    ] as const) {
      holder.kit = createTestKit();
      holder.dirty = false;
      side.kit = holder.kit;
      side.fixture = await seedFixture(holder.kit);
    }
  };
  await reset(true);
  return {
    express,
    fastify,
    reset,
    async close() {
      webServer.closeAllConnections();
      await new Promise<void>((resolve) => webServer.close(() => resolve()));
      await api.close();
    },
  };
}
