import { randomUUID } from 'node:crypto';
import { SendMessage } from '../../application/chat/send-message.js';
import { aSock, aUser } from '../../application/testing/builders.js';
import type { Match } from '../../domain/matching/match.js';
import type { User } from '../../domain/user/user.js';
import {
  createMigratedDatabase,
  readOutboxEvents,
  type MigratedDatabase,
} from '../../../test/support/postgres-harness.js';
import { createMikroOrmRepositories, type MikroOrmRepositories } from './mikro-orm-repositories.js';

const POOL = 8;
const RESENDS = 8;

jest.setTimeout(60_000);

/**
 * The same message resent at once on several connections (a client retrying over a flaky
 * network): `SendMessage` over PostgreSQL stores it once, answers every resend with it, and
 * pushes it once; no resend fails.
 */
describe('resending a chat message under one client id (PostgreSQL)', () => {
  let database: MigratedDatabase;
  let r: MikroOrmRepositories;
  let sendMessage: SendMessage;
  let alice: User;
  let match: Match;

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: POOL });
    const ids = { next: () => randomUUID() };
    const clock = { now: () => new Date() };
    r = createMikroOrmRepositories(database.orm, { ids, clock });
    sendMessage = new SendMessage(r.matches, r.messages, r.users, r.outbox, ids, r.uow, clock);
    alice = aUser({ id: randomUUID(), username: 'alice', email: 'alice@example.com' });
    const bob = aUser({ id: randomUUID(), username: 'bob', email: 'bob@example.com' });
    const [aliceSock, bobSock] = [
      aSock({ id: randomUUID(), ownerId: alice.id }),
      aSock({ id: randomUUID(), ownerId: bob.id }),
    ];
    match = {
      id: randomUUID(),
      initiator: { userId: alice.id, sockId: aliceSock.id },
      partner: { userId: bob.id, sockId: bobSock.id },
      createdAt: new Date(),
      endedAt: null,
    };
    await r.uow.run(async () => {
      await r.users.add(alice);
      await r.users.add(bob);
      await r.socks.add(aliceSock);
      await r.socks.add(bobSock);
      await r.matches.add(match);
    });
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('stores one message, answers it to every resend and pushes it once', async () => {
    const answers = await Promise.all(
      Array.from({ length: RESENDS }, (_, i) =>
        sendMessage.execute({ userId: alice.id, matchId: match.id, text: `try ${i}`, clientId: 'race-1' }),
      ),
    );

    const ids = new Set(answers.map((a) => a.message.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    const stored = await r.uow.run(() => r.messages.listForMatch(match.id, { beforeId: null, limit: 100 }));
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toEqual(answers.find((a) => !a.replayed)?.message);
    const pushes = (await readOutboxEvents(database.orm)).filter((e) => e.message.type === 'chat.publish');
    expect(pushes).toHaveLength(1);
  });
});
