import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainError } from '../../domain/shared/domain-error.js';

/** Which domain error a violation of each unique or foreign-key constraint (by name) means. */
export type ConstraintErrors = Readonly<Record<string, () => DomainError>>;

/**
 * Runs a write in a savepoint and turns a unique or foreign-key violation of one of `errors`'
 * constraints into its domain error. The savepoint keeps the unit of work usable after the
 * refusal (PostgreSQL would otherwise abort the whole transaction), at the price of two more
 * round trips: use `failingOnViolations` where the refusal ends the unit of work anyway.
 */
export async function refusingViolations<T>(
  em: EntityManager,
  errors: ConstraintErrors,
  write: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await em.transactional((savepoint) => write(savepoint as EntityManager));
  } catch (error) {
    throw asDomainError(error, errors);
  }
}

/**
 * Runs a write as a plain statement of the current transaction and turns a unique or
 * foreign-key violation of one of `errors`' constraints into its domain error. PostgreSQL has
 * then aborted the transaction: only for writes whose refusal ends the unit of work (the error
 * propagates and the unit rolls back).
 */
export async function failingOnViolations<T>(errors: ConstraintErrors, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asDomainError(error, errors);
  }
}

/**
 * The domain error for a violation of one of `errors`' constraints; any other failure unchanged.
 * The driver's message, which quotes the row's data, never reaches a domain error.
 */
function asDomainError(error: unknown, errors: ConstraintErrors): unknown {
  if (
    error instanceof UniqueConstraintViolationException ||
    error instanceof ForeignKeyConstraintViolationException
  ) {
    const constraint = (error as { constraint?: string }).constraint;
    const toDomainError = constraint ? errors[constraint] : undefined;
    if (toDomainError) return toDomainError();
  }
  return error;
}
