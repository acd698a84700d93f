import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { mediaTypeOf } from '../../http-common/request-limits.js';

/** A state-changing request without the session's form token. */
export class CsrfError extends Error {
  constructor() {
    super('missing or wrong form token');
    this.name = 'CsrfError';
  }
}

export const CSRF_FIELD = '_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's synchronizer token, created on first use. */
export function csrfToken(req: Request): string {
  req.session.csrf ??= randomBytes(32).toString('base64url');
  return req.session.csrf;
}

export function isValidCsrf(req: Request, submitted: unknown): boolean {
  const expected = req.session.csrf;
  if (!expected || typeof submitted !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Refuses every unsafe request whose form field `_csrf` (or header `X-CSRF-Token`) is not the
 * session's token. Multipart bodies are checked by `readUploadForm` once their fields are read.
 */
export function csrfProtection(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  if (mediaTypeOf(req.headers['content-type']) === 'multipart/form-data') return next();
  const body = req.body as Record<string, unknown> | undefined;
  const submitted = body?.[CSRF_FIELD] ?? req.headers['x-csrf-token'];
  next(isValidCsrf(req, submitted) ? undefined : new CsrfError());
}
