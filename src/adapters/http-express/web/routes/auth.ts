import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { TokenBody } from '../../../http-common/schemas/auth.js';
import { ChangePasswordBody, SignUpBody } from '../../../http-common/schemas/users.js';
import { toProblem } from '../../../http-common/problem.js';
import { signUpProfile } from '../../../http-common/profile-input.js';
import { flash } from '../flash.js';
import { domainFormErrors, parseForm, type FormErrors, type FormSpec } from '../form.js';
import { credentialStamp, endLogin, startLogin } from '../session.js';
import { FORM_OPTIONS } from '../view-models.js';
import { me, render, requireLogin, safeNext, viewerOf, type WebContext } from '../web-context.js';

export const PROFILE_FORM: FormSpec = {
  email: 'text',
  birthday: 'text',
  gender: 'text',
  city: 'text',
  firstName: 'text',
  lastName: 'text',
  about: 'text',
  notifications: 'checkbox',
  'social.instagram': 'text',
  'social.facebook': 'text',
  'social.twitter': 'text',
  'social.spotify': 'text',
};
const SIGN_UP_FORM: FormSpec = { username: 'text', password: 'text', ...PROFILE_FORM };
const LOGIN_FORM: FormSpec = { username: 'text', password: 'text' };
const LoginBody = TokenBody.pick({ username: true, password: true });
const FORGOT_FORM: FormSpec = { email: 'text' };
const ForgotBody = z.strictObject({ email: SignUpBody.shape.email });
const NEW_PASSWORD_FORM: FormSpec = { newPassword: 'text' };
const NewPasswordBody = ChangePasswordBody.pick({ newPassword: true });
const CHANGE_PASSWORD_FORM: FormSpec = { currentPassword: 'text', newPassword: 'text' };
const MAX_TOKEN_LENGTH = 200;

/** Sign-up, login, logout, forgotten and changed passwords. */
export function authRoutes(ctx: WebContext): express.Router {
  const router = express.Router();
  const { app } = ctx;
  const stamp = (credentialsVersion: string) => credentialStamp(ctx.sessionSecret, credentialsVersion);
  const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

  const signUpPage = (req: Request, res: Response, values = {}, errors: FormErrors = {}, status = 200) =>
    render(ctx, req, res, 'auth/signup', { title: 'Sign up', options: FORM_OPTIONS, values, errors }, status);

  router.get('/signup', (req: Request, res: Response) => {
    if (viewerOf(res)) return res.redirect(303, '/');
    signUpPage(req, res, { notifications: 'on' });
  });

  router.post('/signup', async (req: Request, res: Response) => {
    const form = parseForm(SignUpBody, req.body, SIGN_UP_FORM);
    const mismatch = passwordsDiffer(body(req), 'password', 'passwordConfirm');
    if (!form.ok || mismatch) {
      const errors = { ...(form.ok ? {} : form.errors), ...mismatch };
      return signUpPage(req, res, withoutSecrets(form.values), errors, 422);
    }
    const { username, password, ...profile } = form.data;
    try {
      const view = await app.users.registerUser.execute({
        username,
        password,
        profile: signUpProfile(profile),
      });
      await welcomeSignedUp(req, res, view.user, stamp(view.credentialsVersion));
    } catch (error) {
      const errors = domainFormErrors(error, Object.keys(SIGN_UP_FORM));
      if (!errors) throw error;
      signUpPage(req, res, withoutSecrets(form.values), errors, toProblem(error).status);
    }
  });

  const loginPage = (req: Request, res: Response, values = {}, errors: FormErrors = {}, status = 200) =>
    render(
      ctx,
      req,
      res,
      'auth/login',
      {
        title: 'Log in',
        values,
        errors,
        next: safeNext(req.query.next ?? body(req).next),
        provider: ctx.oidc?.providerName ?? null,
      },
      status,
    );

  router.get('/login', (req: Request, res: Response) => {
    if (viewerOf(res)) return res.redirect(303, safeNext(req.query.next));
    loginPage(req, res);
  });

  router.post('/login', async (req: Request, res: Response) => {
    const form = parseForm(LoginBody, req.body, LOGIN_FORM);
    if (!form.ok) return loginPage(req, res, withoutSecrets(form.values), form.errors, 422);
    try {
      const { user, credentialsVersion } = await app.auth.checkCredentials.execute({
        ...form.data,
        clientKey: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      });
      await startLogin(req, user.id, stamp(credentialsVersion));
      flash(req, 'success', `Hello again, ${user.username}!`);
      res.redirect(303, safeNext(body(req).next));
    } catch (error) {
      const errors = domainFormErrors(error, []);
      if (!errors) throw error;
      const problem = toProblem(error);
      if (problem.headers['Retry-After']) res.set('Retry-After', problem.headers['Retry-After']);
      loginPage(req, res, withoutSecrets(form.values), errors, problem.status);
    }
  });

  router.post('/logout', async (req: Request, res: Response) => {
    await endLogin(req);
    flash(req, 'info', 'You are logged out. Your socks will miss you.');
    res.redirect(303, '/');
  });

  // Forgotten password: an email with a link that works once, for an hour.
  const forgotPage = (req: Request, res: Response, values = {}, errors: FormErrors = {}, status = 200) =>
    render(ctx, req, res, 'auth/forgot', { title: 'Forgot your password?', values, errors }, status);

  router.get('/password/forgot', (req: Request, res: Response) => forgotPage(req, res));

  router.post('/password/forgot', async (req: Request, res: Response) => {
    const form = parseForm(ForgotBody, req.body, FORGOT_FORM);
    if (!form.ok) return forgotPage(req, res, form.values, form.errors, 422);
    await app.auth.requestPasswordReset.execute({ email: form.data.email });
    flash(
      req,
      'info',
      `If an account uses ${form.data.email}, a reset link is on its way. It works once, within the next hour.`,
    );
    res.redirect(303, '/login');
  });

  const resetPage = (req: Request, res: Response, errors: FormErrors = {}, status = 200) =>
    render(
      ctx,
      req,
      res,
      'auth/reset',
      { title: 'Choose a new password', errors, token: req.params.token },
      status,
    );
  const invalidLink = (req: Request, res: Response) =>
    render(ctx, req, res, 'auth/reset-invalid', { title: 'This link has expired' }, 410);

  router.get('/password/reset/:token', async (req: Request, res: Response) => {
    const token = String(req.params.token);
    if (token.length > MAX_TOKEN_LENGTH || !(await app.auth.checkPasswordResetLink.execute(token))) {
      return invalidLink(req, res);
    }
    res.set('Referrer-Policy', 'no-referrer');
    resetPage(req, res);
  });

  router.post('/password/reset/:token', async (req: Request, res: Response) => {
    const token = String(req.params.token);
    if (token.length > MAX_TOKEN_LENGTH) return invalidLink(req, res);
    const form = parseForm(NewPasswordBody, req.body, NEW_PASSWORD_FORM);
    const mismatch = passwordsDiffer(body(req), 'newPassword', 'newPasswordConfirm');
    if (!form.ok || mismatch)
      return resetPage(req, res, { ...(form.ok ? {} : form.errors), ...mismatch }, 422);
    try {
      await app.auth.resetPassword.execute({ token, newPassword: form.data.newPassword });
    } catch (error) {
      const errors = domainFormErrors(error, ['newPassword']);
      if (!errors) throw error;
      if (errors._form) return invalidLink(req, res);
      return resetPage(req, res, errors, 422);
    }
    await endLogin(req);
    flash(req, 'success', 'Your new password is set. Log in with it, and welcome back!');
    res.redirect(303, '/login');
  });

  // Changing the password ends every session of the user, this one included.
  const passwordPage = (req: Request, res: Response, errors: FormErrors = {}, status = 200) =>
    render(ctx, req, res, 'auth/change-password', { title: 'Change your password', errors }, status);

  router.get('/profile/password', requireLogin, (req: Request, res: Response) => passwordPage(req, res));

  router.post('/profile/password', requireLogin, async (req: Request, res: Response) => {
    const form = parseForm(ChangePasswordBody, req.body, CHANGE_PASSWORD_FORM);
    const mismatch = passwordsDiffer(body(req), 'newPassword', 'newPasswordConfirm');
    if (!form.ok || mismatch)
      return passwordPage(req, res, { ...(form.ok ? {} : form.errors), ...mismatch }, 422);
    try {
      await app.users.changePassword.execute({ userId: me(res).id, ...form.data });
    } catch (error) {
      const errors = domainFormErrors(error, Object.keys(CHANGE_PASSWORD_FORM));
      if (!errors) throw error;
      return passwordPage(req, res, errors, toProblem(error).status);
    }
    await endLogin(req);
    flash(
      req,
      'success',
      'Password changed. Every session was logged out: log in again with your new password.',
    );
    res.redirect(303, '/login');
  });

  return router;
}

/** The confirmation field is the web form's own concern; the rules of the password are the schema's. */
function passwordsDiffer(body: Record<string, unknown>, field: string, confirm: string): FormErrors | null {
  return body[field] !== body[confirm] ? { [confirm]: 'The two passwords do not match.' } : null;
}

/** Passwords are never sent back into a form. */
function withoutSecrets(values: Record<string, string>): Record<string, string> {
  const { password: _p, newPassword: _n, currentPassword: _c, ...rest } = values;
  return rest;
}

/** A new user (a sign-up, with a password or through a provider): logged in and sent on to add a picture. */
export async function welcomeSignedUp(
  req: Request,
  res: Response,
  user: { readonly id: string; readonly username: string },
  stamp: string,
): Promise<void> {
  await startLogin(req, user.id, stamp);
  flash(req, 'success', `Welcome to HotSox, ${user.username}! Start with a picture of yourself.`);
  res.redirect(303, '/profile/pictures');
}
