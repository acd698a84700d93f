import { DomainError } from '../shared/domain-error.js';

/** The same answer for an unknown user and a wrong password. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthenticated', 'AUTH.INVALID_CREDENTIALS', 'Username or password is not correct.');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('unauthenticated', 'AUTH.INVALID_REFRESH_TOKEN', 'The refresh token is not valid.');
  }
}

export class InvalidAccessTokenError extends DomainError {
  constructor() {
    super('unauthenticated', 'AUTH.INVALID_TOKEN', 'Missing, invalid or expired access token.');
  }
}

export class TooManyLoginAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('limit-exceeded', 'AUTH.TOO_MANY_ATTEMPTS', 'Too many failed logins. Please try again later.', {
      retryAfterSeconds,
    });
  }
}
