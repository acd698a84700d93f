import type { GeoPoint } from '../../domain/geo/geo-point.js';
import { geodesicDistanceKm } from '../../domain/geo/geodesic-distance.js';
import type { Picture } from '../../domain/picture/picture.js';
import { CalendarDate } from '../../domain/shared/calendar-date.js';
import type { Sock } from '../../domain/sock/sock.js';
import { ageOn } from '../../domain/user/age.js';
import type { User } from '../../domain/user/user.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { ProfileView, PublicProfileView, SockView } from './views.js';

export function profileView(user: User, pictures: readonly Picture[], now: Date): ProfileView {
  return { user, age: ageOn(user.birthday, CalendarDate.fromInstant(now)), pictures };
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
