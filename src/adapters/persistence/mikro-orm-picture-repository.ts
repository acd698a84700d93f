import type { PictureRepository } from '../../application/ports/picture-repository.js';
import type { Picture } from '../../domain/picture/picture.js';
import { isUuid, uuidsOnly } from './ids.js';
import { PictureSchema, type PictureRow } from './schemas/picture.schema.js';
import type { TransactionScope } from './transaction-scope.js';

const OLDEST_FIRST = { createdAt: 'asc', seq: 'asc' } as const;

/** Picture metadata in `pictures`; the files live in the `PictureStore`. */
export class MikroOrmPictureRepository implements PictureRepository {
  constructor(private readonly scope: TransactionScope) {}

  async add(picture: Picture): Promise<void> {
    await this.scope.use((em) => em.insert(PictureSchema, toRow(picture)));
  }

  async findById(id: string): Promise<Picture | null> {
    if (!isUuid(id)) return null;
    const row = await this.scope.use((em) => em.findOne(PictureSchema, { id }, { disableIdentityMap: true }));
    return row ? toPicture(row) : null;
  }

  async listForUser(userId: string): Promise<Picture[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.scope.use((em) =>
      em.find(PictureSchema, { userId, sockId: null }, { orderBy: OLDEST_FIRST, disableIdentityMap: true }),
    );
    return rows.map(toPicture);
  }

  async listForSocks(sockIds: readonly string[]): Promise<Map<string, Picture[]>> {
    const wanted = uuidsOnly(sockIds);
    const bySock = new Map<string, Picture[]>();
    if (wanted.length === 0) return bySock;
    const rows = await this.scope.use((em) =>
      em.find(
        PictureSchema,
        { sockId: { $in: wanted } },
        { orderBy: OLDEST_FIRST, disableIdentityMap: true },
      ),
    );
    for (const row of rows) {
      const sockId = row.sockId as string;
      bySock.set(sockId, [...(bySock.get(sockId) ?? []), toPicture(row)]);
    }
    return bySock;
  }

  async listAllOfUser(userId: string): Promise<Picture[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.scope.use((em) =>
      em.find(PictureSchema, { userId }, { orderBy: OLDEST_FIRST, disableIdentityMap: true }),
    );
    return rows.map(toPicture);
  }

  async remove(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.scope.use((em) => em.nativeDelete(PictureSchema, { id }));
  }
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

function toPicture(row: PictureRow): Picture {
  return { id: row.id, userId: row.userId, sockId: row.sockId, key: row.key, createdAt: row.createdAt };
}
