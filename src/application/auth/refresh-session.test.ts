import { InvalidRefreshTokenError } from '../../domain/auth/auth-errors.js';
import type { User } from '../../domain/user/user.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { LogIn } from './log-in.js';
import { LogOut } from './log-out.js';
import { RefreshSession } from './refresh-session.js';
import type { SessionTokens } from './session-tokens.js';

describe('RefreshSession', () => {
  let kit: TestKit;
  let refreshSession: RefreshSession;
  let user: User;
  let login: SessionTokens;

  beforeEach(async () => {
    kit = createTestKit();
    user = await kit.givenUser({ username: 'sockrates', passwordHash: 'hashed:correct horse' });
    refreshSession = new RefreshSession(
      kit.users,
      kit.accessTokens,
      kit.secretTokens,
      kit.refreshTokens,
      kit.ids,
      kit.uow,
      kit.clock,
    );
    login = await logInAs('laptop');
  });

  const logInAs = (clientKey: string) =>
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
    ).execute({ username: 'sockrates', password: 'correct horse', clientKey });
  const refresh = (refreshToken: string) => refreshSession.execute({ refreshToken });
  const storedToken = (token: string) =>
    [...kit.db.tables.refreshTokens.values()].find((t) => t.tokenHash === kit.secretTokens.hash(token));

  it('spends the presented token and issues its successor in the same family', async () => {
    kit.clock.advanceSeconds(600);

    const pair = await refresh(login.refreshToken);

    expect(pair.tokenType).toBe('Bearer');
    expect(pair.refreshToken).not.toBe(login.refreshToken);
    expect(await kit.accessTokens.verify(pair.accessToken)).toEqual({ userId: user.id, isAdmin: false });
    expect(storedToken(login.refreshToken)?.spentAt).toEqual(kit.clock.now());
    expect(storedToken(pair.refreshToken)).toMatchObject({
      familyId: storedToken(login.refreshToken)?.familyId,
      userId: user.id,
      spentAt: null,
      expiresAt: new Date(kit.clock.now().getTime() + 30 * 24 * 3600 * 1000),
    });
  });

  it('lets the successor be refreshed in turn', async () => {
    const second = await refresh(login.refreshToken);

    await expect(refresh(second.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('puts the stored admin flag into the new access token', async () => {
    await kit.users.save({ ...user, isAdmin: true });

    const pair = await refresh(login.refreshToken);

    expect((await kit.accessTokens.verify(pair.accessToken))?.isAdmin).toBe(true);
  });

  it('refuses an unknown token', async () => {
    await expect(refresh('made-up')).rejects.toThrow(InvalidRefreshTokenError);
  });

  it('refuses an expired token', async () => {
    kit.clock.advanceSeconds(30 * 24 * 3600);

    await expect(refresh(login.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);
    expect(storedToken(login.refreshToken)?.spentAt).toBeNull();
  });

  it('refuses a revoked token (after logging out)', async () => {
    await new LogOut(kit.secretTokens, kit.refreshTokens, kit.uow, kit.clock).execute({
      refreshToken: login.refreshToken,
    });

    await expect(refresh(login.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);
  });

  it('revokes the whole family when a spent token is presented again, and that revocation sticks', async () => {
    const successor = await refresh(login.refreshToken);
    kit.clock.advanceSeconds(60);

    await expect(refresh(login.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);

    const family = [...kit.db.tables.refreshTokens.values()];
    expect(family).toHaveLength(2);
    expect(family.map((t) => t.revokedAt)).toEqual([kit.clock.now(), kit.clock.now()]);
    await expect(refresh(successor.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);
  });

  it('leaves other logins of the user alone when one family is revoked', async () => {
    const otherLogin = await logInAs('phone');
    await refresh(login.refreshToken);

    await expect(refresh(login.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);

    await expect(refresh(otherLogin.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('refuses the token of a user that no longer exists', async () => {
    // Only the user row goes, as if a repository did not cascade: the token alone is not enough.
    kit.db.tables.users.delete(user.id);

    await expect(refresh(login.refreshToken)).rejects.toThrow(InvalidRefreshTokenError);
    expect(storedToken(login.refreshToken)?.spentAt).toBeNull();
  });
});
