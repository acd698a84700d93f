import { Match } from '../../domain/matching/match.js';
import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UserRepository } from '../ports/user-repository.js';
import { publicProfileView } from '../shared/view-builders.js';
import type { MatchView } from '../shared/views.js';

/** The ports a match view is read from. */
export interface MatchViewSources {
  readonly users: UserRepository;
  readonly socks: SockRepository;
  readonly pictures: PictureRepository;
  readonly messages: MessageRepository;
}

/**
 * Active matches as `viewerId` sees them: the other user's public profile (with the distance
 * from the viewer), both socks from the viewer's side, and how many of the other user's
 * messages the viewer has not seen. A sock deleted since the match was made is reported as
 * null; the match itself is between users and outlives it.
 * A match whose other user is gone (deleted in the meantime) is left out.
 * @throws {MatchNotFoundError} for an ended match or one the viewer is not in
 */
export async function matchViews(
  sources: MatchViewSources,
  viewerId: string,
  matches: readonly Match[],
  now: Date,
): Promise<MatchView[]> {
  if (matches.length === 0) return [];
  const sides = matches.map((match) => ({ match, ...Match.seenBy(match, viewerId) }));
  const otherIds = [...new Set(sides.map((s) => s.theirs.userId))];
  const sockIds = [...new Set(sides.flatMap((s) => [s.mine.sockId, s.theirs.sockId]))];
  const matchIds = matches.map((m) => m.id);
  // Five reads at once, however many matches: none of them needs another one's result.
  const [users, socks, picturesByUser, picturesBySock, unreadByMatch] = await Promise.all([
    sources.users.findManyByIds([...new Set([viewerId, ...otherIds])]),
    sources.socks.findManyByIds(sockIds),
    sources.pictures.listForUsers(otherIds),
    sources.pictures.listForSocks(sockIds),
    sources.messages.countUnread(matchIds, viewerId),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const sockById = new Map(
    socks.map((sock) => [sock.id, { sock, pictures: picturesBySock.get(sock.id) ?? [] }]),
  );
  const viewerLocation = userById.get(viewerId)?.location ?? null;
  const views = sides.map(({ match, mine, theirs }): MatchView | null => {
    const other = userById.get(theirs.userId);
    if (!other) return null;
    return {
      match,
      otherUser: publicProfileView(other, picturesByUser.get(other.id) ?? [], viewerLocation, now),
      mySock: sockById.get(mine.sockId) ?? null,
      theirSock: sockById.get(theirs.sockId) ?? null,
      unreadCount: unreadByMatch.get(match.id) ?? 0,
    };
  });
  return views.filter((view): view is MatchView => view !== null);
}

/** One match as `viewerId` sees it. @throws {MatchNotFoundError} also when the other user is gone */
export async function matchView(
  sources: MatchViewSources,
  viewerId: string,
  match: Match,
  now: Date,
): Promise<MatchView> {
  const [view] = await matchViews(sources, viewerId, [match], now);
  if (!view) throw new MatchNotFoundError();
  return view;
}
