import type { ColorKey } from '../../../src/domain/options/option-lists.js';
import type { SockFieldName } from '../../../src/domain/sock/sock-fields.js';
import { sockSvg } from '../../../src/tools/seed/demo-images.js';
import { Random } from './random.js';
import { call, inParallel, png } from './seed.js';

/** A user seeded to match: one sock with a picture (a sock without one cannot be swiped). */
export interface MatchUser {
  readonly username: string;
  /** Lower case, as the mail sink reports recipients. */
  readonly email: string;
  readonly token: string;
  readonly sockId: string;
}

type Options = Record<string, Array<{ key: string }>>;

const PASSWORD = 'bench-password';
const CITIES = ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Vienna', 'Zurich', 'Paris', 'Amsterdam', 'Prague'];

/** `mb_0001`, `mb_0002`…: fixed width, so no username is part of another. */
export const matchUsername = (i: number): string => `mb_${String(i + 1).padStart(4, '0')}`;
/** Finds the bench usernames in a text (a subject). */
export const MATCH_USERNAME_PATTERN = /\bmb_\d{4}\b/g;

/**
 * Seeds users `from` … `from + count − 1` through the APIs at `bases` as a client would (user n
 * through `bases[n % bases.length]`): sign-up with notifications on, log-in, one sock, one small
 * PNG picture for it. Sign-up and log-in hash a password each (Argon2), the costly part.
 */
export async function seedMatchUsers(
  bases: readonly string[],
  from: number,
  count: number,
  progress: (done: number, total: number) => void,
): Promise<MatchUser[]> {
  const random = new Random(2025 + from);
  const options = (await call(bases[0] ?? '', 'GET', '/options')) as Options;
  const pick = (list: string) => random.pick(options[list] ?? []).key;
  let done = 0;
  return inParallel(
    Array.from({ length: count }, (_, i) => from + i),
    4,
    async (i) => {
      const base = bases[i % bases.length] ?? '';
      const username = matchUsername(i);
      const email = `${username}@bench.hotsox.local`;
      await call(base, 'POST', '/users', {
        json: {
          username,
          email,
          password: PASSWORD,
          birthday: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
          gender: pick('gender'),
          city: CITIES[i % CITIES.length],
          firstName: username,
          notifications: true,
        },
      });
      const { access_token: token } = (await call(base, 'POST', '/auth/token', {
        json: { username, password: PASSWORD },
      })) as { access_token: string };
      const color = pick('color');
      const sock = (await call(base, 'POST', '/socks', {
        token,
        json: {
          name: `Mail bench sock ${i + 1}`,
          story: 'Waiting for an email.',
          color,
          fabric: pick('fabric'),
          thickness: pick('thickness'),
          brand: pick('brand'),
          type: pick('type'),
          size: pick('size'),
          age: random.int(0, 25),
          separationDate: `202${random.int(0, 5)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
          condition: pick('condition'),
          holes: random.int(0, 10),
          kilometers: random.int(0, 1000),
          environment: pick('environment'),
          washedPerWeek: random.int(0, 7),
          specialty: 'Benchmarks',
        } satisfies Record<SockFieldName, unknown>,
      })) as { id: string };
      await call(base, 'POST', `/socks/${sock.id}/pictures`, {
        token,
        file: await png(sockSvg(color as ColorKey, (i % 3) as 0 | 1 | 2)),
      });
      done += 1;
      progress(done, count);
      return { username, email: email.toLowerCase(), token, sockId: sock.id };
    },
  );
}
