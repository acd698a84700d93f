import { UnderAgeError, UsernameTakenError, EmailTakenError } from '../../domain/user/user-errors.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { aProfile } from '../testing/builders.js';
import { applicationOf, createTestKit, type TestKit } from '../testing/test-kit.js';
import { GetProfile } from './get-profile.js';
import type { RegisterUser } from './register-user.js';

describe('RegisterUser', () => {
  let kit: TestKit;
  let registerUser: RegisterUser;

  beforeEach(() => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    registerUser = applicationOf(kit).users.registerUser;
  });

  const register = (
    overrides: { username?: string; password?: string; profile?: Parameters<typeof aProfile>[0] } = {},
  ) =>
    registerUser.execute({
      username: overrides.username ?? 'sockrates',
      password: overrides.password ?? 'correct horse',
      profile: aProfile(overrides.profile),
    });

  it('stores the user with a hashed password, a geocoded city and the age', async () => {
    const view = await register({ profile: { birthday: '1990-11-30' } });

    const stored = await kit.users.findByUsername('sockrates');
    expect(stored?.passwordHash).toBe('hashed:correct horse');
    expect(stored?.location).toEqual({ lat: 52.52437, lon: 13.41053 });
    expect(stored?.isAdmin).toBe(false);
    expect(view.age).toBe(35);
    expect(view.pictures).toEqual([]);
  });

  it('returns the new profile without the password hash', async () => {
    const view = await register();

    expect(view).not.toHaveProperty('passwordHash');
    expect(view.user).not.toHaveProperty('passwordHash');
    expect(view.user).toMatchObject({ username: 'sockrates', isAdmin: false });
    expect(JSON.stringify(view)).not.toContain('correct horse');
  });

  it('returns the same credentials version as the stored profile gives later', async () => {
    const view = await register();

    const later = await new GetProfile(kit.users, kit.pictures, kit.secretTokens, kit.clock).execute(
      view.user.id,
    );

    expect(view.credentialsVersion).toBe(later.credentialsVersion);
  });

  it('keeps an unknown city without a location', async () => {
    await register({ profile: { city: 'Atlantis' } });

    expect((await kit.users.findByUsername('sockrates'))?.location).toBeNull();
  });

  it('accepts someone whose 18th birthday is today', async () => {
    await expect(register({ profile: { birthday: '2008-11-29' } })).resolves.toBeDefined();
  });

  it('refuses someone who turns 18 tomorrow', async () => {
    await expect(register({ profile: { birthday: '2008-11-30' } })).rejects.toThrow(UnderAgeError);
    expect(await kit.users.findByUsername('sockrates')).toBeNull();
  });

  it('refuses a username taken in another case', async () => {
    await register({ username: 'SockRates' });

    await expect(register({ profile: { email: 'other@example.com' } })).rejects.toThrow(UsernameTakenError);
  });

  it('refuses an email taken in another case', async () => {
    await register({ profile: { email: 'Sam@Example.com' } });

    await expect(register({ username: 'other', profile: { email: 'sam@example.COM' } })).rejects.toThrow(
      EmailTakenError,
    );
  });

  it.each([['ab'], ['has space'], ['x'.repeat(31)], ['emoji🧦']])(
    'refuses the username %p',
    async (username) => {
      await expect(register({ username })).rejects.toThrow(InvalidValueError);
    },
  );

  describe('the welcome email', () => {
    it('is queued for a new user who wants notifications, after the account is stored', async () => {
      const view = await register({ username: 'sockrates', profile: { email: 'sockrates@example.com' } });

      expect(kit.outbox.pending().map((e) => e.message)).toEqual([
        {
          type: 'email.send',
          to: { email: 'sockrates@example.com', username: 'sockrates' },
          template: 'welcome',
          data: {},
        },
      ]);
      expect(view.user.notifications).toBe(true);
    });

    it('is not sent to a new user who turned notifications off', async () => {
      await register({ profile: { notifications: false } });

      expect(kit.outbox.pending()).toEqual([]);
      expect(await kit.users.findByUsername('sockrates')).not.toBeNull();
    });

    it('is not queued when the sign-up fails', async () => {
      await register({ username: 'taken' });

      await expect(register({ username: 'taken', profile: { email: 'other@example.com' } })).rejects.toThrow(
        UsernameTakenError,
      );
      expect(kit.outbox.pending()).toHaveLength(1);
    });
  });
});
