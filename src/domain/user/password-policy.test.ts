import { InvalidValueError } from '../shared/domain-error.js';
import { thrownBy } from '../testing/fixtures.js';
import { assertPasswordPolicy } from './password-policy.js';

describe('assertPasswordPolicy', () => {
  it('accepts 8 to 200 characters', () => {
    expect(() => assertPasswordPolicy('12345678')).not.toThrow();
    expect(() => assertPasswordPolicy('x'.repeat(200))).not.toThrow();
  });

  it('refuses 7 characters', () => {
    expect(() => assertPasswordPolicy('1234567')).toThrow(InvalidValueError);
  });

  it('refuses an empty password', () => {
    expect(() => assertPasswordPolicy('')).toThrow(InvalidValueError);
  });

  it('refuses 201 characters', () => {
    expect(() => assertPasswordPolicy('x'.repeat(201))).toThrow(InvalidValueError);
  });

  it('names the password field, or the one it is given', () => {
    expect(thrownBy(() => assertPasswordPolicy('short'))).toMatchObject({ details: { field: 'password' } });
    expect(thrownBy(() => assertPasswordPolicy('short', 'newPassword'))).toMatchObject({
      details: { field: 'newPassword' },
    });
  });
});
