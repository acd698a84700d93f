import { DomainError } from '../shared/domain-error.js';

/** The sock does not exist, or it is not the caller's (the two are never told apart). */
export class SockNotFoundError extends DomainError {
  constructor() {
    super('not-found', 'SOCK.NOT_FOUND', 'No such sock.');
  }
}
