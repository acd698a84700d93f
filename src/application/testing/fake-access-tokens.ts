import type { AccessTokenClaims, AccessTokens, IssuedAccessToken } from '../ports/access-tokens.js';
import type { Clock } from '../ports/clock.js';

/** Unsigned tokens that expire like real ones: enough to test the use cases' rules. */
export class FakeAccessTokens implements AccessTokens {
  constructor(
    private readonly clock: Clock,
    readonly ttlSeconds = 900,
  ) {}

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const expiresAt = this.clock.now().getTime() + this.ttlSeconds * 1000;
    return {
      token: `access:${claims.userId}:${claims.isAdmin ? 1 : 0}:${expiresAt}`,
      expiresInSeconds: this.ttlSeconds,
    };
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    const [kind, userId, admin, expiresAt] = token.split(':');
    // `!(… > now)`: a tampered expiry (NaN) is invalid, not eternal.
    if (kind !== 'access' || !userId || !(Number(expiresAt) > this.clock.now().getTime())) return null;
    return { userId, isAdmin: admin === '1' };
  }
}
