import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import type { Match } from '../../domain/matching/match.js';
import type { User } from '../../domain/user/user.js';
import { PLACES } from '../testing/fake-geocoder.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { GetMatch } from './get-match.js';

describe('GetMatch', () => {
  let kit: TestKit;
  let getMatch: GetMatch;
  let me: User;
  let them: User;
  let match: Match;

  beforeEach(async () => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    getMatch = new GetMatch(kit.matches, kit.users, kit.socks, kit.pictures, kit.messages, kit.clock);
    me = await kit.givenUser({ username: 'me', location: PLACES.berlin });
    them = await kit.givenUser({
      username: 'them',
      firstName: 'Toni',
      birthday: '2000-11-30',
      city: 'Munich',
      location: PLACES.munich,
      social: { instagram: 'https://instagram.com/toni', facebook: null, twitter: null, spotify: null },
    });
    match = {
      id: kit.ids.next(),
      initiator: { userId: them.id, sockId: (await kit.givenSock(them)).id },
      partner: { userId: me.id, sockId: (await kit.givenSock(me, {}, 2)).id },
      createdAt: kit.clock.now(),
      endedAt: null,
    };
    await kit.matches.add(match);
  });

  it('shows the other user and both socks from the caller’s side', async () => {
    const picture = await kit.givenPicture(them);

    const view = await getMatch.execute({ userId: me.id, matchId: match.id });

    expect(view.match).toEqual(match);
    expect(view.otherUser).toEqual({
      username: 'them',
      firstName: 'Toni',
      age: 25,
      city: 'Munich',
      about: them.about,
      social: them.social,
      pictures: [picture],
      distanceKm: expect.any(Number),
      location: them.location,
    });
    expect(view.otherUser.distanceKm).toBeCloseTo(504, -1);
    expect(view.mySock?.sock.id).toBe(match.partner.sockId);
    expect(view.mySock?.pictures).toHaveLength(2);
    expect(view.theirSock?.sock.id).toBe(match.initiator.sockId);
    expect(view.unreadCount).toBe(0);
  });

  it("counts, for each side, the other user's messages it has not seen", async () => {
    const say = (sender: User, seenAt: Date | null) =>
      kit.messages.add({
        id: kit.ids.next(),
        matchId: match.id,
        senderId: sender.id,
        text: 'Hi',
        sentAt: kit.clock.now(),
        seenAt,
        clientId: null,
      });
    await say(them, null);
    await say(them, null);
    await say(them, kit.clock.now());
    await say(me, null);

    expect((await getMatch.execute({ userId: me.id, matchId: match.id })).unreadCount).toBe(2);
    expect((await getMatch.execute({ userId: them.id, matchId: match.id })).unreadCount).toBe(1);
  });

  it('shows a sock deleted since the match as null', async () => {
    await kit.socks.remove(match.initiator.sockId);

    const view = await getMatch.execute({ userId: me.id, matchId: match.id });

    expect(view.theirSock).toBeNull();
    expect(view.mySock?.sock.id).toBe(match.partner.sockId);
  });

  it('does not show an ended match', async () => {
    await kit.matches.save({ ...match, endedAt: kit.clock.now() });

    await expect(getMatch.execute({ userId: me.id, matchId: match.id })).rejects.toThrow(MatchNotFoundError);
  });

  it('does not show a match to someone outside it', async () => {
    const stranger = await kit.givenUser();

    await expect(getMatch.execute({ userId: stranger.id, matchId: match.id })).rejects.toThrow(
      MatchNotFoundError,
    );
  });

  it('reports an unknown match as not found', async () => {
    await expect(getMatch.execute({ userId: me.id, matchId: 'no-such-match' })).rejects.toThrow(
      MatchNotFoundError,
    );
  });
});
