import express, { type Request, type Response } from 'express';
import { PageQuery } from '../../../http-common/schemas/common.js';
import { formatDay, pictureModel } from '../view-models.js';
import { me, render, requireLogin, type WebContext } from '../web-context.js';

/** Administrators only: every user (the use case refuses everyone else with a 403). */
export function adminRoutes(ctx: WebContext): express.Router {
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

  return router;
}
