import { InvalidPasswordResetTokenError } from '../../domain/auth/password-reset-token.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import type { User } from '../../domain/user/user.js';
import type { OutboxMessage } from '../ports/outbox.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { CheckPasswordResetLink } from './check-password-reset-link.js';
import { RequestPasswordReset } from './request-password-reset.js';
import { ResetPassword } from './reset-password.js';

describe('password reset', () => {
  let kit: TestKit;
  let request: RequestPasswordReset;
  let check: CheckPasswordResetLink;
  let reset: ResetPassword;
  let sam: User;

  beforeEach(async () => {
    kit = createTestKit();
    request = new RequestPasswordReset(
      kit.users,
      kit.passwordResetTokens,
      kit.secretTokens,
      kit.outbox,
      kit.ids,
      kit.uow,
      kit.clock,
      { publicUrl: 'https://hotsox.example/' },
    );
    check = new CheckPasswordResetLink(kit.passwordResetTokens, kit.secretTokens, kit.clock);
    reset = new ResetPassword(
      kit.users,
      kit.passwordResetTokens,
      kit.passwordHasher,
      kit.secretTokens,
      kit.refreshTokens,
      kit.uow,
      kit.clock,
    );
    sam = await kit.givenUser({ username: 'sam', email: 'sam@example.com', notifications: false });
  });

  /** The token of the last emailed link. */
  const emailedToken = (): string => {
    const mails = kit.outbox.messagesOfType('email.send');
    const last = mails.at(-1);
    if (last?.template !== 'password-reset') throw new Error('no reset email');
    return decodeURIComponent(last.data.resetUrl.split('/').at(-1) ?? '');
  };

  describe('RequestPasswordReset', () => {
    it('stores only the hash and emails a link to PUBLIC_URL, even with notifications off', async () => {
      await request.execute({ email: ' SAM@example.com ' });

      const [stored] = [...kit.db.tables.passwordResetTokens.values()];
      expect(stored).toEqual({
        id: expect.any(String),
        userId: sam.id,
        tokenHash: kit.secretTokens.hash('secret-1'),
        createdAt: kit.clock.now(),
        expiresAt: new Date(kit.clock.now().getTime() + 3600_000),
        usedAt: null,
      });
      expect(kit.outbox.messages()).toEqual<OutboxMessage[]>([
        {
          type: 'email.send',
          to: { email: 'sam@example.com', username: 'sam' },
          template: 'password-reset',
          data: { resetUrl: 'https://hotsox.example/password/reset/secret-1' },
        },
      ]);
    });

    it('answers the same for an unknown address, and stores and sends nothing', async () => {
      await expect(request.execute({ email: 'nobody@example.com' })).resolves.toBeUndefined();
      expect(kit.db.tables.passwordResetTokens.size).toBe(0);
      expect(kit.outbox.messages()).toEqual([]);
    });
  });

  describe('ResetPassword', () => {
    it('sets the new password, spends the link and ends every login', async () => {
      await kit.givenUser({ username: 'other' });
      await kit.refreshTokens.add({
        id: 'rt',
        userId: sam.id,
        familyId: 'f',
        tokenHash: 'h',
        createdAt: kit.clock.now(),
        expiresAt: new Date(kit.clock.now().getTime() + 1e9),
        spentAt: null,
        revokedAt: null,
      });
      await request.execute({ email: 'sam@example.com' });
      kit.clock.advanceSeconds(600);

      await reset.execute({ token: emailedToken(), newPassword: 'brand new secret' });

      expect((await kit.users.findById(sam.id))?.passwordHash).toBe('hashed:brand new secret');
      expect([...kit.db.tables.passwordResetTokens.values()][0]?.usedAt).toEqual(kit.clock.now());
      expect(kit.db.tables.refreshTokens.get('rt')?.revokedAt).toEqual(kit.clock.now());
    });

    it('works once only', async () => {
      await request.execute({ email: 'sam@example.com' });
      const token = emailedToken();
      await reset.execute({ token, newPassword: 'brand new secret' });

      await expect(reset.execute({ token, newPassword: 'another secret' })).rejects.toThrow(
        InvalidPasswordResetTokenError,
      );
      expect((await kit.users.findById(sam.id))?.passwordHash).toBe('hashed:brand new secret');
    });

    it('voids the older links of the user too', async () => {
      await request.execute({ email: 'sam@example.com' });
      const older = emailedToken();
      await request.execute({ email: 'sam@example.com' });
      await reset.execute({ token: emailedToken(), newPassword: 'brand new secret' });

      expect(await check.execute(older)).toBe(false);
      await expect(reset.execute({ token: older, newPassword: 'another secret' })).rejects.toThrow(
        InvalidPasswordResetTokenError,
      );
    });

    it('refuses an expired link', async () => {
      await request.execute({ email: 'sam@example.com' });
      kit.clock.advanceSeconds(3600);

      expect(await check.execute(emailedToken())).toBe(false);
      await expect(reset.execute({ token: emailedToken(), newPassword: 'brand new secret' })).rejects.toThrow(
        InvalidPasswordResetTokenError,
      );
      expect((await kit.users.findById(sam.id))?.passwordHash).toBe(sam.passwordHash);
    });

    it('refuses an unknown link and a too short password, changing nothing', async () => {
      await request.execute({ email: 'sam@example.com' });
      expect(await check.execute('made-up')).toBe(false);
      expect(await check.execute(emailedToken())).toBe(true);

      await expect(reset.execute({ token: 'made-up', newPassword: 'brand new secret' })).rejects.toThrow(
        InvalidPasswordResetTokenError,
      );
      const short = await reset
        .execute({ token: emailedToken(), newPassword: 'short' })
        .catch((e: unknown) => e);
      expect(short).toBeInstanceOf(InvalidValueError);
      expect((short as InvalidValueError).details.field).toBe('newPassword');
      expect(await check.execute(emailedToken())).toBe(true);
    });

    it('refuses the link of a deleted account', async () => {
      await request.execute({ email: 'sam@example.com' });
      const token = emailedToken();
      await kit.users.remove(sam.id);

      await expect(reset.execute({ token, newPassword: 'brand new secret' })).rejects.toThrow(
        InvalidPasswordResetTokenError,
      );
    });
  });
});
