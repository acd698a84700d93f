import type { PictureRepository } from '../../application/ports/picture-repository.js';
import type { Picture } from '../../domain/picture/picture.js';
import { isUuid, uuidsOnly } from './ids.js';
import { instantOf } from './raw-rows.js';
import { PictureSchema, type PictureRow } from './schemas/picture.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** Pictures as `em.execute` returns them, or `json_build_object` of those columns (see `raw-rows.ts`). */
export interface RawPicture {
  readonly id: string;
  readonly user_id: string;
  readonly sock_id: string | null;
  readonly key: string;
  readonly created_at: string;
}

const SELECT = 'select id, user_id, sock_id, key, created_at from pictures';
/** The order of every listing; `seq` breaks ties of equal timestamps (insertion order). */
const OLDEST_FIRST = 'order by created_at, seq';

/**
 * Picture metadata in `pictures`; the files live in the `PictureStore`. Reads are raw
 * statements (`em.execute`): match views, sock views and candidates list pictures on every
 * request, and hydrating entities cost several times the query itself.
 */
export class MikroOrmPictureRepository implements PictureRepository {
  constructor(private readonly scope: TransactionScope) {}

  async add(picture: Picture): Promise<void> {
    await this.scope.use((em) => em.insert(PictureSchema, toRow(picture)));
  }

  async findById(id: string): Promise<Picture | null> {
    if (!isUuid(id)) return null;
    const [picture] = await this.select(`${SELECT} where id = ?`, [id]);
    return picture ?? null;
  }

  async listForUser(userId: string): Promise<Picture[]> {
    if (!isUuid(userId)) return [];
    return this.select(`${SELECT} where user_id = ? and sock_id is null ${OLDEST_FIRST}`, [userId]);
  }

  async listForUsers(userIds: readonly string[]): Promise<Map<string, Picture[]>> {
    const wanted = uuidsOnly(userIds);
    if (wanted.length === 0) return new Map();
    const pictures = await this.select(`${SELECT} where user_id in (?) and sock_id is null ${OLDEST_FIRST}`, [
      wanted,
    ]);
    return groupBy(pictures, (p) => p.userId);
  }

  async listForSocks(sockIds: readonly string[]): Promise<Map<string, Picture[]>> {
    const wanted = uuidsOnly(sockIds);
    if (wanted.length === 0) return new Map();
    const pictures = await this.select(`${SELECT} where sock_id in (?) ${OLDEST_FIRST}`, [wanted]);
    return groupBy(pictures, (p) => p.sockId as string);
  }

  async listAllOfUser(userId: string): Promise<Picture[]> {
    if (!isUuid(userId)) return [];
    return this.select(`${SELECT} where user_id = ? ${OLDEST_FIRST}`, [userId]);
  }

  async remove(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.scope.use((em) => em.nativeDelete(PictureSchema, { id }));
  }

  private async select(sql: string, params: readonly unknown[]): Promise<Picture[]> {
    const rows = await this.scope.use((em) => em.execute<RawPicture[]>(sql, [...params], 'all'));
    return rows.map(toPicture);
  }
}

/** Pictures (already in order) grouped by `keyOf`, each group keeping the order. */
function groupBy(pictures: readonly Picture[], keyOf: (p: Picture) => string): Map<string, Picture[]> {
  const groups = new Map<string, Picture[]>();
  for (const picture of pictures) {
    const group = groups.get(keyOf(picture));
    if (group) group.push(picture);
    else groups.set(keyOf(picture), [picture]);
  }
  return groups;
}

function toRow(picture: Picture): PictureRow {
  return {
    id: picture.id,
    userId: picture.userId,
    sockId: picture.sockId,
    key: picture.key,
    createdAt: picture.createdAt,
  };
}

export function toPicture(row: RawPicture): Picture {
  return {
    id: row.id,
    userId: row.user_id,
    sockId: row.sock_id,
    key: row.key,
    createdAt: instantOf(row.created_at),
  };
}
