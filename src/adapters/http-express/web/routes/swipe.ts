import express, { type Request, type Response } from 'express';
import { AlreadyJudgedError } from '../../../../domain/swiping/swiping-errors.js';
import { Id } from '../../../http-common/schemas/common.js';
import { SwipeBody } from '../../../http-common/schemas/swiping.js';
import { flash } from '../flash.js';
import { parseForm } from '../form.js';
import { shownError } from '../shown-error.js';
import { formatDistance, pictureModel, sockModel } from '../view-models.js';
import { me, pathId, render, requireLogin, type WebContext } from '../web-context.js';

const SwipeForm = SwipeBody.extend({ sockId: Id });

/** Swiping on behalf of one of the own socks, and the "You have a match!" page. */
export function swipeRoutes(ctx: WebContext): express.Router {
  const router = express.Router();
  const { app } = ctx;
  router.use('/swipe', requireLogin);

  router.get('/swipe', async (req: Request, res: Response) => {
    const viewer = me(res);
    const socks = (await app.socks.listSocks.execute({ userId: viewer.id, page: { page: 1, pageSize: 100 } }))
      .items;
    const wanted = typeof req.query.sock === 'string' ? req.query.sock : req.session.swipeSockId;
    const chosen =
      socks.find((s) => s.sock.id === wanted) ?? (socks.length === 1 ? (socks[0] ?? null) : null);
    const candidate = chosen
      ? ((await app.swiping.listCandidates.execute({ userId: viewer.id, sockId: chosen.sock.id, limit: 1 }))
          .items[0] ?? null)
      : null;
    render(ctx, req, res, 'swipe/index', {
      title: 'Swipe',
      socks: socks.map(sockModel),
      chosen: chosen ? sockModel(chosen) : null,
      candidate: candidate
        ? {
            sock: sockModel(candidate.sock),
            owner: { ...candidate.owner, distance: formatDistance(candidate.owner.distanceKm) },
          }
        : null,
    });
  });

  router.post('/swipe', async (req: Request, res: Response) => {
    const form = parseForm(SwipeForm, req.body, { sockId: 'text', targetSockId: 'text', decision: 'text' });
    if (!form.ok) {
      flash(req, 'error', 'That swipe did not make sense to us. Please try again.');
      return res.redirect(303, '/swipe');
    }
    const { sockId, targetSockId, decision } = form.data;
    req.session.swipeSockId = sockId;
    const back = `/swipe?sock=${encodeURIComponent(sockId)}`;
    try {
      const result = await app.swiping.swipeSock.execute({
        userId: me(res).id,
        sockId,
        targetSockId,
        decision,
      });
      if (result.matchId) return res.redirect(303, `/swipe/matched/${result.matchId}`);
      flash(
        req,
        decision === 'like' ? 'success' : 'info',
        decision === 'like' ? 'Liked! If they like you back, it is a match.' : 'Nope. Next sock, please!',
      );
    } catch (error) {
      const shown = shownError(error);
      if (!shown) throw error;
      flash(
        req,
        'info',
        shown instanceof AlreadyJudgedError
          ? 'You already judged that sock. Here is the next one.'
          : shown.message,
      );
    }
    res.redirect(303, back);
  });

  router.get('/swipe/matched/:matchId', async (req: Request, res: Response) => {
    const viewer = me(res);
    const match = await app.matches.getMatch.execute({
      userId: viewer.id,
      matchId: pathId(req.params.matchId),
    });
    render(ctx, req, res, 'swipe/matched', {
      title: 'You have a match!',
      match,
      other: match.otherUser,
      otherAvatar: match.otherUser.pictures[0] ? pictureModel(match.otherUser.pictures[0]) : null,
      mySock: match.mySock ? sockModel(match.mySock) : null,
      theirSock: match.theirSock ? sockModel(match.theirSock) : null,
      distance: formatDistance(match.otherUser.distanceKm),
    });
  });

  return router;
}
