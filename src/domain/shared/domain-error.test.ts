import { DomainError, InvalidValueError } from './domain-error.js';

describe('DomainError', () => {
  it('carries a kind, a stable code, a message and details', () => {
    const error = new DomainError('conflict', 'X.Y', 'Something clashed.', { field: 'name' });

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ kind: 'conflict', code: 'X.Y', message: 'Something clashed.' });
    expect(error.details).toEqual({ field: 'name' });
    expect(new DomainError('invalid', 'X.Z', 'No details.').details).toEqual({});
  });

  it('is named after the concrete class', () => {
    expect(new InvalidValueError('age', 'Too old.').name).toBe('InvalidValueError');
  });
});

describe('InvalidValueError', () => {
  it('is an invalid value of one field', () => {
    const error = new InvalidValueError('age', 'Too old.');

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'VALIDATION.INVALID_VALUE', message: 'Too old.' });
    expect(error.details).toEqual({ field: 'age' });
  });
});
