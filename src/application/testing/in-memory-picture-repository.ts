import type { Picture } from '../../domain/picture/picture.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { InMemoryDatabase } from './in-memory-database.js';

export class InMemoryPictureRepository implements PictureRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async add(picture: Picture): Promise<void> {
    this.db.stamp(picture.id);
    this.db.tables.pictures.set(picture.id, picture);
  }

  async findById(id: string): Promise<Picture | null> {
    return this.db.tables.pictures.get(id) ?? null;
  }

  async listForUser(userId: string): Promise<Picture[]> {
    return this.sorted((p) => p.userId === userId && p.sockId === null);
  }

  async listForUsers(userIds: readonly string[]): Promise<Map<string, Picture[]>> {
    const wanted = new Set(userIds);
    return groupBy(
      this.sorted((p) => p.sockId === null && wanted.has(p.userId)),
      (p) => p.userId,
    );
  }

  async listForSocks(sockIds: readonly string[]): Promise<Map<string, Picture[]>> {
    const wanted = new Set(sockIds);
    return groupBy(
      this.sorted((p) => p.sockId !== null && wanted.has(p.sockId)),
      (p) => p.sockId as string,
    );
  }

  async listAllOfUser(userId: string): Promise<Picture[]> {
    return this.sorted((p) => p.userId === userId);
  }

  async remove(id: string): Promise<void> {
    this.db.tables.pictures.delete(id);
  }

  private sorted(keep: (p: Picture) => boolean): Picture[] {
    return [...this.db.tables.pictures.values()]
      .filter(keep)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || this.db.seq(a.id) - this.db.seq(b.id));
  }
}

function groupBy(pictures: readonly Picture[], keyOf: (p: Picture) => string): Map<string, Picture[]> {
  const groups = new Map<string, Picture[]>();
  for (const p of pictures) {
    const list = groups.get(keyOf(p)) ?? [];
    list.push(p);
    groups.set(keyOf(p), list);
  }
  return groups;
}
