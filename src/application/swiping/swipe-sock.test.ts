import type { Match } from '../../domain/matching/match.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import type { Sock } from '../../domain/sock/sock.js';
import { AlreadyJudgedError, NoPictureError, OwnSockError } from '../../domain/swiping/swiping-errors.js';
import type { User } from '../../domain/user/user.js';
import type { OutboxMessage } from '../ports/outbox.js';
import { GetMatch } from '../matches/get-match.js';
import { PLACES } from '../testing/fake-geocoder.js';
import { InMemoryMatchRepository } from '../testing/in-memory-match-repository.js';
import { InMemoryOutbox } from '../testing/in-memory-outbox.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { SwipeSock } from './swipe-sock.js';

describe('SwipeSock', () => {
  let kit: TestKit;
  let swipeSock: SwipeSock;
  let alice: User;
  let bob: User;
  let aliceSock: Sock;
  let bobSock: Sock;

  const build = (overrides: { matches?: InMemoryMatchRepository; outbox?: InMemoryOutbox } = {}) =>
    new SwipeSock(
      kit.swipes,
      overrides.matches ?? kit.matches,
      kit.users,
      overrides.outbox ?? kit.outbox,
      kit.ids,
      kit.uow,
      kit.clock,
    );

  beforeEach(async () => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    swipeSock = build();
    alice = await kit.givenUser({ username: 'alice', city: 'Berlin', location: PLACES.berlin });
    bob = await kit.givenUser({ username: 'bob', city: 'Hamburg', location: PLACES.hamburg });
    aliceSock = await kit.givenSock(alice);
    bobSock = await kit.givenSock(bob);
  });

  const swipe = (user: User, sock: Sock, target: Sock, decision: 'like' | 'dislike' = 'like') =>
    swipeSock.execute({ userId: user.id, sockId: sock.id, targetSockId: target.id, decision });

  it('records a dislike and makes no match', async () => {
    await swipe(bob, bobSock, aliceSock, 'like');

    const result = await swipe(alice, aliceSock, bobSock, 'dislike');

    expect(result).toEqual({ targetSockId: bobSock.id, decision: 'dislike', matchId: null });
    expect(await kit.swipes.find(aliceSock.id, bobSock.id)).toEqual({
      sockId: aliceSock.id,
      targetSockId: bobSock.id,
      decision: 'dislike',
      judgedAt: kit.clock.now(),
    });
    expect(kit.db.tables.matches.size).toBe(0);
  });

  it('records a one-sided like without a match', async () => {
    const result = await swipe(alice, aliceSock, bobSock);

    expect(result).toEqual({ targetSockId: bobSock.id, decision: 'like', matchId: null });
    expect((await kit.swipes.find(aliceSock.id, bobSock.id))?.decision).toBe('like');
    expect(kit.outbox.messages()).toEqual([]);
  });

  it('makes a match when the liked sock already liked back, and emails both users', async () => {
    await swipe(bob, bobSock, aliceSock);

    const result = await swipe(alice, aliceSock, bobSock);

    const stored = await kit.matches.findBetween(alice.id, bob.id);
    expect(stored).toMatchObject({
      initiator: { userId: alice.id, sockId: aliceSock.id },
      partner: { userId: bob.id, sockId: bobSock.id },
      endedAt: null,
    });
    expect(result).toEqual({ targetSockId: bobSock.id, decision: 'like', matchId: stored?.id });
    expect(kit.outbox.messages()).toEqual<OutboxMessage[]>([
      {
        type: 'email.send',
        to: { email: alice.email, username: 'alice' },
        template: 'match-made',
        data: { otherUsername: 'bob' },
      },
      {
        type: 'email.send',
        to: { email: bob.email, username: 'bob' },
        template: 'match-made',
        data: { otherUsername: 'alice' },
      },
    ]);
  });

  it("gives the match id, which GetMatch shows from the liker's side once the swipe is done", async () => {
    await swipe(bob, bobSock, aliceSock);

    const { matchId } = await swipe(alice, aliceSock, bobSock);

    const view = await new GetMatch(
      kit.matches,
      kit.users,
      kit.socks,
      kit.pictures,
      kit.messages,
      kit.clock,
    ).execute({
      userId: alice.id,
      matchId: matchId ?? 'none',
    });
    expect(view.match).toEqual(await kit.matches.findBetween(alice.id, bob.id));
    expect(view.mySock?.sock).toEqual(aliceSock);
    expect(view.theirSock?.sock).toEqual(bobSock);
    expect(view.theirSock?.pictures).toHaveLength(1);
    expect(view.otherUser).toMatchObject({ username: 'bob', city: 'Hamburg' });
    expect(view.otherUser.distanceKm).toBeCloseTo(255.6, 0);
  });

  it('makes no match when the liked sock disliked back', async () => {
    await swipe(bob, bobSock, aliceSock, 'dislike');

    expect((await swipe(alice, aliceSock, bobSock)).matchId).toBeNull();
    expect(kit.db.tables.matches.size).toBe(0);
    expect(kit.outbox.messages()).toEqual([]);
  });

  it("takes the judged sock out of the own sock's deck at once, and nothing else", async () => {
    const carolSock = await kit.givenSock(await kit.givenUser({ username: 'carol' }));
    const deckOf = (sock: Sock, candidates: Sock[]) =>
      kit.decks.replace({
        sockId: sock.id,
        entries: candidates.map((c, i) => ({ candidateId: c.id, score: 10 - i })),
        floor: null,
        builtAt: kit.clock.now(),
      });
    await deckOf(aliceSock, [bobSock, carolSock]);
    await deckOf(bobSock, [aliceSock, carolSock]);

    await swipe(alice, aliceSock, bobSock, 'dislike');

    const left = [...kit.db.tables.deckEntries.values()].map((e) => [e.sockId, e.candidateId]);
    expect(left).toEqual([
      [aliceSock.id, carolSock.id],
      [bobSock.id, aliceSock.id],
      [bobSock.id, carolSock.id],
    ]);
  });

  it('emails only the users who opted in', async () => {
    const carol = await kit.givenUser({ username: 'carol', notifications: false });
    const carolSock = await kit.givenSock(carol);
    await swipe(carol, carolSock, aliceSock);

    await swipe(alice, aliceSock, carolSock);

    expect(kit.outbox.messagesOfType('email.send').map((m) => m.to.username)).toEqual(['alice']);
  });

  it('matches only the same pair of socks liking each other both ways', async () => {
    const aliceOtherSock = await kit.givenSock(alice);
    await swipe(bob, bobSock, aliceOtherSock);

    expect((await swipe(alice, aliceSock, bobSock)).matchId).toBeNull();
    expect(kit.db.tables.matches.size).toBe(0);

    const completed = await swipe(bob, bobSock, aliceSock);
    expect(await kit.matches.findById(completed.matchId ?? '')).toMatchObject({
      initiator: { userId: bob.id, sockId: bobSock.id },
      partner: { userId: alice.id, sockId: aliceSock.id },
    });
  });

  it('makes no match for a pair that ever matched before', async () => {
    const ended: Match = {
      id: kit.ids.next(),
      initiator: { userId: bob.id, sockId: bobSock.id },
      partner: { userId: alice.id, sockId: aliceSock.id },
      createdAt: kit.clock.now(),
      endedAt: kit.clock.now(),
    };
    await kit.matches.add(ended);
    const aliceOtherSock = await kit.givenSock(alice);
    await swipe(bob, bobSock, aliceOtherSock);

    expect((await swipe(alice, aliceOtherSock, bobSock)).matchId).toBeNull();
    expect([...kit.db.tables.matches.values()]).toEqual([ended]);
    expect(kit.outbox.messages()).toEqual([]);
  });

  it('sends no email when the pair got a match from elsewhere before this one was added', async () => {
    const other: Match = {
      id: 'match-from-elsewhere',
      initiator: { userId: bob.id, sockId: bobSock.id },
      partner: { userId: alice.id, sockId: aliceSock.id },
      createdAt: kit.clock.now(),
      endedAt: null,
    };
    const racing = new (class extends InMemoryMatchRepository {
      override async add(match: Match): Promise<boolean> {
        await super.add(other); // committed just before ours: the unique pair refuses ours
        return super.add(match);
      }
    })(kit.db);
    await swipe(bob, bobSock, aliceSock);
    swipeSock = build({ matches: racing });

    expect((await swipe(alice, aliceSock, bobSock)).matchId).toBeNull();
    expect([...kit.db.tables.matches.values()]).toEqual([other]);
    expect(kit.outbox.messages()).toEqual([]);
  });

  it('leaves no swipe, match or outbox event when the unit of work rolls back', async () => {
    const failing = new (class extends InMemoryOutbox {
      private calls = 0;
      override async add(message: OutboxMessage): Promise<void> {
        this.calls += 1;
        if (this.calls === 2) throw new Error('database connection lost');
        await super.add(message);
      }
    })(kit.db, kit.ids, kit.clock);
    await swipe(bob, bobSock, aliceSock);
    swipeSock = build({ outbox: failing });

    await expect(swipe(alice, aliceSock, bobSock)).rejects.toThrow('database connection lost');

    expect(kit.outbox.messages()).toEqual([]);
    expect(kit.db.tables.matches.size).toBe(0);
    expect(await kit.swipes.find(aliceSock.id, bobSock.id)).toBeNull();
  });

  it('refuses to swipe on behalf of a sock of another user', async () => {
    await expect(swipe(alice, bobSock, aliceSock)).rejects.toThrow(SockNotFoundError);
    expect(kit.db.tables.swipes.size).toBe(0);
  });

  it('refuses an unknown target sock', async () => {
    await expect(
      swipeSock.execute({
        userId: alice.id,
        sockId: aliceSock.id,
        targetSockId: 'no-such-sock',
        decision: 'like',
      }),
    ).rejects.toThrow(SockNotFoundError);
  });

  it('refuses to judge a sock of the same owner', async () => {
    const aliceOtherSock = await kit.givenSock(alice);

    await expect(swipe(alice, aliceSock, aliceOtherSock)).rejects.toThrow(OwnSockError);
    expect(kit.db.tables.swipes.size).toBe(0);
  });

  it('refuses to judge the same sock twice, whatever the decision', async () => {
    await swipe(alice, aliceSock, bobSock, 'dislike');

    await expect(swipe(alice, aliceSock, bobSock, 'like')).rejects.toThrow(AlreadyJudgedError);
    expect((await kit.swipes.find(aliceSock.id, bobSock.id))?.decision).toBe('dislike');
  });

  it('lets another own sock judge the same target', async () => {
    const aliceOtherSock = await kit.givenSock(alice);
    await swipe(alice, aliceSock, bobSock, 'dislike');

    await expect(swipe(alice, aliceOtherSock, bobSock, 'like')).resolves.toMatchObject({ decision: 'like' });
  });

  it('refuses to judge a sock without a picture', async () => {
    const bare = await kit.givenSock(bob, {}, 0);

    await expect(swipe(alice, aliceSock, bare)).rejects.toThrow(NoPictureError);
    expect(kit.db.tables.swipes.size).toBe(0);
  });
});
