import type { Message } from '../../domain/chat/message.js';
import type { GeoPoint } from '../../domain/geo/geo-point.js';
import type { Match } from '../../domain/matching/match.js';
import type { Picture } from '../../domain/picture/picture.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { SocialLinks, UserProfile } from '../../domain/user/user.js';

// What use cases return: plain data for the transports to present, never ORM entities and never
// a secret (no password hash, no token hash).

/** Someone's account as the transports see it: everything but the credentials. */
export interface AccountView extends UserProfile {
  readonly id: string;
  readonly username: string;
  /** Where `city` is, when the city is known to the geocoder. */
  readonly location: GeoPoint | null;
  readonly isAdmin: boolean;
  readonly createdAt: Date;
}

/** A person's profile, as they or an administrator see it. */
export interface ProfileView {
  readonly user: AccountView;
  readonly age: number;
  readonly pictures: readonly Picture[];
}

/** The caller's own profile, with the version of their credentials. */
export interface OwnProfileView extends ProfileView {
  /**
   * Changes whenever the password is changed or reset, and tells nothing about it: a session
   * started under another version was started before the change and must end.
   */
  readonly credentialsVersion: string;
}

/** Someone who has just proven their password, with the version of the credentials proven. */
export interface VerifiedUserView {
  readonly user: AccountView;
  /** As in `OwnProfileView`. */
  readonly credentialsVersion: string;
}

export interface SockView {
  readonly sock: Sock;
  readonly pictures: readonly Picture[];
}

export interface CandidateView {
  readonly sock: SockView;
  readonly owner: {
    readonly username: string;
    readonly firstName: string;
    readonly age: number;
    readonly city: string;
    readonly distanceKm: number | null;
  };
  readonly score: number;
}

export interface PublicProfileView {
  readonly username: string;
  readonly firstName: string;
  readonly age: number;
  readonly city: string;
  readonly about: string;
  readonly social: SocialLinks;
  readonly pictures: readonly Picture[];
  readonly distanceKm: number | null;
  /** Where their city is (for the web UI's map; the API does not show it). */
  readonly location: GeoPoint | null;
}

export interface MatchView {
  readonly match: Match;
  readonly otherUser: PublicProfileView;
  /** Null once that sock was deleted: a match outlives the socks that made it. */
  readonly mySock: SockView | null;
  readonly theirSock: SockView | null;
  /** Messages of this match from the other user that the viewer has not seen yet. */
  readonly unreadCount: number;
}

export interface MessageView {
  readonly message: Message;
  readonly senderUsername: string;
}
