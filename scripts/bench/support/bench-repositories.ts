import { randomUUID } from 'node:crypto';
import { PostgresCandidatePool } from '../../../src/adapters/persistence/decks/postgres-candidate-pool.js';
import {
  createMikroOrmRepositories,
  type MikroOrmRepositories,
} from '../../../src/adapters/persistence/mikro-orm-repositories.js';
import type { Orm } from '../../../src/adapters/persistence/mikro-orm.config.js';
import type { CandidatePool } from '../../../src/application/ports/candidate-pool.js';
import type { Clock } from '../../../src/application/ports/clock.js';

/** What the pool logs at each full load of the socks. */
export interface PoolLoad {
  readonly socks: number;
  readonly ms: number;
  readonly typedArrayMegabytes: number;
}

/** Every persistence port over one ORM, with the deck workers' scorer and its loads so far. */
export type BenchRepositories = MikroOrmRepositories & {
  readonly candidatePool: CandidatePool;
  readonly poolLoads: readonly PoolLoad[];
};

/**
 * The real adapters, as a worker process has them: a new `PostgresCandidatePool` each call (it
 * loads every sock on first use), made here rather than taken from `createMikroOrmRepositories`
 * so that its load line (socks, ms, typed-array MB) is printed.
 */
export function benchRepositories(orm: Orm, clock: Clock): BenchRepositories {
  const r = createMikroOrmRepositories(orm, { ids: { next: randomUUID }, clock });
  const poolLoads: PoolLoad[] = [];
  const candidatePool = new PostgresCandidatePool(r.scope, {
    logger: {
      info: (details, message) => {
        poolLoads.push(details as PoolLoad);
        process.stderr.write(`${message}: ${JSON.stringify(details)}\n`);
      },
    },
  });
  return { ...r, candidatePool, poolLoads };
}
