import type { Match } from '../../domain/matching/match.js';
import type { Sock, SockAttributes } from '../../domain/sock/sock.js';
import {
  SOCK_FIELDS,
  SOCK_FIELD_NAMES,
  type SockFieldName,
  type SockFieldsOfKind,
} from '../../domain/sock/sock-fields.js';
import type { Decision, Swipe } from '../../domain/swiping/swipe.js';
import type { User } from '../../domain/user/user.js';
import { columnName, type ColumnName } from './schemas/columns.js';
import type { SockAttributeColumns } from './schemas/sock.schema.js';
import { toUser } from './user-rows.js';

/**
 * Rows as `em.execute` returns them: column names as selected, no entity hydration. MikroORM's
 * PostgreSQL driver leaves timestamps as text (its type parsers), so instants are parsed here.
 */
export function instantOf(text: string): Date {
  return new Date(text);
}

type SockAttributeJson = {
  readonly [N in SockFieldName as ColumnName<N>]: SockAttributeColumns[N];
};

/** A `socks` row as `to_json(s)` gives it. */
export interface SockJson extends SockAttributeJson {
  readonly id: string;
  readonly owner_id: string;
  readonly created_at: string;
}

/** The attributes the pool keeps of every sock: all but the texts (`ColumnarSockRow`). */
export type SockScoredField = Exclude<SockFieldName, SockFieldsOfKind<'text'>>;
export const SOCK_SCORED_FIELDS: readonly SockScoredField[] = SOCK_FIELD_NAMES.filter(
  (name): name is SockScoredField => SOCK_FIELDS[name].kind !== 'text',
);

/** The columns of a `socks` row that the similarity score reads, but the texts, with the ids. */
export type SockScoredJson = Pick<SockJson, 'id' | 'owner_id' | ColumnName<SockScoredField>>;

/** Attribute and column, computed once: a load maps a row of every sock. */
const SCORED_COLUMNS = SOCK_SCORED_FIELDS.map((name) => [name, columnName(name)] as const);
const ALL_COLUMNS = SOCK_FIELD_NAMES.map((name) => [name, columnName(name)] as const);

function attributesOfJson<J>(json: J, columns: ReadonlyArray<readonly [string, keyof J]>) {
  const attributes: Record<string, unknown> = {};
  for (const [name, column] of columns) attributes[name] = json[column];
  return attributes;
}

/** Those columns as the domain's fields; CHECK constraints keep the choice columns to the domain's keys. */
export function scoredFieldsOfJson(json: SockScoredJson): Pick<Sock, 'id' | 'ownerId' | SockScoredField> {
  return {
    id: json.id,
    ownerId: json.owner_id,
    ...(attributesOfJson(json, SCORED_COLUMNS) as Pick<Sock, SockScoredField>),
  };
}

export function sockOfJson(json: SockJson): Sock {
  return {
    id: json.id,
    ownerId: json.owner_id,
    ...(attributesOfJson(json, ALL_COLUMNS) as SockAttributes),
    createdAt: instantOf(json.created_at),
  };
}

/** A `users` row as `to_json(u)` gives it. */
export interface UserJson {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly password_hash: string;
  readonly first_name: string;
  readonly last_name: string;
  readonly about: string;
  readonly birthday: string;
  readonly gender: string;
  readonly city: string;
  readonly location_lat: number | null;
  readonly location_lon: number | null;
  readonly notifications: boolean;
  readonly social_instagram: string | null;
  readonly social_facebook: string | null;
  readonly social_twitter: string | null;
  readonly social_spotify: string | null;
  readonly is_admin: boolean;
  readonly created_at: string;
}

export function userOfJson(json: UserJson): User {
  return toUser({
    id: json.id,
    username: json.username,
    email: json.email,
    passwordHash: json.password_hash,
    firstName: json.first_name,
    lastName: json.last_name,
    about: json.about,
    birthday: json.birthday,
    gender: json.gender,
    city: json.city,
    locationLat: json.location_lat,
    locationLon: json.location_lon,
    notifications: json.notifications,
    instagram: json.social_instagram,
    facebook: json.social_facebook,
    twitter: json.social_twitter,
    spotify: json.social_spotify,
    isAdmin: json.is_admin,
    createdAt: instantOf(json.created_at),
  });
}

/** A swipe whose ids the query was given; its columns may be null (no such swipe). */
export function swipeOrNull(
  sockId: string,
  targetSockId: string,
  decision: string | null,
  judgedAt: string | null,
): Swipe | null {
  if (decision === null || judgedAt === null) return null;
  return { sockId, targetSockId, decision: decision as Decision, judgedAt: instantOf(judgedAt) };
}

/**
 * The columns of a `matches` row, its id selected as `match_id`. Outer-joined, every column is
 * null when there is no match: `match_id` tells.
 */
export interface RawMatchColumns {
  readonly match_id: string | null;
  readonly initiator_id: string;
  readonly initiator_sock_id: string;
  readonly partner_id: string;
  readonly partner_sock_id: string;
  readonly created_at: string;
  readonly ended_at: string | null;
}

export function matchOrNull(raw: RawMatchColumns): Match | null {
  if (raw.match_id === null) return null;
  return {
    id: raw.match_id,
    initiator: { userId: raw.initiator_id, sockId: raw.initiator_sock_id },
    partner: { userId: raw.partner_id, sockId: raw.partner_sock_id },
    createdAt: instantOf(raw.created_at),
    endedAt: raw.ended_at === null ? null : instantOf(raw.ended_at),
  };
}
