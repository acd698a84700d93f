import type { PasswordHasher } from '../ports/password-hasher.js';

/** A reversible stand-in for argon2, fast enough for thousands of unit tests. */
export class FakePasswordHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    return `hashed:${password}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return hash === `hashed:${password}`;
  }
}
