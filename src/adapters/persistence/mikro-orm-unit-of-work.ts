import type { UnitOfWork } from '../../application/ports/unit-of-work.js';
import type { TransactionScope } from './transaction-scope.js';

/** One unit of work = one PostgreSQL transaction on a forked EntityManager (see `TransactionScope`). */
export class MikroOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly scope: TransactionScope) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.scope.transaction(work);
  }
}
