import type { Sock } from '../../../domain/sock/sock.js';
import type { BuiltDeck } from '../../../domain/swiping/deck.js';
import { minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** The documented behaviour of `DeckRepository`, for every implementation. */
export function deckRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    /** My sock and three pictured socks of other users, with a deck built of those three. */
    async function aBuiltDeck(floor: number | null = null) {
      const { h, run, givenUser, givenPicturedSock } = context();
      const me = await givenUser();
      const mine = await givenPicturedSock(me);
      const pat = await givenUser();
      const [a, b, c] = [
        await givenPicturedSock(pat),
        await givenPicturedSock(pat),
        await givenPicturedSock(await givenUser()),
      ];
      const deck: BuiltDeck = {
        sockId: mine.id,
        entries: [
          { candidateId: b.id, score: 40.5 },
          { candidateId: a.id, score: 30.25 },
          { candidateId: c.id, score: 20 },
        ],
        floor,
        builtAt: minute(1),
      };
      await run(() => h.decks.replace(deck));
      return { me, mine, pat, a, b, c };
    }

    const served = (cards: ReadonlyArray<{ sock: Sock; score: number }>) =>
      cards.map((card) => [card.sock.id, card.score]);

    it('has no deck for a sock whose deck was never built, even when one was asked for', async () => {
      const { h, run, givenUser, givenPicturedSock } = context();
      const mine = await givenPicturedSock(await givenUser());

      expect(await run(() => h.decks.peek(mine.id, 5))).toBeNull();
      expect(await run(() => h.decks.requestBuild(mine.id, minute(1)))).toBe(true);
      expect(await run(() => h.decks.peek(mine.id, 5))).toBeNull();
    });

    it('serves the entries best first with their scores, owners and what is left', async () => {
      const { h, run } = context();
      const { mine, pat, a, b, c } = await aBuiltDeck(12.5);

      const peek = await run(() => h.decks.peek(mine.id, 2));

      expect(peek && served(peek.cards)).toEqual([
        [b.id, 40.5],
        [a.id, 30.25],
      ]);
      expect(peek?.cards[0]?.sock).toEqual(b);
      expect(peek?.cards[0]?.owner).toEqual({
        id: pat.id,
        username: pat.username,
        firstName: pat.firstName,
        birthday: pat.birthday,
        city: pat.city,
        location: pat.location,
      });
      const pictures = await run(() => h.pictures.listForSocks([b.id, a.id]));
      expect(pictures.get(b.id)?.length).toBeGreaterThan(0);
      expect(peek?.cards.map((card) => card.pictures)).toEqual([pictures.get(b.id), pictures.get(a.id)]);
      expect(peek).toMatchObject({ remaining: 3, floor: 12.5, refillRequested: false });
      expect(served((await run(() => h.decks.peek(mine.id, 20)))?.cards ?? [])).toEqual([
        [b.id, 40.5],
        [a.id, 30.25],
        [c.id, 20],
      ]);
      expect(c).toBeDefined();
    });

    it('skips judged entries, socks without pictures and socks of users ever matched', async () => {
      const { h, run, givenSwipe, givenMatch, givenUser, givenPicturedSock } = context();
      const { me, mine, a, b, c } = await aBuiltDeck();
      await givenSwipe(mine, b, 'dislike');
      const cOwner = await run(() => h.users.findById(c.ownerId));
      if (!cOwner) throw new Error('missing owner');
      await givenMatch([me, mine], [cOwner, c], { endedAt: minute(3) });
      const third = await givenPicturedSock(await givenUser());
      expect(third).toBeDefined();

      const peek = await run(() => h.decks.peek(mine.id, 5));

      expect(peek && served(peek.cards)).toEqual([[a.id, 30.25]]);
      const pictures = await run(() => h.pictures.listForSocks([a.id]));
      for (const picture of pictures.get(a.id) ?? []) await run(() => h.pictures.remove(picture.id));
      expect((await run(() => h.decks.peek(mine.id, 5)))?.cards).toEqual([]);
    });

    it('records one build request at a time, and a rebuild answers it', async () => {
      const { h, run } = context();
      const { mine } = await aBuiltDeck(1);

      expect(await run(() => h.decks.requestBuild(mine.id, minute(2)))).toBe(true);
      expect(await run(() => h.decks.requestBuild(mine.id, minute(2, 500)))).toBe(false);
      expect((await run(() => h.decks.peek(mine.id, 1)))?.refillRequested).toBe(true);

      await run(() => h.decks.replace({ sockId: mine.id, entries: [], floor: null, builtAt: minute(3) }));

      expect(await run(() => h.decks.peek(mine.id, 1))).toEqual({
        cards: [],
        remaining: 0,
        floor: null,
        refillRequested: false,
      });
      expect(await run(() => h.decks.requestBuild(mine.id, minute(4)))).toBe(true);
    });

    it('asks for nothing for a sock that does not exist', async () => {
      const { h, run, nextId } = context();

      expect(await run(() => h.decks.requestBuild(nextId(), minute(1)))).toBe(false);
    });

    it('places a candidate only where the floor admits it and the pair is still open, idempotently', async () => {
      const { h, run, givenUser, givenPicturedSock } = context();
      const { mine, pat } = await aBuiltDeck(25);
      const other = await givenPicturedSock(await givenUser());
      await run(() => h.decks.replace({ sockId: other.id, entries: [], floor: null, builtAt: minute(1) }));
      const newcomer = await givenPicturedSock(pat);

      const placed = await run(() =>
        h.decks.place(newcomer.id, [
          { deckSockId: mine.id, score: 24.9 },
          { deckSockId: other.id, score: 1 },
        ]),
      );
      expect(placed).toBe(1);
      expect(served((await run(() => h.decks.peek(other.id, 5)))?.cards ?? [])).toEqual([[newcomer.id, 1]]);
      expect((await run(() => h.decks.peek(mine.id, 5)))?.remaining).toBe(3);

      await run(() => h.decks.place(newcomer.id, [{ deckSockId: mine.id, score: 25 }]));
      await run(() => h.decks.place(newcomer.id, [{ deckSockId: mine.id, score: 25 }]));
      expect((await run(() => h.decks.peek(mine.id, 5)))?.remaining).toBe(4);
    });

    it('never places a sock into a deck of its own owner, nor one whose sock judged it', async () => {
      const { h, run, givenPicturedSock, givenSwipe } = context();
      const { me, mine, pat } = await aBuiltDeck(null);
      const ownOther = await givenPicturedSock(me);
      const judged = await givenPicturedSock(pat);
      await givenSwipe(mine, judged, 'like');

      expect(await run(() => h.decks.place(ownOther.id, [{ deckSockId: mine.id, score: 99 }]))).toBe(0);
      expect(await run(() => h.decks.place(judged.id, [{ deckSockId: mine.id, score: 99 }]))).toBe(0);
    });

    it('removes a candidate from every deck, and a deleted sock takes its deck and entries along', async () => {
      const { h, run } = context();
      const { mine, a, b } = await aBuiltDeck();

      await run(() => h.decks.removeEverywhere(b.id));
      expect(served((await run(() => h.decks.peek(mine.id, 5)))?.cards ?? [])).toHaveLength(2);

      await run(() => h.socks.remove(a.id));
      expect((await run(() => h.decks.peek(mine.id, 5)))?.remaining).toBe(1);

      await run(() => h.socks.remove(mine.id));
      expect(await run(() => h.decks.peek(mine.id, 5))).toBeNull();
    });

    it('leaves out entries whose candidate was deleted before the deck was stored', async () => {
      const { h, run, givenUser, givenPicturedSock, nextId } = context();
      const mine = await givenPicturedSock(await givenUser());
      const kept = await givenPicturedSock(await givenUser());

      await run(() =>
        h.decks.replace({
          sockId: mine.id,
          entries: [
            { candidateId: nextId(), score: 9 },
            { candidateId: kept.id, score: 8 },
          ],
          floor: 8,
          builtAt: minute(1),
        }),
      );

      expect(served((await run(() => h.decks.peek(mine.id, 5)))?.cards ?? [])).toEqual([[kept.id, 8]]);
    });
  });
}
