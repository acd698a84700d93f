import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ServiceUnavailableError } from '../../application/ports/service-unavailable-error.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { isDatabaseUnavailable, unavailableOr } from './database-unavailable.js';

/** An error as node-postgres or Node's net module makes it: a message and a `code`. */
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const named = (message: string, name: string) => Object.assign(new Error(message), { name });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['an unknown host (the database container is gone)', withCode('getaddrinfo EAI_AGAIN db', 'EAI_AGAIN')],
    ['57P01 admin_shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['57P03 cannot_connect_now', withCode('the database system is shutting down', '57P03')],
    ['08006 connection_failure', withCode('connection failure', '08006')],
    ['53300 too_many_connections', withCode('sorry, too many clients already', '53300')],
    ['a connection that ended', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['a broken client', new Error('Client has encountered a connection error and is not queryable')],
    [
      "knex's acquire timeout",
      named('Knex: Timeout acquiring a connection. The pool is probably full.', 'KnexTimeoutError'),
    ],
    [
      "MikroORM's wrapping of a refused connection",
      new DriverException(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')),
    ],
    ['a cause', new Error('outer', { cause: withCode('admin shutdown', '57P01') })],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(withCode('duplicate key', '23505'))],
    ['a syntax error', withCode('syntax error at or near "form"', '42601')],
    ['a statement timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['a business failure', new DomainError('conflict', 'X.Y', 'Clash.')],
    ['a plain error', new Error('something else')],
    ['not an error', 'ECONNREFUSED'],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('unavailableOr', () => {
  it('turns an unavailable database into the ports’ ServiceUnavailableError, with the cause', () => {
    const refused = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    const translated = unavailableOr(refused);
    expect(translated).toBeInstanceOf(ServiceUnavailableError);
    expect(translated).toMatchObject({ code: 'SERVICE.UNAVAILABLE', service: 'database', cause: refused });
    expect(unavailableOr(translated)).toBe(translated);
  });

  it('passes any other error unchanged', () => {
    const clash = new DomainError('conflict', 'X.Y', 'Clash.');
    expect(unavailableOr(clash)).toBe(clash);
  });
});
