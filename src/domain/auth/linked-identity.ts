/**
 * An account at an OpenID Connect provider (the `sub` an issuer gives a person) that signs in as
 * a HotSox user. One provider account links to one user; a user may have several.
 */
export interface LinkedIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly userId: string;
  readonly linkedAt: Date;
}

/** What a provider said about the person who just signed in there (checked by the adapter). */
export interface ProviderIdentity {
  readonly issuer: string;
  readonly subject: string;
  /** The email the provider knows, if it shares one. */
  readonly email: string | null;
  /** Whether the provider verified that the person owns `email`. */
  readonly emailVerified: boolean;
}
