import type { Sock, SockAttributes } from '../sock/sock.js';
import type { Swipe } from '../swiping/swipe.js';
import { NO_SOCIAL_LINKS, type User, type UserProfile } from '../user/user.js';

/**
 * Valid values for the domain's unit tests; each test overrides what it is about. (The
 * application's builders live in an outer layer, which domain code may not import.)
 */
export const USER_ID = '10000000-0000-4000-8000-000000000001';
export const OTHER_USER_ID = '10000000-0000-4000-8000-000000000002';

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
  return {
    id: USER_ID,
    username: 'sam',
    passwordHash: 'hashed:correct horse',
    ...aProfile(),
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
    ownerId: USER_ID,
    ...sockAttributes(),
    createdAt: new Date('2026-11-01T00:00:00.000Z'),
    ...overrides,
  };
}

export function aSwipe(overrides: Partial<Swipe> = {}): Swipe {
  return {
    sockId: '20000000-0000-4000-8000-000000000001',
    targetSockId: '20000000-0000-4000-8000-000000000002',
    decision: 'like',
    judgedAt: new Date('2026-11-02T00:00:00.000Z'),
    ...overrides,
  };
}

/** The error `action` throws; fails the test when it throws nothing. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}
