import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { User } from '../../domain/user/user.js';

export interface UserRepository {
  /** @throws {UsernameTakenError | EmailTakenError} (case-insensitive uniqueness) */
  add(user: User): Promise<void>;
  /** Stores changes to an existing user. @throws {EmailTakenError} */
  save(user: User): Promise<void>;
  findById(id: string): Promise<User | null>;
  /** Case-insensitive. */
  findByUsername(username: string): Promise<User | null>;
  /** Case-insensitive. */
  findByEmail(email: string): Promise<User | null>;
  findManyByIds(ids: readonly string[]): Promise<User[]>;
  /**
   * Deletes the user and everything they own: socks, pictures (metadata), swipes from and to
   * their socks, matches, messages, mails and refresh tokens. Idempotent.
   */
  remove(id: string): Promise<void>;
  /** All users, newest first. */
  list(page: PageRequest): Promise<Page<User>>;
}
