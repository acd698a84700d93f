import { InvalidAccessTokenError } from '../../domain/auth/auth-errors.js';
import type { AccessTokens } from '../ports/access-tokens.js';
import type { UserRepository } from '../ports/user-repository.js';

/** Who is calling: the user behind an access token, as the database knows them now. */
export interface Identity {
  readonly userId: string;
  readonly isAdmin: boolean;
}

/** Authenticates a request's bearer token. */
export class IdentifyUser {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly users: UserRepository,
  ) {}

  /** @throws {InvalidAccessTokenError} */
  async execute(accessToken: string): Promise<Identity> {
    const claims = await this.accessTokens.verify(accessToken);
    if (!claims) throw new InvalidAccessTokenError();
    // The token outlives changes (deletion, promotion): the stored user decides.
    const user = await this.users.findById(claims.userId);
    if (!user) throw new InvalidAccessTokenError();
    return { userId: user.id, isAdmin: user.isAdmin };
  }
}
