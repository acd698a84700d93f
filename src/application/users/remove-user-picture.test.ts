import { PictureNotFoundError } from '../../domain/picture/picture.js';
import type { User } from '../../domain/user/user.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { RemoveUserPicture } from './remove-user-picture.js';

describe('RemoveUserPicture', () => {
  let kit: TestKit;
  let removeUserPicture: RemoveUserPicture;
  let user: User;

  beforeEach(async () => {
    kit = createTestKit();
    removeUserPicture = new RemoveUserPicture(kit.pictures, kit.outbox, kit.uow);
    user = await kit.givenUser();
  });

  const remove = (pictureId: string, userId = user.id) => removeUserPicture.execute({ userId, pictureId });

  it('removes the picture and queues the deletion of its files', async () => {
    const picture = await kit.givenPicture(user);
    const kept = await kit.givenPicture(user);

    await remove(picture.id);

    expect(await kit.pictures.listForUser(user.id)).toEqual([kept]);
    expect(kit.outbox.messages()).toEqual([{ type: 'picture-files.delete', keys: [picture.key] }]);
  });

  it('reports an unknown picture', async () => {
    await expect(remove('00000000-0000-4000-8000-999999999999')).rejects.toThrow(PictureNotFoundError);
  });

  it("reports another user's picture as not found and keeps it", async () => {
    const other = await kit.givenUser();
    const theirs = await kit.givenPicture(other);

    await expect(remove(theirs.id)).rejects.toThrow(PictureNotFoundError);
    expect(kit.db.tables.pictures.has(theirs.id)).toBe(true);
    expect(kit.outbox.messages()).toEqual([]);
  });

  it("reports a picture of the user's sock as not found (it is removed through the sock)", async () => {
    const sock = await kit.givenSock(user);
    const [sockPicture] = (await kit.pictures.listForSocks([sock.id])).get(sock.id) ?? [];

    await expect(remove(sockPicture?.id ?? 'missing')).rejects.toThrow(PictureNotFoundError);
    expect(kit.db.tables.pictures.size).toBe(1);
  });
});
