import type { LinkedIdentity } from '../../domain/auth/linked-identity.js';

/** Which HotSox user each provider account (issuer, subject) signs in as. */
export interface LinkedIdentityRepository {
  /** Idempotent for the same user; a provider account already linked to another user stays as it is. */
  add(identity: LinkedIdentity): Promise<void>;
  /** Null when the provider account is not linked. */
  findUserId(issuer: string, subject: string): Promise<string | null>;
}
