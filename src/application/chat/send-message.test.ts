import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import type { Match } from '../../domain/matching/match.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import type { User } from '../../domain/user/user.js';
import { applicationOf, createTestKit, type TestKit } from '../testing/test-kit.js';
import type { SendMessage } from './send-message.js';

describe('SendMessage', () => {
  let kit: TestKit;
  let sendMessage: SendMessage;
  let alice: User;
  let bob: User;
  let match: Match;

  beforeEach(async () => {
    kit = createTestKit();
    sendMessage = applicationOf(kit).chat.sendMessage;
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
  });

  it('stores the trimmed message, unseen, under the sender’s username', async () => {
    const view = await sendMessage.execute({ userId: bob.id, matchId: match.id, text: '  Hello sock!  ' });

    expect(view).toEqual({
      message: {
        id: view.message.id,
        matchId: match.id,
        senderId: bob.id,
        text: 'Hello sock!',
        sentAt: kit.clock.now(),
        seenAt: null,
        clientId: null,
      },
      senderUsername: 'bob',
      replayed: false,
    });
    expect(await kit.messages.findById(view.message.id)).toEqual(view.message);
  });

  it('refuses a message into an ended match', async () => {
    await kit.matches.save({ ...match, endedAt: kit.clock.now() });

    await expect(sendMessage.execute({ userId: alice.id, matchId: match.id, text: 'Hi' })).rejects.toThrow(
      MatchNotFoundError,
    );
    expect(kit.db.tables.messages.size).toBe(0);
  });

  it('refuses a message from someone outside the match', async () => {
    const stranger = await kit.givenUser();

    await expect(sendMessage.execute({ userId: stranger.id, matchId: match.id, text: 'Hi' })).rejects.toThrow(
      MatchNotFoundError,
    );
  });

  it('refuses a message into an unknown match', async () => {
    await expect(
      sendMessage.execute({ userId: alice.id, matchId: 'no-such-match', text: 'Hi' }),
    ).rejects.toThrow(MatchNotFoundError);
  });

  it.each([['   '], ['x'.repeat(501)]])('refuses the text %p', async (text) => {
    await expect(sendMessage.execute({ userId: alice.id, matchId: match.id, text })).rejects.toThrow(
      InvalidValueError,
    );
    expect(kit.db.tables.messages.size).toBe(0);
  });

  it('pushes the stored message to both participants once committed, and nothing when it fails', async () => {
    const view = await sendMessage.execute({ userId: bob.id, matchId: match.id, text: 'Hi!' });
    await expect(sendMessage.execute({ userId: bob.id, matchId: match.id, text: '   ' })).rejects.toThrow();

    expect(kit.outbox.pending().map((e) => e.message)).toEqual([
      {
        type: 'chat.publish',
        event: {
          type: 'message',
          matchId: match.id,
          recipients: [alice.id, bob.id],
          message: {
            id: view.message.id,
            matchId: match.id,
            senderUsername: 'bob',
            text: 'Hi!',
            sentAt: kit.clock.now().toISOString(),
            seenAt: null,
            clientId: null,
          },
        },
      },
    ]);
  });

  describe('with a client message id', () => {
    it('stores a resend once, answers the first message and pushes it once', async () => {
      const first = await sendMessage.execute({
        userId: bob.id,
        matchId: match.id,
        text: 'Hi!',
        clientId: 'c-1',
      });
      kit.clock.advanceSeconds(5);
      const again = await sendMessage.execute({
        userId: bob.id,
        matchId: match.id,
        text: 'Hi!!',
        clientId: 'c-1',
      });

      expect(first).toMatchObject({ replayed: false, message: { text: 'Hi!', clientId: 'c-1' } });
      expect(again).toEqual({ ...first, replayed: true });
      expect(kit.db.tables.messages.size).toBe(1);
      expect(kit.outbox.pending()).toHaveLength(1);
    });

    it('stores the same client id once per sender', async () => {
      await sendMessage.execute({ userId: bob.id, matchId: match.id, text: 'Hi', clientId: 'c-1' });
      const fromAlice = await sendMessage.execute({
        userId: alice.id,
        matchId: match.id,
        text: 'Hi',
        clientId: 'c-1',
      });

      expect(fromAlice.replayed).toBe(false);
      expect(kit.db.tables.messages.size).toBe(2);
    });

    it('still refuses a resend once the match has ended', async () => {
      await sendMessage.execute({ userId: bob.id, matchId: match.id, text: 'Hi', clientId: 'c-1' });
      await kit.matches.save({ ...match, endedAt: kit.clock.now() });

      await expect(
        sendMessage.execute({ userId: bob.id, matchId: match.id, text: 'Hi', clientId: 'c-1' }),
      ).rejects.toThrow(MatchNotFoundError);
    });

    it('refuses a malformed client id and stores nothing', async () => {
      await expect(
        sendMessage.execute({ userId: bob.id, matchId: match.id, text: 'Hi', clientId: 'not ok' }),
      ).rejects.toThrow(InvalidValueError);
      expect(kit.db.tables.messages.size).toBe(0);
    });
  });
});
