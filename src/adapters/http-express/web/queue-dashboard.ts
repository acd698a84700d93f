import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';

/** Where admins find the job queues: Bull Board's page, its static files and its JSON API. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The job queues the dashboard shows. */
export interface JobQueues {
  readonly queues: readonly DashboardQueue[];
  /** Shown in a band above every page of the board: what is missing from it, say. */
  readonly notice?: string;
}

/** One BullMQ queue the dashboard shows. */
export interface DashboardQueue {
  /** A handle on the queue; the dashboard only reads through it. */
  readonly queue: Queue;
  /** Shown with the queue: whose jobs these are, where they live. */
  readonly description: string;
}

/**
 * Bull Board over the queues, for mounting at QUEUE_DASHBOARD_PATH behind the admins-only check.
 * Read-only: every queue is listed under its Redis prefix (`hotsox-web:hotsox-jobs`), since the
 * apps' queues share one name; Bull Board refuses actions on read-only queues, and the web UI's
 * CSRF check refuses every unsafe request its page would send anyway.
 */
export function queueDashboard({ queues, notice }: JobQueues): RequestHandler {
  const server = new ExpressAdapter();
  server.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map(
      ({ queue, description }) =>
        new BullMQAdapter(queue, {
          readOnlyMode: true,
          prefix: `${queue.opts.prefix ?? 'bull'}:`,
          description,
        }),
    ),
    serverAdapter: server,
    options: {
      uiConfig: {
        boardTitle: 'HotSox job queues',
        boardLogo: { path: '/assets/img/logo.svg', width: 32, height: 32 },
        favIcon: { default: '/assets/img/logo.svg', alternative: '/assets/img/logo.svg' },
        miscLinks: [{ text: 'Back to HotSox admin', url: '/admin/users' }],
        hideDocsLink: true,
        ...(notice ? { environment: { label: notice, color: '#ffe3ec', textColor: '#8a1038' } } : {}),
      },
    },
  });
  const board = server.getRouter() as Express;
  board.disable('x-powered-by');
  return mountedApp(board);
}

/**
 * Bull Board's page styles itself inline (its loading screen, its theme); only its pages may.
 * Scripts stay `'self'`, and its Google Fonts stay blocked: it falls back to the system's fonts.
 */
export function allowInlineStyles(_req: Request, res: Response, next: NextFunction): void {
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy === 'string') {
    res.setHeader(
      'Content-Security-Policy',
      policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    );
  }
  next();
}

/**
 * Bull Board's Express app as a router's middleware, the way `app.use(subApp)` mounts one: the
 * sub-app swaps the request's and response's prototypes for its own, so they are put back when it
 * passes a request on (a 404 under the path then renders the web UI's page).
 */
function mountedApp(board: Express): RequestHandler {
  return (req, res, next) => {
    const request = Object.getPrototypeOf(req) as object;
    const response = Object.getPrototypeOf(res) as object;
    board(req, res, (error?: unknown) => {
      Object.setPrototypeOf(req, request);
      Object.setPrototypeOf(res, response);
      next(error);
    });
  };
}
