import type { GeoPoint } from '../../domain/geo/geo-point.js';
import { geodesicDistanceKm } from '../../domain/geo/geodesic-distance.js';
import type { Picture } from '../../domain/picture/picture.js';
import { CalendarDate } from '../../domain/shared/calendar-date.js';
import type { Sock } from '../../domain/sock/sock.js';
import { ageOn } from '../../domain/user/age.js';
import type { User } from '../../domain/user/user.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { AccountView, OwnProfileView, ProfileView, PublicProfileView, SockView } from './views.js';

/** The account without its credentials: field by field, so that no new secret slips through. */
export function accountView(user: User): AccountView {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    about: user.about,
    birthday: user.birthday,
    gender: user.gender,
    city: user.city,
    location: user.location,
    notifications: user.notifications,
    social: user.social,
    isAdmin: user.isAdmin,
    createdAt: user.createdAt,
  };
}

export function profileView(user: User, pictures: readonly Picture[], now: Date): ProfileView {
  return { user: accountView(user), age: ageOn(user.birthday, CalendarDate.fromInstant(now)), pictures };
}

export function ownProfileView(
  secretTokens: SecretTokens,
  user: User,
  pictures: readonly Picture[],
  now: Date,
): OwnProfileView {
  return { ...profileView(user, pictures, now), credentialsVersion: credentialsVersion(secretTokens, user) };
}

/**
 * A fingerprint of the password hash: every password change stores a new hash, so the version
 * changes with it, while the fingerprint tells nothing of the hash.
 */
export function credentialsVersion(secretTokens: SecretTokens, user: User): string {
  return secretTokens.fingerprint(user.passwordHash);
}

/** The socks with their pictures, in the order given. */
export async function sockViews(pictures: PictureRepository, socks: readonly Sock[]): Promise<SockView[]> {
  const bySock = await pictures.listForSocks(socks.map((s) => s.id));
  return socks.map((sock) => ({ sock, pictures: bySock.get(sock.id) ?? [] }));
}

/** Kilometres between two people, rounded to 2 decimals; null when either place is unknown. */
export function distanceBetween(a: GeoPoint | null, b: GeoPoint | null): number | null {
  return a && b ? Math.round(geodesicDistanceKm(a, b) * 100) / 100 : null;
}

/** What a matched user sees of the other. */
export function publicProfileView(
  user: User,
  pictures: readonly Picture[],
  viewerLocation: GeoPoint | null,
  now: Date,
): PublicProfileView {
  return {
    username: user.username,
    firstName: user.firstName,
    age: ageOn(user.birthday, CalendarDate.fromInstant(now)),
    city: user.city,
    about: user.about,
    social: user.social,
    pictures,
    distanceKm: distanceBetween(viewerLocation, user.location),
    location: user.location,
  };
}
