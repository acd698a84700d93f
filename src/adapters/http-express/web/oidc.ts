import type { Request } from 'express';
import { generators, Issuer, type BaseClient } from 'openid-client';
import type { ProviderIdentity } from '../../../domain/auth/linked-identity.js';

/** Sign-in with an OpenID Connect provider (OIDC_ISSUER_URL, OIDC_CLIENT_ID, …). */
export interface OidcSettings {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** What the button says after "Sign in with" (e.g. `Google`). */
  readonly providerName: string;
  /** Where the provider sends the browser back: `<PUBLIC_URL>/auth/oidc/callback`. */
  readonly redirectUri: string;
}

/** What the session keeps between leaving for the provider and coming back. */
export interface OidcFlight {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/**
 * The authorization code flow with PKCE (S256), state and nonce, through `openid-client`. The
 * provider's metadata is discovered on first use (and again after a failure), so a provider that
 * is down at boot does not stop the web app.
 */
export class OidcSignIn {
  private client: Promise<BaseClient> | null = null;

  constructor(readonly settings: OidcSettings) {}

  get providerName(): string {
    return this.settings.providerName;
  }

  /** A new flight (to keep in the session) and the provider's URL to send the browser to. */
  async start(): Promise<{ flight: OidcFlight; url: string }> {
    const client = await this.discovered();
    const flight: OidcFlight = {
      state: generators.state(),
      nonce: generators.nonce(),
      codeVerifier: generators.codeVerifier(),
    };
    const url = client.authorizationUrl({
      scope: 'openid email profile',
      redirect_uri: this.settings.redirectUri,
      state: flight.state,
      nonce: flight.nonce,
      code_challenge: generators.codeChallenge(flight.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { flight, url };
  }

  /**
   * Checks the provider's answer against the flight (state, then the code exchange with the PKCE
   * verifier, the ID token's signature, issuer, audience and nonce).
   * @throws when anything does not match: the sign-in fails.
   */
  async finish(req: Request, flight: OidcFlight): Promise<ProviderIdentity> {
    const client = await this.discovered();
    const params = client.callbackParams(req);
    const tokens = await client.callback(this.settings.redirectUri, params, {
      state: flight.state,
      nonce: flight.nonce,
      code_verifier: flight.codeVerifier,
    });
    const claims = tokens.claims();
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email : null,
      emailVerified: claims.email_verified === true,
    };
  }

  private discovered(): Promise<BaseClient> {
    this.client ??= Issuer.discover(this.settings.issuerUrl).then(
      (issuer) =>
        new issuer.Client({
          client_id: this.settings.clientId,
          client_secret: this.settings.clientSecret,
          redirect_uris: [this.settings.redirectUri],
          response_types: ['code'],
        }),
    );
    this.client.catch(() => {
      this.client = null;
    });
    return this.client;
  }
}
