import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../../domain/auth/auth-errors.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { LogIn, type LogInInput } from './log-in.js';

describe('LogIn', () => {
  let kit: TestKit;
  let logIn: LogIn;

  const makeLogIn = (options: { refreshTtlSeconds?: number } = {}) =>
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
      options,
    );

  beforeEach(async () => {
    kit = createTestKit();
    await kit.givenUser({ username: 'sockrates', passwordHash: 'hashed:correct horse' });
    logIn = makeLogIn();
  });

  const attempt = (overrides: Partial<LogInInput> = {}) =>
    logIn.execute({
      username: 'sockrates',
      password: 'correct horse',
      clientKey: '203.0.113.7',
      ...overrides,
    });

  const failTimes = async (times: number, overrides: Partial<LogInInput> = {}) => {
    for (let i = 0; i < times; i++) {
      await expect(attempt({ password: 'wrong password', ...overrides })).rejects.toThrow(
        InvalidCredentialsError,
      );
    }
  };

  it('issues a bearer access token and stores a hashed refresh token of a new family', async () => {
    const tokens = await attempt();

    const user = await kit.users.findByUsername('sockrates');
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.expiresIn).toBe(900);
    expect(await kit.accessTokens.verify(tokens.accessToken)).toEqual({ userId: user?.id, isAdmin: false });
    const stored = [...kit.db.tables.refreshTokens.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      userId: user?.id,
      tokenHash: kit.secretTokens.hash(tokens.refreshToken),
      expiresAt: new Date(kit.clock.now().getTime() + 30 * 24 * 3600 * 1000),
      spentAt: null,
      revokedAt: null,
    });
    expect(stored[0]?.tokenHash).not.toBe(tokens.refreshToken);
  });

  it('starts a separate token family for each login', async () => {
    await attempt();
    await attempt();

    const families = new Set([...kit.db.tables.refreshTokens.values()].map((t) => t.familyId));
    expect(families.size).toBe(2);
  });

  it('finds the username case-insensitively', async () => {
    await expect(attempt({ username: 'SockRates' })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('gives refresh tokens the configured lifetime', async () => {
    logIn = makeLogIn({ refreshTtlSeconds: 3600 });

    await attempt();

    const [stored] = [...kit.db.tables.refreshTokens.values()];
    expect(stored?.expiresAt).toEqual(new Date(kit.clock.now().getTime() + 3600 * 1000));
  });

  it('refuses a wrong password and stores no token', async () => {
    await expect(attempt({ password: 'wrong password' })).rejects.toThrow(InvalidCredentialsError);

    expect(kit.db.tables.refreshTokens.size).toBe(0);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await attempt({ username: 'nobody' }).catch((e: unknown) => e);
    const wrong = await attempt({ password: 'wrong password' }).catch((e: unknown) => e);

    expect(unknown).toBeInstanceOf(InvalidCredentialsError);
    expect(unknown).toEqual(wrong);
    expect((unknown as InvalidCredentialsError).code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('blocks further attempts after five failures, even with the right password', async () => {
    await failTimes(5);

    const error = await attempt().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyLoginAttemptsError);
    expect((error as TooManyLoginAttemptsError).details.retryAfterSeconds).toBe(900);
    expect(kit.db.tables.refreshTokens.size).toBe(0);
  });

  it('counts failures of unknown users too, in any case of the name', async () => {
    await failTimes(5, { username: 'Nobody' });

    await expect(attempt({ username: 'nobody' })).rejects.toThrow(TooManyLoginAttemptsError);
  });

  it('lets the block expire', async () => {
    await failTimes(5);
    kit.clock.advanceSeconds(901);

    await expect(attempt()).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('counts failures per client: another address may still log in', async () => {
    await failTimes(5);

    await expect(attempt({ clientKey: '198.51.100.1' })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('forgets earlier failures after a successful login', async () => {
    await failTimes(4);
    await attempt();
    await failTimes(4);

    await expect(attempt()).resolves.toMatchObject({ tokenType: 'Bearer' });
  });
});
