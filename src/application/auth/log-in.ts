import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../../domain/auth/auth-errors.js';
import { canonicalHandle } from '../../domain/user/user.js';
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

export interface LogInInput {
  readonly username: string;
  readonly password: string;
  /** Who is trying (the client address): failures are counted per account and client. */
  readonly clientKey: string;
}

/** The password grant: a new login, i.e. an access token and a new refresh token family. */
export class LogIn {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly accessTokens: AccessTokens,
    private readonly secretTokens: SecretTokens,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly options: SessionOptions = {},
  ) {}

  /** @throws {TooManyLoginAttemptsError | InvalidCredentialsError} */
  async execute(input: LogInInput): Promise<SessionTokens> {
    const throttleKey = `${canonicalHandle(input.username)}|${input.clientKey}`;
    const retryAfterSeconds = await this.throttle.blockedFor(throttleKey);
    if (retryAfterSeconds !== null) throw new TooManyLoginAttemptsError(retryAfterSeconds);

    const user = await this.users.findByUsername(input.username);
    // An unknown user still costs one hash verification, so timing does not tell which usernames exist.
    const passwordOk = await this.hasher.verify(
      user?.passwordHash ?? (await this.dummyPasswordHash()),
      input.password,
    );
    if (!user || !passwordOk) {
      await this.throttle.recordFailure(throttleKey);
      throw new InvalidCredentialsError();
    }

    await this.throttle.reset(throttleKey);
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

  private dummyPasswordHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash('not the password of anyone: timing only');
    return this.dummyHash;
  }
}
