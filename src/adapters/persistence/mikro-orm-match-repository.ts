import type { QueryResult } from '@mikro-orm/core';
import type { MatchRepository, PairState } from '../../application/ports/match-repository.js';
import type { Match } from '../../domain/matching/match.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { Swipe } from '../../domain/swiping/swipe.js';
import { isUuid } from './ids.js';
import { limitOffset, pageOf } from './pages.js';
import { matchOrNull, swipeOrNull, type RawMatchColumns } from './raw-rows.js';
import { MatchSchema, type MatchRow } from './schemas/match.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** The unordered user pair, as the unique index `matches_user_pair_unique` sees it. */
const SAME_PAIR = `least(initiator_id, partner_id) = least(?::uuid, ?::uuid)
  and greatest(initiator_id, partner_id) = greatest(?::uuid, ?::uuid)`;

/**
 * Exactly one row: the reverse swipe by its primary key and the pair's match through the pair
 * index (`matches_user_pair_unique`), each outer-joined, so that absence reads as nulls.
 */
const PAIR_STATE_SQL = `select w.decision as reverse_decision, w.judged_at as reverse_judged_at,
  m.id as match_id, m.initiator_id, m.initiator_sock_id, m.partner_id, m.partner_sock_id,
  m.created_at, m.ended_at
from (select 1) as one
left join swipes w on w.sock_id = ? and w.target_sock_id = ?
left join matches m on least(m.initiator_id, m.partner_id) = least(?::uuid, ?::uuid)
  and greatest(m.initiator_id, m.partner_id) = greatest(?::uuid, ?::uuid)`;

interface PairStateRow extends RawMatchColumns {
  readonly reverse_decision: string | null;
  readonly reverse_judged_at: string | null;
}

const SELECT_MATCH = `select id as match_id, initiator_id, initiator_sock_id, partner_id, partner_sock_id,
  created_at, ended_at from matches`;

/** Matches in `matches`: one row per unordered pair of users, ever. */
export class MikroOrmMatchRepository implements MatchRepository {
  constructor(private readonly scope: TransactionScope) {}

  /**
   * `pg_advisory_xact_lock` on a 64-bit hash of the ordered pair: held until the unit of work
   * commits or rolls back. Two different pairs may share a hash; they then merely wait for each
   * other, which is harmless.
   * @throws {Error} outside a unit of work (the lock would be released at once)
   */
  async lockPair(userA: string, userB: string): Promise<void> {
    const em = this.scope.required('MatchRepository.lockPair');
    await em.execute(
      `select pg_advisory_xact_lock(hashtextextended('match-pair:' || least(?::uuid, ?::uuid)::text || ':' || greatest(?::uuid, ?::uuid)::text, 0))`,
      [userA, userB, userA, userB],
    );
  }

  /** One raw statement (`em.execute`): it runs on every like. */
  async findPairState(like: Swipe, likerId: string, targetOwnerId: string): Promise<PairState> {
    if (![like.sockId, like.targetSockId, likerId, targetOwnerId].every(isUuid)) {
      return { reverse: null, existing: null };
    }
    const row = await this.scope.use((em) =>
      em.execute<PairStateRow>(
        PAIR_STATE_SQL,
        [like.targetSockId, like.sockId, likerId, targetOwnerId, likerId, targetOwnerId],
        'get',
      ),
    );
    return {
      reverse: swipeOrNull(like.targetSockId, like.sockId, row.reverse_decision, row.reverse_judged_at),
      existing: matchOrNull(row),
    };
  }

  /**
   * INSERT … ON CONFLICT on the pair index (`matches_user_pair_unique`) DO NOTHING: a duplicate
   * pair is never an error and the unit of work stays usable; a duplicate id still fails.
   */
  async add(match: Match): Promise<boolean> {
    const result = await this.scope.use((em) =>
      em.execute<QueryResult>(
        `insert into matches (id, initiator_id, initiator_sock_id, partner_id, partner_sock_id, created_at, ended_at)
         values (?, ?, ?, ?, ?, ?, ?)
         on conflict ((least(initiator_id, partner_id)), (greatest(initiator_id, partner_id))) do nothing`,
        [
          match.id,
          match.initiator.userId,
          match.initiator.sockId,
          match.partner.userId,
          match.partner.sockId,
          match.createdAt,
          match.endedAt,
        ],
        'run',
      ),
    );
    return result.affectedRows === 1;
  }

  async save(match: Match): Promise<void> {
    await this.scope.use((em) => em.nativeUpdate(MatchSchema, { id: match.id }, { endedAt: match.endedAt }));
  }

  async findById(id: string): Promise<Match | null> {
    if (!isUuid(id)) return null;
    return this.selectOne(`${SELECT_MATCH} where id = ?`, [id]);
  }

  async findBetween(userA: string, userB: string): Promise<Match | null> {
    if (!isUuid(userA) || !isUuid(userB)) return null;
    return this.selectOne(`${SELECT_MATCH} where ${SAME_PAIR}`, [userA, userB, userA, userB]);
  }

  async partnersOf(userId: string): Promise<string[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.scope.use((em) =>
      em.execute<Array<{ other: string }>>(
        `select partner_id as other from matches where initiator_id = ?
         union all select initiator_id from matches where partner_id = ?`,
        [userId, userId],
        'all',
      ),
    );
    return rows.map((r) => r.other);
  }

  async listActiveFor(userId: string, page: PageRequest): Promise<Page<Match>> {
    if (!isUuid(userId)) return pageOf([], 0, page);
    const [rows, total] = await this.scope.use((em) =>
      em.findAndCount(
        MatchSchema,
        { $or: [{ initiatorId: userId }, { partnerId: userId }], endedAt: null },
        { orderBy: { createdAt: 'desc', seq: 'desc' }, ...limitOffset(page), disableIdentityMap: true },
      ),
    );
    return pageOf(rows.map(toMatch), total, page);
  }

  /** A raw single-row read (`em.execute`): a match is read on every chat message and match view. */
  private async selectOne(sql: string, params: unknown[]): Promise<Match | null> {
    const row: RawMatchColumns | undefined = await this.scope.use((em) =>
      em.execute<RawMatchColumns>(sql, params, 'get'),
    );
    return row ? matchOrNull(row) : null;
  }
}

function toMatch(row: MatchRow): Match {
  return {
    id: row.id,
    initiator: { userId: row.initiatorId, sockId: row.initiatorSockId },
    partner: { userId: row.partnerId, sockId: row.partnerSockId },
    createdAt: row.createdAt,
    endedAt: row.endedAt,
  };
}
