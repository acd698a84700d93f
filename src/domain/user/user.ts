import type { GeoPoint } from '../geo/geo-point.js';
import { GENDERS, isOptionKey, type GenderKey } from '../options/option-lists.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { definedOnly } from '../shared/defined-only.js';
import { InvalidValueError } from '../shared/domain-error.js';
import { assertAdultBirthday } from './age.js';
import { SOCIAL_NETWORKS, USER_RULES, type SocialNetwork } from './user-rules.js';

export type SocialLinks = Readonly<Record<SocialNetwork, string | null>>;

/** The fields a person chooses about themselves (everything but identity and credentials). */
export interface UserProfile {
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly about: string;
  /** `YYYY-MM-DD` */
  readonly birthday: string;
  readonly gender: GenderKey;
  readonly city: string;
  readonly notifications: boolean;
  readonly social: SocialLinks;
}

export interface User extends UserProfile {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  /** Where `city` is, when the city is known to the geocoder. */
  readonly location: GeoPoint | null;
  readonly isAdmin: boolean;
  readonly createdAt: Date;
}

export const NO_SOCIAL_LINKS: SocialLinks = { instagram: null, facebook: null, twitter: null, spotify: null };

export interface RegisterUserProps {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly profile: UserProfile;
  readonly location: GeoPoint | null;
  readonly today: CalendarDate;
  readonly at: Date;
}

export const User = {
  /** @throws {InvalidValueError | UnderAgeError} */
  register(props: RegisterUserProps): User {
    assertUsername(props.username);
    // Checked once trimmed, as socks are: " sam@example.com " is a valid email after trimming.
    const profile = normalizedProfile(props.profile);
    assertProfile(profile, props.today);
    return {
      id: props.id,
      username: props.username,
      passwordHash: props.passwordHash,
      ...profile,
      location: props.location,
      isAdmin: false,
      createdAt: props.at,
    };
  },

  /** @throws {InvalidValueError | UnderAgeError} */
  updateProfile(
    user: User,
    changes: Partial<UserProfile>,
    location: GeoPoint | null,
    today: CalendarDate,
  ): User {
    const given = definedOnly(changes);
    const profile: UserProfile = {
      ...user,
      ...given,
      social: { ...user.social, ...definedOnly(changes.social ?? {}) },
    };
    const normalized = normalizedProfile(profile);
    assertProfile(normalized, today);
    return { ...user, ...normalized, location };
  },

  changePasswordHash(user: User, passwordHash: string): User {
    return { ...user, passwordHash };
  },

  promoteToAdmin(user: User): User {
    return { ...user, isAdmin: true };
  },
};

/** Case-insensitive identity of usernames and emails, as the uniqueness rules compare them. */
export function canonicalHandle(value: string): string {
  return value.trim().toLowerCase();
}

function assertUsername(username: string): void {
  const { min, max, pattern } = USER_RULES.username;
  if (username.length < min || username.length > max || !pattern.test(username)) {
    throw new InvalidValueError(
      'username',
      `Username must be ${min}–${max} letters, digits, '_', '.' or '-'.`,
    );
  }
}

function assertProfile(p: UserProfile, today: CalendarDate): void {
  if (p.email.length > USER_RULES.email.max || !USER_RULES.email.pattern.test(p.email)) {
    throw new InvalidValueError('email', 'Email must be a valid email address.');
  }
  assertMaxLength('firstName', p.firstName, USER_RULES.firstName.max);
  assertMaxLength('lastName', p.lastName, USER_RULES.lastName.max);
  assertMaxLength('about', p.about, USER_RULES.about.max);
  if (p.city.trim().length < USER_RULES.city.min || p.city.length > USER_RULES.city.max) {
    throw new InvalidValueError('city', `City must be 1–${USER_RULES.city.max} characters.`);
  }
  if (!isOptionKey(GENDERS, p.gender))
    throw new InvalidValueError('gender', 'Gender must be one of the options.');
  for (const network of SOCIAL_NETWORKS) assertSocialLink(network, p.social[network]);
  assertAdultBirthday(p.birthday, today);
}

function assertMaxLength(field: string, value: string, max: number): void {
  if (value.length > max) throw new InvalidValueError(field, `${field} must be at most ${max} characters.`);
}

/** Social links must be http(s) URLs: anything else (javascript:, data:) would be unsafe to link. */
export function isSafeWebLink(value: string): boolean {
  if (value.length > USER_RULES.socialLink.max) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function assertSocialLink(network: SocialNetwork, value: string | null): void {
  if (value !== null && !isSafeWebLink(value)) {
    throw new InvalidValueError(`social.${network}`, 'Social links must be http(s) web addresses.');
  }
}

function normalizedProfile(p: UserProfile): UserProfile {
  return {
    email: p.email.trim(),
    firstName: p.firstName.trim(),
    lastName: p.lastName.trim(),
    about: p.about.trim(),
    birthday: p.birthday,
    gender: p.gender,
    city: p.city.trim(),
    notifications: p.notifications,
    social: { ...NO_SOCIAL_LINKS, ...p.social },
  };
}
