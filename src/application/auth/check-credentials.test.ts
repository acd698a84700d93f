import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../../domain/auth/auth-errors.js';
import { GetProfile } from '../users/get-profile.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { CheckCredentials, type CheckCredentialsInput } from './check-credentials.js';
import { LogIn } from './log-in.js';

describe('CheckCredentials', () => {
  let kit: TestKit;
  let check: CheckCredentials;

  beforeEach(async () => {
    kit = createTestKit();
    await kit.givenUser({ username: 'sockrates', passwordHash: 'hashed:correct horse' });
    check = new CheckCredentials(kit.users, kit.passwordHasher, kit.loginThrottle, kit.secretTokens);
  });

  const attempt = (overrides: Partial<CheckCredentialsInput> = {}) =>
    check.execute({ username: 'sockrates', password: 'correct horse', clientKey: 'ip', ...overrides });

  it('returns the user for the right password, whatever the case of the username', async () => {
    await expect(attempt({ username: 'SockRates' })).resolves.toMatchObject({
      user: { username: 'sockrates' },
    });
    expect(kit.db.tables.refreshTokens.size).toBe(0);
  });

  it('returns the account without its password hash, with the version the profile gives too', async () => {
    const verified = await attempt();

    expect(verified).not.toHaveProperty('passwordHash');
    expect(verified.user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(verified)).not.toContain('correct horse');
    const profile = await new GetProfile(kit.users, kit.pictures, kit.secretTokens, kit.clock).execute(
      verified.user.id,
    );
    expect(verified.credentialsVersion).toBe(profile.credentialsVersion);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await attempt({ password: 'nope nope' }).catch((e: unknown) => e);
    const unknown = await attempt({ username: 'nobody' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InvalidCredentialsError);
    expect(unknown).toEqual(wrong);
  });

  it('shares its failure count with LogIn: failures in one block the other', async () => {
    const logIn = new LogIn(
      kit.users,
      kit.passwordHasher,
      kit.loginThrottle,
      kit.accessTokens,
      kit.secretTokens,
      kit.refreshTokens,
      kit.ids,
      kit.uow,
      kit.clock,
    );
    for (let i = 0; i < 3; i++) await expect(attempt({ password: 'wrong' })).rejects.toThrow();
    for (let i = 0; i < 2; i++) {
      await expect(
        logIn.execute({ username: 'sockrates', password: 'wrong', clientKey: 'ip' }),
      ).rejects.toThrow(InvalidCredentialsError);
    }
    await expect(attempt()).rejects.toThrow(TooManyLoginAttemptsError);
    await expect(
      logIn.execute({ username: 'sockrates', password: 'correct horse', clientKey: 'ip' }),
    ).rejects.toThrow(TooManyLoginAttemptsError);
  });
});
