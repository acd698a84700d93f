import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { EmailTakenError, UnderAgeError, UserNotFoundError } from '../../domain/user/user-errors.js';
import type { User, UserProfile } from '../../domain/user/user.js';
import { PLACES } from '../testing/fake-geocoder.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { UpdateProfile } from './update-profile.js';

describe('UpdateProfile', () => {
  let kit: TestKit;
  let updateProfile: UpdateProfile;
  let user: User;
  /** Not where Berlin is: shows whether the city was geocoded again. */
  const STALE = { lat: 1, lon: 1 };

  beforeEach(async () => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    updateProfile = new UpdateProfile(
      kit.users,
      kit.pictures,
      kit.geocoder,
      kit.secretTokens,
      kit.uow,
      kit.clock,
    );
    user = await kit.givenUser({ username: 'sockrates', city: 'Berlin', location: STALE });
  });

  const update = (changes: Partial<UserProfile>, userId = user.id) =>
    updateProfile.execute({ userId, changes });
  const stored = () => kit.users.findById(user.id);

  it('stores the changed fields, keeps the others, and returns the profile', async () => {
    const picture = await kit.givenPicture(user);

    const view = await update({
      about: '  New story  ',
      social: { ...user.social, instagram: 'https://instagram.com/s' },
    });

    expect(await stored()).toEqual({
      ...user,
      about: 'New story',
      social: { ...user.social, instagram: 'https://instagram.com/s' },
    });
    expect(view.user.about).toBe('New story');
    expect(view.pictures).toEqual([picture]);
    expect(view.age).toBe(36);
  });

  it('returns the profile without the password hash, its credentials version unchanged', async () => {
    const before = kit.secretTokens.fingerprint(user.passwordHash);

    const view = await update({ about: 'New story' });

    expect(view.user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(view)).not.toContain(user.passwordHash);
    expect(view.credentialsVersion).toBe(before);
  });

  it('geocodes a new city', async () => {
    const view = await update({ city: 'Hamburg' });

    expect((await stored())?.location).toEqual(PLACES.hamburg);
    expect(view.user.location).toEqual(PLACES.hamburg);
  });

  it('gives an unknown new city no location', async () => {
    await update({ city: 'Atlantis' });

    expect((await stored())?.location).toBeNull();
  });

  it('does not geocode again when the city stays the same', async () => {
    await update({ city: ' Berlin ', firstName: 'Samuel' });

    expect(await stored()).toMatchObject({ city: 'Berlin', firstName: 'Samuel', location: STALE });
  });

  it('refuses an email another user has', async () => {
    await kit.givenUser({ username: 'other', email: 'taken@example.com' });

    await expect(update({ email: 'Taken@Example.com' })).rejects.toThrow(EmailTakenError);
    expect((await stored())?.email).toBe(user.email);
  });

  it('refuses a value breaking a domain rule and changes nothing', async () => {
    await expect(update({ city: 'Hamburg', email: 'not-an-email' })).rejects.toThrow(InvalidValueError);

    expect(await stored()).toEqual(user);
  });

  it('refuses a birthday under 18', async () => {
    await expect(update({ birthday: '2008-11-30' })).rejects.toThrow(UnderAgeError);
  });

  it('reports an unknown user', async () => {
    await expect(update({ about: 'x' }, '00000000-0000-4000-8000-999999999999')).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
