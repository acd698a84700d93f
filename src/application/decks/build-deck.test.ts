import { roundScore } from '../../domain/swiping/candidate.js';
import { DECK } from '../../domain/swiping/deck.js';
import { similarityScore } from '../../domain/swiping/similarity-score.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { User } from '../../domain/user/user.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { BuildDeck } from './build-deck.js';

describe('BuildDeck', () => {
  let kit: TestKit;
  let buildDeck: BuildDeck;
  let me: User;
  let mySock: Sock;

  beforeEach(async () => {
    kit = createTestKit();
    buildDeck = new BuildDeck(
      kit.socks,
      kit.swipes,
      kit.matches,
      kit.candidatePool,
      kit.decks,
      kit.uow,
      kit.clock,
    );
    me = await kit.givenUser({ username: 'me' });
    mySock = await kit.givenSock(me, { color: 'black', holes: 0 });
  });

  const entries = () =>
    [...kit.db.tables.deckEntries.values()]
      .filter((e) => e.sockId === mySock.id)
      .sort((a, b) => b.score - a.score)
      .map((e) => e.candidateId);

  it('keeps every candidate, best first, in a complete deck without a floor', async () => {
    const other = await kit.givenUser();
    const close = await kit.givenSock(other, { color: 'black', holes: 0 });
    const far = await kit.givenSock(other, { color: 'multicolor', holes: 9 });

    expect(await buildDeck.execute({ sockId: mySock.id })).toBe(2);

    expect(entries()).toEqual([close.id, far.id]);
    expect(kit.db.tables.decks.get(mySock.id)).toEqual({
      builtAt: kit.clock.now(),
      floor: null,
      buildRequestedAt: null,
    });
    const stored = kit.db.tables.deckEntries.get(`${mySock.id}>${close.id}`);
    expect(stored?.score).toBe(roundScore(similarityScore(mySock, close)));
  });

  it('leaves out own socks, socks without pictures, judged socks and socks of matched users', async () => {
    const other = await kit.givenUser();
    const matched = await kit.givenUser();
    const kept = await kit.givenSock(other);
    await kit.givenSock(me);
    await kit.givenSock(other, {}, 0);
    const judged = await kit.givenSock(other);
    await kit.swipes.add({
      sockId: mySock.id,
      targetSockId: judged.id,
      decision: 'dislike',
      judgedAt: kit.clock.now(),
    });
    const theirs = await kit.givenSock(matched);
    await kit.matches.add({
      id: kit.ids.next(),
      initiator: { userId: matched.id, sockId: theirs.id },
      partner: { userId: me.id, sockId: mySock.id },
      createdAt: kit.clock.now(),
      endedAt: kit.clock.now(),
    });

    await buildDeck.execute({ sockId: mySock.id });

    expect(entries()).toEqual([kept.id]);
  });

  it(`keeps the best ${DECK.size} and remembers the worst kept score as the floor`, async () => {
    const other = await kit.givenUser();
    const socks: Sock[] = [];
    for (let i = 0; i < DECK.size + 5; i++) {
      socks.push(await kit.givenSock(other, { kilometers: i * 3, holes: i % 11, age: i % 26 }));
    }
    const ranked = socks
      .map((s) => ({ id: s.id, score: roundScore(similarityScore(mySock, s)) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));

    expect(await buildDeck.execute({ sockId: mySock.id })).toBe(DECK.size);

    expect(entries()).toEqual(ranked.slice(0, DECK.size).map((r) => r.id));
    expect(kit.db.tables.decks.get(mySock.id)?.floor).toBe(ranked[DECK.size - 1]?.score);
  });

  it('replaces an earlier deck and answers a pending build request', async () => {
    const other = await kit.givenUser();
    const first = await kit.givenSock(other);
    await buildDeck.execute({ sockId: mySock.id });
    await kit.swipes.add({
      sockId: mySock.id,
      targetSockId: first.id,
      decision: 'like',
      judgedAt: kit.clock.now(),
    });
    const second = await kit.givenSock(other);
    await kit.decks.requestBuild(mySock.id, kit.clock.now());

    await buildDeck.execute({ sockId: mySock.id });

    expect(entries()).toEqual([second.id]);
    expect(kit.db.tables.decks.get(mySock.id)?.buildRequestedAt).toBeNull();
  });

  it('does nothing for a sock deleted since the event was written', async () => {
    await kit.socks.remove(mySock.id);

    expect(await buildDeck.execute({ sockId: mySock.id })).toBeNull();
    expect(kit.db.tables.decks.size).toBe(0);
  });
});
