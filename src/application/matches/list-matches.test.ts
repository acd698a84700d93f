import type { Match } from '../../domain/matching/match.js';
import type { User } from '../../domain/user/user.js';
import { PLACES } from '../testing/fake-geocoder.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { ListMatches } from './list-matches.js';

describe('ListMatches', () => {
  let kit: TestKit;
  let listMatches: ListMatches;
  let me: User;

  beforeEach(async () => {
    kit = createTestKit();
    listMatches = new ListMatches(kit.matches, kit.users, kit.socks, kit.pictures, kit.messages, kit.clock);
    me = await kit.givenUser({ username: 'me', location: PLACES.berlin });
  });

  const givenMatch = async (a: User, b: User, ended = false): Promise<Match> => {
    const match: Match = {
      id: kit.ids.next(),
      initiator: { userId: a.id, sockId: (await kit.givenSock(a)).id },
      partner: { userId: b.id, sockId: (await kit.givenSock(b)).id },
      createdAt: kit.clock.now(),
      endedAt: ended ? kit.clock.now() : null,
    };
    await kit.matches.add(match);
    kit.clock.advanceSeconds(60);
    return match;
  };

  it('lists active matches, newest first, each from the caller’s side', async () => {
    const ann = await kit.givenUser({ username: 'ann', location: PLACES.paris });
    const ben = await kit.givenUser({ username: 'ben' });
    const cid = await kit.givenUser({ username: 'cid' });
    const older = await givenMatch(me, ann);
    await givenMatch(ben, me, true);
    const newer = await givenMatch(cid, me);
    await givenMatch(ann, cid);
    await kit.givenPicture(cid);

    const page = await listMatches.execute({ userId: me.id, page: { page: 1, pageSize: 20 } });

    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(page.items.map((v) => v.match.id)).toEqual([newer.id, older.id]);
    expect(page.items.map((v) => v.otherUser.username)).toEqual(['cid', 'ann']);
    expect(page.items[0]?.mySock?.sock.id).toBe(newer.partner.sockId);
    expect(page.items[0]?.theirSock?.sock.id).toBe(newer.initiator.sockId);
    expect(page.items[0]?.otherUser.pictures).toHaveLength(1);
    expect(page.items[1]?.mySock?.sock.id).toBe(older.initiator.sockId);
    expect(page.items[1]?.otherUser.distanceKm).toBeCloseTo(878, -1);
  });

  it("shows each other user with their own profile pictures, oldest first, and no one else's", async () => {
    const ann = await kit.givenUser({ username: 'ann' });
    const ben = await kit.givenUser({ username: 'ben' });
    await givenMatch(me, ann);
    await givenMatch(ben, me);
    await kit.givenPicture(me);
    const annFirst = await kit.givenPicture(ann);
    kit.clock.advanceSeconds(60);
    const annSecond = await kit.givenPicture(ann);
    await kit.givenSock(ann, {}, 2);

    const page = await listMatches.execute({ userId: me.id, page: { page: 1, pageSize: 20 } });

    const pictures = Object.fromEntries(page.items.map((v) => [v.otherUser.username, v.otherUser.pictures]));
    expect(pictures).toEqual({ ann: [annFirst, annSecond], ben: [] });
  });

  const givenMessage = async (match: Match, sender: User, seenAt: Date | null = null): Promise<void> => {
    await kit.messages.add({
      id: kit.ids.next(),
      matchId: match.id,
      senderId: sender.id,
      text: 'Hello, sock!',
      sentAt: kit.clock.now(),
      seenAt,
      clientId: null,
    });
  };

  it("counts each match's unread messages: the other user's, not yet seen by the caller", async () => {
    const ann = await kit.givenUser({ username: 'ann' });
    const ben = await kit.givenUser({ username: 'ben' });
    const cid = await kit.givenUser({ username: 'cid' });
    const withAnn = await givenMatch(me, ann);
    const withBen = await givenMatch(ben, me);
    const annAndCid = await givenMatch(ann, cid);
    await givenMessage(withAnn, ann);
    await givenMessage(withAnn, ann);
    await givenMessage(withAnn, ann, kit.clock.now());
    await givenMessage(withAnn, me);
    await givenMessage(withBen, me);
    await givenMessage(annAndCid, ann);

    const page = await listMatches.execute({ userId: me.id, page: { page: 1, pageSize: 20 } });

    const unread = Object.fromEntries(page.items.map((v) => [v.otherUser.username, v.unreadCount]));
    expect(unread).toEqual({ ann: 2, ben: 0 });
  });

  it('pages through the matches', async () => {
    for (let i = 0; i < 3; i++) await givenMatch(me, await kit.givenUser());

    const second = await listMatches.execute({ userId: me.id, page: { page: 2, pageSize: 2 } });

    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(3);
  });

  it('gives an empty page to a user without matches', async () => {
    expect(await listMatches.execute({ userId: me.id, page: { page: 1, pageSize: 20 } })).toEqual({
      items: [],
      page: 1,
      pageSize: 20,
      total: 0,
    });
  });
});
