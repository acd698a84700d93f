import type { Match } from '../../domain/matching/match.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { User } from '../../domain/user/user.js';
import { PLACES } from '../testing/fake-geocoder.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { ListCandidates } from './list-candidates.js';

describe('ListCandidates', () => {
  let kit: TestKit;
  let listCandidates: ListCandidates;
  let me: User;
  let mySock: Sock;

  beforeEach(async () => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    listCandidates = new ListCandidates(
      kit.socks,
      kit.users,
      kit.pictures,
      kit.decks,
      kit.outbox,
      kit.uow,
      kit.clock,
    );
    me = await kit.givenUser({ username: 'me', city: 'Berlin', location: PLACES.berlin });
    mySock = await kit.givenSock(me);
  });

  const candidateIds = async (limit = 20, sock = mySock) =>
    (await listCandidates.execute({ userId: me.id, sockId: sock.id, limit })).items.map(
      (c) => c.sock.sock.id,
    );

  const givenMatch = async (other: User, ended: boolean): Promise<void> => {
    const theirs = await kit.givenSock(other);
    const match: Match = {
      id: kit.ids.next(),
      initiator: { userId: me.id, sockId: mySock.id },
      partner: { userId: other.id, sockId: theirs.id },
      createdAt: kit.clock.now(),
      endedAt: ended ? kit.clock.now() : null,
    };
    await kit.matches.add(match);
  };

  it('offers the best candidate with its pictures, its owner and its score', async () => {
    const owner = await kit.givenUser({
      username: 'pat',
      firstName: 'Pat',
      birthday: '1990-11-30',
      city: 'Hamburg',
      location: PLACES.hamburg,
    });
    const theirs = await kit.givenSock(owner, {}, 2);

    const { items } = await listCandidates.execute({ userId: me.id, sockId: mySock.id });

    expect(items).toHaveLength(1);
    expect(items[0]?.sock.sock).toEqual(theirs);
    expect(items[0]?.sock.pictures).toHaveLength(2);
    expect(items[0]?.owner).toEqual({
      username: 'pat',
      firstName: 'Pat',
      age: 35,
      city: 'Hamburg',
      distanceKm: expect.any(Number),
    });
    expect(items[0]?.owner.distanceKm).toBeCloseTo(255.6, 0);
    expect(Number.isInteger((items[0]?.owner.distanceKm ?? 0) * 100)).toBe(true);
    // Identical attributes, joined the same day: the original's maximum.
    expect(items[0]?.score).toBe(78);
  });

  it('leaves out own socks, socks without a picture, socks this sock judged, and socks of matched users', async () => {
    const myOtherSock = await kit.givenSock(me);
    const noPicture = await kit.givenSock(await kit.givenUser(), {}, 0);
    const judgedByThisSock = await kit.givenSock(await kit.givenUser());
    const judgedByMyOtherSock = await kit.givenSock(await kit.givenUser());
    const plain = await kit.givenSock(await kit.givenUser());
    await givenMatch(await kit.givenUser({ username: 'unmatched' }), true);
    await givenMatch(await kit.givenUser({ username: 'matched' }), false);
    const at = kit.clock.now();
    await kit.swipes.add({
      sockId: mySock.id,
      targetSockId: judgedByThisSock.id,
      decision: 'dislike',
      judgedAt: at,
    });
    await kit.swipes.add({
      sockId: myOtherSock.id,
      targetSockId: judgedByMyOtherSock.id,
      decision: 'like',
      judgedAt: at,
    });

    const ids = await candidateIds();

    expect(new Set(ids)).toEqual(new Set([judgedByMyOtherSock.id, plain.id]));
    expect(ids).not.toContain(noPicture.id);
    expect(ids).not.toContain(myOtherSock.id);
  });

  it('ranks by score, then by the nearer owner, unknown places last', async () => {
    const paris = await kit.givenUser({ city: 'Paris', location: PLACES.paris });
    const munich = await kit.givenUser({ city: 'Munich', location: PLACES.munich });
    const nowhere = await kit.givenUser({ city: 'Atlantis', location: null });
    const hamburg = await kit.givenUser({ city: 'Hamburg', location: PLACES.hamburg });
    const best = await kit.givenSock(paris);
    const fromMunich = await kit.givenSock(munich, { holes: 5 });
    const fromNowhere = await kit.givenSock(nowhere, { holes: 5 });
    const fromHamburg = await kit.givenSock(hamburg, { holes: 5 });

    const { items } = await listCandidates.execute({ userId: me.id, sockId: mySock.id, limit: 20 });

    expect(items.map((c) => c.sock.sock.id)).toEqual([
      best.id,
      fromHamburg.id,
      fromMunich.id,
      fromNowhere.id,
    ]);
    expect(items[0]?.score).toBeGreaterThan(items[1]?.score ?? Infinity);
    expect(items[1]?.score).toBe(items[2]?.score);
    expect(items[3]?.owner.distanceKm).toBeNull();
  });

  it('returns at most `limit` candidates, one by default', async () => {
    await kit.givenSock(await kit.givenUser());
    await kit.givenSock(await kit.givenUser());
    await kit.givenSock(await kit.givenUser());

    expect((await listCandidates.execute({ userId: me.id, sockId: mySock.id })).items).toHaveLength(1);
    expect(await candidateIds(2)).toHaveLength(2);
    expect(await candidateIds(20)).toHaveLength(3);
  });

  it('gives an empty list when every sock was judged', async () => {
    const only = await kit.givenSock(await kit.givenUser());
    await kit.swipes.add({
      sockId: mySock.id,
      targetSockId: only.id,
      decision: 'like',
      judgedAt: kit.clock.now(),
    });

    expect(await listCandidates.execute({ userId: me.id, sockId: mySock.id })).toEqual({ items: [] });
  });

  it('refuses to swipe on behalf of a sock of another user', async () => {
    const other = await kit.givenUser();
    const theirs = await kit.givenSock(other);

    await expect(listCandidates.execute({ userId: me.id, sockId: theirs.id })).rejects.toThrow(
      SockNotFoundError,
    );
  });

  it.each([0, 21, 1.5])('refuses the limit %p', async (limit) => {
    await expect(listCandidates.execute({ userId: me.id, sockId: mySock.id, limit })).rejects.toThrow(
      InvalidValueError,
    );
  });

  describe('from the deck', () => {
    const deckEvents = () => kit.outbox.messages().filter((m) => m.type === 'deck.build');
    const giveDeck = async (entries: Array<{ sock: Sock; score: number }>, floor: number | null) =>
      kit.decks.replace({
        sockId: mySock.id,
        entries: entries.map((e) => ({ candidateId: e.sock.id, score: e.score })),
        floor,
        builtAt: kit.clock.now(),
      });

    it('serves a built deck in its stored order and scores, not by scoring every sock again', async () => {
      const other = await kit.givenUser();
      const [a, b, c] = [await kit.givenSock(other), await kit.givenSock(other), await kit.givenSock(other)];
      await giveDeck(
        [
          { sock: b, score: 50 },
          { sock: c, score: 40 },
          { sock: a, score: 30 },
        ],
        null,
      );

      const { items } = await listCandidates.execute({ userId: me.id, sockId: mySock.id, limit: 3 });

      expect(items.map((i) => [i.sock.sock.id, i.score])).toEqual([
        [b.id, 50],
        [c.id, 40],
        [a.id, 30],
      ]);
      expect(items[0]?.owner.username).toBe(other.username);
      expect(items[0]?.sock.pictures).toHaveLength(1);
      expect(deckEvents()).toEqual([]);
    });

    it('skips entries that stopped being candidates: judged, without pictures, of matched users', async () => {
      const other = await kit.givenUser();
      const matched = await kit.givenUser();
      const judged = await kit.givenSock(other);
      const bare = await kit.givenSock(other, {}, 0);
      const kept = await kit.givenSock(other);
      await giveDeck(
        [
          { sock: judged, score: 60 },
          { sock: bare, score: 55 },
          { sock: await kit.givenSock(matched), score: 50 },
          { sock: kept, score: 10 },
        ],
        null,
      );
      await kit.swipes.add({
        sockId: mySock.id,
        targetSockId: judged.id,
        decision: 'dislike',
        judgedAt: kit.clock.now(),
      });
      await givenMatch(matched, true);

      expect(await candidateIds(20)).toEqual([kept.id]);
    });

    it('answers a cold deck exactly, and asks for a build once', async () => {
      const other = await kit.givenUser();
      const { id: _id, ownerId: _ownerId, createdAt: _createdAt, ...sameAsMine } = mySock;
      const best = await kit.givenSock(other, sameAsMine);
      await kit.givenSock(other, { color: 'multicolor', holes: 10 });

      expect(await candidateIds(1)).toEqual([best.id]);
      expect(await candidateIds(1)).toEqual([best.id]);

      expect(deckEvents()).toEqual([{ type: 'deck.build', sockId: mySock.id }]);
    });

    it('falls back to the exact answer when a deck with a floor has fewer cards left than asked for', async () => {
      const other = await kit.givenUser();
      const inDeck = await kit.givenSock(other);
      const outside = await kit.givenSock(other);
      await giveDeck([{ sock: inDeck, score: 70 }], 12.5);

      expect((await candidateIds(2)).sort()).toEqual([inDeck.id, outside.id].sort());
      expect(deckEvents()).toEqual([{ type: 'deck.build', sockId: mySock.id }]);
    });

    it('asks for a refill once when the deck runs low, serving it meanwhile', async () => {
      const other = await kit.givenUser();
      const socks = [await kit.givenSock(other), await kit.givenSock(other)];
      await giveDeck(
        socks.map((sock, i) => ({ sock, score: 20 - i })),
        5,
      );

      expect(await candidateIds(1)).toEqual([socks[0]?.id]);
      expect(await candidateIds(1)).toEqual([socks[0]?.id]);

      expect(deckEvents()).toEqual([{ type: 'deck.build', sockId: mySock.id }]);
    });

    it('answers exactly, without asking for a build, when a complete deck has fewer cards than asked for', async () => {
      const other = await kit.givenUser();
      const inDeck = await kit.givenSock(other);
      await giveDeck([{ sock: inDeck, score: 70 }], null);
      const newcomer = await kit.givenSock(other); // its placement has not run yet

      expect((await candidateIds(5)).sort()).toEqual([inDeck.id, newcomer.id].sort());
      expect(await candidateIds(1)).toEqual([inDeck.id]);
      expect(deckEvents()).toEqual([]);
    });
  });
});
