import { DomainError, type ErrorKind } from '../../../domain/shared/domain-error.js';

/**
 * How the web UI answers each kind of business failure: its one mapping, a `Record` over the
 * kinds like the APIs' (`http-common/problem.ts`), so a new kind does not compile until it is
 * mapped here too.
 * - `shown`: the person is told on the page they were on (next to the field, above the form, or
 *   in a flash message), with the status of the kind: they can correct it or go on.
 * - `page`: the error page of the kind's status: there is nothing to correct on that page.
 */
const WEB_ANSWERS: Record<ErrorKind, 'shown' | 'page'> = {
  invalid: 'shown',
  conflict: 'shown',
  'too-large': 'shown',
  unsupported: 'shown',
  unauthenticated: 'shown',
  'limit-exceeded': 'shown',
  'not-found': 'page',
  forbidden: 'page',
};

/**
 * The business failure to tell the person about where they are; null for any other error, which
 * the route rethrows so that the error page answers it.
 */
export function shownError(error: unknown): DomainError | null {
  return error instanceof DomainError && WEB_ANSWERS[error.kind] === 'shown' ? error : null;
}
