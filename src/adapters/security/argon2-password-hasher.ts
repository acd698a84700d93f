import { Algorithm, hash, verify, type Options } from '@node-rs/argon2';
import type { PasswordHasher } from '../../application/ports/password-hasher.js';

/** OWASP's first argon2id recommendation: 19 MiB, 2 passes, 1 lane (about 30 ms here). */
const OPTIONS: Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id in PHC string format (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), salted per hash. */
export class Argon2PasswordHasher implements PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    // The parameters are read from the hash itself, so hashes made with older settings still verify.
    try {
      return await verify(hashed, password);
    } catch {
      // A malformed or foreign hash (e.g. a corrupt row) is no match: never a 500 at login.
      return false;
    }
  }
}
