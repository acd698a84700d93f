import type { AccessTokens } from '../ports/access-tokens.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { LoginThrottle } from '../ports/login-throttle.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
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
import { CheckCredentials, type CheckCredentialsInput } from './check-credentials.js';

export type LogInInput = CheckCredentialsInput;

/** The password grant: a new login, i.e. an access token and a new refresh token family. */
export class LogIn {
  private readonly checkCredentials: CheckCredentials;

  constructor(
    users: UserRepository,
    hasher: PasswordHasher,
    throttle: LoginThrottle,
    private readonly accessTokens: AccessTokens,
    private readonly secretTokens: SecretTokens,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly options: SessionOptions = {},
  ) {
    // The same throttled check as the web UI's login (one limit across both).
    this.checkCredentials = new CheckCredentials(users, hasher, throttle, secretTokens);
  }

  /** @throws {TooManyLoginAttemptsError | InvalidCredentialsError} */
  async execute(input: LogInInput): Promise<SessionTokens> {
    const { user } = await this.checkCredentials.execute(input);
    const ports = {
      accessTokens: this.accessTokens,
      refreshTokens: this.refreshTokens,
      secretTokens: this.secretTokens,
      ids: this.ids,
    };
    return this.uow.run(() =>
      issueSessionTokens(ports, {
        user,
        familyId: this.ids.next(),
        at: this.clock.now(),
        refreshTtlSeconds: this.options.refreshTtlSeconds ?? DEFAULT_REFRESH_TTL_SECONDS,
      }),
    );
  }
}
