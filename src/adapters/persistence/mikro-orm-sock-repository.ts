import type { ShortlistRow, SockRepository } from '../../application/ports/sock-repository.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { Sock } from '../../domain/sock/sock.js';
import { SHORTLIST_CAP, candidateShortlistSql } from './candidate-shortlist.js';
import { candidateRowMapper } from './candidate-rows.js';
import { isUuid, uuidsOnly } from './ids.js';
import { limitOffset, pageOf } from './pages.js';
import { sockOfJson, type SockJson } from './raw-rows.js';
import { SockSchema } from './schemas/sock.schema.js';
import { toRow, toSock } from './sock-rows.js';
import type { TransactionScope } from './transaction-scope.js';

/**
 * Socks in `socks`. Deleting a sock relies on ON DELETE CASCADE for its pictures and the swipes
 * from and to it; matches keep the id of a deleted sock (see `MatchRow`).
 */
export class MikroOrmSockRepository implements SockRepository {
  private readonly shortlistCap: number;

  /** `shortlistCap`: the most rows `shortlistCandidates` returns (default `SHORTLIST_CAP`). */
  constructor(
    private readonly scope: TransactionScope,
    options: { readonly shortlistCap?: number } = {},
  ) {
    this.shortlistCap = options.shortlistCap ?? SHORTLIST_CAP;
  }

  async add(sock: Sock): Promise<void> {
    await this.scope.use((em) => em.insert(SockSchema, toRow(sock)));
  }

  async save(sock: Sock): Promise<void> {
    const { id, ownerId: _ownerId, createdAt: _createdAt, ...attributes } = toRow(sock);
    await this.scope.use((em) => em.nativeUpdate(SockSchema, { id }, attributes));
  }

  async findById(id: string): Promise<Sock | null> {
    if (!isUuid(id)) return null;
    const row = await this.scope.use((em) => em.findOne(SockSchema, { id }, { disableIdentityMap: true }));
    return row ? toSock(row) : null;
  }

  async findManyByIds(ids: readonly string[]): Promise<Sock[]> {
    const wanted = uuidsOnly(ids);
    if (wanted.length === 0) return [];
    const rows = await this.scope.use((em) =>
      em.find(SockSchema, { id: { $in: wanted } }, { disableIdentityMap: true }),
    );
    return rows.map(toSock);
  }

  async findOwned(ownerId: string, sockId: string): Promise<Sock | null> {
    if (!isUuid(ownerId) || !isUuid(sockId)) return null;
    // Raw (`to_json`, no hydration): every "next card" reads the caller's sock.
    const row = await this.scope.use((em) =>
      em.execute<{ s: SockJson }>(
        'select to_json(s) as s from socks s where s.id = ? and s.owner_id = ?',
        [sockId, ownerId],
        'get',
      ),
    );
    return row ? sockOfJson(row.s) : null;
  }

  async listByOwner(ownerId: string, page: PageRequest): Promise<Page<Sock>> {
    if (!isUuid(ownerId)) return pageOf([], 0, page);
    const [rows, total] = await this.scope.use((em) =>
      em.findAndCount(
        SockSchema,
        { ownerId },
        { orderBy: { createdAt: 'desc', seq: 'desc' }, ...limitOffset(page), disableIdentityMap: true },
      ),
    );
    return pageOf(rows.map(toSock), total, page);
  }

  async remove(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.scope.use((em) => em.nativeDelete(SockSchema, { id }));
  }

  /**
   * The candidates that can be among the best `limit` (see `candidateShortlistSql`): every
   * candidate whose numeric score, computed in SQL, is within `MAX_TEXT_POINTS` of the
   * `limit`-th best, ties included, and at most `shortlistCap` of them (beyond the cap, the
   * best by numeric score: then the ranking is no longer guaranteed exact).
   */
  async shortlistCandidates(sock: Sock, limit: number): Promise<ShortlistRow[]> {
    if (!isUuid(sock.id) || !isUuid(sock.ownerId)) return [];
    const query = candidateShortlistSql(sock, Math.min(limit, this.shortlistCap), this.shortlistCap);
    return this.scope.use(async (em) => {
      const raw = await em.execute<Array<Record<string, unknown>>>(query.sql, [...query.bindings], 'all');
      const toCandidate = candidateRowMapper(em);
      return raw.map((r) => ({ ...toCandidate(r), numericScore: Number(r['numeric_score']) }));
    });
  }
}
