import { DomainError } from '../shared/domain-error.js';

/** No active match with that id has the caller as a participant. */
export class MatchNotFoundError extends DomainError {
  constructor() {
    super('not-found', 'MATCH.NOT_FOUND', 'No such match.');
  }
}
