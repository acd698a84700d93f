import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Application } from '../../../application/application.js';
import type { ProfileView } from '../../../application/shared/views.js';
import type { GeoPoint } from '../../../domain/geo/geo-point.js';
import { requestProblems } from '../../http-common/request-limits.js';
import { Id } from '../../http-common/schemas/common.js';
import { csrfToken } from './csrf.js';
import { takeFlash } from './flash.js';
import { pictureModel, type PictureModel } from './view-models.js';
import type { OidcSignIn } from './oidc.js';
import type { Views } from './views.js';

/** The logged-in person, as every page shows them (navbar, greeting). */
export interface Viewer {
  readonly id: string;
  readonly username: string;
  readonly firstName: string;
  readonly isAdmin: boolean;
  readonly city: string;
  readonly location: GeoPoint | null;
  readonly avatar: PictureModel | null;
  readonly profile: ProfileView;
}

/** What every route module of the web UI is built with. */
export interface WebContext {
  readonly app: Application;
  readonly views: Views;
  readonly assets: Readonly<Record<string, string>>;
  readonly mapTileUrl: string;
  readonly sessionSecret: string;
  readonly logger: Logger;
  /** Sign-in with an OpenID Connect provider, when one is configured. */
  readonly oidc: OidcSignIn | null;
}

export function viewerFromProfile(profile: ProfileView): Viewer {
  const u = profile.user;
  const first = profile.pictures[0];
  return {
    id: u.id,
    username: u.username,
    firstName: u.firstName,
    isAdmin: u.isAdmin,
    city: u.city,
    location: u.location,
    avatar: first ? pictureModel(first) : null,
    profile,
  };
}

export function viewerOf(res: Response): Viewer | null {
  return (res.locals.viewer as Viewer | undefined) ?? null;
}

/** The viewer of a route behind `requireLogin`. */
export function me(res: Response): Viewer {
  const viewer = viewerOf(res);
  if (!viewer) throw new Error('requireLogin must run before this route');
  return viewer;
}

/** Sends anonymous visitors to the login page, back here afterwards. */
export function requireLogin(req: Request, res: Response, next: NextFunction): void {
  if (viewerOf(res)) return next();
  const back = req.method === 'GET' ? req.originalUrl : '/';
  res.redirect(303, `/login?next=${encodeURIComponent(back)}`);
}

/** A local path to return to after login; anything else (other hosts, `//evil`) becomes `/`. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/';
  }
  return value;
}

/** Renders a page of the layout with what every page needs. */
export function render(
  ctx: WebContext,
  req: Request,
  res: Response,
  view: string,
  locals: Record<string, unknown> = {},
  status = 200,
): void {
  const viewer = viewerOf(res);
  const html = ctx.views.render(view, {
    viewer,
    flash: takeFlash(req),
    csrf: csrfToken(req),
    path: req.path,
    assets: ctx.assets,
    mapTileUrl: ctx.mapTileUrl,
    cookieNotice: !req.session.cookieNoticeSeen,
    values: {},
    errors: {},
    ...locals,
  });
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
}

/** A path id: anything but a UUID is a page that does not exist. */
export function pathId(value: unknown): string {
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw requestProblems.notFound();
  return parsed.data;
}
