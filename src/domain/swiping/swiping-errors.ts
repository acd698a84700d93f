import { DomainError } from '../shared/domain-error.js';

export class OwnSockError extends DomainError {
  constructor() {
    super('invalid', 'SWIPE.OWN_SOCK', 'You cannot judge your own sock.', { field: 'targetSockId' });
  }
}

export class NoPictureError extends DomainError {
  constructor() {
    super('invalid', 'SWIPE.NO_PICTURE', 'This sock has no picture yet, so it cannot be judged.', {
      field: 'targetSockId',
    });
  }
}

export class AlreadyJudgedError extends DomainError {
  constructor() {
    super('conflict', 'SWIPE.ALREADY_JUDGED', 'Your sock has already judged this sock.', {
      field: 'targetSockId',
    });
  }
}
