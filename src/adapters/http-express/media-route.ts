import type { NextFunction, Request, Response } from 'express';

/**
 * Serves stored pictures under `/media` with long cache headers: a picture's key never changes
 * content, so browsers and nginx may keep it for a year. `fileOf` maps a URL path to the picture
 * store's file, or null for a name the store never makes (those are 404).
 */
export function mediaRoute(fileOf: (urlPath: string) => string | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const file = fileOf(req.path);
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
