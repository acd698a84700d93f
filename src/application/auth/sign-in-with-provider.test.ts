import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../../domain/auth/auth-errors.js';
import type { ProviderIdentity } from '../../domain/auth/linked-identity.js';
import { UnderAgeError } from '../../domain/user/user-errors.js';
import { createApplication, type Application } from '../application.js';
import { aProfile } from '../testing/builders.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { NO_PASSWORD_PREFIX } from './complete-provider-sign-up.js';

const GOOGLE = 'https://accounts.google.com';

describe('signing in with an OpenID Connect provider', () => {
  let kit: TestKit;
  let app: Application;

  beforeEach(() => {
    kit = createTestKit();
    app = createApplication(kit, { publicUrl: 'https://hotsox.test' });
  });

  const identity = (overrides: Partial<ProviderIdentity> = {}): ProviderIdentity => ({
    issuer: GOOGLE,
    subject: '10769150350006150715113082367',
    email: 'sam@example.com',
    emailVerified: true,
    ...overrides,
  });

  describe('SignInWithProvider', () => {
    it('signs in the user a provider account is linked to', async () => {
      const sam = await kit.givenUser({ username: 'sam', email: 'other@example.com' });
      await kit.linkedIdentities.add({ ...identity(), userId: sam.id, linkedAt: kit.clock.now() });
      const next = await app.auth.signInWithProvider.execute(identity());
      expect(next).toMatchObject({ kind: 'signed-in', verified: { user: { id: sam.id } } });
    });

    it('asks the owner of an account with the verified email to confirm: the email alone links nothing', async () => {
      await kit.givenUser({ username: 'sam', email: 'Sam@Example.com' });
      expect(await app.auth.signInWithProvider.execute(identity())).toEqual({
        kind: 'confirm-link',
        username: 'sam',
      });
      expect(await kit.linkedIdentities.findUserId(GOOGLE, identity().subject)).toBeNull();
    });

    it('treats an unverified email as someone new, whose profile is still to complete', async () => {
      await kit.givenUser({ username: 'sam', email: 'sam@example.com' });
      expect(await app.auth.signInWithProvider.execute(identity({ emailVerified: false }))).toEqual({
        kind: 'complete-sign-up',
        email: 'sam@example.com',
      });
      expect(await app.auth.signInWithProvider.execute(identity({ email: null }))).toEqual({
        kind: 'complete-sign-up',
        email: null,
      });
    });
  });

  describe('LinkProviderAccount', () => {
    beforeEach(async () => {
      await kit.givenUser({
        username: 'sam',
        email: 'sam@example.com',
        passwordHash: 'hashed:socks are forever',
      });
    });

    const link = (password: string, who = identity()) =>
      app.auth.linkProviderAccount.execute({ identity: who, password, clientKey: '203.0.113.7' });

    it('links the provider account once the password is right, and signs in', async () => {
      const verified = await link('socks are forever');
      expect(verified.user.username).toBe('sam');
      expect(await kit.linkedIdentities.findUserId(GOOGLE, identity().subject)).toBe(verified.user.id);
    });

    it('links nothing with a wrong password, and counts it as a failed login', async () => {
      for (let i = 0; i < 5; i++) await expect(link('wrong')).rejects.toThrow(InvalidCredentialsError);
      expect(await kit.linkedIdentities.findUserId(GOOGLE, identity().subject)).toBeNull();
      await expect(link('socks are forever')).rejects.toThrow(TooManyLoginAttemptsError);
    });

    it('links nothing for an unverified email', async () => {
      await expect(link('socks are forever', identity({ emailVerified: false }))).rejects.toThrow(
        InvalidCredentialsError,
      );
    });
  });

  describe('CompleteProviderSignUp', () => {
    const complete = (birthday: string) =>
      app.auth.completeProviderSignUp.execute({
        identity: identity(),
        username: 'nova',
        profile: aProfile({ email: 'nova@example.com', birthday }),
      });

    it('makes an adult a user linked to the provider account, with no usable password', async () => {
      const view = await complete('1990-05-17');
      expect(await kit.linkedIdentities.findUserId(GOOGLE, identity().subject)).toBe(view.user.id);
      const user = await kit.users.findById(view.user.id);
      expect(user?.passwordHash.startsWith(NO_PASSWORD_PREFIX)).toBe(true);
      await expect(
        app.auth.checkCredentials.execute({
          username: 'nova',
          password: user?.passwordHash ?? '',
          clientKey: 'x',
        }),
      ).rejects.toThrow(InvalidCredentialsError);
      expect(await app.auth.signInWithProvider.execute(identity())).toMatchObject({ kind: 'signed-in' });
    });

    it('refuses anyone under 18, and stores nothing', async () => {
      const today = kit.clock.now().toISOString().slice(0, 10);
      await expect(complete(today)).rejects.toThrow(UnderAgeError);
      expect(await kit.users.findByUsername('nova')).toBeNull();
      expect(await kit.linkedIdentities.findUserId(GOOGLE, identity().subject)).toBeNull();
    });
  });
});
