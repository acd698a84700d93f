import express, { type Request, type Response } from 'express';
import { render, safeNext, viewerOf, type WebContext } from '../web-context.js';

/** Home, about and the cookie notice. */
export function pageRoutes(ctx: WebContext): express.Router {
  const router = express.Router();

  router.get('/', async (req: Request, res: Response) => {
    const viewer = viewerOf(res);
    if (!viewer) return render(ctx, req, res, 'pages/landing', { title: 'Reunite your lonely socks' });
    const [socks, matches] = await Promise.all([
      ctx.app.socks.listSocks.execute({ userId: viewer.id, page: { page: 1, pageSize: 100 } }),
      ctx.app.matches.listMatches.execute({ userId: viewer.id, page: { page: 1, pageSize: 1 } }),
    ]);
    const hasPicture = viewer.profile.pictures.length > 0;
    const sockWithoutPicture = socks.items.find((s) => s.pictures.length === 0) ?? null;
    const steps = [
      {
        done: hasPicture,
        text: 'Add a profile picture',
        href: '/profile/pictures',
        hint: 'Socks like to know who they would go home with.',
      },
      {
        done: socks.total > 0,
        text: 'Add your first lonely sock',
        href: '/socks/new',
        hint: 'Sixteen questions, no wrong answers.',
      },
      {
        done: socks.total > 0 && !sockWithoutPicture,
        text: sockWithoutPicture
          ? `Add a picture of ${sockWithoutPicture.sock.name}`
          : 'Add a picture of your sock',
        href: sockWithoutPicture ? `/socks/${sockWithoutPicture.sock.id}/pictures` : '/socks',
        hint: 'Socks without a picture stay invisible to everyone else.',
      },
      {
        done: matches.total > 0,
        text: 'Swipe until it clicks',
        href: '/swipe',
        hint: 'A like back makes a match.',
      },
    ];
    render(ctx, req, res, 'pages/home', {
      title: 'Home',
      steps,
      complete: steps.every((s) => s.done),
      sockCount: socks.total,
      matchCount: matches.total,
    });
  });

  router.get('/about', (req: Request, res: Response) =>
    render(ctx, req, res, 'pages/about', { title: 'About' }),
  );

  router.post('/cookies/ok', (req: Request, res: Response) => {
    req.session.cookieNoticeSeen = true;
    res.redirect(303, safeNext((req.body as Record<string, unknown> | undefined)?.back));
  });

  return router;
}
