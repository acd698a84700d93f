import { BuildDeck } from '../../../application/decks/build-deck.js';
import { PlaceSockInDecks } from '../../../application/decks/place-sock-in-decks.js';
import type { IdGenerator } from '../../../application/ports/id-generator.js';
import { AddSockPicture } from '../../../application/socks/add-sock-picture.js';
import { AddSock } from '../../../application/socks/add-sock.js';
import { RemoveSockPicture } from '../../../application/socks/remove-sock-picture.js';
import { RemoveSock } from '../../../application/socks/remove-sock.js';
import { UpdateSock } from '../../../application/socks/update-sock.js';
import { ListCandidates } from '../../../application/swiping/list-candidates.js';
import { JPEG_BYTES, sockAttributes } from '../../../application/testing/builders.js';
import { FakePictureStore } from '../../../application/testing/fake-picture-store.js';
import { FixedClock } from '../../../application/testing/fixed-clock.js';
import type { Sock } from '../../../domain/sock/sock.js';
import { rankCandidates } from '../../../domain/swiping/candidate.js';
import { prng, randomWorld, storeWorld } from '../../../../test/support/candidate-world.js';
import {
  createMigratedDatabase,
  postgresRepositories,
  type MigratedDatabase,
} from '../../../../test/support/postgres-harness.js';
import type { MikroOrmRepositories } from '../mikro-orm-repositories.js';
import { MikroOrmSockRepository } from '../mikro-orm-sock-repository.js';
import { PostgresCandidatePool } from './postgres-candidate-pool.js';

jest.setTimeout(180_000);

/** Ids far above the world's (`uuid(n)` counts from 1), for what the tests add. */
class LaterIds implements IdGenerator {
  private counter = 900_000;
  next(): string {
    return `00000000-0000-4000-8000-${String(++this.counter).padStart(12, '0')}`;
  }
}

/**
 * Decks over the real adapters: built by the columnar pool, kept up to date by the deck events
 * the sock use cases write, served by `ListCandidates` — and always the exact answer.
 */
describe('decks over PostgreSQL', () => {
  let database: MigratedDatabase;
  let r: MikroOrmRepositories;
  let exactSocks: MikroOrmSockRepository;
  const world = randomWorld(20261205);
  const clock = new FixedClock('2027-01-15T12:00:00.000Z');
  const ids = new LaterIds();

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: 6 });
    r = postgresRepositories(database.orm);
    exactSocks = new MikroOrmSockRepository(r.scope, { shortlistCap: 1_000_000 });
    await storeWorld(r, world);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  /** A worker's deck use cases, over a pool of its own. */
  function worker() {
    const pool = new PostgresCandidatePool(r.scope);
    return {
      buildDeck: new BuildDeck(r.socks, r.swipes, r.matches, pool, r.decks, r.uow, clock),
      placeSock: new PlaceSockInDecks(r.socks, r.pictures, pool, r.decks, r.uow),
    };
  }

  const listCandidates = () =>
    new ListCandidates(r.socks, r.users, r.pictures, r.decks, r.outbox, r.uow, clock);

  /** Runs every pending deck event, as the relay and a worker would. */
  async function drainDeckEvents(w = worker()): Promise<number> {
    let handled = 0;
    for (;;) {
      const events = await r.uow.run(async () => {
        const pending = await r.outboxStore.takePending(500);
        await r.outboxStore.markDispatched(pending.map((e) => e.id));
        return pending;
      });
      if (events.length === 0) return handled;
      for (const { message } of events) {
        if (message.type === 'deck.build') await w.buildDeck.execute({ sockId: message.sockId });
        if (message.type === 'deck.place') await w.placeSock.execute({ sockId: message.sockId });
        handled++;
      }
    }
  }

  async function socksWithDecks(): Promise<Sock[]> {
    const rows = await r.scope.use((em) =>
      em.execute<Array<{ sock_id: string }>>(
        'select sock_id from decks where built_at is not null',
        [],
        'all',
      ),
    );
    return r.socks.findManyByIds(rows.map((row) => row.sock_id));
  }

  /**
   * What the deck serves and the exact answer (every candidate scored), as [id, score] pairs.
   * Candidates of equal score may come in another order (the deck breaks ties by id, the exact
   * ranking by distance first), so ties are compared as sets.
   */
  async function expectExact(own: Sock, limit: number): Promise<void> {
    const served = await r.decks.peek(own.id, limit);
    expect(served).not.toBeNull();
    const user = await r.users.findById(own.ownerId);
    const rows = await exactSocks.shortlistCandidates(own, limit);
    const exact = rankCandidates(
      own,
      user?.location ?? null,
      rows.map((row) => ({ ...row, ownerLocation: row.owner.location })),
    ).slice(0, limit);
    const deckCards = served?.cards ?? [];
    if (served?.floor !== null && deckCards.length < limit) return; // ListCandidates falls back
    const scores = (items: ReadonlyArray<{ score: number }>) => items.map((i) => i.score);
    expect({ own: own.id, scores: scores(deckCards) }).toEqual({ own: own.id, scores: scores(exact) });
    const last = exact[exact.length - 1]?.score ?? Infinity;
    const above = (items: Array<{ id: string; score: number }>) =>
      items
        .filter((i) => i.score > last)
        .map((i) => i.id)
        .sort();
    expect(above(deckCards.map((c) => ({ id: c.sock.id, score: c.score })))).toEqual(
      above(exact.map((e) => ({ id: e.candidate.sock.id, score: e.score }))),
    );
  }

  it('builds every deck from the pool and serves exactly the best candidates', async () => {
    const { buildDeck } = worker();
    for (const sock of world.socks) await buildDeck.execute({ sockId: sock.id });

    const built = await socksWithDecks();
    expect(built).toHaveLength(world.socks.length);
    const floors = await r.scope.use((em) =>
      em.execute<Array<{ n: string }>>('select count(*) as n from decks where floor is not null', [], 'all'),
    );
    expect(Number(floors[0]?.n)).toBeGreaterThan(0); // some decks left candidates out
    for (const own of built) {
      for (const limit of [1, 5, 20]) await expectExact(own, limit);
    }
  });

  it('serves a card from the deck through ListCandidates, with its stored score', async () => {
    const own = world.families[0]?.own as Sock;
    const peek = await r.decks.peek(own.id, 3);

    const { items } = await listCandidates().execute({ userId: own.ownerId, sockId: own.id, limit: 3 });

    expect(items.map((i) => [i.sock.sock.id, i.score])).toEqual(peek?.cards.map((c) => [c.sock.id, c.score]));
  });

  it('stays exact through new socks, pictures, changed attributes, deletions, swipes and matches', async () => {
    const random = prng(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const store = new FakePictureStore();
    const addSock = new AddSock(r.socks, r.outbox, ids, r.uow, clock);
    const addPicture = new AddSockPicture(r.socks, r.pictures, r.outbox, store, ids, r.uow, clock);
    const updateSock = new UpdateSock(r.socks, r.pictures, r.outbox, r.uow, clock);
    const removePicture = new RemoveSockPicture(r.pictures, r.outbox, r.uow);
    const removeSock = new RemoveSock(r.socks, r.pictures, r.outbox, r.uow);
    const socks = () => r.socks.findManyByIds(world.socks.map((s) => s.id));

    for (let i = 0; i < 15; i++) {
      const owner = pick(world.users);
      const base = pick(await socks());
      const { sock } = await addSock.execute({
        userId: owner.id,
        attributes: sockAttributes({ ...base, name: `new ${i}`, story: base.story || 'new', holes: i % 11 }),
      });
      await addPicture.execute({ userId: owner.id, sockId: sock.id, bytes: JPEG_BYTES });
    }
    for (let i = 0; i < 10; i++) {
      const sock = pick(await socks());
      await updateSock.execute({
        userId: sock.ownerId,
        sockId: sock.id,
        changes: { kilometers: Math.floor(random() * 1000), holes: Math.floor(random() * 11) },
      });
    }
    for (let i = 0; i < 6; i++) {
      const sock = pick(await socks());
      const pictures = (await r.pictures.listForSocks([sock.id])).get(sock.id) ?? [];
      for (const picture of pictures) {
        await removePicture.execute({ userId: sock.ownerId, sockId: sock.id, pictureId: picture.id });
      }
    }
    for (let i = 0; i < 4; i++) {
      const sock = pick(await socks());
      await removeSock.execute({ userId: sock.ownerId, sockId: sock.id });
    }
    const live = await socks();
    for (let i = 0; i < 40; i++) {
      const [from, to] = [pick(live), pick(live)];
      if (from.ownerId === to.ownerId || (await r.swipes.find(from.id, to.id))) continue;
      await r.uow.run(() =>
        r.swipes.add({ sockId: from.id, targetSockId: to.id, decision: 'dislike', judgedAt: clock.now() }),
      );
    }
    for (let i = 0; i < 5; i++) {
      const [a, b] = [pick(live), pick(live)];
      if (a.ownerId === b.ownerId) continue;
      await r.uow.run(() =>
        r.matches.add({
          id: ids.next(),
          initiator: { userId: a.ownerId, sockId: a.id },
          partner: { userId: b.ownerId, sockId: b.id },
          createdAt: clock.now(),
          endedAt: null,
        }),
      );
    }

    expect(await drainDeckEvents()).toBeGreaterThanOrEqual(15 + 15 + 20 + 6);

    const built = await socksWithDecks();
    expect(built.length).toBeGreaterThan(world.socks.length);
    for (const own of built) {
      for (const limit of [1, 20]) await expectExact(own, limit);
    }
  });

  it('leaves correct decks when two workers build and place the same socks at once', async () => {
    const [a, b] = [worker(), worker()];
    const owners = world.users.slice(0, 6);
    const addSock = new AddSock(r.socks, r.outbox, ids, r.uow, clock);
    const addPicture = new AddSockPicture(
      r.socks,
      r.pictures,
      r.outbox,
      new FakePictureStore(),
      ids,
      r.uow,
      clock,
    );
    const fresh: Sock[] = [];
    for (const [i, owner] of owners.entries()) {
      const { sock } = await addSock.execute({ userId: owner.id, attributes: sockAttributes({ holes: i }) });
      await addPicture.execute({ userId: owner.id, sockId: sock.id, bytes: JPEG_BYTES });
      fresh.push(sock);
    }
    await r.uow.run(async () => {
      await r.outboxStore.markDispatched((await r.outboxStore.takePending(1000)).map((e) => e.id));
    });
    const targets = [...fresh, ...world.socks.slice(0, 6)];

    const results = await Promise.allSettled(
      targets.flatMap((sock) => [
        a.buildDeck.execute({ sockId: sock.id }),
        b.buildDeck.execute({ sockId: sock.id }),
        a.placeSock.execute({ sockId: sock.id }),
        b.placeSock.execute({ sockId: sock.id }),
      ]),
    );

    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    for (const own of await socksWithDecks()) await expectExact(own, 20);
  });
});
