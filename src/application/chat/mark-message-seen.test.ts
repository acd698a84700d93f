import { MessageNotFoundError, type Message } from '../../domain/chat/message.js';
import type { Match } from '../../domain/matching/match.js';
import type { User } from '../../domain/user/user.js';
import { applicationOf, createTestKit, type TestKit } from '../testing/test-kit.js';
import type { MarkMessageSeen } from './mark-message-seen.js';

describe('MarkMessageSeen', () => {
  let kit: TestKit;
  let markMessageSeen: MarkMessageSeen;
  let alice: User;
  let bob: User;
  let match: Match;
  let message: Message;

  beforeEach(async () => {
    kit = createTestKit();
    markMessageSeen = applicationOf(kit).chat.markMessageSeen;
    alice = await kit.givenUser({ username: 'alice' });
    bob = await kit.givenUser({ username: 'bob' });
    match = {
      id: kit.ids.next(),
      initiator: { userId: alice.id, sockId: (await kit.givenSock(alice)).id },
      partner: { userId: bob.id, sockId: (await kit.givenSock(bob)).id },
      createdAt: kit.clock.now(),
      endedAt: null,
    };
    await kit.matches.add(match);
    message = {
      id: kit.ids.next(),
      matchId: match.id,
      senderId: alice.id,
      text: 'Hi',
      sentAt: kit.clock.now(),
      seenAt: null,
      clientId: null,
    };
    await kit.messages.add(message);
    kit.clock.advanceSeconds(30);
  });

  it('records when the recipient saw the message, and keeps that first time', async () => {
    const firstSeen = kit.clock.now();

    const receipt = await markMessageSeen.execute({ userId: bob.id, messageId: message.id });
    kit.clock.advanceSeconds(60);
    const again = await markMessageSeen.execute({ userId: bob.id, messageId: message.id });

    expect(receipt).toEqual({ messageId: message.id, seenAt: firstSeen });
    expect(again).toEqual(receipt);
    expect((await kit.messages.findById(message.id))?.seenAt).toEqual(firstSeen);
  });

  it('pushes the read receipt to the sender, the first time only', async () => {
    await markMessageSeen.execute({ userId: bob.id, messageId: message.id });
    await markMessageSeen.execute({ userId: bob.id, messageId: message.id });

    expect(kit.outbox.pending().map((e) => e.message)).toEqual([
      {
        type: 'chat.publish',
        event: {
          type: 'seen',
          matchId: match.id,
          recipients: [alice.id],
          messageId: message.id,
          seenAt: kit.clock.now().toISOString(),
        },
      },
    ]);
  });

  it.each([
    ['the sender', 'sender'],
    ['someone outside the match', 'stranger'],
    ['a participant of an ended match', 'ended'],
    ['an unknown message', 'unknown'],
  ] as const)('refuses %s', async (_, scenario) => {
    const stranger = await kit.givenUser();
    if (scenario === 'ended') await kit.matches.save({ ...match, endedAt: kit.clock.now() });
    const input = {
      sender: { userId: alice.id, messageId: message.id },
      stranger: { userId: stranger.id, messageId: message.id },
      ended: { userId: bob.id, messageId: message.id },
      unknown: { userId: bob.id, messageId: 'no-such-message' },
    }[scenario];

    await expect(markMessageSeen.execute(input)).rejects.toThrow(MessageNotFoundError);
    expect((await kit.messages.findById(message.id))?.seenAt).toBeNull();
  });
});
