/**
 * The kinds of business failure. Each transport maps every kind in exactly one place
 * (a `Record<ErrorKind, …>`), so adding a kind does not compile until it is mapped.
 */
export type ErrorKind =
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'limit-exceeded'
  | 'too-large'
  | 'unsupported';

export interface DomainErrorDetails {
  /**
   * The field the error is about, named as the domain names it (`birthday`, `social.instagram`,
   * `picture`): each transport translates it into its own naming (a request body's, a form's).
   */
  readonly field?: string;
  /** For `limit-exceeded`: seconds until a retry can succeed. */
  readonly retryAfterSeconds?: number;
}

/** A business failure with a stable machine `code` (the API contract's codes). */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value breaks a rule of the domain (a range, a format, a date in the future). */
export class InvalidValueError extends DomainError {
  constructor(field: string, message: string) {
    super('invalid', 'VALIDATION.INVALID_VALUE', message, { field });
  }
}
