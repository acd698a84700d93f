/** One-way password hashing (argon2id in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password; never throws for a mismatch. */
  verify(hash: string, password: string): Promise<boolean>;
}
