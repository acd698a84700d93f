import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { ProviderIdentity } from '../../../../domain/auth/linked-identity.js';
import { toProblem } from '../../../http-common/problem.js';
import { signUpProfile } from '../../../http-common/profile-input.js';
import { SignUpBody } from '../../../http-common/schemas/users.js';
import { flash } from '../flash.js';
import { domainFormErrors, parseForm, type FormErrors, type FormSpec } from '../form.js';
import type { OidcSignIn } from '../oidc.js';
import { credentialStamp, startLogin } from '../session.js';
import { welcomeSignedUp } from './auth.js';
import { FORM_OPTIONS } from '../view-models.js';
import { render, viewerOf, type WebContext } from '../web-context.js';
import { PROFILE_FORM } from './auth.js';

const PROVIDER_SIGN_UP_FORM: FormSpec = { username: 'text', ...PROFILE_FORM };
const ProviderSignUpBody = SignUpBody.omit({ password: true });
const LINK_FORM: FormSpec = { password: 'text' };
const LinkBody = z.strictObject({ password: z.string().min(1).max(200) });
/** How long a person who came back from the provider has to confirm a link or finish the profile. */
const PENDING_MS = 30 * 60_000;

/**
 * Sign-in with an OpenID Connect provider: `/auth/oidc/start` sends the browser there, the
 * callback checks its answer; then a linked account is logged in, the owner of an account with
 * the provider's verified email confirms the link with their password, and someone new completes
 * a profile before using HotSox. Nothing here exists when no provider is configured.
 */
export function oidcRoutes(ctx: WebContext, oidc: OidcSignIn): express.Router {
  const router = express.Router();
  const { app } = ctx;
  const name = oidc.providerName;
  const stamp = (credentialsVersion: string) => credentialStamp(ctx.sessionSecret, credentialsVersion);
  const clientKey = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

  const failed = (req: Request, res: Response) => {
    flash(req, 'error', `Signing in with ${name} did not work. Please try again.`);
    res.redirect(303, '/login');
  };

  router.get('/auth/oidc/start', async (req: Request, res: Response) => {
    if (viewerOf(res)) return res.redirect(303, '/');
    const { flight, url } = await oidc.start();
    req.session.oidcFlight = flight;
    delete req.session.oidcIdentity;
    res.redirect(303, url);
  });

  router.get('/auth/oidc/callback', async (req: Request, res: Response) => {
    const flight = req.session.oidcFlight;
    // One answer per flight: a replayed or forged callback finds nothing to match.
    delete req.session.oidcFlight;
    if (!flight) return failed(req, res);
    let identity: ProviderIdentity;
    try {
      identity = await oidc.finish(req, flight);
    } catch (error) {
      ctx.logger.warn({ err: error }, 'OpenID Connect sign-in refused');
      return failed(req, res);
    }
    const next = await app.auth.signInWithProvider.execute(identity);
    if (next.kind === 'signed-in') {
      await startLogin(req, next.verified.user.id, stamp(next.verified.credentialsVersion));
      flash(req, 'success', `Hello again, ${next.verified.user.username}!`);
      return res.redirect(303, '/');
    }
    req.session.oidcIdentity = { ...identity, at: Date.now() };
    res.redirect(303, next.kind === 'confirm-link' ? '/auth/oidc/link' : '/auth/oidc/signup');
  });

  /** The identity the provider vouched for, while it is fresh; null sends the person back to login. */
  const pending = (req: Request): ProviderIdentity | null => {
    const held = req.session.oidcIdentity;
    if (!held || Date.now() - held.at > PENDING_MS) return null;
    const { at: _at, ...identity } = held;
    return identity;
  };

  const linkPage = (
    req: Request,
    res: Response,
    identity: ProviderIdentity,
    errors: FormErrors = {},
    status = 200,
  ) =>
    render(
      ctx,
      req,
      res,
      'auth/oidc-link',
      { title: `Link your ${name} account`, provider: name, email: identity.email, errors },
      status,
    );

  router.get('/auth/oidc/link', (req: Request, res: Response) => {
    const identity = pending(req);
    if (!identity) return failed(req, res);
    linkPage(req, res, identity);
  });

  router.post('/auth/oidc/link', async (req: Request, res: Response) => {
    const identity = pending(req);
    if (!identity) return failed(req, res);
    const form = parseForm(LinkBody, req.body, LINK_FORM);
    if (!form.ok) return linkPage(req, res, identity, form.errors, 422);
    try {
      const { user, credentialsVersion } = await app.auth.linkProviderAccount.execute({
        identity,
        password: form.data.password,
        clientKey: clientKey(req),
      });
      await startLogin(req, user.id, stamp(credentialsVersion));
      flash(
        req,
        'success',
        `Your ${name} account is linked, ${user.username}: use it to sign in from now on.`,
      );
      res.redirect(303, '/');
    } catch (error) {
      const errors = domainFormErrors(error, []);
      if (!errors) throw error;
      const problem = toProblem(error);
      if (problem.headers['Retry-After']) res.set('Retry-After', problem.headers['Retry-After']);
      linkPage(req, res, identity, errors, problem.status);
    }
  });

  const signUpPage = (req: Request, res: Response, values = {}, errors: FormErrors = {}, status = 200) =>
    render(
      ctx,
      req,
      res,
      'auth/signup',
      {
        title: 'Complete your profile',
        options: FORM_OPTIONS,
        provider: name,
        action: '/auth/oidc/signup',
        values,
        errors,
      },
      status,
    );

  router.get('/auth/oidc/signup', (req: Request, res: Response) => {
    const identity = pending(req);
    if (!identity) return failed(req, res);
    signUpPage(req, res, { email: identity.email ?? '', notifications: 'on' });
  });

  router.post('/auth/oidc/signup', async (req: Request, res: Response) => {
    const identity = pending(req);
    if (!identity) return failed(req, res);
    const form = parseForm(ProviderSignUpBody, req.body, PROVIDER_SIGN_UP_FORM);
    if (!form.ok) return signUpPage(req, res, form.values, form.errors, 422);
    const { username, ...profile } = form.data;
    try {
      const view = await app.auth.completeProviderSignUp.execute({
        identity,
        username,
        profile: signUpProfile(profile),
      });
      await welcomeSignedUp(req, res, view.user, stamp(view.credentialsVersion));
    } catch (error) {
      const errors = domainFormErrors(error, Object.keys(PROVIDER_SIGN_UP_FORM));
      if (!errors) throw error;
      signUpPage(req, res, form.values, errors, toProblem(error).status);
    }
  });

  return router;
}
