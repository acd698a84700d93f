import type { SwipeContext, SwipeRepository } from '../../application/ports/swipe-repository.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { AlreadyJudgedError } from '../../domain/swiping/swiping-errors.js';
import type { Decision, Swipe } from '../../domain/swiping/swipe.js';
import { isUuid } from './ids.js';
import { sockOfJson, swipeOrNull, type SockJson } from './raw-rows.js';
import { failingOnViolations, type ConstraintErrors } from './refused-writes.js';
import { SWIPE_CONSTRAINTS, SwipeSchema, type SwipeRow } from './schemas/swipe.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** A sock deleted after the use case found it (a concurrent deletion) is a sock not found. */
const MISSING_SOCK: ConstraintErrors = {
  [SWIPE_CONSTRAINTS.sockExists]: () => new SockNotFoundError(),
  [SWIPE_CONSTRAINTS.targetExists]: () => new SockNotFoundError(),
};

/**
 * One row, or none when the own sock is not the user's or the target is unknown. The picture
 * count walks `pictures_sock_id_not_null_index`; the earlier swipe is a primary-key lookup.
 */
const CONTEXT_SQL = `select to_json(o) as own, to_json(t) as target,
  (select count(*) from pictures p where p.sock_id = t.id)::int as target_pictures,
  w.decision as earlier_decision, w.judged_at as earlier_judged_at
from socks o
join socks t on t.id = ?
left join swipes w on w.sock_id = o.id and w.target_sock_id = t.id
where o.id = ? and o.owner_id = ?`;

interface ContextRow {
  readonly own: SockJson;
  readonly target: SockJson;
  readonly target_pictures: number;
  readonly earlier_decision: string | null;
  readonly earlier_judged_at: string | null;
}

/**
 * ON CONFLICT … DO NOTHING: a concurrent duplicate waits for the first insert's transaction and
 * then inserts nothing (`judged` is empty), which is `AlreadyJudgedError`. The deck entry goes
 * only with an inserted swipe: the delete joins `judged`.
 */
const ADD_SQL = `with judged as (
  insert into swipes (sock_id, target_sock_id, decision, judged_at) values (?, ?, ?, ?)
  on conflict on constraint ${SWIPE_CONSTRAINTS.judgedOnce} do nothing
  returning sock_id, target_sock_id
), dealt as (
  delete from deck_entries e using judged j
  where e.sock_id = j.sock_id and e.candidate_id = j.target_sock_id
)
select count(*)::int as inserted from judged`;

/**
 * Swipes in `swipes`, unique per (sock, target) by the primary key. The swipe path reads and
 * writes with raw statements (`em.execute`): no query building, no hydration.
 */
export class MikroOrmSwipeRepository implements SwipeRepository {
  constructor(private readonly scope: TransactionScope) {}

  async loadSwipeContext(userId: string, sockId: string, targetSockId: string): Promise<SwipeContext | null> {
    if (!isUuid(userId) || !isUuid(sockId) || !isUuid(targetSockId)) return null;
    const row: ContextRow | undefined = await this.scope.use((em) =>
      em.execute<ContextRow>(CONTEXT_SQL, [targetSockId, sockId, userId], 'get'),
    );
    if (!row) return null;
    return {
      own: sockOfJson(row.own),
      target: sockOfJson(row.target),
      targetPictureCount: row.target_pictures,
      earlier: swipeOrNull(sockId, targetSockId, row.earlier_decision, row.earlier_judged_at),
    };
  }

  /**
   * Either sock deleted since the caller read it (by a transaction that committed meanwhile)
   * violates a foreign key, reported as `SockNotFoundError`. No savepoint: the use case ends
   * with that error and its unit of work rolls back, so saving the transaction would only cost
   * two round trips on every swipe.
   */
  async add(swipe: Swipe): Promise<void> {
    const row = await this.scope.use((em) =>
      failingOnViolations(MISSING_SOCK, () =>
        em.execute<{ inserted: number }>(
          ADD_SQL,
          [swipe.sockId, swipe.targetSockId, swipe.decision, swipe.judgedAt],
          'get',
        ),
      ),
    );
    if (row.inserted === 0) throw new AlreadyJudgedError();
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
