import express, { type Request, type Response } from 'express';
import { UpdateMeBody } from '../../../http-common/schemas/users.js';
import { toProblem } from '../../../http-common/problem.js';
import { profileChanges } from '../../../http-common/profile-input.js';
import { flash } from '../flash.js';
import { domainFormErrors, parseForm, type FormErrors, type FormValues } from '../form.js';
import { endLogin } from '../session.js';
import {
  FORM_OPTIONS,
  genderLabel,
  mapPoints,
  pictureModel,
  profileFormValues,
  socialLinks,
} from '../view-models.js';
import { me, pathId, render, requireLogin, type WebContext } from '../web-context.js';
import { PROFILE_FORM } from './auth.js';
import { uploadPictures } from './pictures.js';

/** The own profile: view, edit, pictures, delete the account. */
export function profileRoutes(ctx: WebContext): express.Router {
  const router = express.Router();
  const { app } = ctx;
  router.use('/profile', requireLogin);

  router.get('/profile', (req: Request, res: Response) => {
    const { profile } = me(res);
    const u = profile.user;
    render(ctx, req, res, 'profile/show', {
      title: 'My profile',
      user: u,
      age: profile.age,
      gender: genderLabel(u.gender),
      pictures: profile.pictures.map(pictureModel),
      social: socialLinks(u.social),
      points: mapPoints([{ at: u.location, label: u.city, kind: 'me' }]),
    });
  });

  const editPage = (req: Request, res: Response, values: FormValues, errors: FormErrors = {}, status = 200) =>
    render(
      ctx,
      req,
      res,
      'profile/edit',
      { title: 'Edit profile', options: FORM_OPTIONS, values, errors },
      status,
    );

  router.get('/profile/edit', (req: Request, res: Response) =>
    editPage(req, res, profileFormValues(me(res).profile.user)),
  );

  router.post('/profile/edit', async (req: Request, res: Response) => {
    const form = parseForm(UpdateMeBody, req.body, PROFILE_FORM);
    if (!form.ok) return editPage(req, res, form.values, form.errors, 422);
    try {
      await app.users.updateProfile.execute({ userId: me(res).id, changes: profileChanges(form.data) });
    } catch (error) {
      const errors = domainFormErrors(error, Object.keys(PROFILE_FORM));
      if (!errors) throw error;
      return editPage(req, res, form.values, errors, toProblem(error).status);
    }
    flash(req, 'success', 'Profile updated. Fresh as a clean pair!');
    res.redirect(303, '/profile');
  });

  router.get('/profile/pictures', (req: Request, res: Response) => {
    render(ctx, req, res, 'profile/pictures', {
      title: 'My pictures',
      pictures: me(res).profile.pictures.map(pictureModel),
    });
  });

  router.post('/profile/pictures', async (req: Request, res: Response) => {
    const userId = me(res).id;
    await uploadPictures(req, (bytes) => app.users.addUserPicture.execute({ userId, bytes }));
    res.redirect(303, '/profile/pictures');
  });

  router.post('/profile/pictures/:pictureId/delete', async (req: Request, res: Response) => {
    const pictureId = pathId(req.params.pictureId);
    await app.users.removeUserPicture.execute({ userId: me(res).id, pictureId });
    flash(req, 'success', 'Picture deleted. It was not that bad, was it?');
    res.redirect(303, '/profile/pictures');
  });

  router.post('/profile/delete', async (req: Request, res: Response) => {
    await app.users.deleteAccount.execute(me(res).id);
    await endLogin(req);
    flash(req, 'info', 'Your account is deleted. Sorry to see you go :( We sent you a goodbye email.');
    res.redirect(303, '/');
  });

  return router;
}
