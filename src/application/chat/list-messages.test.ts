import { MessageNotFoundError, type Message } from '../../domain/chat/message.js';
import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import type { Match } from '../../domain/matching/match.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import type { User } from '../../domain/user/user.js';
import { applicationOf, createTestKit, type TestKit } from '../testing/test-kit.js';
import type { ListMessages } from './list-messages.js';

describe('ListMessages', () => {
  let kit: TestKit;
  let listMessages: ListMessages;
  let alice: User;
  let bob: User;
  let match: Match;

  const givenMatch = async (a: User, b: User): Promise<Match> => {
    const m: Match = {
      id: kit.ids.next(),
      initiator: { userId: a.id, sockId: (await kit.givenSock(a)).id },
      partner: { userId: b.id, sockId: (await kit.givenSock(b)).id },
      createdAt: kit.clock.now(),
      endedAt: null,
    };
    await kit.matches.add(m);
    return m;
  };

  const givenMessage = async (sender: User, text: string, m = match): Promise<Message> => {
    const message: Message = {
      id: kit.ids.next(),
      matchId: m.id,
      senderId: sender.id,
      text,
      sentAt: kit.clock.now(),
      seenAt: null,
      clientId: null,
    };
    await kit.messages.add(message);
    kit.clock.advanceSeconds(10);
    return message;
  };

  beforeEach(async () => {
    kit = createTestKit();
    listMessages = applicationOf(kit).chat.listMessages;
    alice = await kit.givenUser({ username: 'alice' });
    bob = await kit.givenUser({ username: 'bob' });
    match = await givenMatch(alice, bob);
  });

  it('lists newest first and marks the incoming ones seen, in the answer and in the store', async () => {
    const first = await givenMessage(alice, 'Hi Bob');
    const second = await givenMessage(bob, 'Hi Alice');
    const third = await givenMessage(alice, 'How are you?');

    const list = await listMessages.execute({ userId: bob.id, matchId: match.id, beforeId: null });

    const now = kit.clock.now();
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((v) => [v.message.text, v.senderUsername, v.message.seenAt])).toEqual([
      ['How are you?', 'alice', now],
      ['Hi Alice', 'bob', null],
      ['Hi Bob', 'alice', now],
    ]);
    expect((await kit.messages.findById(first.id))?.seenAt).toEqual(now);
    expect((await kit.messages.findById(second.id))?.seenAt).toBeNull();
    expect((await kit.messages.findById(third.id))?.seenAt).toEqual(now);
  });

  it('pushes a read receipt to the sender for each message it marked seen, and none the next time', async () => {
    const first = await givenMessage(alice, 'Hi Bob');
    await givenMessage(bob, 'Hi Alice');
    const third = await givenMessage(alice, 'How are you?');

    await listMessages.execute({ userId: bob.id, matchId: match.id, beforeId: null });
    await listMessages.execute({ userId: bob.id, matchId: match.id, beforeId: null });

    const receipts = kit.outbox.messages().map((m) => (m.type === 'chat.publish' ? m.event : m));
    expect(receipts).toEqual(
      [third, first].map((m) => ({
        type: 'seen',
        matchId: match.id,
        recipients: [alice.id],
        messageId: m.id,
        seenAt: kit.clock.now().toISOString(),
      })),
    );
  });

  it('keeps the first time a message was seen', async () => {
    const message = await givenMessage(alice, 'Hi Bob');
    await listMessages.execute({ userId: bob.id, matchId: match.id, beforeId: null });
    const firstSeen = kit.clock.now();
    kit.clock.advanceSeconds(600);

    const list = await listMessages.execute({ userId: bob.id, matchId: match.id, beforeId: null });

    expect(list.items[0]?.message.seenAt).toEqual(firstSeen);
    expect((await kit.messages.findById(message.id))?.seenAt).toEqual(firstSeen);
  });

  it('pages backwards with a cursor, 50 by default', async () => {
    for (let i = 1; i <= 53; i++) await givenMessage(i % 2 ? alice : bob, `message ${i}`);

    const first = await listMessages.execute({ userId: alice.id, matchId: match.id, beforeId: null });
    const second = await listMessages.execute({
      userId: alice.id,
      matchId: match.id,
      beforeId: first.nextCursor,
    });
    const small = await listMessages.execute({
      userId: alice.id,
      matchId: match.id,
      beforeId: null,
      limit: 2,
    });

    expect(first.items).toHaveLength(50);
    expect(first.items[0]?.message.text).toBe('message 53');
    expect(first.nextCursor).toBe(first.items[49]?.message.id);
    expect(second.items.map((v) => v.message.text)).toEqual(['message 3', 'message 2', 'message 1']);
    expect(second.nextCursor).toBeNull();
    expect(small.items.map((v) => v.message.text)).toEqual(['message 53', 'message 52']);
  });

  it('refuses a cursor that is not a message of this match', async () => {
    const carol = await kit.givenUser();
    const elsewhere = await givenMessage(alice, 'Hi Carol', await givenMatch(alice, carol));

    await expect(
      listMessages.execute({ userId: alice.id, matchId: match.id, beforeId: elsewhere.id }),
    ).rejects.toThrow(MessageNotFoundError);
    await expect(
      listMessages.execute({ userId: alice.id, matchId: match.id, beforeId: 'no-such-message' }),
    ).rejects.toThrow(MessageNotFoundError);
  });

  it('refuses the chat of an ended match, of someone else’s match, and of an unknown match', async () => {
    const stranger = await kit.givenUser();
    await givenMessage(alice, 'Hi Bob');

    await expect(
      listMessages.execute({ userId: stranger.id, matchId: match.id, beforeId: null }),
    ).rejects.toThrow(MatchNotFoundError);
    await expect(listMessages.execute({ userId: alice.id, matchId: 'nope', beforeId: null })).rejects.toThrow(
      MatchNotFoundError,
    );
    await kit.matches.save({ ...match, endedAt: kit.clock.now() });
    await expect(listMessages.execute({ userId: bob.id, matchId: match.id, beforeId: null })).rejects.toThrow(
      MatchNotFoundError,
    );
    expect([...kit.db.tables.messages.values()].every((m) => m.seenAt === null)).toBe(true);
  });

  it.each([0, 101])('refuses the limit %p', async (limit) => {
    await expect(
      listMessages.execute({ userId: alice.id, matchId: match.id, beforeId: null, limit }),
    ).rejects.toThrow(InvalidValueError);
  });
});
