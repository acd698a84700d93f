import sharp from 'sharp';
import type { ColorKey } from '../../../src/domain/options/option-lists.js';
import type { SockFieldName } from '../../../src/domain/sock/sock-fields.js';
import { avatarSvg, sockSvg } from '../../../src/tools/seed/demo-images.js';
import { Random } from './random.js';

export interface SeedPlan {
  /** Users whose socks (without pictures) swipe and ask for candidates during the bench. */
  readonly benchUsers: number;
  readonly socksPerBenchUser: number;
  /**
   * Users whose socks (with a picture each) are swiped and offered as candidates: they never
   * swipe themselves, so no like is returned and no match is made.
   */
  readonly targetUsers: number;
  readonly socksPerTargetUser: number;
}

export interface BenchSock {
  readonly id: string;
  /** The access token of the sock's owner. */
  readonly token: string;
}

export interface Seeded {
  readonly benchSocks: readonly BenchSock[];
  readonly targetSockIds: readonly string[];
}

type Options = Record<string, Array<{ key: string }>>;

const PASSWORD = 'bench-password';
const CITIES = ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Vienna', 'Zurich', 'Paris', 'Amsterdam', 'Prague'];
const CONCURRENCY = 8;

/**
 * Seeds through the APIs at `bases` (e.g. `http://127.0.0.1:3001/fastify/v1`), as a client
 * would: sign-up, log-in, an avatar per user, then socks each with one PNG picture (drawn by
 * sharp). User n is seeded through `bases[n % bases.length]`: both apps share the work.
 */
export async function seedThroughApi(
  bases: readonly string[],
  plan: SeedPlan,
  progress: (line: string) => void,
): Promise<Seeded> {
  const random = new Random(4242);
  const options = (await call(bases[0] ?? '', 'GET', '/options')) as Options;
  const pick = (list: string) => random.pick(options[list] ?? []).key;

  const people = [
    ...Array.from({ length: plan.benchUsers }, (_, i) => ({ username: `bench_${i + 1}`, bench: true })),
    ...Array.from({ length: plan.targetUsers }, (_, i) => ({ username: `target_${i + 1}`, bench: false })),
  ];
  const users = await inParallel(people, 4, async ({ username, bench }, i) => {
    const base = bases[i % bases.length] ?? '';
    await call(base, 'POST', '/users', {
      json: {
        username,
        email: `${username}@bench.hotsox.local`,
        password: PASSWORD,
        birthday: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
        gender: pick('gender'),
        city: CITIES[i % CITIES.length],
        firstName: username,
      },
    });
    const { access_token: token } = (await call(base, 'POST', '/auth/token', {
      json: { username, password: PASSWORD },
    })) as { access_token: string };
    await call(base, 'POST', '/users/me/pictures', {
      token,
      file: await png(avatarSvg(i % 8, (i % 3) as 0 | 1 | 2)),
    });
    return { base, token, bench, socks: bench ? plan.socksPerBenchUser : plan.socksPerTargetUser };
  });
  progress(`seeded ${users.length} users`);

  const jobs = users.flatMap((user) => Array.from({ length: user.socks }, () => user));
  let done = 0;
  const socks = await inParallel(jobs, CONCURRENCY, async (user) => {
    const color = pick('color');
    const sock = (await call(user.base, 'POST', '/socks', {
      token: user.token,
      json: {
        name: `Bench sock ${random.int(1, 1_000_000)}`,
        story: 'Lost in a benchmark.',
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
    // Only the swiped socks need a picture (a sock without one is no candidate, and cannot be
    // swiped): the bench socks go without, which also keeps seeding short.
    if (!user.bench) {
      await call(user.base, 'POST', `/socks/${sock.id}/pictures`, {
        token: user.token,
        file: await png(sockSvg(color as ColorKey, random.int(0, 2) as 0 | 1 | 2)),
      });
    }
    done += 1;
    if (done % 250 === 0 || done === jobs.length) progress(`seeded ${done}/${jobs.length} socks`);
    return { id: sock.id, token: user.token, bench: user.bench };
  });
  return {
    benchSocks: socks.filter((s) => s.bench).map(({ id, token }) => ({ id, token })),
    targetSockIds: socks.filter((s) => !s.bench).map((s) => s.id),
  };
}

const pngs = new Map<string, Promise<Buffer>>();

/** A small PNG (64 px: quick for the app to re-encode) of an SVG, each drawn once. */
export function png(svg: string): Promise<Buffer> {
  let bytes = pngs.get(svg);
  if (!bytes) {
    bytes = sharp(Buffer.from(svg)).resize(64, 64).png().toBuffer();
    pngs.set(svg, bytes);
  }
  return bytes;
}

/** One JSON or upload request to an API, as a seeding step: anything but 2xx throws. */
export async function call(
  base: string,
  method: string,
  path: string,
  { token, json, file }: { token?: string; json?: unknown; file?: Buffer } = {},
): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let body: string | FormData | undefined;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (file) {
    body = new FormData();
    body.append('file', new Blob([file], { type: 'image/png' }), 'picture.png');
  }
  const response = await fetch(`${base}${path}`, { method, headers, ...(body ? { body } : {}) });
  const text = await response.text();
  if (!response.ok) throw new Error(`seeding: ${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** `fn` over `items`, at most `limit` at a time; results in the order of `items`. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
