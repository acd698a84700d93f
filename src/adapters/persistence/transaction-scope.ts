import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { unavailableOr } from './database-unavailable.js';
import type { Orm } from './mikro-orm.config.js';

/**
 * Which database transaction a repository call belongs to.
 *
 * A unit of work forks a fresh EntityManager from the ORM, opens a transaction on it and keeps
 * that EntityManager in an `AsyncLocalStorage` for as long as its work runs; every repository
 * call made inside the work (however deep in the async call chain) gets it from here. The
 * global EntityManager is never used (`allowGlobalContext: false`). We use our own storage
 * rather than MikroORM's `TransactionContext` so that "is a unit running?" has a definite
 * answer (nesting is refused, locks demand a unit).
 *
 * Outside a unit of work a repository call runs on its own fork with autocommitted statements:
 * read-only use cases (lists, views) need no unit of work.
 * Only calls that are meaningless without an enclosing transaction refuse to run outside one
 * (`lockPair`, `takePending`: their locks would end at once); see `required`.
 *
 * Every repository reaches the database through here, so this is where a database that cannot be
 * reached becomes the ports' `ServiceUnavailableError` (see `isDatabaseUnavailable`); any other
 * error passes unchanged.
 */
export class TransactionScope {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly orm: Orm) {}

  /**
   * Runs `work` in one new transaction: committed when `work` resolves, rolled back when it
   * throws (and the error is rethrown unchanged, unless the database is unavailable).
   * @throws {Error} when called inside another unit of work: units do not nest
   * @throws {ServiceUnavailableError} when the database cannot be reached (also while committing)
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) {
      throw new Error('Units of work do not nest: UnitOfWork.run was called inside another unit of work.');
    }
    try {
      return await this.orm.em.fork().transactional((em) => this.current.run(em as EntityManager, work));
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  /**
   * Runs `query` in the current unit of work; outside one, on a fresh fork of its own with
   * autocommitted statements (no BEGIN/COMMIT round trips: every repository call outside a unit
   * is a read, or a single statement that is atomic by itself).
   * @throws {ServiceUnavailableError} when the database cannot be reached
   */
  async use<T>(query: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await query(this.current.getStore() ?? (this.orm.em.fork() as EntityManager));
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  /**
   * The EntityManager of the current unit of work, for operations whose effect ends with the
   * transaction (locks).
   * @throws {Error} outside a unit of work: a programming error
   */
  required(operation: string): EntityManager {
    const em = this.current.getStore();
    if (!em)
      throw new Error(
        `${operation} must run inside UnitOfWork.run: outside a transaction it would do nothing.`,
      );
    return em;
  }
}
