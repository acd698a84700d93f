/**
 * Opaque random tokens (refresh tokens, password-reset tokens) and the hash they are stored
 * under. The same token always gives the same hash; the hash does not give the token back.
 */
export interface SecretTokens {
  generate(): string;
  hash(token: string): string;
  /**
   * A digest of a secret that may leave the application (the credentials version that ends web
   * sessions when a password changes): the same secret always gives the same fingerprint,
   * different secrets give different ones, and the fingerprint gives nothing of the secret back.
   * Never equal to `hash` of the same value, so a fingerprint never matches a stored token.
   */
  fingerprint(secret: string): string;
}
