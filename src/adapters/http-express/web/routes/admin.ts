import express, { type NextFunction, type Request, type Response } from 'express';
import { AdminOnlyError } from '../../../../domain/user/user-errors.js';
import { PageQuery } from '../../../http-common/schemas/common.js';
import { allowInlineStyles, QUEUE_DASHBOARD_PATH } from '../queue-dashboard.js';
import { formatDay, pictureModel } from '../view-models.js';
import { me, render, requireLogin, type WebContext } from '../web-context.js';

/**
 * Administrators only: every user (the use case refuses everyone else with a 403), and the job
 * queues: `queueDashboard` (Bull Board) when jobs go through queues, else a page saying that jobs
 * run in process.
 */
export function adminRoutes(ctx: WebContext, queueDashboard: express.RequestHandler | null): express.Router {
  const router = express.Router();
  router.use('/admin', requireLogin);

  router.get('/admin', (_req: Request, res: Response) => res.redirect(303, '/admin/users'));

  router.get('/admin/users', async (req: Request, res: Response) => {
    const query = PageQuery.safeParse({ page: req.query.page ?? '1', pageSize: '50' });
    const page = query.success ? query.data : { page: 1, pageSize: 50 };
    const result = await ctx.app.users.listUsers.execute({ requesterId: me(res).id, page });
    render(ctx, req, res, 'admin/users', {
      title: 'Users',
      users: result.items.map((v) => ({
        username: v.user.username,
        email: v.user.email,
        city: v.user.city,
        age: v.age,
        isAdmin: v.user.isAdmin,
        joined: formatDay(v.user.createdAt.toISOString().slice(0, 10)),
        avatar: v.pictures[0] ? pictureModel(v.pictures[0]) : null,
      })),
      page: result.page,
      pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
      total: result.total,
    });
  });

  // Everything under the path (the board's page, its files, its JSON API) is for admins only.
  router.use(QUEUE_DASHBOARD_PATH, requireAdmin);
  if (queueDashboard) {
    router.use(QUEUE_DASHBOARD_PATH, allowInlineStyles, queueDashboard);
  } else {
    router.get(QUEUE_DASHBOARD_PATH, (req: Request, res: Response) =>
      render(ctx, req, res, 'admin/queues', { title: 'Job queues' }),
    );
  }

  return router;
}

/** The viewer is an administrator (checked on every request: the role is read with the session's user). */
function requireAdmin(_req: Request, res: Response, next: NextFunction): void {
  next(me(res).isAdmin ? undefined : new AdminOnlyError());
}
