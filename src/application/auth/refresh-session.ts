import { InvalidRefreshTokenError } from '../../domain/auth/auth-errors.js';
import { RefreshToken } from '../../domain/auth/refresh-token.js';
import type { AccessTokens } from '../ports/access-tokens.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { RefreshTokenRepository } from '../ports/refresh-token-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import {
  DEFAULT_REFRESH_TTL_SECONDS,
  issueSessionTokens,
  type SessionOptions,
  type SessionTokens,
} from './session-tokens.js';

export interface RefreshSessionInput {
  readonly refreshToken: string;
}

/** Rotates a refresh token: spends it and issues its successor in the same family. */
export class RefreshSession {
  constructor(
    private readonly users: UserRepository,
    private readonly accessTokens: AccessTokens,
    private readonly secretTokens: SecretTokens,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly options: SessionOptions = {},
  ) {}

  /** @throws {InvalidRefreshTokenError} */
  async execute(input: RefreshSessionInput): Promise<SessionTokens> {
    const tokenHash = this.secretTokens.hash(input.refreshToken);
    const now = this.clock.now();
    const ports = {
      accessTokens: this.accessTokens,
      refreshTokens: this.refreshTokens,
      secretTokens: this.secretTokens,
      ids: this.ids,
    };
    // The unit returns null instead of throwing, so that the revocation of a reused token's
    // family commits; the error is thrown only after the unit of work has ended.
    const rotated = await this.uow.run(async (): Promise<SessionTokens | null> => {
      const token = await this.refreshTokens.findByHash(tokenHash);
      if (!token) return null;
      const redemption = RefreshToken.redeem(token, now);
      if (redemption === 'reused') await this.refreshTokens.revokeFamily(token.familyId, now);
      if (redemption !== 'valid') return null;
      const user = await this.users.findById(token.userId);
      if (!user) return null;
      await this.refreshTokens.save(RefreshToken.spend(token, now));
      return issueSessionTokens(ports, {
        user,
        familyId: token.familyId,
        at: now,
        refreshTtlSeconds: this.options.refreshTtlSeconds ?? DEFAULT_REFRESH_TTL_SECONDS,
      });
    });
    if (!rotated) throw new InvalidRefreshTokenError();
    return rotated;
  }
}
