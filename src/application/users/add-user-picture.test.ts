import {
  PICTURE_RULES,
  PictureTooLargeError,
  UnreadablePictureError,
  UnsupportedPictureTypeError,
  type Picture,
} from '../../domain/picture/picture.js';
import { UserNotFoundError } from '../../domain/user/user-errors.js';
import type { User } from '../../domain/user/user.js';
import { JPEG_BYTES, PNG_BYTES } from '../testing/builders.js';
import { InMemoryPictureRepository } from '../testing/in-memory-picture-repository.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { AddUserPicture } from './add-user-picture.js';

/** A database that fails on insert, as after a lost connection. */
class FailingPictureRepository extends InMemoryPictureRepository {
  override async add(_picture: Picture): Promise<void> {
    throw new Error('connection lost');
  }
}

describe('AddUserPicture', () => {
  let kit: TestKit;
  let addUserPicture: AddUserPicture;
  let user: User;

  beforeEach(async () => {
    kit = createTestKit();
    addUserPicture = new AddUserPicture(
      kit.users,
      kit.pictures,
      kit.pictureStore,
      kit.ids,
      kit.uow,
      kit.clock,
    );
    user = await kit.givenUser();
  });

  const add = (bytes: Uint8Array, userId = user.id) => addUserPicture.execute({ userId, bytes });
  const withPrefix = (prefix: Uint8Array, text: string) =>
    new Uint8Array([...prefix, ...new TextEncoder().encode(text)]);

  it('stores the file and a profile picture of the user', async () => {
    const picture = await add(PNG_BYTES);

    expect(picture).toMatchObject({ userId: user.id, sockId: null, createdAt: kit.clock.now() });
    expect(kit.pictureStore.stored.has(picture.key)).toBe(true);
    expect(await kit.pictures.listForUser(user.id)).toEqual([picture]);
  });

  it('accepts a JPEG too, judged by its bytes', async () => {
    const picture = await add(JPEG_BYTES);

    expect(picture.key).toMatch(/\.jpeg$/);
  });

  it('accepts a picture of exactly the maximum size', async () => {
    const bytes = new Uint8Array(PICTURE_RULES.maxBytes);
    bytes.set(PNG_BYTES);

    await expect(add(bytes)).resolves.toMatchObject({ userId: user.id });
  });

  it('refuses a picture over the maximum size before storing anything', async () => {
    const bytes = new Uint8Array(PICTURE_RULES.maxBytes + 1);
    bytes.set(PNG_BYTES);

    await expect(add(bytes)).rejects.toThrow(PictureTooLargeError);
    expect(kit.pictureStore.stored.size).toBe(0);
  });

  it('refuses bytes that are no JPEG, PNG or WebP', async () => {
    await expect(add(new TextEncoder().encode('GIF89a...'))).rejects.toThrow(UnsupportedPictureTypeError);
    expect(kit.pictureStore.stored.size).toBe(0);
  });

  it('refuses an image that cannot be decoded and records nothing', async () => {
    await expect(add(withPrefix(PNG_BYTES, 'broken'))).rejects.toThrow(UnreadablePictureError);
    expect(kit.db.tables.pictures.size).toBe(0);
  });

  it('removes the stored file again when the user no longer exists', async () => {
    await expect(add(PNG_BYTES, '00000000-0000-4000-8000-999999999999')).rejects.toThrow(UserNotFoundError);

    expect(kit.pictureStore.stored.size).toBe(0);
    expect(kit.db.tables.pictures.size).toBe(0);
  });

  it('removes the stored file again when the metadata cannot be written', async () => {
    addUserPicture = new AddUserPicture(
      kit.users,
      new FailingPictureRepository(kit.db),
      kit.pictureStore,
      kit.ids,
      kit.uow,
      kit.clock,
    );

    await expect(add(PNG_BYTES)).rejects.toThrow('connection lost');
    expect(kit.pictureStore.stored.size).toBe(0);
  });
});
