/**
 * Opaque random tokens (refresh tokens, password-reset tokens) and the hash they are stored
 * under. The same token always gives the same hash; the hash does not give the token back.
 */
export interface SecretTokens {
  generate(): string;
  hash(token: string): string;
}
