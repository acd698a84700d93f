import { InvalidRefreshTokenError } from '../../domain/auth/auth-errors.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { UserNotFoundError, WrongPasswordError } from '../../domain/user/user-errors.js';
import type { User } from '../../domain/user/user.js';
import { LogIn } from '../auth/log-in.js';
import { RefreshSession } from '../auth/refresh-session.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { ChangePassword, type ChangePasswordInput } from './change-password.js';

describe('ChangePassword', () => {
  let kit: TestKit;
  let changePassword: ChangePassword;
  let user: User;

  beforeEach(async () => {
    kit = createTestKit();
    changePassword = new ChangePassword(kit.users, kit.passwordHasher, kit.refreshTokens, kit.uow, kit.clock);
    user = await kit.givenUser({ username: 'sockrates', passwordHash: 'hashed:correct horse' });
  });

  const change = (overrides: Partial<ChangePasswordInput> = {}) =>
    changePassword.execute({
      userId: user.id,
      currentPassword: 'correct horse',
      newPassword: 'battery staple',
      ...overrides,
    });
  const logIn = (username: string, password: string) =>
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
    ).execute({ username, password, clientKey: 'test' });
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

  it('stores the new password hash', async () => {
    await change();

    expect((await kit.users.findById(user.id))?.passwordHash).toBe('hashed:battery staple');
  });

  it("ends every login of the user but not other users' logins", async () => {
    const laptop = await logIn('sockrates', 'correct horse');
    const phone = await logIn('sockrates', 'correct horse');
    await kit.givenUser({ username: 'other', passwordHash: 'hashed:other secret' });
    const other = await logIn('other', 'other secret');

    await change();

    await expect(refresh(laptop.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);
    await expect(refresh(phone.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);
    await expect(refresh(other.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('refuses a wrong current password and keeps the old one', async () => {
    await expect(change({ currentPassword: 'wrong guess' })).rejects.toThrow(WrongPasswordError);

    expect((await kit.users.findById(user.id))?.passwordHash).toBe('hashed:correct horse');
  });

  it('refuses a new password that is too short, naming the field', async () => {
    const error = await change({ newPassword: 'short' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidValueError);
    expect((error as InvalidValueError).details.field).toBe('newPassword');
    expect((await kit.users.findById(user.id))?.passwordHash).toBe('hashed:correct horse');
  });

  it('reports an unknown user', async () => {
    await expect(change({ userId: '00000000-0000-4000-8000-999999999999' })).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
