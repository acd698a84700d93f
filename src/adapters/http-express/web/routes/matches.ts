import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { NewMessageBody } from '../../../http-common/schemas/messages.js';
import { toProblem } from '../../../http-common/problem.js';
import { flash } from '../flash.js';
import { domainFormErrors, parseForm, type FormErrors, type FormValues } from '../form.js';
import {
  formatDistance,
  formatTime,
  mapPoints,
  pictureModel,
  sockModel,
  socialLinks,
} from '../view-models.js';
import { me, pathId, render, requireLogin, type WebContext } from '../web-context.js';

const CHAT_HISTORY = 100;

/** Matches, a match's profile and map, ending a match, and the chat. */
export function matchRoutes(ctx: WebContext): express.Router {
  const router = express.Router();
  const { app } = ctx;
  router.use('/matches', requireLogin);

  const getMatch = (res: Response, matchId: unknown) =>
    app.matches.getMatch.execute({ userId: me(res).id, matchId: pathId(matchId) });

  router.get('/matches', async (req: Request, res: Response) => {
    const page = await app.matches.listMatches.execute({
      userId: me(res).id,
      page: { page: 1, pageSize: 100 },
    });
    render(ctx, req, res, 'matches/index', {
      title: 'My matches',
      matches: page.items.map((m) => ({
        id: m.match.id,
        username: m.otherUser.username,
        firstName: m.otherUser.firstName,
        city: m.otherUser.city,
        avatar: m.otherUser.pictures[0] ? pictureModel(m.otherUser.pictures[0]) : null,
        distance: formatDistance(m.otherUser.distanceKm),
        unread: m.unreadCount > 0 ? `${m.unreadCount} new` : null,
      })),
    });
  });

  router.get('/matches/:matchId', async (req: Request, res: Response) => {
    const viewer = me(res);
    const match = await getMatch(res, req.params.matchId);
    const other = match.otherUser;
    render(ctx, req, res, 'matches/show', {
      title: `Your match ${other.username}`,
      match,
      other,
      pictures: other.pictures.map(pictureModel),
      social: socialLinks(other.social),
      distance: formatDistance(other.distanceKm),
      mySock: match.mySock ? sockModel(match.mySock) : null,
      theirSock: match.theirSock ? sockModel(match.theirSock) : null,
      points: mapPoints([
        { at: viewer.location, label: `You (${viewer.city})`, kind: 'me' },
        { at: other.location, label: `${other.username} (${other.city})`, kind: 'them' },
      ]),
    });
  });

  router.post('/matches/:matchId/end', async (req: Request, res: Response) => {
    const match = await getMatch(res, req.params.matchId);
    await app.matches.endMatch.execute({ userId: me(res).id, matchId: match.match.id });
    flash(
      req,
      'success',
      `Your match with ${match.otherUser.username} has ended. Their socks will not cross your path again.`,
    );
    res.redirect(303, '/matches');
  });

  const chatPage = async (
    req: Request,
    res: Response,
    values: FormValues = {},
    errors: FormErrors = {},
    status = 200,
  ) => {
    const viewer = me(res);
    const match = await getMatch(res, req.params.matchId);
    const list = await app.chat.listMessages.execute({
      userId: viewer.id,
      matchId: match.match.id,
      beforeId: null,
      limit: CHAT_HISTORY,
    });
    render(
      ctx,
      req,
      res,
      'matches/chat',
      {
        title: `Chat with ${match.otherUser.username}`,
        match,
        other: match.otherUser,
        otherAvatar: match.otherUser.pictures[0] ? pictureModel(match.otherUser.pictures[0]) : null,
        messages: [...list.items].reverse().map((m) => ({
          id: m.message.id,
          mine: m.message.senderId === viewer.id,
          sender: m.senderUsername,
          text: m.message.text,
          sentAt: m.message.sentAt.toISOString(),
          time: formatTime(m.message.sentAt),
          seen: m.message.seenAt !== null,
        })),
        olderExist: list.nextCursor !== null,
        // nothing was stored under the id of a form shown again, so each rendering has a new one
        clientId: randomUUID(),
        values,
        errors,
      },
      status,
    );
  };

  router.get('/matches/:matchId/chat', (req: Request, res: Response) => chatPage(req, res));

  router.post('/matches/:matchId/chat', async (req: Request, res: Response) => {
    const matchId = pathId(req.params.matchId);
    const form = parseForm(NewMessageBody, req.body, { text: 'text', clientId: 'text' });
    if (!form.ok) return chatPage(req, res, form.values, form.errors, 422);
    try {
      // the page's client id: sending the form twice (a double click, a reload) stores it once
      await app.chat.sendMessage.execute({
        userId: me(res).id,
        matchId,
        text: form.data.text,
        clientId: form.data.clientId ?? null,
      });
    } catch (error) {
      const errors = domainFormErrors(error, ['text']);
      if (!errors) throw error;
      return chatPage(req, res, form.values, errors, toProblem(error).status);
    }
    res.redirect(303, `/matches/${matchId}/chat#latest`);
  });

  return router;
}
