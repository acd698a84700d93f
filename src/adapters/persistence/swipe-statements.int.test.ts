import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '../../application/ports/id-generator.js';
import { SwipeSock } from '../../application/swiping/swipe-sock.js';
import { aPicture, aSock, aUser } from '../../application/testing/builders.js';
import { FixedClock } from '../../application/testing/fixed-clock.js';
import type { Decision } from '../../domain/swiping/swipe.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/postgres-harness.js';
import { createMikroOrmRepositories, type MikroOrmRepositories } from './mikro-orm-repositories.js';
import { createOrm, type Orm } from './mikro-orm.config.js';

/**
 * What one swipe costs the database, statement by statement (BEGIN and COMMIT included), read
 * from MikroORM's query log. Every statement is a round trip and a few hundred microseconds of
 * the app's CPU: the swipe is the hottest write there is.
 */
describe('the statements of one swipe (PostgreSQL)', () => {
  let database: MigratedDatabase;
  let orm: Orm;
  let statements: string[] | null = null;

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: 1 });
    orm = await createOrm({
      clientUrl: database.db.url,
      pool: { min: 0, max: 1 },
      debug: ['query'],
      logger: (message) => statements?.push(firstWords(message)),
    });
  });

  afterAll(async () => {
    await orm?.close(true);
    await database?.dispose();
  });

  beforeEach(() => database.empty());

  /** A pictured sock of a new user who wants emails. */
  async function aSide(r: MikroOrmRepositories) {
    const user = aUser({ id: randomUUID(), username: `u${randomUUID().slice(0, 8)}`, notifications: true });
    const sock = aSock({ id: randomUUID(), ownerId: user.id });
    await r.uow.run(async () => {
      await r.users.add({ ...user, email: `${user.username}@example.com` });
      await r.socks.add(sock);
      await r.pictures.add(aPicture({ id: randomUUID(), userId: user.id, sockId: sock.id }));
    });
    return { userId: user.id, sockId: sock.id };
  }

  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    statements = [];
    try {
      await run();
      return statements;
    } finally {
      statements = null;
    }
  }

  it('takes 4 for a dislike, 6 for a like, 10 for a like that makes a match (two emails)', async () => {
    const ids: IdGenerator = { next: () => randomUUID() };
    const clock = new FixedClock('2026-11-29T12:00:00.000Z');
    const r = createMikroOrmRepositories(orm, { ids, clock });
    const swipeSock = new SwipeSock(r.swipes, r.matches, r.users, r.outbox, ids, r.uow, clock);
    const [ann, bob, cid] = [await aSide(r), await aSide(r), await aSide(r)];
    const swipe = (from: typeof ann, to: typeof ann, decision: Decision) => () =>
      swipeSock.execute({ userId: from.userId, sockId: from.sockId, targetSockId: to.sockId, decision });

    expect(await statementsOf(swipe(ann, cid, 'dislike'))).toEqual([
      'begin',
      'select to_json(o) as',
      'with judged as',
      'commit',
    ]);
    expect(await statementsOf(swipe(ann, bob, 'like'))).toEqual([
      'begin',
      'select to_json(o) as',
      'with judged as',
      "select pg_advisory_xact_lock(hashtextextended('match-pair:' ||",
      'select w.decision as',
      'commit',
    ]);
    expect(await statementsOf(swipe(bob, ann, 'like'))).toEqual([
      'begin',
      'select to_json(o) as',
      'with judged as',
      "select pg_advisory_xact_lock(hashtextextended('match-pair:' ||",
      'select w.decision as',
      'insert into matches',
      'select "u0".* from',
      'insert into "outbox_events"',
      'insert into "outbox_events"',
      'commit',
    ]);
  });
});

/** The first few words of a logged query: enough to tell the statements apart. */
function firstWords(message: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\[query\]\s*/, '');
  return plain.split(/\s+/).slice(0, 3).join(' ');
}
