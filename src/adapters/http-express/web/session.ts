import { RedisStore } from 'connect-redis';
import { createHmac } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import type { Redis } from 'ioredis';

/** A message shown once, on the next page. */
export interface Flash {
  readonly kind: 'success' | 'error' | 'info';
  readonly text: string;
}

declare module 'express-session' {
  interface SessionData {
    /** The logged-in user. */
    userId: string;
    /** Derived from the credentials version at login: a password change logs out every session. */
    stamp: string;
    /** The synchronizer token every state-changing form must echo. */
    csrf: string;
    flash: Flash[];
    /** The own sock last swiped with. */
    swipeSockId: string;
    /** The cookie notice was acknowledged. */
    cookieNoticeSeen: boolean;
    /** Sign-in with the OpenID Connect provider: what its answer must match. */
    oidcFlight: { state: string; nonce: string; codeVerifier: string };
    /** Who the provider vouched for (and when), until they confirm a link or complete a profile. */
    oidcIdentity: {
      issuer: string;
      subject: string;
      email: string | null;
      emailVerified: boolean;
      at: number;
    };
  }
}

export const SESSION_COOKIE = 'hotsox.sid';
const SESSION_TTL_SECONDS = 14 * 24 * 3600;

export interface SessionOptions {
  readonly secret: string;
  /** Where sessions live; null keeps them in this process (embedded defaults, tests). */
  readonly store: session.Store | null;
}

/**
 * Server-side sessions in an HttpOnly, SameSite=Lax cookie that is Secure whenever the request
 * came over TLS (as the trusted proxy reports it). Nothing is stored before a page needs it.
 */
export function sessions(options: SessionOptions): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret: options.secret,
    ...(options.store ? { store: options.store } : {}),
    resave: false,
    saveUninitialized: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      maxAge: SESSION_TTL_SECONDS * 1000,
      path: '/',
    },
  });
}

/** Sessions in the app's Redis, shared by every replica of the web app. */
export function redisSessionStore(redis: Redis): session.Store {
  return new RedisStore({ client: redis, prefix: 'hotsox:sess:', ttl: SESSION_TTL_SECONDS });
}

/**
 * The session's copy of the application's credentials version, keyed with the session secret: a
 * stamp from another deployment (or one written into a session store by hand) never matches.
 */
export function credentialStamp(secret: string, credentialsVersion: string): string {
  return createHmac('sha256', secret).update(credentialsVersion).digest('base64url').slice(0, 32);
}

/** A new session id for a new login: the old session (and its id) is destroyed. */
export async function startLogin(req: Request, userId: string, stamp: string): Promise<void> {
  await regenerate(req);
  req.session.userId = userId;
  req.session.stamp = stamp;
}

/** Destroys the session and starts an empty one (which may still carry a flash message). */
export function endLogin(req: Request): Promise<void> {
  return regenerate(req);
}

/** A new session (and id); only the acknowledged cookie notice carries over: it is no one's secret. */
function regenerate(req: Request): Promise<void> {
  const cookieNoticeSeen = req.session.cookieNoticeSeen;
  return new Promise((resolve, reject) => {
    req.session.regenerate((error: unknown) => {
      if (error) return reject(error as Error);
      if (cookieNoticeSeen) req.session.cookieNoticeSeen = true;
      resolve();
    });
  });
}
