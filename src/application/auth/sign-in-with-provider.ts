import type { ProviderIdentity } from '../../domain/auth/linked-identity.js';
import type { LinkedIdentityRepository } from '../ports/linked-identity-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UserRepository } from '../ports/user-repository.js';
import { accountView, credentialsVersion } from '../shared/view-builders.js';
import type { VerifiedUserView } from '../shared/views.js';

/** What happens next after a person signed in at an OpenID Connect provider. */
export type ProviderSignIn =
  /** The provider account is linked: this is the user. */
  | { readonly kind: 'signed-in'; readonly verified: VerifiedUserView }
  /** An account has the provider's verified email: its owner must confirm with their password. */
  | { readonly kind: 'confirm-link'; readonly username: string }
  /** Someone new: they complete a profile (username, birthday, …) before using HotSox. */
  | { readonly kind: 'complete-sign-up'; readonly email: string | null };

/**
 * Sign-in through a provider whose answer the adapter already checked (code, PKCE, state, nonce,
 * ID token). An email links nothing by itself: only the account's password does.
 */
export class SignInWithProvider {
  constructor(
    private readonly users: UserRepository,
    private readonly identities: LinkedIdentityRepository,
    private readonly secretTokens: SecretTokens,
  ) {}

  async execute(identity: ProviderIdentity): Promise<ProviderSignIn> {
    const userId = await this.identities.findUserId(identity.issuer, identity.subject);
    const linked = userId ? await this.users.findById(userId) : null;
    if (linked) {
      return {
        kind: 'signed-in',
        verified: {
          user: accountView(linked),
          credentialsVersion: credentialsVersion(this.secretTokens, linked),
        },
      };
    }
    const sameEmail =
      identity.email && identity.emailVerified ? await this.users.findByEmail(identity.email) : null;
    if (sameEmail) return { kind: 'confirm-link', username: sameEmail.username };
    return { kind: 'complete-sign-up', email: identity.email };
  }
}
