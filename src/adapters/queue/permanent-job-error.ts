import { DomainError } from '../../domain/shared/domain-error.js';

/**
 * A job that can never succeed however often it is retried: a payload that does not parse, a link
 * that is not http(s). Like a `DomainError`, it fails the job at once instead of retrying it.
 */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Business failures and broken jobs are final; anything else (SMTP, Redis, disk) is retried. */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof DomainError || error instanceof PermanentJobError;
}
