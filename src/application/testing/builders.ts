import type { Picture } from '../../domain/picture/picture.js';
import { aProfile } from '../../domain/testing/fixtures.js';
import type { User } from '../../domain/user/user.js';

/** The domain's builders serve the application's tests as well. */
export { aProfile, aSock, sockAttributes } from '../../domain/testing/fixtures.js';

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
