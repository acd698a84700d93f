import { RefreshToken } from '../../domain/auth/refresh-token.js';
import type { AccessTokens } from '../ports/access-tokens.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { RefreshTokenRepository } from '../ports/refresh-token-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';

/** What a login or a refresh hands out: the OAuth2 token response, in camelCase. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
  readonly refreshToken: string;
}

export interface SessionOptions {
  /** How long a refresh token may be used; each rotation starts a new period. Default 30 days. */
  readonly refreshTtlSeconds?: number;
}

export const DEFAULT_REFRESH_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface SessionTokenPorts {
  readonly accessTokens: AccessTokens;
  readonly refreshTokens: RefreshTokenRepository;
  readonly secretTokens: SecretTokens;
  readonly ids: IdGenerator;
}

export interface IssueSessionProps {
  readonly user: { readonly id: string; readonly isAdmin: boolean };
  /** A new id for a login, the family of the spent token for a refresh. */
  readonly familyId: string;
  readonly at: Date;
  readonly refreshTtlSeconds: number;
}

/**
 * Stores a new refresh token (only its hash) and issues an access token for `user`.
 * Call inside the unit of work of the login or rotation, so no token is handed out unstored.
 */
export async function issueSessionTokens(
  ports: SessionTokenPorts,
  p: IssueSessionProps,
): Promise<SessionTokens> {
  const refreshToken = ports.secretTokens.generate();
  await ports.refreshTokens.add(
    RefreshToken.issue({
      id: ports.ids.next(),
      userId: p.user.id,
      familyId: p.familyId,
      tokenHash: ports.secretTokens.hash(refreshToken),
      at: p.at,
      ttlSeconds: p.refreshTtlSeconds,
    }),
  );
  const access = await ports.accessTokens.issue({ userId: p.user.id, isAdmin: p.user.isAdmin });
  return { accessToken: access.token, tokenType: 'Bearer', expiresIn: access.expiresInSeconds, refreshToken };
}
