import type { Clock } from '../ports/clock.js';
import type { RefreshTokenRepository } from '../ports/refresh-token-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface LogOutInput {
  readonly refreshToken: string;
}

/** Ends a login: every refresh token of its family stops working. Always succeeds. */
export class LogOut {
  constructor(
    private readonly secretTokens: SecretTokens,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: LogOutInput): Promise<void> {
    const tokenHash = this.secretTokens.hash(input.refreshToken);
    await this.uow.run(async () => {
      const token = await this.refreshTokens.findByHash(tokenHash);
      // An unknown token is not an error: logging out tells nothing about which tokens exist.
      if (token) await this.refreshTokens.revokeFamily(token.familyId, this.clock.now());
    });
  }
}
