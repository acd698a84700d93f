import { DomainError } from '../shared/domain-error.js';

export class UnderAgeError extends DomainError {
  constructor() {
    super('invalid', 'USER.UNDER_18', 'You must be 18 or older to use HotSox.', { field: 'birthday' });
  }
}

export class UsernameTakenError extends DomainError {
  constructor() {
    super('conflict', 'USER.USERNAME_TAKEN', 'This username is already taken.', { field: 'username' });
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super('conflict', 'USER.EMAIL_TAKEN', 'This email address is already registered.', { field: 'email' });
  }
}

export class WrongPasswordError extends DomainError {
  constructor() {
    super('invalid', 'USER.WRONG_PASSWORD', 'The current password is not correct.', {
      field: 'currentPassword',
    });
  }
}

export class UserNotFoundError extends DomainError {
  constructor() {
    super('not-found', 'USER.NOT_FOUND', 'No such user.');
  }
}

export class AdminOnlyError extends DomainError {
  constructor() {
    super('forbidden', 'AUTH.ADMIN_ONLY', 'Only administrators may do this.');
  }
}
