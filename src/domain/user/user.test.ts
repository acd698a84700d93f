import { CalendarDate } from '../shared/calendar-date.js';
import { InvalidValueError } from '../shared/domain-error.js';
import { aProfile, aUser, thrownBy } from '../testing/fixtures.js';
import { UnderAgeError } from './user-errors.js';
import {
  NO_SOCIAL_LINKS,
  User,
  canonicalHandle,
  isSafeWebLink,
  type RegisterUserProps,
  type SocialLinks,
  type UserProfile,
} from './user.js';

const today = CalendarDate.of('2026-11-29');
const at = new Date('2026-11-29T12:00:00.000Z');
const berlin = { lat: 52.52437, lon: 13.41053 };

function register(overrides: Partial<RegisterUserProps> = {}, profile: Partial<UserProfile> = {}): User {
  return User.register({
    id: 'u-1',
    username: 'sam',
    passwordHash: 'hash',
    profile: aProfile(profile),
    location: berlin,
    today,
    at,
    ...overrides,
  });
}

function expectInvalid(action: () => unknown, field: string): void {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(InvalidValueError);
  expect(error).toMatchObject({ details: { field } });
}

describe('User.register', () => {
  it('makes a non-admin user of valid sign-up data', () => {
    expect(register()).toEqual({
      id: 'u-1',
      username: 'sam',
      passwordHash: 'hash',
      email: 'sam@example.com',
      firstName: 'Sam',
      lastName: 'Sole',
      about: 'Looking for my other half.',
      birthday: '1990-05-17',
      gender: 'non-binary',
      city: 'Berlin',
      notifications: true,
      social: NO_SOCIAL_LINKS,
      location: berlin,
      isAdmin: false,
      createdAt: at,
    });
  });

  it('trims the free-text fields', () => {
    const user = register(
      {},
      {
        email: '  sam@example.com ',
        firstName: ' Sam ',
        lastName: ' Sole\n',
        about: '  Hi  ',
        city: ' Berlin ',
      },
    );
    expect(user).toMatchObject({
      email: 'sam@example.com',
      firstName: 'Sam',
      lastName: 'Sole',
      about: 'Hi',
      city: 'Berlin',
    });
  });

  describe('username', () => {
    it.each(['sam', 'a'.repeat(30), 'Sam_Sole.42-x', 'ABC'])('accepts %j', (username) => {
      expect(register({ username }).username).toBe(username);
    });

    it.each([
      ['ab', 'shorter than 3'],
      ['a'.repeat(31), 'longer than 30'],
      ['sam sole', 'a space'],
      [' sam', 'a leading space'],
      ['sam@home', "an '@'"],
      ['söck', 'a non-ASCII letter'],
      ['', 'empty'],
    ])('refuses %j (%s)', (username) => {
      expectInvalid(() => register({ username }), 'username');
    });
  });

  describe('email', () => {
    it.each([
      ['not-an-email', 'no @'],
      ['sam@example', 'no dot in the domain'],
      ['sam smith@example.com', 'a space'],
      ['@example.com', 'no local part'],
      ['sam@@example.com', 'two @'],
      [`${'a'.repeat(243)}@example.com`, '255 characters'],
    ])('refuses %j (%s)', (email) => {
      expectInvalid(() => register({}, { email }), 'email');
    });

    it('accepts 254 characters', () => {
      const email = `${'a'.repeat(242)}@example.com`;
      expect(email).toHaveLength(254);
      expect(register({}, { email }).email).toBe(email);
    });
  });

  it.each([
    ['firstName', 150],
    ['lastName', 150],
    ['about', 2000],
  ] as const)('limits %s to %d characters', (field, max) => {
    expect(register({}, { [field]: 'x'.repeat(max) })[field]).toHaveLength(max);
    expectInvalid(() => register({}, { [field]: 'x'.repeat(max + 1) }), field);
  });

  it('allows empty names and about', () => {
    expect(register({}, { firstName: '', lastName: '', about: '' })).toMatchObject({
      firstName: '',
      about: '',
    });
  });

  describe('city', () => {
    it('is required', () => {
      expectInvalid(() => register({}, { city: '' }), 'city');
      expectInvalid(() => register({}, { city: '   ' }), 'city');
    });

    it('is 1 to 255 characters', () => {
      expect(register({}, { city: 'X' }).city).toBe('X');
      expect(register({}, { city: 'x'.repeat(255) }).city).toHaveLength(255);
      expectInvalid(() => register({}, { city: 'x'.repeat(256) }), 'city');
    });
  });

  it('requires a gender of the options', () => {
    expect(register({}, { gender: 'snail' }).gender).toBe('snail');
    expectInvalid(() => register({}, { gender: 'robot' as never }), 'gender');
    expectInvalid(() => register({}, { gender: 'Snail' as never }), 'gender');
  });

  describe('social links', () => {
    const withLink = (instagram: string): SocialLinks => ({ ...NO_SOCIAL_LINKS, instagram });

    it('accepts http and https addresses', () => {
      expect(register({}, { social: withLink('https://instagram.com/sam') }).social.instagram).toBe(
        'https://instagram.com/sam',
      );
      expect(register({}, { social: withLink('http://example.com') }).social.instagram).toBe(
        'http://example.com',
      );
    });

    it.each([
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com/sam',
      'instagram.com/sam',
      'https://',
      '',
    ])('refuses %j', (link) => {
      expectInvalid(() => register({}, { social: withLink(link) }), 'social.instagram');
    });

    it('names the network in the error', () => {
      const social = { ...NO_SOCIAL_LINKS, spotify: 'javascript:void(0)' };
      expectInvalid(() => register({}, { social }), 'social.spotify');
    });
  });

  it('refuses someone under 18', () => {
    expect(() => register({}, { birthday: '2008-11-30' })).toThrow(UnderAgeError);
    expect(register({}, { birthday: '2008-11-29' }).birthday).toBe('2008-11-29');
  });

  it('refuses a birthday that is not a date', () => {
    expectInvalid(() => register({}, { birthday: '1990-02-30' }), 'birthday');
  });
});

describe('User.updateProfile', () => {
  const user = aUser({ social: { ...NO_SOCIAL_LINKS, facebook: 'https://facebook.com/sam' } });
  const hamburg = { lat: 53.55, lon: 9.99 };

  it('changes the given fields, keeps the others, and takes the new location', () => {
    const updated = User.updateProfile(user, { about: '  New story  ', city: 'Hamburg' }, hamburg, today);

    expect(updated).toEqual({ ...user, about: 'New story', city: 'Hamburg', location: hamburg });
  });

  it('keeps identity, credentials and role', () => {
    const admin = { ...user, isAdmin: true };
    const updated = User.updateProfile(admin, { firstName: 'Samuel' }, user.location, today);

    expect(updated).toMatchObject({
      id: user.id,
      username: user.username,
      passwordHash: user.passwordHash,
      isAdmin: true,
    });
  });

  it('merges social links: networks not mentioned keep their link', () => {
    const changes = { social: { instagram: 'https://instagram.com/sam' } as unknown as SocialLinks };
    const updated = User.updateProfile(user, changes, user.location, today);

    expect(updated.social).toEqual({
      instagram: 'https://instagram.com/sam',
      facebook: 'https://facebook.com/sam',
      twitter: null,
      spotify: null,
    });
  });

  it('removes a link set to null', () => {
    const updated = User.updateProfile(
      user,
      { social: { ...user.social, facebook: null } },
      user.location,
      today,
    );

    expect(updated.social.facebook).toBeNull();
  });

  it('ignores fields given as undefined', () => {
    const updated = User.updateProfile(user, { city: undefined, about: 'Hi' }, user.location, today);

    expect(updated).toEqual({ ...user, about: 'Hi' });
  });

  it('checks the merged profile', () => {
    expectInvalid(() => User.updateProfile(user, { email: 'nope' }, user.location, today), 'email');
    expectInvalid(
      () =>
        User.updateProfile(
          user,
          { social: { ...user.social, twitter: 'javascript:alert(1)' } },
          user.location,
          today,
        ),
      'social.twitter',
    );
    expect(() => User.updateProfile(user, { birthday: '2010-01-01' }, user.location, today)).toThrow(
      UnderAgeError,
    );
  });

  it('does not change the user it is given', () => {
    const before = { ...user };
    User.updateProfile(user, { about: 'Changed' }, null, today);

    expect(user).toEqual(before);
  });
});

describe('User.changePasswordHash and User.promoteToAdmin', () => {
  it('change only what they say', () => {
    const user = aUser();

    expect(User.changePasswordHash(user, 'new-hash')).toEqual({ ...user, passwordHash: 'new-hash' });
    expect(User.promoteToAdmin(user)).toEqual({ ...user, isAdmin: true });
  });
});

describe('canonicalHandle', () => {
  it('compares handles without case and surrounding spaces', () => {
    expect(canonicalHandle('  Sam@Example.COM ')).toBe('sam@example.com');
    expect(canonicalHandle('SockRates')).toBe(canonicalHandle('sockrates'));
  });
});

describe('isSafeWebLink', () => {
  it('accepts http(s) links up to 255 characters', () => {
    const link = `https://example.com/${'x'.repeat(235)}`;
    expect(link).toHaveLength(255);
    expect(isSafeWebLink(link)).toBe(true);
    expect(isSafeWebLink(`${link}x`)).toBe(false);
  });

  it.each(['javascript:alert(1)', 'mailto:sam@example.com', 'file:///etc/passwd', 'not a url'])(
    'refuses %j',
    (link) => {
      expect(isSafeWebLink(link)).toBe(false);
    },
  );
});
