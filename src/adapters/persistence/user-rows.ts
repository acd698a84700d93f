import type { GenderKey } from '../../domain/options/option-lists.js';
import type { User } from '../../domain/user/user.js';
import type { UserRow } from './schemas/user.schema.js';

/** A user as its `users` row. */
export function toRow(user: User): UserRow {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    passwordHash: user.passwordHash,
    firstName: user.firstName,
    lastName: user.lastName,
    about: user.about,
    birthday: user.birthday,
    gender: user.gender,
    city: user.city,
    locationLat: user.location?.lat ?? null,
    locationLon: user.location?.lon ?? null,
    notifications: user.notifications,
    instagram: user.social.instagram,
    facebook: user.social.facebook,
    twitter: user.social.twitter,
    spotify: user.social.spotify,
    isAdmin: user.isAdmin,
    createdAt: user.createdAt,
  };
}

/** The user of a `users` row. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    passwordHash: row.passwordHash,
    firstName: row.firstName,
    lastName: row.lastName,
    about: row.about,
    birthday: row.birthday,
    gender: row.gender as GenderKey,
    city: row.city,
    notifications: row.notifications,
    social: { instagram: row.instagram, facebook: row.facebook, twitter: row.twitter, spotify: row.spotify },
    location:
      row.locationLat !== null && row.locationLon !== null
        ? { lat: row.locationLat, lon: row.locationLon }
        : null,
    isAdmin: row.isAdmin,
    createdAt: row.createdAt,
  };
}
