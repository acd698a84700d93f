import { roundScore } from '../../domain/swiping/candidate.js';
import { DECK } from '../../domain/swiping/deck.js';
import { similarityScore } from '../../domain/swiping/similarity-score.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { BuildDeck } from './build-deck.js';
import { PlaceSockInDecks } from './place-sock-in-decks.js';

describe('PlaceSockInDecks', () => {
  let kit: TestKit;
  let buildDeck: BuildDeck;
  let placeSock: PlaceSockInDecks;

  beforeEach(() => {
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
    placeSock = new PlaceSockInDecks(kit.socks, kit.pictures, kit.candidatePool, kit.decks, kit.uow);
  });

  const decksHolding = (candidateId: string) =>
    [...kit.db.tables.deckEntries.values()]
      .filter((e) => e.candidateId === candidateId)
      .map((e) => e.sockId)
      .sort();

  it('puts a new candidate into every built deck of other owners that it belongs in', async () => {
    const [ann, bob, cat] = [await kit.givenUser(), await kit.givenUser(), await kit.givenUser()];
    const annSock = await kit.givenSock(ann);
    const bobSock = await kit.givenSock(bob);
    await kit.givenSock(ann); // no deck built: nothing to join
    await buildDeck.execute({ sockId: annSock.id });
    await buildDeck.execute({ sockId: bobSock.id });
    const newcomer = await kit.givenSock(cat);
    const sameOwner = await kit.givenSock(ann);

    expect(await placeSock.execute({ sockId: newcomer.id })).toBe(2);
    expect(await placeSock.execute({ sockId: sameOwner.id })).toBe(1);

    expect(decksHolding(newcomer.id)).toEqual([annSock.id, bobSock.id].sort());
    expect(decksHolding(sameOwner.id)).toEqual([bobSock.id]);
    expect(kit.db.tables.deckEntries.get(`${annSock.id}>${newcomer.id}`)?.score).toBe(
      roundScore(similarityScore(annSock, newcomer)),
    );
  });

  it('keeps a candidate out of a full deck whose floor it does not reach', async () => {
    const [ann, bob] = [await kit.givenUser(), await kit.givenUser()];
    const annSock = await kit.givenSock(ann, { color: 'black', holes: 0, kilometers: 0 });
    for (let i = 0; i <= DECK.size; i++)
      await kit.givenSock(bob, { color: 'black', holes: 0, kilometers: i });
    await buildDeck.execute({ sockId: annSock.id });
    const poor = await kit.givenSock(bob, { color: 'multicolor', holes: 10, kilometers: 1000, age: 25 });
    const great = await kit.givenSock(bob, { color: 'black', holes: 0, kilometers: 0 });

    await placeSock.execute({ sockId: poor.id });
    await placeSock.execute({ sockId: great.id });

    expect(decksHolding(poor.id)).toEqual([]);
    expect(decksHolding(great.id)).toEqual([annSock.id]);
  });

  it('does not put a candidate back into a deck whose sock judged it', async () => {
    const [ann, bob] = [await kit.givenUser(), await kit.givenUser()];
    const annSock = await kit.givenSock(ann);
    await buildDeck.execute({ sockId: annSock.id });
    const bobSock = await kit.givenSock(bob);
    await kit.swipes.add({
      sockId: annSock.id,
      targetSockId: bobSock.id,
      decision: 'dislike',
      judgedAt: kit.clock.now(),
    });

    expect(await placeSock.execute({ sockId: bobSock.id })).toBe(0);
  });

  it('takes a sock that lost its last picture out of every deck, and is idempotent', async () => {
    const [ann, bob] = [await kit.givenUser(), await kit.givenUser()];
    const annSock = await kit.givenSock(ann);
    const bobSock = await kit.givenSock(bob);
    await buildDeck.execute({ sockId: annSock.id });
    expect(decksHolding(bobSock.id)).toEqual([annSock.id]);
    for (const picture of kit.db.tables.pictures.values()) {
      if (picture.sockId === bobSock.id) await kit.pictures.remove(picture.id);
    }

    expect(await placeSock.execute({ sockId: bobSock.id })).toBe(0);
    expect(await placeSock.execute({ sockId: bobSock.id })).toBe(0);
    expect(decksHolding(bobSock.id)).toEqual([]);
  });

  it('moves a changed sock: its old score goes, its new one comes', async () => {
    const [ann, bob] = [await kit.givenUser(), await kit.givenUser()];
    const annSock = await kit.givenSock(ann, { holes: 0 });
    const bobSock = await kit.givenSock(bob, { holes: 0 });
    await buildDeck.execute({ sockId: annSock.id });
    const changed = { ...bobSock, holes: 10 };
    await kit.socks.save(changed);

    await placeSock.execute({ sockId: bobSock.id });

    expect(kit.db.tables.deckEntries.get(`${annSock.id}>${bobSock.id}`)?.score).toBe(
      roundScore(similarityScore(annSock, changed)),
    );
  });
});
