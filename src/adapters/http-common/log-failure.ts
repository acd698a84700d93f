import { ServiceUnavailableError } from '../../application/ports/service-unavailable-error.js';

export interface FailureLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Logs what a request failed with, beyond the domain's errors: a service that cannot be reached
 * (answered 503, expected during an outage, one line without a stack) as a warning, anything
 * else (a bug: answered 500) as an error with its stack.
 */
export function logFailure(log: FailureLog, error: unknown): void {
  if (error instanceof ServiceUnavailableError) {
    log.warn({ service: error.service, reason: error.message }, 'service unavailable: answered 503');
  } else {
    log.error({ err: error }, 'unexpected error');
  }
}
