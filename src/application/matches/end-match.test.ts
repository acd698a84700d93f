import type { Message } from '../../domain/chat/message.js';
import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import type { Match } from '../../domain/matching/match.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { User } from '../../domain/user/user.js';
import type { OutboxMessage } from '../ports/outbox.js';
import type { SwipeSock } from '../swiping/swipe-sock.js';
import { applicationOf, createTestKit, type TestKit } from '../testing/test-kit.js';
import type { EndMatch } from './end-match.js';

describe('EndMatch', () => {
  let kit: TestKit;
  let endMatch: EndMatch;
  let swipeSock: SwipeSock;
  let alice: User;
  let bob: User;
  let aliceSock: Sock;
  let bobSock: Sock;
  let match: Match;

  const like = (user: User, sock: Sock, target: Sock) =>
    swipeSock.execute({ userId: user.id, sockId: sock.id, targetSockId: target.id, decision: 'like' });

  const givenMessage = async (m: Match, senderId: string): Promise<Message> => {
    const message: Message = {
      id: kit.ids.next(),
      matchId: m.id,
      senderId,
      text: 'Hi!',
      sentAt: kit.clock.now(),
      seenAt: null,
      clientId: null,
    };
    await kit.messages.add(message);
    return message;
  };

  beforeEach(async () => {
    kit = createTestKit();
    ({ endMatch } = applicationOf(kit).matches);
    ({ swipeSock } = applicationOf(kit).swiping);
    alice = await kit.givenUser({ username: 'alice' });
    bob = await kit.givenUser({ username: 'bob' });
    aliceSock = await kit.givenSock(alice);
    bobSock = await kit.givenSock(bob);
    await like(bob, bobSock, aliceSock);
    const made = await kit.matches.findById((await like(alice, aliceSock, bobSock)).matchId ?? 'none');
    if (!made) throw new Error('setup: expected a match');
    match = made;
    kit.db.tables.outbox.clear();
  });

  it('ends the match, deletes its messages, closes its live chat and emails both users', async () => {
    const other = await kit.givenUser({ username: 'carol' });
    const otherMatch: Match = { ...match, id: kit.ids.next(), partner: { userId: other.id, sockId: 'x' } };
    await kit.matches.add(otherMatch);
    await givenMessage(match, alice.id);
    await givenMessage(match, bob.id);
    const kept = await givenMessage(otherMatch, alice.id);
    kit.clock.advanceSeconds(3600);

    await endMatch.execute({ userId: bob.id, matchId: match.id });

    expect((await kit.matches.findById(match.id))?.endedAt).toEqual(kit.clock.now());
    expect([...kit.db.tables.messages.values()]).toEqual([kept]);
    expect(kit.outbox.messages()).toEqual<OutboxMessage[]>([
      {
        type: 'chat.publish',
        event: { type: 'ended', matchId: match.id, recipients: [alice.id, bob.id] },
      },
      {
        type: 'email.send',
        to: { email: alice.email, username: 'alice' },
        template: 'match-ended',
        data: { otherUsername: 'bob', endedByMe: false },
      },
      {
        type: 'email.send',
        to: { email: bob.email, username: 'bob' },
        template: 'match-ended',
        data: { otherUsername: 'alice', endedByMe: true },
      },
    ]);
  });

  it('emails only the users who opted in', async () => {
    await kit.users.save({ ...alice, notifications: false });

    await endMatch.execute({ userId: alice.id, matchId: match.id });

    expect(kit.outbox.messagesOfType('email.send').map((m) => m.to.username)).toEqual(['bob']);
  });

  it('keeps the pair apart for good: no candidates, no new match', async () => {
    const { listCandidates } = applicationOf(kit).swiping;
    const aliceNewSock = await kit.givenSock(alice);
    const bobNewSock = await kit.givenSock(bob);
    expect(
      (await listCandidates.execute({ userId: alice.id, sockId: aliceNewSock.id, limit: 20 })).items,
    ).toEqual([]); // an active match already hides them from each other

    await endMatch.execute({ userId: alice.id, matchId: match.id });

    expect(
      (await listCandidates.execute({ userId: alice.id, sockId: aliceNewSock.id, limit: 20 })).items,
    ).toEqual([]);
    expect(
      (await listCandidates.execute({ userId: bob.id, sockId: bobNewSock.id, limit: 20 })).items,
    ).toEqual([]);
    await like(bob, bobNewSock, aliceNewSock);
    expect((await like(alice, aliceNewSock, bobNewSock)).matchId).toBeNull();
    expect([...kit.db.tables.matches.values()]).toEqual([{ ...match, endedAt: kit.clock.now() }]);
  });

  it('cannot end a match twice', async () => {
    await endMatch.execute({ userId: alice.id, matchId: match.id });
    kit.db.tables.outbox.clear();

    await expect(endMatch.execute({ userId: bob.id, matchId: match.id })).rejects.toThrow(MatchNotFoundError);
    expect(kit.outbox.messages()).toEqual([]);
  });

  it('does not let someone outside the match end it', async () => {
    const stranger = await kit.givenUser();
    await givenMessage(match, alice.id);

    await expect(endMatch.execute({ userId: stranger.id, matchId: match.id })).rejects.toThrow(
      MatchNotFoundError,
    );
    expect((await kit.matches.findById(match.id))?.endedAt).toBeNull();
    expect(kit.db.tables.messages.size).toBe(1);
  });

  it('reports an unknown match as not found', async () => {
    await expect(endMatch.execute({ userId: alice.id, matchId: 'no-such-match' })).rejects.toThrow(
      MatchNotFoundError,
    );
  });
});
