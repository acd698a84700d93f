import { ServiceUnavailableError } from '../../application/ports/service-unavailable-error.js';
import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../../domain/auth/auth-errors.js';
import {
  PictureTooLargeError,
  UnreadablePictureError,
  UnsupportedPictureTypeError,
} from '../../domain/picture/picture.js';
import { DomainError, InvalidValueError } from '../../domain/shared/domain-error.js';
import { OwnSockError } from '../../domain/swiping/swiping-errors.js';
import { AdminOnlyError, UserNotFoundError } from '../../domain/user/user-errors.js';
import { HttpProblem, toProblem } from './problem.js';

describe('toProblem', () => {
  it('answers a domain error with its status, code and message, and the field as a body path', () => {
    expect(
      toProblem(new InvalidValueError('social.instagram', 'Social links must be http(s) web addresses.')),
    ).toEqual({
      status: 422,
      headers: {},
      body: {
        type: 'https://hotsox.dev/problems/validation-invalid-value',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'Social links must be http(s) web addresses.',
        code: 'VALIDATION.INVALID_VALUE',
        errors: [{ path: 'body.social.instagram', message: 'Social links must be http(s) web addresses.' }],
      },
    });
    expect(toProblem(new OwnSockError()).body.errors).toEqual([
      { path: 'body.targetSockId', message: 'You cannot judge your own sock.' },
    ]);
  });

  it('names the picture of a domain error as the multipart field "file" of the contract', () => {
    for (const [error, status] of [
      [new UnsupportedPictureTypeError(), 415],
      [new PictureTooLargeError(), 413],
      [new UnreadablePictureError(), 422],
    ] as const) {
      expect(error.details.field).toBe('picture');
      const problem = toProblem(error);
      expect(problem.status).toBe(status);
      expect(problem.body.errors).toEqual([{ path: 'body.file', message: error.message }]);
    }
  });

  it('maps every kind to its status, with the headers of 401 and 429', () => {
    expect(toProblem(new UserNotFoundError()).status).toBe(404);
    expect(toProblem(new AdminOnlyError()).status).toBe(403);
    expect(toProblem(new DomainError('conflict', 'X.Y', 'Clash.')).status).toBe(409);
    expect(toProblem(new InvalidCredentialsError())).toMatchObject({
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
    expect(toProblem(new TooManyLoginAttemptsError(900))).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '900' },
    });
    expect(toProblem(new UserNotFoundError()).body).not.toHaveProperty('errors');
  });

  it('passes an edge problem through and hides anything unexpected behind a bare 500', () => {
    const edge = new HttpProblem(400, 'VALIDATION.FAILED', 'The request is not valid.', [
      { path: 'query.page', message: 'must be a number' },
    ]);
    expect(toProblem(edge).body).toMatchObject({ status: 400, errors: [{ path: 'query.page' }] });
    const hidden = toProblem(new Error('relation "users" does not exist'));
    expect(hidden.status).toBe(500);
    expect(JSON.stringify(hidden.body)).not.toContain('users');
  });

  it('answers an unavailable database with 503 SERVICE.UNAVAILABLE and Retry-After, naming nothing', () => {
    const down = new ServiceUnavailableError('database', new Error('connect ECONNREFUSED 10.0.0.7:5432'));
    const problem = toProblem(down);
    expect(problem).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '5' },
      body: {
        type: 'https://hotsox.dev/problems/service-unavailable',
        title: 'Service Unavailable',
        status: 503,
        code: 'SERVICE.UNAVAILABLE',
      },
    });
    expect(JSON.stringify(problem.body)).not.toMatch(/ECONNREFUSED|5432|database/);
  });
});
