/**
 * Differential, property-based fuzzing of the two HTTP APIs (Express `/api/v1`, Fastify
 * `/fastify/v1`) against the shared operation table (src/adapters/http-common/api).
 *
 * Both apps are built once, each over its OWN in-memory state; before every run both get a fresh
 * kit seeded identically (same FixedClock, SequentialIdGenerator, fixture: three users with
 * tokens, socks with pictures, an active and an ended match, messages, mails, refresh tokens; see
 * support/world.ts). Each generated request goes to both apps; the runs check:
 *   1. no 5xx;
 *   2. the status is the operation's success status or one of its declared errors (401 for
 *      authenticated operations, 404 where the mutation broke the route);
 *   3. a 2xx body parses with the operation's success schema; an error body is a Problem sent as
 *      application/problem+json (plus WWW-Authenticate on 401, Retry-After on 429);
 *   4. the apps agree on status, the contract's headers and body, after normalising ids,
 *      timestamps, the base path and picture URLs; and their states stay identical (lockstep).
 * This fuzzes the HTTP layer only: persistence is covered by the repository contract suites.
 *
 * For every operation: FUZZ_RUNS (default 200) valid requests derived from the zod schemas (via
 * their JSON Schema, with fixture-aware hints so they go deep) and as many mutated ones (see
 * support/mutations.ts); then FUZZ_SEQUENCES (default 150) sequences of mixed requests in lockstep
 * on one state.
 *
 * The seed is fixed (FUZZ_SEED, default 20261129) and printed. A failure reports fast-check's
 * seed and path (`{ seed: …, path: "40:113" }`) with the failing request and both answers; replay
 * exactly that case (on fresh states, as every run starts from one) with
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx jest -t '<test name>' -- test/fuzz/differential
 * e.g. -t 'updateSock: mutated' (the filter matters: a path belongs to one property). Explore with
 * other seeds or more runs: FUZZ_SEED=$RANDOM FUZZ_RUNS=1000 npx jest -- test/fuzz/differential
 *
 * Cost: about 12,000 requests per app; ~25 s on an idle 2-vCPU machine (it prints wall and CPU).
 * Related: regressions.test.ts (one case per bug found), multipart-streams.test.ts,
 * known-differences.test.ts (disagreements left unfixed).
 */
import fc from 'fast-check';
import type { Operation } from '../../src/adapters/http-common/api/operation.js';
import { OPERATIONS } from '../../src/adapters/http-common/api/operations.js';
import { createTestKit } from '../../src/application/testing/test-kit.js';
import { check, checkLockstep, operationOf } from './support/checks.js';
import { describeRequest, destroyAgent, send, type FuzzRequest, type RawResponse } from './support/http.js';
import { mutatedArb } from './support/mutations.js';
import { validRequestArb, type Pools } from './support/requests.js';
import { seedFixture, startApps, type Apps } from './support/world.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEQUENCES = Number(process.env.FUZZ_SEQUENCES ?? 150);
const PATH = process.env.FUZZ_PATH;

jest.setTimeout(300_000);

let apps: Apps;
let pools: Pools;
/** Status counts per test, printed at the end (how deep the runs went). */
const stats = new Map<string, Map<number, number>>();

const started = { cpu: process.cpuUsage(), wall: Date.now() };

beforeAll(async () => {
  apps = await startApps();
  const kit = createTestKit();
  const fixture = await seedFixture(kit);
  pools = { fixture, futureIds: Array.from({ length: 12 }, () => kit.ids.next()) };
  expect(apps.express.fixture).toEqual(fixture);
  expect(apps.fastify.fixture).toEqual(fixture);
  console.info(`differential fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} FUZZ_SEQUENCES=${SEQUENCES}`);
});

afterAll(async () => {
  await apps?.close();
  destroyAgent();
  if (stats.size > 0) {
    const lines = [...stats].map(
      ([name, counts]) =>
        `${name.padEnd(26)} ${String(durations.get(name) ?? '').padStart(6)} ms  ${[...counts]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}`,
    );
    const cpu = process.cpuUsage(started.cpu);
    console.info(
      `statuses per test (express = fastify unless a test failed):\n${lines.join('\n')}\n` +
        `wall ${(Date.now() - started.wall) / 1000} s, cpu ${(cpu.user + cpu.system) / 1e6} s`,
    );
  }
});

function count(test: string, status: number): void {
  const counts = stats.get(test) ?? new Map<number, number>();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  stats.set(test, counts);
}

async function both(req: FuzzRequest): Promise<[RawResponse, RawResponse]> {
  return Promise.all([
    send(apps.express.port, apps.express.base, req),
    send(apps.fastify.port, apps.fastify.base, req),
  ]);
}

/** One request on a fresh pair of identical states. */
async function runOne(test: string, req: FuzzRequest): Promise<void> {
  await apps.reset();
  const [express, fastify] = await both(req);
  count(test, express.status);
  check(req, express, fastify);
  checkLockstep(req, apps.express, apps.fastify);
}

const durations = new Map<string, number>();

async function assertProperty<T>(
  test: string,
  arb: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns: number,
): Promise<void> {
  const started = Date.now();
  try {
    await fc.assert(fc.asyncProperty(arb, predicate), {
      seed: SEED,
      numRuns,
      ...(PATH ? { path: PATH } : {}),
    });
  } finally {
    durations.set(test, Date.now() - started);
  }
}

describe.each(OPERATIONS.map((op): [string, Operation] => [`${op.method.toUpperCase()} ${op.path}`, op]))(
  'differential fuzz of %s',
  (_name, op) => {
    it(`${op.operationId}: valid requests`, async () => {
      const test = `${op.operationId} valid`;
      await assertProperty(test, validRequestArb(op, pools), (req) => runOne(test, req), RUNS);
    });

    it(`${op.operationId}: mutated requests`, async () => {
      const test = `${op.operationId} mutated`;
      await assertProperty(test, mutatedArb(op, pools), (req) => runOne(test, req), RUNS);
    });
  },
);

describe('differential fuzz of request sequences', () => {
  it('keeps both apps in lockstep over mixed sequences', async () => {
    const step = fc.record({
      request: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...OPERATIONS).chain((op) => validRequestArb(op, pools)) },
        { weight: 1, arbitrary: fc.constantFrom(...OPERATIONS).chain((op) => mutatedArb(op, pools)) },
      ),
      // Seconds the clock moves before the request; now and then past the access tokens' life.
      advance: fc.oneof(
        { weight: 40, arbitrary: fc.integer({ min: 0, max: 90 }) },
        { weight: 1, arbitrary: fc.constant(16 * 60) },
      ),
    });
    await assertProperty(
      'sequences',
      fc.array(step, { minLength: 2, maxLength: 20 }),
      async (steps) => {
        await apps.reset(true);
        for (const [index, { request, advance }] of steps.entries()) {
          apps.express.kit.clock.advanceSeconds(advance);
          apps.fastify.kit.clock.advanceSeconds(advance);
          const [express, fastify] = await both(request);
          count('sequences', express.status);
          try {
            check(request, express, fastify);
            checkLockstep(request, apps.express, apps.fastify);
          } catch (error) {
            const before = steps
              .slice(0, index)
              .map((s, i) => `#${i + 1} (+${s.advance}s) ${describeRequest(s.request).split('\n')[0]}`);
            throw new Error(
              `step ${index + 1} of ${steps.length} (${operationOf(request).operationId}), after:\n${before.join('\n')}\n${(error as Error).message}`,
              { cause: error },
            );
          }
        }
      },
      SEQUENCES,
    );
  });
});
