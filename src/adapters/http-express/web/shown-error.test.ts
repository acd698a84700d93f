import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../../../domain/auth/auth-errors.js';
import {
  PictureNotFoundError,
  PictureTooLargeError,
  UnsupportedPictureTypeError,
} from '../../../domain/picture/picture.js';
import { DomainError, InvalidValueError } from '../../../domain/shared/domain-error.js';
import { AlreadyJudgedError } from '../../../domain/swiping/swiping-errors.js';
import { AdminOnlyError, UserNotFoundError } from '../../../domain/user/user-errors.js';
import { domainFormErrors } from './form.js';
import { shownError } from './shown-error.js';

describe('shownError', () => {
  it.each([
    ['invalid', new InvalidValueError('city', 'City must be 1–100 characters.')],
    ['conflict', new AlreadyJudgedError()],
    ['too-large', new PictureTooLargeError()],
    ['unsupported', new UnsupportedPictureTypeError()],
    ['unauthenticated', new InvalidCredentialsError()],
    ['limit-exceeded', new TooManyLoginAttemptsError(60)],
  ])('tells the person about a %s failure where they are', (_kind, error) => {
    expect(shownError(error)).toBe(error);
  });

  it.each([
    ['not-found', new UserNotFoundError()],
    ['not-found', new PictureNotFoundError()],
    ['forbidden', new AdminOnlyError()],
  ])('leaves a %s failure to the error page', (_kind, error) => {
    expect(shownError(error)).toBeNull();
  });

  it('leaves anything that is no business failure to the error page', () => {
    expect(shownError(new Error('connection lost'))).toBeNull();
    expect(shownError('a string')).toBeNull();
    expect(shownError(null)).toBeNull();
  });
});

describe('domainFormErrors', () => {
  it('puts the message on the field the error names when the form has it, else on the form', () => {
    const error = new InvalidValueError('city', 'City must be 1–100 characters.');

    expect(domainFormErrors(error, ['city', 'email'])).toEqual({ city: 'City must be 1–100 characters.' });
    expect(domainFormErrors(error, ['email'])).toEqual({ _form: 'City must be 1–100 characters.' });
    expect(domainFormErrors(new InvalidCredentialsError(), [])).toEqual({
      _form: 'Username or password is not correct.',
    });
  });

  it('renames a domain field to the form field where the names differ', () => {
    const error = new DomainError('invalid', 'X.Y', 'Not like this.', { field: 'picture' });

    expect(domainFormErrors(error, ['upload'], { picture: 'upload' })).toEqual({ upload: 'Not like this.' });
  });

  it('shows no failure that belongs on the error page', () => {
    expect(domainFormErrors(new UserNotFoundError(), ['username'])).toBeNull();
    expect(domainFormErrors(new AdminOnlyError(), [])).toBeNull();
    expect(domainFormErrors(new Error('boom'), [])).toBeNull();
  });
});
