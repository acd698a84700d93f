import type { Message } from '../../../domain/chat/message.js';
import type { Match } from '../../../domain/matching/match.js';
import type { User } from '../../../domain/user/user.js';
import { minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** The documented behaviour of `MessageRepository`, for every implementation. */
export function messageRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    /** Alice and Bob with an active match, and Alice with a second match (with Carol). */
    async function twoMatches(): Promise<{
      alice: User;
      bob: User;
      carol: User;
      match: Match;
      otherMatch: Match;
    }> {
      const { givenUser, givenPicturedSock, givenMatch } = context();
      const alice = await givenUser({ username: 'alice' });
      const bob = await givenUser({ username: 'bob' });
      const carol = await givenUser({ username: 'carol' });
      const aliceSock = await givenPicturedSock(alice);
      const match = await givenMatch([alice, aliceSock], [bob, await givenPicturedSock(bob)]);
      const otherMatch = await givenMatch([carol, await givenPicturedSock(carol)], [alice, aliceSock]);
      return { alice, bob, carol, match, otherMatch };
    }

    /** `count` messages in `match`, alternating senders, one minute apart (oldest first). */
    async function conversation(
      match: Match,
      senders: readonly [User, User],
      count: number,
    ): Promise<Message[]> {
      const { givenMessage } = context();
      const messages: Message[] = [];
      for (let i = 0; i < count; i++) {
        const sender = senders[i % 2] as User;
        messages.push(await givenMessage(match, sender, { text: `message ${i}`, sentAt: minute(1000 + i) }));
      }
      return messages;
    }

    describe('add and find', () => {
      it('finds added messages by id with every field as stored', async () => {
        const { h, run, nextId } = context();
        const { alice, bob, match } = await twoMatches();
        const unseen: Message = {
          id: nextId(),
          matchId: match.id,
          senderId: alice.id,
          text: 'Hi! 🧦 "Shall we" pair up?\nSecond line',
          sentAt: minute(300, 123),
          seenAt: null,
          clientId: 'web-1f2e3d',
        };
        const seen: Message = {
          id: nextId(),
          matchId: match.id,
          senderId: bob.id,
          text: 'Sure.',
          sentAt: minute(301, 1),
          seenAt: minute(302, 999),
          clientId: null,
        };

        await run(async () => {
          await h.messages.add(unseen);
          await h.messages.add(seen);
        });

        expect(await run(() => h.messages.findById(unseen.id))).toEqual(unseen);
        expect(await run(() => h.messages.findById(seen.id))).toEqual(seen);
      });

      it('answers the message it stored', async () => {
        const { h, run, nextId } = context();
        const { alice, match } = await twoMatches();
        const message: Message = {
          id: nextId(),
          matchId: match.id,
          senderId: alice.id,
          text: 'Hi',
          sentAt: minute(300),
          seenAt: null,
          clientId: 'c-1',
        };

        expect(await run(() => h.messages.add(message))).toEqual(message);
      });

      it("stores a sender's client message id once per match: a resend answers the first message", async () => {
        const { h, run, nextId, givenMessage } = context();
        const { alice, bob, carol, match, otherMatch } = await twoMatches();
        const first = await givenMessage(match, alice, { clientId: 'c-1', text: 'first' });
        const resend: Message = { ...first, id: nextId(), text: 'resent', sentAt: minute(900) };

        expect(await run(() => h.messages.add(resend))).toEqual(first);
        expect(await run(() => h.messages.findById(resend.id))).toBeNull();

        // the same client id from the other participant, or in another match, is another message
        const fromBob = await givenMessage(match, bob, { clientId: 'c-1' });
        const elsewhere = await givenMessage(otherMatch, carol, { clientId: 'c-1' });
        const withoutIds = [await givenMessage(match, alice), await givenMessage(match, alice)];
        const listed = await run(() => h.messages.listForMatch(match.id, { beforeId: null, limit: 10 }));
        expect(listed.items.map((m) => m.id).sort()).toEqual(
          [first.id, fromBob.id, ...withoutIds.map((m) => m.id)].sort(),
        );
        expect(await run(() => h.messages.findById(elsewhere.id))).toEqual(elsewhere);
      });

      it('finds nothing for an unknown id', async () => {
        const { h, run, nextId, givenMessage } = context();
        const { alice, match } = await twoMatches();
        await givenMessage(match, alice);

        expect(await run(() => h.messages.findById(nextId()))).toBeNull();
      });
    });

    describe('listForMatch', () => {
      it("lists the match's messages newest first, up to the limit", async () => {
        const { h, run } = context();
        const { alice, bob, carol, match, otherMatch } = await twoMatches();
        const messages = await conversation(match, [alice, bob], 5);
        await conversation(otherMatch, [carol, alice], 3);
        const newestFirst = [...messages].reverse();

        expect(await run(() => h.messages.listForMatch(match.id, { beforeId: null, limit: 10 }))).toEqual({
          items: newestFirst,
          hasMore: false,
        });
        expect(await run(() => h.messages.listForMatch(match.id, { beforeId: null, limit: 5 }))).toEqual({
          items: newestFirst,
          hasMore: false,
        });
        expect(await run(() => h.messages.listForMatch(match.id, { beforeId: null, limit: 4 }))).toEqual({
          items: newestFirst.slice(0, 4),
          hasMore: true,
        });
      });

      it('orders by the time sent, not by when the message was stored', async () => {
        const { h, run, givenMessage } = context();
        const { alice, bob, match } = await twoMatches();
        const late = await givenMessage(match, alice, { sentAt: minute(30) });
        const early = await givenMessage(match, bob, { sentAt: minute(10) });
        const middle = await givenMessage(match, alice, { sentAt: minute(20) });

        expect(
          (await run(() => h.messages.listForMatch(match.id, { beforeId: null, limit: 10 }))).items,
        ).toEqual([late, middle, early]);
      });

      it('pages backwards with beforeId: strictly older messages only', async () => {
        const { h, run } = context();
        const { alice, bob, match } = await twoMatches();
        const newestFirst = (await conversation(match, [alice, bob], 7)).reverse();
        const list = (beforeId: string | null, limit: number) =>
          run(() => h.messages.listForMatch(match.id, { beforeId, limit }));

        const first = await list(null, 3);
        const second = await list(first.items[2]?.id ?? null, 3);
        const third = await list(second.items[2]?.id ?? null, 3);

        expect(first).toEqual({ items: newestFirst.slice(0, 3), hasMore: true });
        expect(second).toEqual({ items: newestFirst.slice(3, 6), hasMore: true });
        expect(third).toEqual({ items: newestFirst.slice(6), hasMore: false });
        expect(await list(newestFirst[3]?.id ?? null, 3)).toEqual({
          items: newestFirst.slice(4, 7),
          hasMore: false,
        });
        expect(await list(newestFirst[6]?.id ?? null, 3)).toEqual({ items: [], hasMore: false });
      });

      it('lists nothing for a match without messages', async () => {
        const { h, run } = context();
        const { alice, bob, match, otherMatch } = await twoMatches();
        await conversation(match, [alice, bob], 2);

        expect(
          await run(() => h.messages.listForMatch(otherMatch.id, { beforeId: null, limit: 10 })),
        ).toEqual({
          items: [],
          hasMore: false,
        });
      });
    });

    describe('markSeen', () => {
      it('sets seenAt on the given messages where it is still null, and on no others', async () => {
        const { h, run, nextId, givenMessage } = context();
        const { alice, match } = await twoMatches();
        const unseen = await givenMessage(match, alice);
        const alreadySeen = await givenMessage(match, alice, { seenAt: minute(500) });
        const notAsked = await givenMessage(match, alice);
        const at = minute(600, 42);

        await run(() => h.messages.markSeen([unseen.id, alreadySeen.id, nextId()], at));

        await run(async () => {
          expect(await h.messages.findById(unseen.id)).toEqual({ ...unseen, seenAt: at });
          expect(await h.messages.findById(alreadySeen.id)).toEqual(alreadySeen);
          expect(await h.messages.findById(notAsked.id)).toEqual(notAsked);
        });
      });

      it('does nothing for no ids', async () => {
        const { h, run, givenMessage } = context();
        const { alice, match } = await twoMatches();
        const unseen = await givenMessage(match, alice);

        await run(() => h.messages.markSeen([], minute(600)));

        expect(await run(() => h.messages.findById(unseen.id))).toEqual(unseen);
      });
    });

    describe('countUnread', () => {
      it('counts per match the unseen messages sent by someone else than the user', async () => {
        const { h, run, givenMessage } = context();
        const { alice, bob, carol, match, otherMatch } = await twoMatches();
        await givenMessage(match, bob);
        await givenMessage(match, bob);
        await givenMessage(match, bob, { seenAt: minute(500) });
        await givenMessage(match, alice);
        await givenMessage(otherMatch, carol);
        await givenMessage(otherMatch, alice);

        expect(await run(() => h.messages.countUnread([match.id, otherMatch.id], alice.id))).toEqual(
          new Map([
            [match.id, 2],
            [otherMatch.id, 1],
          ]),
        );
        expect(await run(() => h.messages.countUnread([match.id], bob.id))).toEqual(new Map([[match.id, 1]]));
      });

      it('leaves out matches not asked for and matches with nothing unread', async () => {
        const { h, run, givenMessage } = context();
        const { alice, bob, carol, match, otherMatch } = await twoMatches();
        await givenMessage(match, alice);
        await givenMessage(match, bob, { seenAt: minute(500) });
        await givenMessage(otherMatch, carol);

        expect(await run(() => h.messages.countUnread([match.id], alice.id))).toEqual(new Map());
        expect(await run(() => h.messages.countUnread([], alice.id))).toEqual(new Map());
      });

      it('counts nothing for unknown matches or ids that are not ids', async () => {
        const { h, run, nextId, givenMessage } = context();
        const { alice, bob, match } = await twoMatches();
        await givenMessage(match, bob);

        expect(await run(() => h.messages.countUnread([nextId(), 'not-an-id'], alice.id))).toEqual(new Map());
        expect(await run(() => h.messages.countUnread([match.id, 'not-an-id'], alice.id))).toEqual(
          new Map([[match.id, 1]]),
        );
      });

      it('stops counting a message once it is marked seen', async () => {
        const { h, run, givenMessage } = context();
        const { alice, bob, match } = await twoMatches();
        const first = await givenMessage(match, bob);
        await givenMessage(match, bob);

        await run(() => h.messages.markSeen([first.id], minute(600)));

        expect(await run(() => h.messages.countUnread([match.id], alice.id))).toEqual(
          new Map([[match.id, 1]]),
        );
      });
    });

    describe('removeForMatch', () => {
      it("deletes the match's messages and keeps other matches' messages", async () => {
        const { h, run } = context();
        const { alice, bob, carol, match, otherMatch } = await twoMatches();
        const doomed = await conversation(match, [alice, bob], 3);
        const kept = await conversation(otherMatch, [carol, alice], 2);

        await run(() => h.messages.removeForMatch(match.id));

        await run(async () => {
          for (const message of doomed) expect(await h.messages.findById(message.id)).toBeNull();
          expect(await h.messages.listForMatch(match.id, { beforeId: null, limit: 10 })).toEqual({
            items: [],
            hasMore: false,
          });
          expect((await h.messages.listForMatch(otherMatch.id, { beforeId: null, limit: 10 })).items).toEqual(
            [...kept].reverse(),
          );
          expect(await h.matches.findById(match.id)).toEqual(match);
        });
      });

      it('does nothing for a match without messages', async () => {
        const { h, run } = context();
        const { carol, alice, match, otherMatch } = await twoMatches();
        const kept = await conversation(otherMatch, [carol, alice], 2);

        await expect(run(() => h.messages.removeForMatch(match.id))).resolves.toBeUndefined();

        expect(
          (await run(() => h.messages.listForMatch(otherMatch.id, { beforeId: null, limit: 10 }))).items,
        ).toHaveLength(kept.length);
      });
    });
  });
}
