export interface AccessTokenClaims {
  readonly userId: string;
  readonly isAdmin: boolean;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/** Short-lived signed access tokens (JWT in production). */
export interface AccessTokens {
  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
  /** The claims of a valid, unexpired token; null for anything else. Never throws. */
  verify(token: string): Promise<AccessTokenClaims | null>;
}
