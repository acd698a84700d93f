import { PictureNotFoundError } from '../../domain/picture/picture.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { RemoveSockPicture } from './remove-sock-picture.js';

describe('RemoveSockPicture', () => {
  let kit: TestKit;
  let removeSockPicture: RemoveSockPicture;

  beforeEach(() => {
    kit = createTestKit();
    removeSockPicture = new RemoveSockPicture(kit.pictures, kit.outbox, kit.uow);
  });

  it('deletes the picture and queues the deletion of its file', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);
    const picture = await kit.givenPicture(owner, sock);
    const kept = await kit.givenPicture(owner, sock);

    await removeSockPicture.execute({ userId: owner.id, sockId: sock.id, pictureId: picture.id });

    expect(await kit.pictures.findById(picture.id)).toBeNull();
    expect(await kit.pictures.findById(kept.id)).toEqual(kept);
    expect(kit.outbox.messages()).toEqual([
      { type: 'picture-files.delete', keys: [picture.key] },
      { type: 'deck.place', sockId: sock.id },
    ]);
  });

  it.each([
    ['another user', 'stranger'],
    ['another sock of the same user', 'otherSock'],
    ['a profile picture', 'profile'],
    ['an unknown picture', 'unknown'],
  ] as const)('reports %s as not found and deletes nothing', async (_, scenario) => {
    const owner = await kit.givenUser();
    const stranger = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);
    const otherSock = await kit.givenSock(owner, {}, 0);
    const picture = await kit.givenPicture(owner, sock);
    const profilePicture = await kit.givenPicture(owner, null);
    const input = {
      stranger: { userId: stranger.id, sockId: sock.id, pictureId: picture.id },
      otherSock: { userId: owner.id, sockId: otherSock.id, pictureId: picture.id },
      profile: { userId: owner.id, sockId: sock.id, pictureId: profilePicture.id },
      unknown: { userId: owner.id, sockId: sock.id, pictureId: 'no-such-picture' },
    }[scenario];

    await expect(removeSockPicture.execute(input)).rejects.toThrow(PictureNotFoundError);
    expect(kit.db.tables.pictures.size).toBe(2);
    expect(kit.outbox.messages()).toEqual([]);
  });
});
