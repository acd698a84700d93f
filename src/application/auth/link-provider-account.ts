import { InvalidCredentialsError } from '../../domain/auth/auth-errors.js';
import type { ProviderIdentity } from '../../domain/auth/linked-identity.js';
import type { Clock } from '../ports/clock.js';
import type { LinkedIdentityRepository } from '../ports/linked-identity-repository.js';
import type { LoginThrottle } from '../ports/login-throttle.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { VerifiedUserView } from '../shared/views.js';
import { CheckCredentials } from './check-credentials.js';

export interface LinkProviderAccountInput {
  readonly identity: ProviderIdentity;
  /** The password of the account that has the provider's verified email. */
  readonly password: string;
  /** Who is trying: failures count against the same limit as password logins. */
  readonly clientKey: string;
}

/**
 * Links a provider account to the HotSox account with the provider's verified email, once that
 * account's owner confirmed with their password (the same throttled check as a login).
 */
export class LinkProviderAccount {
  private readonly checkCredentials: CheckCredentials;

  constructor(
    private readonly users: UserRepository,
    hasher: PasswordHasher,
    throttle: LoginThrottle,
    secretTokens: SecretTokens,
    private readonly identities: LinkedIdentityRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.checkCredentials = new CheckCredentials(users, hasher, throttle, secretTokens);
  }

  /** @throws {TooManyLoginAttemptsError | InvalidCredentialsError} */
  async execute(input: LinkProviderAccountInput): Promise<VerifiedUserView> {
    const { identity } = input;
    if (!identity.email || !identity.emailVerified) throw new InvalidCredentialsError();
    const owner = await this.users.findByEmail(identity.email);
    if (!owner) throw new InvalidCredentialsError();
    const verified = await this.checkCredentials.execute({
      username: owner.username,
      password: input.password,
      clientKey: input.clientKey,
    });
    await this.uow.run(() =>
      this.identities.add({
        issuer: identity.issuer,
        subject: identity.subject,
        userId: owner.id,
        linkedAt: this.clock.now(),
      }),
    );
    return verified;
  }
}
