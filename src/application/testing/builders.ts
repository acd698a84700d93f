import type { Picture } from '../../domain/picture/picture.js';
import type { Sock, SockAttributes } from '../../domain/sock/sock.js';
import { NO_SOCIAL_LINKS, type User, type UserProfile } from '../../domain/user/user.js';

/** Valid sign-up fields; override what a test is about. */
export function aProfile(overrides: Partial<UserProfile> = {}): UserProfile {
  return {
    email: 'sam@example.com',
    firstName: 'Sam',
    lastName: 'Sole',
    about: 'Looking for my other half.',
    birthday: '1990-05-17',
    gender: 'non-binary',
    city: 'Berlin',
    notifications: true,
    social: NO_SOCIAL_LINKS,
    ...overrides,
  };
}

export function aUser(overrides: Partial<User> = {}): User {
  const username = overrides.username ?? 'sam';
  return {
    id: '10000000-0000-4000-8000-000000000001',
    username,
    passwordHash: 'hashed:correct horse',
    ...aProfile({ email: `${username}@example.com` }),
    location: { lat: 52.52437, lon: 13.41053 },
    isAdmin: false,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  };
}

/** All 16 attributes, valid. */
export function sockAttributes(overrides: Partial<SockAttributes> = {}): SockAttributes {
  return {
    name: 'Lefty',
    story: 'Lost my partner in the washing machine.',
    color: 'black',
    fabric: 'wool',
    thickness: 'winter-type',
    brand: 'odd-sock',
    type: 'crew',
    size: '41-45',
    age: 3,
    separationDate: '2026-10-01',
    condition: 'well-loved',
    holes: 1,
    kilometers: 250,
    environment: 'indoor',
    washedPerWeek: 2,
    specialty: 'Smells of lavender',
    ...overrides,
  };
}

export function aSock(overrides: Partial<Sock> = {}): Sock {
  return {
    id: '20000000-0000-4000-8000-000000000001',
    ownerId: '10000000-0000-4000-8000-000000000001',
    ...sockAttributes(),
    createdAt: new Date('2026-11-01T00:00:00.000Z'),
    ...overrides,
  };
}

export function aPicture(overrides: Partial<Picture> = {}): Picture {
  return {
    id: '30000000-0000-4000-8000-000000000001',
    userId: '10000000-0000-4000-8000-000000000001',
    sockId: null,
    key: 'pictures/1.webp',
    createdAt: new Date('2026-11-01T00:00:00.000Z'),
    ...overrides,
  };
}

/** The first bytes of a PNG file: enough for the magic-byte check. */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
