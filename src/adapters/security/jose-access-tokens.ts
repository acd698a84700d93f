import { createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type {
  AccessTokenClaims,
  AccessTokens,
  IssuedAccessToken,
} from '../../application/ports/access-tokens.js';

const ISSUER = 'hotsox';
const AUDIENCE = 'hotsox-api';
const ALGORITHM = 'HS256';

/**
 * HS256 JWTs: `sub` = user id, `adm` = admin flag, with `iat`, `exp`, `iss` and `aud`.
 * Both APIs share the secret, so a token issued by one is accepted by the other.
 */
export class JoseAccessTokens implements AccessTokens {
  /** A KeyObject, imported once: jose would import raw bytes again on every sign and verify. */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const bytes = new TextEncoder().encode(secret);
    // RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits.
    if (bytes.length < 32) throw new RangeError('The access token secret must be at least 32 bytes long.');
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError('The access token lifetime must be a positive number of seconds.');
    }
    this.key = createSecretKey(bytes);
  }

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const token = await new SignJWT({ adm: claims.isAdmin })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.key);
    return { token, expiresInSeconds: this.ttlSeconds };
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM], // never `none`, never a key confusion with an asymmetric algorithm
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'iat', 'exp'],
        currentDate: this.clock(),
      });
      const { sub, adm } = payload;
      if (typeof sub !== 'string' || sub === '' || typeof adm !== 'boolean') return null;
      return { userId: sub, isAdmin: adm };
    } catch {
      // Bad signature, expired, wrong issuer or audience, not a JWT at all: all just "no".
      return null;
    }
  }
}
