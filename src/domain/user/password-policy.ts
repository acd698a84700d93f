import { InvalidValueError } from '../shared/domain-error.js';
import { USER_RULES } from './user-rules.js';

/** @throws {InvalidValueError} for a password shorter than 8 or absurdly long */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  const { min, max } = USER_RULES.password;
  if (password.length < min)
    throw new InvalidValueError(field, `Password must be at least ${min} characters.`);
  if (password.length > max)
    throw new InvalidValueError(field, `Password must be at most ${max} characters.`);
}
