import express, { type Request, type Response } from 'express';
import type { SockAttributes } from '../../../../domain/sock/sock.js';
import { SOCK_FIELD_NAMES } from '../../../../domain/sock/sock-fields.js';
import { NewSockBody } from '../../../http-common/schemas/socks.js';
import { toProblem } from '../../../http-common/problem.js';
import { flash } from '../flash.js';
import { domainFormErrors, parseForm, type FormErrors, type FormValues } from '../form.js';
import { SOCK_FORM, newSockFormValues, sockFormSections, sockFormValues, sockModel } from '../view-models.js';
import { me, pathId, render, requireLogin, type WebContext } from '../web-context.js';
import { uploadPictures } from './pictures.js';

/** The own socks: grid, add, details, edit, pictures, delete. */
export function sockRoutes(ctx: WebContext): express.Router {
  const router = express.Router();
  const { app } = ctx;
  router.use('/socks', requireLogin);
  const today = () => new Date().toISOString().slice(0, 10);

  const getOwnSock = (res: Response, sockId: unknown) =>
    app.socks.getSock.execute({ userId: me(res).id, sockId: pathId(sockId) });

  router.get('/socks', async (req: Request, res: Response) => {
    const page = await app.socks.listSocks.execute({ userId: me(res).id, page: { page: 1, pageSize: 100 } });
    render(ctx, req, res, 'socks/index', { title: 'My socks', socks: page.items.map(sockModel) });
  });

  const formPage = (
    req: Request,
    res: Response,
    locals: { sock?: { id: string; name: string }; values: FormValues; errors?: FormErrors },
    status = 200,
  ) =>
    render(
      ctx,
      req,
      res,
      'socks/form',
      {
        title: locals.sock ? `Edit ${locals.sock.name}` : 'Add a lonely sock',
        sections: sockFormSections(today()),
        errors: {},
        ...locals,
      },
      status,
    );

  router.get('/socks/new', (req: Request, res: Response) =>
    formPage(req, res, { values: newSockFormValues(today()) }),
  );

  router.post('/socks/new', async (req: Request, res: Response) => {
    const form = parseForm(NewSockBody, req.body, SOCK_FORM);
    if (!form.ok) return formPage(req, res, { values: form.values, errors: form.errors }, 422);
    try {
      const view = await app.socks.addSock.execute({
        userId: me(res).id,
        attributes: form.data as SockAttributes,
      });
      req.session.swipeSockId = view.sock.id;
      flash(req, 'success', `${view.sock.name} joined your sock drawer. Now show us a picture!`);
      res.redirect(303, `/socks/${view.sock.id}/pictures`);
    } catch (error) {
      const errors = domainFormErrors(error, SOCK_FIELD_NAMES);
      if (!errors) throw error;
      formPage(req, res, { values: form.values, errors }, toProblem(error).status);
    }
  });

  router.get('/socks/:sockId', async (req: Request, res: Response) => {
    const view = await getOwnSock(res, req.params.sockId);
    render(ctx, req, res, 'socks/show', { title: view.sock.name, sock: sockModel(view) });
  });

  router.get('/socks/:sockId/edit', async (req: Request, res: Response) => {
    const view = await getOwnSock(res, req.params.sockId);
    formPage(req, res, { sock: view.sock, values: sockFormValues(view.sock) });
  });

  router.post('/socks/:sockId/edit', async (req: Request, res: Response) => {
    const sock = (await getOwnSock(res, req.params.sockId)).sock;
    const form = parseForm(NewSockBody, req.body, SOCK_FORM);
    if (!form.ok) return formPage(req, res, { sock, values: form.values, errors: form.errors }, 422);
    try {
      const view = await app.socks.updateSock.execute({
        userId: me(res).id,
        sockId: sock.id,
        changes: form.data as SockAttributes,
      });
      flash(req, 'success', `${view.sock.name} is updated.`);
      res.redirect(303, `/socks/${sock.id}`);
    } catch (error) {
      const errors = domainFormErrors(error, SOCK_FIELD_NAMES);
      if (!errors) throw error;
      formPage(req, res, { sock, values: form.values, errors }, toProblem(error).status);
    }
  });

  router.post('/socks/:sockId/delete', async (req: Request, res: Response) => {
    const sock = (await getOwnSock(res, req.params.sockId)).sock;
    await app.socks.removeSock.execute({ userId: me(res).id, sockId: sock.id });
    if (req.session.swipeSockId === sock.id) delete req.session.swipeSockId;
    flash(req, 'success', `${sock.name} is gone. May it find peace in the great laundry basket in the sky.`);
    res.redirect(303, '/socks');
  });

  router.get('/socks/:sockId/pictures', async (req: Request, res: Response) => {
    const view = await getOwnSock(res, req.params.sockId);
    render(ctx, req, res, 'socks/pictures', {
      title: `Pictures of ${view.sock.name}`,
      sock: sockModel(view),
    });
  });

  router.post('/socks/:sockId/pictures', async (req: Request, res: Response) => {
    const userId = me(res).id;
    const sockId = pathId(req.params.sockId);
    // Ownership before reading the upload: another user's sock is a 404, not a place to send files.
    await app.socks.getSock.execute({ userId, sockId });
    await uploadPictures(req, (bytes) => app.socks.addSockPicture.execute({ userId, sockId, bytes }));
    res.redirect(303, `/socks/${sockId}/pictures`);
  });

  router.post('/socks/:sockId/pictures/:pictureId/delete', async (req: Request, res: Response) => {
    const sockId = pathId(req.params.sockId);
    await app.socks.removeSockPicture.execute({
      userId: me(res).id,
      sockId,
      pictureId: pathId(req.params.pictureId),
    });
    flash(req, 'success', 'Picture deleted.');
    res.redirect(303, `/socks/${sockId}/pictures`);
  });

  return router;
}
