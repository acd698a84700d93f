import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../../domain/auth/auth-errors.js';
import { canonicalHandle } from '../../domain/user/user.js';
import type { LoginThrottle } from '../ports/login-throttle.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UserRepository } from '../ports/user-repository.js';
import { accountView, credentialsVersion } from '../shared/view-builders.js';
import type { VerifiedUserView } from '../shared/views.js';

export interface CheckCredentialsInput {
  readonly username: string;
  readonly password: string;
  /** Who is trying (the client address): failures are counted per account and client. */
  readonly clientKey: string;
}

/**
 * The throttled password check every kind of login goes through (the APIs' password grant and
 * the web UI's session login), so that failures count against one limit wherever they happen.
 */
export class CheckCredentials {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly secretTokens: SecretTokens,
  ) {}

  /** @throws {TooManyLoginAttemptsError | InvalidCredentialsError} */
  async execute(input: CheckCredentialsInput): Promise<VerifiedUserView> {
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
    return { user: accountView(user), credentialsVersion: credentialsVersion(this.secretTokens, user) };
  }

  private dummyPasswordHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash('not the password of anyone: timing only');
    return this.dummyHash;
  }
}
