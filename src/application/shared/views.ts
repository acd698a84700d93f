import type { Message } from '../../domain/chat/message.js';
import type { GeoPoint } from '../../domain/geo/geo-point.js';
import type { Match } from '../../domain/matching/match.js';
import type { Picture } from '../../domain/picture/picture.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { SocialLinks, User } from '../../domain/user/user.js';

/** What use cases return: plain data for the transports to present, never ORM entities. */
export interface ProfileView {
  readonly user: User;
  readonly age: number;
  readonly pictures: readonly Picture[];
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
}

export interface MessageView {
  readonly message: Message;
  readonly senderUsername: string;
}
