import type { Page, PageRequest } from '../../domain/shared/page.js';
import { EmailTakenError, UsernameTakenError } from '../../domain/user/user-errors.js';
import { canonicalHandle, type User } from '../../domain/user/user.js';
import type { UserRepository } from '../ports/user-repository.js';
import { paginate, type InMemoryDatabase } from './in-memory-database.js';

export class InMemoryUserRepository implements UserRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async add(user: User): Promise<void> {
    if (await this.findByUsername(user.username)) throw new UsernameTakenError();
    this.assertEmailFree(user);
    this.db.stamp(user.id);
    this.db.tables.users.set(user.id, user);
  }

  async save(user: User): Promise<void> {
    if (!this.db.tables.users.has(user.id)) return;
    this.assertEmailFree(user);
    this.db.tables.users.set(user.id, user);
  }

  async findById(id: string): Promise<User | null> {
    return this.db.tables.users.get(id) ?? null;
  }

  async findByUsername(username: string): Promise<User | null> {
    const wanted = canonicalHandle(username);
    return [...this.db.tables.users.values()].find((u) => canonicalHandle(u.username) === wanted) ?? null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const wanted = canonicalHandle(email);
    return [...this.db.tables.users.values()].find((u) => canonicalHandle(u.email) === wanted) ?? null;
  }

  async findManyByIds(ids: readonly string[]): Promise<User[]> {
    return ids.flatMap((id) => this.db.tables.users.get(id) ?? []);
  }

  async remove(id: string): Promise<void> {
    this.db.cascadeUser(id);
  }

  async list(page: PageRequest): Promise<Page<User>> {
    const all = [...this.db.tables.users.values()].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || this.db.seq(b.id) - this.db.seq(a.id),
    );
    return paginate(all, page);
  }

  private assertEmailFree(user: User): void {
    const wanted = canonicalHandle(user.email);
    for (const other of this.db.tables.users.values()) {
      if (other.id !== user.id && canonicalHandle(other.email) === wanted) throw new EmailTakenError();
    }
  }
}
