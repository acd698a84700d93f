import express, { type NextFunction, type Request, type Response } from 'express';
import type session from 'express-session';
import { readFileSync } from 'node:fs';
import { ServerResponse, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Application } from '../../../application/application.js';
import { UserNotFoundError } from '../../../domain/user/user-errors.js';
import { toProblem } from '../../http-common/problem.js';
import { REQUEST_LIMITS } from '../../http-common/request-limits.js';
import { logFailure } from '../../http-common/log-failure.js';
import { requestLogger } from '../request-context.js';
import { CsrfError, csrfProtection } from './csrf.js';
import { flash } from './flash.js';
import { WEB_PATHS } from './paths.js';
import type { OidcSignIn } from './oidc.js';
import { queueDashboard, type JobQueues } from './queue-dashboard.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { matchRoutes } from './routes/matches.js';
import { oidcRoutes } from './routes/oidc.js';
import { pageRoutes } from './routes/pages.js';
import { profileRoutes } from './routes/profile.js';
import { sockRoutes } from './routes/socks.js';
import { swipeRoutes } from './routes/swipe.js';
import { credentialStamp, endLogin, sessions } from './session.js';
import { Views, versionedAssets } from './views.js';
import { render, viewerFromProfile, type WebContext } from './web-context.js';

export interface WebUiDeps {
  readonly app: Application;
  readonly logger: Logger;
  /** Signs the session cookie and keys the credential stamps. */
  readonly sessionSecret: string;
  /** Redis-backed in production (see `redisSessionStore`); null keeps sessions in this process. */
  readonly sessionStore: session.Store | null;
  /** The map tile template (MAP_TILE_URL), e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  readonly mapTileUrl: string;
  /** Compile each template once (default); false re-reads them on every render (development). */
  readonly cacheViews?: boolean;
  /**
   * The job queues admins see at /admin/queues (Bull Board). None (the default) when jobs run in
   * process: that page then says so.
   */
  readonly jobQueues?: JobQueues | null;
  /** Sign-in with an OpenID Connect provider; none (the default): no such button. */
  readonly oidc?: OidcSignIn | null;
}

const OWN_ASSETS = ['site.css', 'site.js', 'map.js', 'chat.js'] as const;

/** The server-rendered web UI: every page of the HotSox journey, over the same use cases as the APIs. */
/** The web UI's router, and who a request's session cookie logs in (for the chat's WebSocket upgrade). */
export type WebUi = express.Router & { sessionUser(req: IncomingMessage): Promise<string | null> };

export function webUiRouter(deps: WebUiDeps): WebUi {
  const leafletVersion = (
    JSON.parse(readFileSync(join(WEB_PATHS.leaflet, '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const ctx: WebContext = {
    app: deps.app,
    views: new Views(WEB_PATHS.views, deps.cacheViews ?? true),
    assets: versionedAssets(WEB_PATHS.public, OWN_ASSETS, leafletVersion),
    mapTileUrl: deps.mapTileUrl,
    sessionSecret: deps.sessionSecret,
    logger: deps.logger,
    oidc: deps.oidc ?? null,
  };
  const router = express.Router();
  // Asset URLs carry a content version, so browsers may keep them for a year.
  const cached = { maxAge: '365d', immutable: true, index: false, fallthrough: true } as const;
  router.use('/assets/vendor/leaflet', express.static(WEB_PATHS.leaflet, cached));
  router.use('/assets', express.static(WEB_PATHS.public, cached));
  router.use(contentSecurityPolicy(deps.mapTileUrl));
  const sessionMiddleware = sessions({ secret: deps.sessionSecret, store: deps.sessionStore });
  router.use(sessionMiddleware);
  router.use(express.urlencoded({ extended: false, limit: REQUEST_LIMITS.bodyBytes, parameterLimit: 100 }));
  router.use(csrfProtection);
  router.use(loadViewer(ctx));
  router.use(pageRoutes(ctx));
  router.use(authRoutes(ctx));
  if (ctx.oidc) router.use(oidcRoutes(ctx, ctx.oidc));
  router.use(profileRoutes(ctx));
  router.use(sockRoutes(ctx));
  router.use(swipeRoutes(ctx));
  router.use(matchRoutes(ctx));
  router.use(adminRoutes(ctx, deps.jobQueues ? queueDashboard(deps.jobQueues) : null));
  router.use((req: Request, res: Response) => errorPage(ctx, req, res, 404));
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = statusOf(error);
    if (status >= 500) logFailure(requestLogger(res, deps.logger), error);
    // When to try again (the database is unavailable: 503), as the APIs say it.
    const retryAfter = toProblem(error).headers['Retry-After'];
    if (retryAfter) res.set('Retry-After', retryAfter);
    errorPage(ctx, req, res, status, error instanceof CsrfError);
  });
  return Object.assign(router, {
    sessionUser: (req: IncomingMessage) => sessionUser(ctx, sessionMiddleware, req),
  });
}

/**
 * The user a raw request's session cookie logs in, with the same checks as a page (the session
 * exists, its password has not changed since); null otherwise. For requests that never reach the
 * router, such as WebSocket upgrades.
 */
async function sessionUser(
  ctx: WebContext,
  sessionMiddleware: express.RequestHandler,
  raw: IncomingMessage,
): Promise<string | null> {
  const req = raw as Request;
  await new Promise<void>((resolve, reject) => {
    sessionMiddleware(req, new ServerResponse(raw) as Response, (error?: unknown) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
    );
  });
  const userId = req.session?.userId;
  if (!userId) return null;
  const profile = await ctx.app.users.getProfile.execute(userId).catch(() => null);
  if (!profile || !stampIsCurrent(ctx, req, profile)) return null;
  return userId;
}

/** Whether the session was started with the user's current password (a change ends every session). */
function stampIsCurrent(ctx: WebContext, req: Request, profile: { credentialsVersion: string }): boolean {
  return req.session.stamp === credentialStamp(ctx.sessionSecret, profile.credentialsVersion);
}

/** Who is logged in: the session's user, as long as their password has not changed since. */
function loadViewer(ctx: WebContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const userId = req.session.userId;
    if (!userId) return next();
    try {
      const profile = await ctx.app.users.getProfile.execute(userId);
      if (!stampIsCurrent(ctx, req, profile)) {
        await endLogin(req);
        flash(req, 'info', 'Your password was changed, so you were logged out. Please log in again.');
        return next();
      }
      res.locals.viewer = viewerFromProfile(profile);
      next();
    } catch (error) {
      if (!(error instanceof UserNotFoundError)) throw error;
      await endLogin(req);
      next();
    }
  };
}

/** Helmet's policy, widened only for the map tiles' host. No inline scripts or styles anywhere. */
function contentSecurityPolicy(mapTileUrl: string) {
  const tiles = tileSource(mapTileUrl);
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
        "object-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
        "font-src 'self' data:",
        "connect-src 'self'",
        ...(req.secure ? ['upgrade-insecure-requests'] : []),
      ].join('; '),
    );
    next();
  };
}

function tileSource(template: string): string | null {
  const match = /^(https?:\/\/)([^/]+)/i.exec(template);
  if (!match?.[1] || !match[2]) return null;
  return `${match[1]}${match[2].replace(/\{[^}]*\}/g, '*')}`;
}

function statusOf(error: unknown): number {
  if (error instanceof CsrfError) return 403;
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return 413;
  if (type === 'entity.parse.failed' || type === 'parameters.too.many' || error instanceof URIError)
    return 400;
  return toProblem(error).status;
}

const ERROR_PAGES: Record<number, { title: string; text: string }> = {
  400: {
    title: 'That request was a bit odd',
    text: 'We could not make sense of it. Please go back and try again.',
  },
  403: {
    title: 'Socks off!',
    text: 'This page is not for you. If you think it should be, ask an administrator.',
  },
  404: {
    title: 'Lost in the wash',
    text: 'There is nothing at this address. Maybe it went where all the single socks go.',
  },
  409: { title: 'Already done', text: 'That has already happened. Please reload the page.' },
  410: { title: 'Gone', text: 'This page is no longer here.' },
  413: {
    title: 'That was a bit much',
    text: 'What you sent is too large for us. Pictures may be at most 10 MiB.',
  },
  415: { title: 'Unsupported', text: 'We cannot read what you sent. Pictures must be JPEG, PNG or WebP.' },
  429: {
    title: 'Slow down, sock',
    text: 'Too many tries in a short time. Please wait a little and try again.',
  },
  500: {
    title: 'Something went wrong',
    text: 'Something went wrong on our side. Please try again in a moment.',
  },
  503: { title: 'Back in a moment', text: 'This part of HotSox is not available right now.' },
};

function errorPage(ctx: WebContext, req: Request, res: Response, status: number, csrf = false): void {
  const page = ERROR_PAGES[status] ?? ERROR_PAGES[status >= 500 ? 500 : 400] ?? { title: 'Error', text: '' };
  const text = csrf ? 'This form has expired. Please go back, reload the page and try again.' : page.text;
  try {
    if (!req.session) throw new Error('no session');
    render(ctx, req, res, 'errors/error', { title: page.title, status, text }, status);
  } catch {
    res.status(status).type('text/plain').send(`${page.title}. ${text}`);
  }
}
