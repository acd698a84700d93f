/* global process */
// A real OpenID Connect provider (node-oidc-provider) for the browser tests, run as its own
// process: the package is ESM-only and Jest compiles to CommonJS. Its development login page
// takes any login: the login is the email (verified), `sub-<login>` the subject. Consent is
// implied. Prints `ready` once it listens.
import Provider from 'oidc-provider';

const { OIDC_PORT, OIDC_REDIRECT_URI, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
const issuer = `http://127.0.0.1:${OIDC_PORT}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: [OIDC_REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      claims: async () => ({ sub: `sub-${id}`, email: id, email_verified: true }),
    };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  // the email claims in the ID token itself, as Google's are
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ['hotsox e2e oidc-provider cookie key'] },
  features: { devInteractions: { enabled: true } },
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

provider.listen(Number(OIDC_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
