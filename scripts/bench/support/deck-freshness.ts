import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchRepositories } from './bench-repositories.js';
import type { Orm } from '../../../src/adapters/persistence/mikro-orm.config.js';
import type { Clock } from '../../../src/application/ports/clock.js';
import type { PictureStore } from '../../../src/application/ports/picture-store.js';
import { AddSockPicture } from '../../../src/application/socks/add-sock-picture.js';
import { AddSock } from '../../../src/application/socks/add-sock.js';
import type { Sock, SockAttributes } from '../../../src/domain/sock/sock.js';
import { roundScore } from '../../../src/domain/swiping/candidate.js';
import { Deck } from '../../../src/domain/swiping/deck.js';
import { similarityScore } from '../../../src/domain/swiping/similarity-score.js';
import { execute } from './database.js';
import type { DeckWorker } from './deck-worker.js';
import { Progress } from './progress.js';
import { percentile } from './timing.js';

export interface FreshnessOptions {
  /** New socks to add. */
  readonly socks: number;
  /** The wait between two new socks, in ms. */
  readonly intervalMs: number;
  /** Give up on one sock after this many ms (counted as a timeout, and as this long). */
  readonly timeoutMs: number;
}

export interface FreshnessResult {
  /** Seconds from the commit of the picture to the sock being in every deck it belongs in. */
  readonly seconds: number[];
  readonly p50Seconds: number;
  readonly p95Seconds: number;
  readonly maxSeconds: number;
  /** Socks that belonged in no built deck (left out of the figures). */
  readonly inNoDeck: number;
  readonly timeouts: number;
  /** Mean number of built decks a new sock belonged in. */
  readonly meanDecks: number;
}

/**
 * Deck freshness: new socks are added through the real use cases (`AddSock`, which asks for the
 * new sock's own deck, then `AddSockPicture`, whose `deck.place` event puts it into other decks),
 * with the deck worker running; for each, the seconds from the picture's commit until the sock
 * is in every built deck it belongs in, by polling `deck_entries`.
 *
 * A sock belongs in deck D (built, i.e. `built_at` set) when D's sock has another owner and the
 * new sock's score for D's sock (the domain's, rounded) passes D's floor (`Deck.admits`: floor
 * null, or score ≥ floor), as `decks` says at the commit. The new socks are nearly copies of the
 * `templates` (the socks whose decks were built), so that each belongs in at least its template's
 * deck: a random sock at 1M socks would belong in almost no deck of 200 entries, and measure nothing.
 * All new socks belong to one new user (never matched, nothing judged).
 */
export async function measureFreshness(
  orm: Orm,
  r: BenchRepositories,
  worker: DeckWorker,
  clock: Clock,
  pictureStore: PictureStore,
  png: Uint8Array,
  templates: readonly Sock[],
  options: FreshnessOptions,
): Promise<FreshnessResult> {
  const ids = { next: randomUUID };
  const addSock = new AddSock(r.socks, r.outbox, ids, r.uow, clock);
  const addPicture = new AddSockPicture(r.socks, r.pictures, r.outbox, pictureStore, ids, r.uow, clock);
  const userId = await insertUser(orm, clock.now());
  const deckSocks = new Map<string, Sock>();
  const progress = new Progress('deck freshness');
  const waits: Array<Promise<number | null>> = [];
  let finished = 0;
  let timeouts = 0;
  let expectedTotal = 0;

  for (let i = 0; i < options.socks; i++) {
    const template = templates[i % templates.length] as Sock;
    const { sock: added } = await addSock.execute({ userId, attributes: nearCopy(template, i) });
    worker.nudge();
    await addPicture.execute({ userId, sockId: added.id, bytes: png });
    const committed = performance.now();
    worker.nudge();
    const sock = (await r.socks.findById(added.id)) as Sock;
    const expected = await decksItBelongsIn(orm, r, sock, deckSocks);
    expectedTotal += expected.length;
    waits.push(
      (async () => {
        if (expected.length === 0) return null;
        const deadline = committed + options.timeoutMs;
        for (;;) {
          const [{ n }] = (await execute(
            orm,
            `select count(*)::int as n from deck_entries
             where candidate_id = '${sock.id}' and sock_id = any('{${expected.join(',')}}'::uuid[])`,
          )) as [{ n: number }];
          const now = performance.now();
          if (n === expected.length || now > deadline) {
            if (n !== expected.length) timeouts += 1;
            finished += 1;
            progress.update(finished, options.socks, `${finished}/${options.socks} socks placed`);
            return (Math.min(now, deadline) - committed) / 1000;
          }
          await sleep(25);
        }
      })(),
    );
    await sleep(options.intervalMs);
  }
  const outcomes = await Promise.all(waits);
  progress.finish();
  const seconds = outcomes.filter((s): s is number => s !== null);
  const sorted = [...seconds].sort((a, b) => a - b);
  return {
    seconds,
    p50Seconds: percentile(sorted, 50),
    p95Seconds: percentile(sorted, 95),
    maxSeconds: sorted.at(-1) ?? Number.NaN,
    inNoDeck: outcomes.length - seconds.length,
    timeouts,
    meanDecks: expectedTotal / Math.max(1, outcomes.length),
  };
}

/** The built decks `sock` belongs in now (see `measureFreshness`), by their socks' ids. */
async function decksItBelongsIn(
  orm: Orm,
  r: BenchRepositories,
  sock: Sock,
  deckSocks: Map<string, Sock>,
): Promise<string[]> {
  const decks = (await execute(orm, 'select sock_id, floor from decks where built_at is not null')) as Array<{
    sock_id: string;
    floor: number | null;
  }>;
  const missing = decks.map((d) => d.sock_id).filter((id) => !deckSocks.has(id));
  for (const s of await r.socks.findManyByIds(missing)) deckSocks.set(s.id, s);
  return decks
    .filter((d) => {
      const own = deckSocks.get(d.sock_id);
      if (!own || own.ownerId === sock.ownerId) return false;
      return Deck.admits(d.floor, roundScore(similarityScore(own, sock)));
    })
    .map((d) => d.sock_id);
}

/** The template's attributes with one integer nudged, so that no two new socks are identical. */
function nearCopy(template: Sock, i: number): SockAttributes {
  const { id: _id, ownerId: _owner, createdAt: _created, ...attributes } = template;
  return { ...attributes, kilometers: (template.kilometers + i) % 1001 };
}

async function insertUser(orm: Orm, at: Date): Promise<string> {
  const id = randomUUID();
  const name = `fresh_${id.slice(0, 8)}`;
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into users (id, username, email, password_hash, first_name, last_name, about, birthday,
         gender, city, notifications, is_admin, created_at)
       values (?, ?, ?, 'x', 'Fresh', 'Socks', '', '1990-01-01', 'snail', 'Somewhere', false, false, ?)`,
      [id, name, `${name}@example.com`, at.toISOString()],
    );
  return id;
}
