import type { QueryResult } from '@mikro-orm/core';
import type { SwipeRepository } from '../../application/ports/swipe-repository.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { AlreadyJudgedError } from '../../domain/swiping/swiping-errors.js';
import type { Decision, Swipe } from '../../domain/swiping/swipe.js';
import { isUuid } from './ids.js';
import { refusingViolations, type ConstraintErrors } from './refused-writes.js';
import { SWIPE_CONSTRAINTS, SwipeSchema, type SwipeRow } from './schemas/swipe.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** A sock deleted after the use case found it (a concurrent deletion) is a sock not found. */
const MISSING_SOCK: ConstraintErrors = {
  [SWIPE_CONSTRAINTS.sockExists]: () => new SockNotFoundError(),
  [SWIPE_CONSTRAINTS.targetExists]: () => new SockNotFoundError(),
};

/** Swipes in `swipes`, unique per (sock, target) by the primary key. */
export class MikroOrmSwipeRepository implements SwipeRepository {
  constructor(private readonly scope: TransactionScope) {}

  /**
   * INSERT … ON CONFLICT ON CONSTRAINT swipes_pkey DO NOTHING: a concurrent duplicate waits for
   * the first insert's transaction and then inserts nothing, which we report as
   * `AlreadyJudgedError`. Either sock deleted since the caller looked it up (by a transaction
   * that committed meanwhile) violates a foreign key, which we report as `SockNotFoundError`;
   * the insert runs in a savepoint, so the transaction stays usable in both cases.
   */
  async add(swipe: Swipe): Promise<void> {
    const result = await this.scope.use((em) =>
      refusingViolations(em, MISSING_SOCK, (sp) =>
        sp.execute<QueryResult>(
          `insert into swipes (sock_id, target_sock_id, decision, judged_at) values (?, ?, ?, ?)
           on conflict on constraint ${SWIPE_CONSTRAINTS.judgedOnce} do nothing`,
          [swipe.sockId, swipe.targetSockId, swipe.decision, swipe.judgedAt],
          'run',
        ),
      ),
    );
    if (result.affectedRows === 0) throw new AlreadyJudgedError();
  }

  async find(sockId: string, targetSockId: string): Promise<Swipe | null> {
    if (!isUuid(sockId) || !isUuid(targetSockId)) return null;
    const row = await this.scope.use((em) =>
      em.findOne(SwipeSchema, { sockId, targetSockId }, { disableIdentityMap: true }),
    );
    return row ? toSwipe(row) : null;
  }

  async judgedBy(sockId: string): Promise<string[]> {
    if (!isUuid(sockId)) return [];
    const rows = await this.scope.use((em) =>
      em.execute<Array<{ target_sock_id: string }>>(
        'select target_sock_id from swipes where sock_id = ?',
        [sockId],
        'all',
      ),
    );
    return rows.map((r) => r.target_sock_id);
  }
}

function toSwipe(row: SwipeRow): Swipe {
  return {
    sockId: row.sockId,
    targetSockId: row.targetSockId,
    decision: row.decision as Decision,
    judgedAt: row.judgedAt,
  };
}
