import type { QueryResult } from '@mikro-orm/core';
import type { DeckPlacement } from '../../../application/ports/candidate-pool.js';
import type { DeckCard, DeckPeek, DeckRepository } from '../../../application/ports/deck-repository.js';
import type { BuiltDeck } from '../../../domain/swiping/deck.js';
import { isUuid } from '../ids.js';
import { toPicture, type RawPicture } from '../mikro-orm-picture-repository.js';
import { OWNER_COLUMNS, candidateRowMapper } from '../candidate-rows.js';
import type { TransactionScope } from '../transaction-scope.js';

/**
 * The candidate rules that can change after an entry was written, for the candidate `s` of the
 * deck of sock `d.sock_id` owned by `own.owner_id`: it still has a picture, the deck's sock has
 * not judged it, the owners never matched.
 *
 * Written as scalar subqueries, not EXISTS: PostgreSQL turns EXISTS into semi- and anti-joins,
 * whose plans it must search (3.5 ms of planning on every "next", more than the query runs),
 * and whose estimates ("a sock has 3 swipes") made it read a heavy swiper's every swipe to serve
 * one card. A scalar subquery stays a subplan: one index probe per entry looked at, in order,
 * stopping after `limit` hits.
 */
const STILL_CANDIDATE = `(select true from pictures p where p.sock_id = s.id limit 1)
    and (select true from swipes w where w.sock_id = d.sock_id and w.target_sock_id = s.id) is null
    and (select true from matches m where m.initiator_id = own.owner_id and m.partner_id = s.owner_id) is null
    and (select true from matches m where m.partner_id = own.owner_id and m.initiator_id = s.owner_id) is null`;

/**
 * Serving "next": the deck row, how many entries it has left, and its first `limit` entries
 * that are still candidates, with each candidate's sock and owner. One statement whose cost
 * does not depend on how many socks there are: the deck's entries (a few hundred at most) are
 * read in score order (the subquery is fenced by `offset 0`, so they are ordered once and the
 * rules are probed entry by entry until `limit` hits), and judged entries are deleted by the swipe.
 */
const PEEK_SQL = `select d.floor, d.build_requested_at is not null as build_requested, r.remaining, e.*
from decks d
join socks own on own.id = d.sock_id
cross join lateral (select count(*)::int as remaining from deck_entries c where c.sock_id = d.sock_id) r
left join lateral (
  select x.score as deck_score, s.*, ${OWNER_COLUMNS},
    (select coalesce(json_agg(json_build_object('id', p.id, 'user_id', p.user_id, 'sock_id', p.sock_id,
        'key', p.key, 'created_at', p.created_at) order by p.created_at, p.seq), '[]'::json)
     from pictures p where p.sock_id = s.id) as card_pictures
  from (
    select candidate_id, score from deck_entries where sock_id = d.sock_id
    order by score desc, candidate_id offset 0
  ) x
  join socks s on s.id = x.candidate_id
  join users u on u.id = s.owner_id
  where ${STILL_CANDIDATE}
  order by x.score desc, x.candidate_id
  limit ?
) e on true
where d.sock_id = ? and d.built_at is not null`;

/** Adds one candidate to the listed decks where it still belongs (see `DeckRepository.place`). */
const PLACE_SQL = `insert into deck_entries (sock_id, candidate_id, score)
select t.deck_sock_id, s.id, t.score
from json_to_recordset(?::json) as t(deck_sock_id uuid, score float8)
join decks d on d.sock_id = t.deck_sock_id and d.built_at is not null
  and (d.floor is null or t.score >= d.floor)
join socks own on own.id = d.sock_id
join socks s on s.id = ?::uuid and s.owner_id <> own.owner_id
where ${STILL_CANDIDATE}
on conflict on constraint deck_entries_pkey do update set score = excluded.score`;

interface PeekRow extends Record<string, unknown> {
  floor: number | null;
  build_requested: boolean;
  remaining: number;
  deck_score: number | null;
  card_pictures: RawPicture[] | null;
}

/** Decks in `decks` and `deck_entries` (see the decks migration). */
export class MikroOrmDeckRepository implements DeckRepository {
  constructor(private readonly scope: TransactionScope) {}

  async peek(sockId: string, limit: number): Promise<DeckPeek | null> {
    if (!isUuid(sockId)) return null;
    return this.scope.use(async (em) => {
      const rows = await em.execute<PeekRow[]>(PEEK_SQL, [limit, sockId], 'all');
      const first = rows[0];
      if (!first) return null;
      const toCandidate = candidateRowMapper(em);
      const cards = rows.flatMap((row): DeckCard[] =>
        // a deck without entries still gives its row, with nulls from the left join
        row.deck_score === null
          ? []
          : [
              {
                ...toCandidate(row),
                score: row.deck_score,
                pictures: (row.card_pictures ?? []).map(toPicture),
              },
            ],
      );
      return {
        cards,
        remaining: first.remaining,
        floor: first.floor,
        refillRequested: first.build_requested,
      };
    });
  }

  /**
   * A request older than `STALE_REQUEST` counts as lost (its job failed for good, say) and is
   * made again, so a deck cannot stay unbuilt because one event went missing.
   */
  async requestBuild(sockId: string, at: Date): Promise<boolean> {
    if (!isUuid(sockId)) return false;
    const result = await this.scope.use((em) =>
      em.execute<QueryResult>(
        `insert into decks (sock_id, build_requested_at)
         select id, ?::timestamptz from socks where id = ?
         on conflict (sock_id) do update set build_requested_at = excluded.build_requested_at
         where decks.build_requested_at is null
            or decks.build_requested_at < excluded.build_requested_at - interval '${STALE_REQUEST_SECONDS} seconds'`,
        [at, sockId],
        'run',
      ),
    );
    return result.affectedRows === 1;
  }

  async lockDeck(sockId: string): Promise<void> {
    await this.advisoryLock('DeckRepository.lockDeck', `deck:${sockId}`);
  }

  async lockCandidate(sockId: string): Promise<void> {
    await this.advisoryLock('DeckRepository.lockCandidate', `deck-candidate:${sockId}`);
  }

  async removeFromDeck(deckSockId: string, candidateId: string): Promise<void> {
    if (!isUuid(deckSockId) || !isUuid(candidateId)) return;
    await this.scope.use((em) =>
      em.execute(
        'delete from deck_entries where sock_id = ? and candidate_id = ?',
        [deckSockId, candidateId],
        'run',
      ),
    );
  }

  /** A transaction-scoped advisory lock on a 64-bit hash of `key` (a rare collision only makes two wait). */
  private async advisoryLock(operation: string, key: string): Promise<void> {
    const em = this.scope.required(operation);
    await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [key]);
  }

  /** Three statements in the caller's unit of work: the deck row, out with the old entries, in with the new. */
  async replace(deck: BuiltDeck): Promise<void> {
    if (!isUuid(deck.sockId)) return;
    await this.scope.use(async (em) => {
      const kept = await em.execute<QueryResult>(
        `insert into decks (sock_id, built_at, floor, build_requested_at)
         select id, ?::timestamptz, ?::float8, null from socks where id = ?
         on conflict (sock_id) do update
           set built_at = excluded.built_at, floor = excluded.floor, build_requested_at = null`,
        [deck.builtAt, deck.floor, deck.sockId],
        'run',
      );
      if (kept.affectedRows === 0) return; // the sock is gone, and with it its deck
      await em.execute('delete from deck_entries where sock_id = ?', [deck.sockId], 'run');
      const entries = deck.entries.filter((e) => isUuid(e.candidateId));
      if (entries.length === 0) return;
      await em.execute(
        `insert into deck_entries (sock_id, candidate_id, score)
         select ?::uuid, t.candidate_id, t.score
         from json_to_recordset(?::json) as t(candidate_id uuid, score float8)
         join socks s on s.id = t.candidate_id
         on conflict on constraint deck_entries_pkey do update set score = excluded.score`,
        [deck.sockId, JSON.stringify(entries.map((e) => ({ candidate_id: e.candidateId, score: e.score })))],
        'run',
      );
    });
  }

  async place(candidateId: string, placements: readonly DeckPlacement[]): Promise<number> {
    const wanted = placements.filter((p) => isUuid(p.deckSockId));
    if (!isUuid(candidateId) || wanted.length === 0) return 0;
    const result = await this.scope.use((em) =>
      em.execute<QueryResult>(
        PLACE_SQL,
        [JSON.stringify(wanted.map((p) => ({ deck_sock_id: p.deckSockId, score: p.score }))), candidateId],
        'run',
      ),
    );
    return result.affectedRows;
  }

  async removeEverywhere(candidateId: string): Promise<void> {
    if (!isUuid(candidateId)) return;
    await this.scope.use((em) =>
      em.execute('delete from deck_entries where candidate_id = ?', [candidateId], 'run'),
    );
  }
}

/** After how long a pending build request is taken for lost and may be made again. */
export const STALE_REQUEST_SECONDS = 60;
