import type { UserRepository } from '../../application/ports/user-repository.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import { EmailTakenError, UsernameTakenError } from '../../domain/user/user-errors.js';
import { canonicalHandle, type User } from '../../domain/user/user.js';
import { isUuid, uuidsOnly } from './ids.js';
import { limitOffset, pageOf } from './pages.js';
import { refusingViolations, type ConstraintErrors } from './refused-writes.js';
import { userOfJson, type UserJson } from './raw-rows.js';
import { USER_CONSTRAINTS, UserSchema } from './schemas/user.schema.js';
import { toRow, toUser } from './user-rows.js';
import type { TransactionScope } from './transaction-scope.js';

const DUPLICATES: ConstraintErrors = {
  [USER_CONSTRAINTS.usernameUnique]: () => new UsernameTakenError(),
  [USER_CONSTRAINTS.emailUnique]: () => new EmailTakenError(),
};

/**
 * Users in `users`. Deleting a user relies on the foreign keys' ON DELETE CASCADE to remove
 * everything they own (socks → pictures, swipes; matches → messages; mails; refresh tokens).
 */
export class MikroOrmUserRepository implements UserRepository {
  constructor(private readonly scope: TransactionScope) {}

  add(user: User): Promise<void> {
    return this.scope.use((em) =>
      refusingViolations(em, DUPLICATES, async (sp) => {
        await sp.insert(UserSchema, toRow(user));
      }),
    );
  }

  save(user: User): Promise<void> {
    const { id, ...changes } = toRow(user);
    return this.scope.use((em) =>
      refusingViolations(em, DUPLICATES, async (sp) => {
        await sp.nativeUpdate(UserSchema, { id }, changes);
      }),
    );
  }

  /**
   * Every authenticated request reads its user: one raw statement (`to_json`, no query building,
   * no entity hydration), which costs a fraction of `em.findOne`'s CPU.
   */
  async findById(id: string): Promise<User | null> {
    if (!isUuid(id)) return null;
    const row = await this.scope.use((em) =>
      em.execute<{ u: UserJson }>('select to_json(u) as u from users u where u.id = ?', [id], 'get'),
    );
    return row ? userOfJson(row.u) : null;
  }

  findByUsername(username: string): Promise<User | null> {
    return this.findByHandle('username', username);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.findByHandle('email', email);
  }

  async findManyByIds(ids: readonly string[]): Promise<User[]> {
    const wanted = uuidsOnly(ids);
    if (wanted.length === 0) return [];
    const rows = await this.scope.use((em) =>
      em.find(UserSchema, { id: { $in: wanted } }, { disableIdentityMap: true }),
    );
    return rows.map(toUser);
  }

  async remove(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.scope.use((em) => em.nativeDelete(UserSchema, { id }));
  }

  async list(page: PageRequest): Promise<Page<User>> {
    const [rows, total] = await this.scope.use((em) =>
      em.findAndCount(
        UserSchema,
        {},
        { orderBy: { createdAt: 'desc', seq: 'desc' }, ...limitOffset(page), disableIdentityMap: true },
      ),
    );
    return pageOf(rows.map(toUser), total, page);
  }

  /** Compares with `lower(column)` on both sides, as the unique expression indexes do. */
  private async findByHandle(column: 'username' | 'email', value: string): Promise<User | null> {
    const row = await this.scope.use((em) =>
      em
        .createQueryBuilder(UserSchema)
        .select('*')
        .where(`lower(${column}) = lower(?)`, [canonicalHandle(value)])
        .limit(1)
        .execute('get'),
    );
    return row ? toUser(row) : null;
  }
}
