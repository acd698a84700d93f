import { createHash } from 'node:crypto';
import { Faker, base, en } from '@faker-js/faker';
import { GENDERS, keysOf, type ColorKey } from '../../domain/options/option-lists.js';
import type { SockAttributes } from '../../domain/sock/sock.js';
import {
  mapSockFields,
  type SockField,
  type SockFieldName,
  type SockFieldsOfKind,
} from '../../domain/sock/sock-fields.js';
import type { Decision } from '../../domain/swiping/swipe.js';
import { NO_SOCIAL_LINKS, type UserProfile } from '../../domain/user/user.js';

/** Every demo user's password (printed by the seed script, documented in the README). */
export const DEMO_PASSWORD = 'hotsox-demo';
export const DEMO_USERNAME_PREFIX = 'demo-';

/**
 * Demo time starts here and advances by fixed steps, so that the same seed gives the same
 * timestamps on every run. User n joins `USER_STEP_MS * (n - 1)` after it (10 000 users span
 * about a month).
 */
export const DEMO_EPOCH = Date.parse('2026-01-01T00:00:00.000Z');
const USER_STEP_MS = 5 * 60_000;
const MINUTE = 60_000;

/** A picture to draw: one of a few dozen distinct images, each drawn (and encoded) once. */
export type ImageSpec =
  | { readonly kind: 'sock'; readonly color: ColorKey; readonly pattern: 0 | 1 | 2 }
  | { readonly kind: 'avatar'; readonly palette: number; readonly face: 0 | 1 | 2 };

export function imageKey(spec: ImageSpec): string {
  return spec.kind === 'sock' ? `sock-${spec.color}-${spec.pattern}` : `avatar-${spec.palette}-${spec.face}`;
}

export interface PlannedPicture {
  readonly id: string;
  readonly image: ImageSpec;
  readonly createdAt: Date;
}

export interface PlannedSock {
  readonly id: string;
  readonly attributes: SockAttributes;
  readonly createdAt: Date;
  readonly pictures: readonly PlannedPicture[];
}

export interface PlannedUser {
  /** 1-based. */
  readonly index: number;
  readonly id: string;
  readonly username: string;
  readonly profile: UserProfile;
  readonly createdAt: Date;
  readonly avatar: PlannedPicture;
  readonly socks: readonly PlannedSock[];
}

/** A swipe through the SwipeSock use case, with the id its match would get. */
export interface PlannedSwipe {
  readonly userId: string;
  readonly sockId: string;
  readonly targetSockId: string;
  readonly decision: Decision;
  readonly at: Date;
  readonly matchId: string;
}

/** Real places, so that the geocoder finds them and candidates have distances. */
export const DEMO_CITIES = [
  'Berlin',
  'Hamburg',
  'Munich',
  'Cologne',
  'Leipzig',
  'Vienna',
  'Zurich',
  'Paris',
  'Lyon',
  'Marseille',
  'Brussels',
  'Amsterdam',
  'Rotterdam',
  'Copenhagen',
  'Stockholm',
  'Oslo',
  'Helsinki',
  'Warsaw',
  'Prague',
  'Budapest',
  'Madrid',
  'Barcelona',
  'Lisbon',
  'Rome',
  'Milan',
  'Naples',
  'Athens',
  'Dublin',
  'London',
  'Manchester',
  'Edinburgh',
  'New York',
  'Chicago',
  'Toronto',
  'Montreal',
  'Mexico City',
  'Buenos Aires',
  'Tokyo',
  'Seoul',
  'Sydney',
] as const;

const STORIES: ReadonlyArray<(f: Faker) => string> = [
  (f) => `Lost my partner in the washing machine on a ${f.date.weekday()} in ${f.date.month()}.`,
  (f) => `We were inseparable until a ${f.word.adjective()} dryer came between us.`,
  (f) => `My other half ran off with a ${f.color.human()} ${f.animal.type()}. I have moved on.`,
  (f) => `Left behind at a hotel in ${f.location.city()}. Still waiting by the radiator.`,
  (f) =>
    `Survived ${f.number.int({ min: 2, max: 40 })} laundry days alone. Ready for ${f.word.adjective()} company.`,
  (f) => `Fell behind the sofa during a ${f.music.genre()} party and was never the same.`,
  (f) => `Was promised a lifetime together, got a single drawer instead. ${f.person.bio()}.`,
];

const SPECIALTIES: ReadonlyArray<(f: Faker) => string> = [
  (f) => `Smells faintly of ${f.food.spice()}`,
  (f) => `Has a tiny ${f.animal.type()} embroidered on the cuff`,
  () => 'Glows in the dark',
  (f) => `Knows every ${f.music.genre()} song by heart`,
  (f) => `Keeps toes warm down to ${f.number.int({ min: -30, max: 5 })} °C`,
  (f) => `Once worn by a ${f.person.jobTitle().toLowerCase()}`,
  () => 'Never loses its shape',
];

const SOCK_NOUNS = ['Sockrates', 'Lefty', 'Righty', 'Toesy', 'Heelbert', 'Cuffy', 'Darny', 'Woolly'];

/**
 * The demo data of one seed, computed, not stored: user n's data depends only on (seed, n), so
 * `--users 200` extends `--users 100` of the same seed, and every run of the same seed plans the
 * same ids, names, attributes, pictures, swipes and times. Users are memoised.
 */
export class DemoPlan {
  // Two generators: planning a swipe may plan another user midway, which reseeds the user one.
  private readonly userFaker = new Faker({ locale: [en, base] });
  private readonly swipeFaker = new Faker({ locale: [en, base] });
  private readonly users = new Map<number, PlannedUser>();

  constructor(readonly seed: number) {}

  user(index: number): PlannedUser {
    let user = this.users.get(index);
    if (!user) {
      user = this.planUser(index);
      this.users.set(index, user);
    }
    return user;
  }

  /**
   * Swipes made for user n: a few of its socks' verdicts on socks of earlier users, and now and
   * then a mutual like with an earlier user (that user's sock likes first, then n's sock likes
   * back, which makes the match). Each swipe involves user n, so the swipes of different users
   * never interfere and may run concurrently.
   */
  swipes(index: number): PlannedSwipe[] {
    if (index < 2) return [];
    const f = this.seeded(this.swipeFaker, index, 2);
    const me = this.user(index);
    const start = me.createdAt.getTime() + 60 * MINUTE;
    const planned: PlannedSwipe[] = [];
    const swipe = (userId: string, sockId: string, targetSockId: string, decision: Decision) =>
      planned.push({
        userId,
        sockId,
        targetSockId,
        decision,
        at: new Date(start + planned.length * MINUTE),
        matchId: this.id('match', sockId, targetSockId),
      });
    const partner = f.datatype.boolean({ probability: 0.2 })
      ? f.number.int({ min: 1, max: index - 1 })
      : null;
    if (partner !== null) {
      const theirs = f.helpers.arrayElement(this.user(partner).socks);
      const mine = f.helpers.arrayElement(me.socks);
      swipe(this.user(partner).id, theirs.id, mine.id, 'like');
      swipe(me.id, mine.id, theirs.id, 'like');
    }
    const others = Math.min(f.number.int({ min: 1, max: 3 }), index - 1 - (partner === null ? 0 : 1));
    const chosen = new Set<number>();
    while (chosen.size < others) {
      const other = f.number.int({ min: 1, max: index - 1 });
      if (other !== partner) chosen.add(other);
    }
    for (const other of chosen) {
      const target = f.helpers.arrayElement(this.user(other).socks);
      const mine = f.helpers.arrayElement(me.socks);
      swipe(me.id, mine.id, target.id, f.datatype.boolean({ probability: 0.6 }) ? 'like' : 'dislike');
    }
    return planned;
  }

  private planUser(index: number): PlannedUser {
    const f = this.seeded(this.userFaker, index, 1);
    const username = demoUsername(index);
    const createdAt = new Date(DEMO_EPOCH + (index - 1) * USER_STEP_MS);
    const gender = f.helpers.arrayElement(keysOf(GENDERS));
    const sex = gender === 'female' ? 'female' : gender === 'male' ? 'male' : undefined;
    const profile: UserProfile = {
      email: `${username}@example.com`,
      firstName: f.person.firstName(sex),
      lastName: f.person.lastName(),
      about: `${f.person.bio()}. Looking for a sock that ${f.helpers.arrayElement(['matches my energy', 'does not mind holes', 'loves long walks', 'survives the dryer'])}.`,
      birthday: isoDate(f.date.birthdate({ mode: 'age', min: 18, max: 75, refDate: DEMO_EPOCH })),
      gender,
      city: f.helpers.arrayElement(DEMO_CITIES),
      notifications: f.datatype.boolean({ probability: 0.25 }),
      social: {
        ...NO_SOCIAL_LINKS,
        instagram: f.datatype.boolean({ probability: 0.3 }) ? `https://instagram.com/${username}` : null,
        spotify: f.datatype.boolean({ probability: 0.15 })
          ? `https://open.spotify.com/user/${username}`
          : null,
      },
    };
    const userId = this.id('user', index);
    const avatar: PlannedPicture = {
      id: this.id('picture', index, 'avatar'),
      image: {
        kind: 'avatar',
        palette: f.number.int({ min: 0, max: 7 }),
        face: f.helpers.arrayElement([0, 1, 2] as const),
      },
      createdAt: new Date(createdAt.getTime() + MINUTE),
    };
    const socks = Array.from({ length: f.number.int({ min: 1, max: 4 }) }, (_, s) => {
      const sockCreated = new Date(createdAt.getTime() + (s + 2) * MINUTE);
      const attributes = sockAttributes(f, sockCreated);
      const first = f.helpers.arrayElement([0, 1, 2] as const);
      const pictures = Array.from({ length: f.number.int({ min: 1, max: 2 }) }, (_, p) => ({
        id: this.id('picture', index, s, p),
        image: { kind: 'sock', color: attributes.color, pattern: ((first + p) % 3) as 0 | 1 | 2 } as const,
        createdAt: new Date(sockCreated.getTime() + (p + 1) * 1000),
      }));
      return { id: this.id('sock', index, s), attributes, createdAt: sockCreated, pictures };
    });
    return { index, id: userId, username, profile, createdAt, avatar, socks };
  }

  /** faker seeded by (seed, user, purpose): independent of every other user's draws. */
  private seeded(faker: Faker, index: number, purpose: number): Faker {
    faker.seed([this.seed, index, purpose]);
    return faker;
  }

  /** A UUID (version 4 layout) derived from the seed and a name, the same on every run. */
  private id(...parts: ReadonlyArray<string | number>): string {
    const hex = createHash('sha256')
      .update(`hotsox-demo:${this.seed}:${parts.join(':')}`)
      .digest('hex');
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

export function demoUsername(index: number): string {
  return `${DEMO_USERNAME_PREFIX}${String(index).padStart(4, '0')}`;
}

/** Fields drawn their own way: every text and day (no rule fits them all), and any other that wants to. */
type SockDraws = Record<SockFieldsOfKind<'text' | 'date'>, () => string> &
  Partial<Record<SockFieldName, () => string | number>>;

/**
 * A sock's attributes, drawn field by field in `SOCK_FIELDS` order (the order fixes what a seed
 * gives): the fields of `SockDraws` their own way, the others anywhere in their range.
 */
function sockAttributes(f: Faker, createdAt: Date): SockAttributes {
  const draws: SockDraws = {
    name: () => {
      const adjective = f.word.adjective();
      return `${adjective.charAt(0).toUpperCase()}${adjective.slice(1)} ${f.helpers.arrayElement([...SOCK_NOUNS, f.person.firstName()])}`;
    },
    story: () => f.helpers.arrayElement(STORIES)(f),
    separationDate: () =>
      isoDate(f.date.between({ from: createdAt.getTime() - 5 * 365 * 86_400_000, to: createdAt })),
    // Most socks have no hole or one.
    holes: () =>
      f.helpers.weightedArrayElement([
        { weight: 6, value: 0 },
        { weight: 3, value: 1 },
        { weight: 1, value: f.number.int({ min: 2, max: 10 }) },
      ]),
    specialty: () => f.helpers.arrayElement(SPECIALTIES)(f),
  };
  return mapSockFields((name, field) => draws[name]?.() ?? anyValue(f, name, field)) as SockAttributes;
}

function anyValue(f: Faker, name: string, field: SockField): string | number {
  switch (field.kind) {
    case 'option':
      return f.helpers.arrayElement(keysOf(field.options));
    case 'integer':
      return f.number.int({ min: field.min, max: field.max });
    case 'text':
    case 'date':
      throw new Error(`${name} needs its own draw`);
  }
}

function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
