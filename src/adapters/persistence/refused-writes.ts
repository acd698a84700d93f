import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainError } from '../../domain/shared/domain-error.js';

/** Which domain error a violation of each unique or foreign-key constraint (by name) means. */
export type ConstraintErrors = Readonly<Record<string, () => DomainError>>;

/**
 * Runs a write in a savepoint and turns a unique or foreign-key violation of one of `errors`'
 * constraints into its domain error. The savepoint keeps the unit of work usable after the
 * refusal (PostgreSQL would otherwise abort the whole transaction). Any other failure
 * propagates unchanged; the driver's message, which quotes the row's data, never reaches a
 * domain error.
 */
export async function refusingViolations<T>(
  em: EntityManager,
  errors: ConstraintErrors,
  write: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await em.transactional((savepoint) => write(savepoint as EntityManager));
  } catch (error) {
    if (
      error instanceof UniqueConstraintViolationException ||
      error instanceof ForeignKeyConstraintViolationException
    ) {
      const constraint = (error as { constraint?: string }).constraint;
      const toDomainError = constraint ? errors[constraint] : undefined;
      if (toDomainError) throw toDomainError();
    }
    throw error;
  }
}
