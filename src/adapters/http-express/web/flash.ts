import type { Request } from 'express';
import type { Flash } from './session.js';

export function flash(req: Request, kind: Flash['kind'], text: string): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, text }];
}

/** The messages waiting for the next page; they are shown once. */
export function takeFlash(req: Request): Flash[] {
  const messages = req.session.flash ?? [];
  if (messages.length > 0) delete req.session.flash;
  return messages;
}
