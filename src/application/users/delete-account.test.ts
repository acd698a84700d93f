import { InvalidRefreshTokenError } from '../../domain/auth/auth-errors.js';
import type { Message } from '../../domain/chat/message.js';
import type { SelfMail } from '../../domain/mail/self-mail.js';
import type { Match } from '../../domain/matching/match.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { Decision } from '../../domain/swiping/swipe.js';
import { UserNotFoundError } from '../../domain/user/user-errors.js';
import type { User } from '../../domain/user/user.js';
import { LogIn } from '../auth/log-in.js';
import { RefreshSession } from '../auth/refresh-session.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { DeleteAccount } from './delete-account.js';

describe('DeleteAccount', () => {
  let kit: TestKit;
  let deleteAccount: DeleteAccount;

  beforeEach(() => {
    kit = createTestKit();
    deleteAccount = new DeleteAccount(kit.users, kit.pictures, kit.outbox, kit.uow);
  });

  const logIn = (user: User) =>
    new LogIn(
      kit.users,
      kit.passwordHasher,
      kit.loginThrottle,
      kit.accessTokens,
      kit.secretTokens,
      kit.refreshTokens,
      kit.ids,
      kit.uow,
      kit.clock,
    ).execute({ username: user.username, password: 'correct horse', clientKey: 'test' });
  const refresh = (refreshToken: string) =>
    new RefreshSession(
      kit.users,
      kit.accessTokens,
      kit.secretTokens,
      kit.refreshTokens,
      kit.ids,
      kit.uow,
      kit.clock,
    ).execute({ refreshToken });
  const swipe = (from: Sock, to: Sock, decision: Decision = 'like') =>
    kit.swipes.add({ sockId: from.id, targetSockId: to.id, decision, judgedAt: kit.clock.now() });
  const match = async (a: Sock, b: Sock): Promise<Match> => {
    const m: Match = {
      id: kit.ids.next(),
      initiator: { userId: a.ownerId, sockId: a.id },
      partner: { userId: b.ownerId, sockId: b.id },
      createdAt: kit.clock.now(),
      endedAt: null,
    };
    await kit.matches.add(m);
    return m;
  };
  const message = async (m: Match, senderId: string): Promise<Message> => {
    const msg: Message = {
      id: kit.ids.next(),
      matchId: m.id,
      senderId,
      text: 'Hi!',
      sentAt: kit.clock.now(),
      seenAt: null,
      clientId: null,
    };
    await kit.messages.add(msg);
    return msg;
  };
  const mail = async (owner: User): Promise<SelfMail> => {
    const m: SelfMail = {
      id: kit.ids.next(),
      userId: owner.id,
      subject: 'Note to self',
      content: 'Buy socks.',
      status: 'queued',
      createdAt: kit.clock.now(),
      sentAt: null,
    };
    await kit.mails.add(m);
    return m;
  };
  const ids = <T>(table: Map<string, T>) => [...table.keys()].sort();

  it('deletes everything the user owns and nothing of anyone else', async () => {
    const alice = await kit.givenUser({ username: 'alice' });
    const bob = await kit.givenUser({ username: 'bob' });
    const carol = await kit.givenUser({ username: 'carol' });
    const aliceAvatar = await kit.givenPicture(alice);
    const aliceSock = await kit.givenSock(alice);
    const bobAvatar = await kit.givenPicture(bob);
    const bobSock = await kit.givenSock(bob);
    const carolSock = await kit.givenSock(carol);
    await swipe(aliceSock, bobSock);
    await swipe(bobSock, aliceSock);
    await swipe(carolSock, aliceSock, 'dislike');
    await swipe(bobSock, carolSock);
    await swipe(carolSock, bobSock);
    const aliceAndBob = await match(aliceSock, bobSock);
    await message(aliceAndBob, alice.id);
    await message(aliceAndBob, bob.id);
    const bobAndCarol = await match(bobSock, carolSock);
    const bobToCarol = await message(bobAndCarol, bob.id);
    await mail(alice);
    const bobsMail = await mail(bob);
    const aliceLogin = await logIn(alice);
    const bobLogin = await logIn(bob);
    const othersPictureIds = [...kit.db.tables.pictures.values()]
      .filter((p) => p.userId !== alice.id)
      .map((p) => p.id);

    await deleteAccount.execute(alice.id);

    const t = kit.db.tables;
    expect(ids(t.users)).toEqual([bob.id, carol.id].sort());
    expect(ids(t.socks)).toEqual([bobSock.id, carolSock.id].sort());
    expect(ids(t.pictures)).toEqual(othersPictureIds.sort());
    expect(t.pictures.has(bobAvatar.id)).toBe(true);
    expect(t.pictures.has(aliceAvatar.id)).toBe(false);
    expect([...t.swipes.values()].map((s) => `${s.sockId}>${s.targetSockId}`).sort()).toEqual(
      [`${bobSock.id}>${carolSock.id}`, `${carolSock.id}>${bobSock.id}`].sort(),
    );
    expect(ids(t.matches)).toEqual([bobAndCarol.id]);
    expect(ids(t.messages)).toEqual([bobToCarol.id]);
    expect(ids(t.mails)).toEqual([bobsMail.id]);
    expect([...t.refreshTokens.values()].map((r) => r.userId)).toEqual([bob.id]);
    await expect(refresh(aliceLogin.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);
    await expect(refresh(bobLogin.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('queues the deletion of all picture files of the user, profile and socks', async () => {
    const alice = await kit.givenUser({ username: 'alice' });
    const avatar = await kit.givenPicture(alice);
    const sock = await kit.givenSock(alice, {}, 2);
    const sockKeys = [...kit.db.tables.pictures.values()]
      .filter((p) => p.sockId === sock.id)
      .map((p) => p.key);

    await deleteAccount.execute(alice.id);

    const [deletion] = kit.outbox.messagesOfType('picture-files.delete');
    expect([...(deletion?.keys ?? [])].sort()).toEqual([avatar.key, ...sockKeys].sort());
  });

  it('queues a goodbye email to the user even without notifications, and no file deletion without pictures', async () => {
    const alice = await kit.givenUser({
      username: 'alice',
      email: 'alice@example.com',
      notifications: false,
    });

    await deleteAccount.execute(alice.id);

    expect(kit.outbox.messages()).toEqual([
      {
        type: 'email.send',
        to: { email: 'alice@example.com', username: 'alice' },
        template: 'account-deleted',
        data: {},
      },
    ]);
  });

  it('reports an unknown user and queues nothing', async () => {
    await expect(deleteAccount.execute('00000000-0000-4000-8000-999999999999')).rejects.toThrow(
      UserNotFoundError,
    );

    expect(kit.outbox.messages()).toEqual([]);
  });
});
