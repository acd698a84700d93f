import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { InMemoryDatabase } from './in-memory-database.js';

/**
 * Runs units one at a time (so `lockPair` needs no lock of its own) and rolls the tables back
 * when a unit throws, like a transaction.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: InMemoryDatabase) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      const before = this.db.snapshot();
      try {
        return await work();
      } catch (error) {
        this.db.restore(before);
        throw error;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}
