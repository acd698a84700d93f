import type { NextFunction, Request, Response } from 'express';
import { resolveMediaPath } from '../http-common/pictures/local-picture-store.js';

/**
 * Serves stored pictures under `/media` with long cache headers: a picture's key never changes
 * content, so browsers and nginx may keep it for a year. Only names the store makes are served.
 */
export function mediaRoute(mediaDir: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const file = resolveMediaPath(mediaDir, req.path);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.sendFile(file, { maxAge: '365d', immutable: true, dotfiles: 'deny' }, (error) => {
      if (!error) return;
      if (
        (error as NodeJS.ErrnoException).code === 'ENOENT' ||
        (error as { status?: number }).status === 404
      ) {
        if (!res.headersSent) res.status(404).type('text/plain').send('Not found');
        return;
      }
      next(error);
    });
  };
}
