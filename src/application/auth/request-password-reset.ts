import { PasswordResetToken } from '../../domain/auth/password-reset-token.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Outbox } from '../ports/outbox.js';
import type { PasswordResetTokenRepository } from '../ports/password-reset-token-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';

export interface RequestPasswordResetInput {
  readonly email: string;
}

export interface PasswordResetLinkOptions {
  /** Where HotSox is reached (PUBLIC_URL, no trailing slash): the link in the email points there. */
  readonly publicUrl: string;
}

/**
 * "Forgot my password": emails a single-use link that works for an hour. It answers the same
 * whether or not the address is registered, so it tells nobody who has an account.
 */
export class RequestPasswordReset {
  constructor(
    private readonly users: UserRepository,
    private readonly resetTokens: PasswordResetTokenRepository,
    private readonly secretTokens: SecretTokens,
    private readonly outbox: Outbox,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly options: PasswordResetLinkOptions,
  ) {}

  async execute(input: RequestPasswordResetInput): Promise<void> {
    const user = await this.users.findByEmail(input.email.trim());
    if (!user) return;
    const token = this.secretTokens.generate();
    const base = this.options.publicUrl.replace(/\/+$/, '');
    await this.uow.run(async () => {
      await this.resetTokens.add(
        PasswordResetToken.issue({
          id: this.ids.next(),
          userId: user.id,
          tokenHash: this.secretTokens.hash(token),
          at: this.clock.now(),
        }),
      );
      // Always sent, whatever `notifications` says: the person asked for it.
      await this.outbox.add({
        type: 'email.send',
        to: { email: user.email, username: user.username },
        template: 'password-reset',
        data: { resetUrl: `${base}/password/reset/${encodeURIComponent(token)}` },
      });
    });
  }
}
