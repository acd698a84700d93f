import {
  PICTURE_RULES,
  PictureTooLargeError,
  UnreadablePictureError,
  UnsupportedPictureTypeError,
  type ImageType,
} from '../../domain/picture/picture.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { JPEG_BYTES, PNG_BYTES } from '../testing/builders.js';
import { FakePictureStore } from '../testing/fake-picture-store.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { AddSockPicture } from './add-sock-picture.js';

describe('AddSockPicture', () => {
  let kit: TestKit;
  let addSockPicture: AddSockPicture;

  beforeEach(() => {
    kit = createTestKit();
    addSockPicture = new AddSockPicture(
      kit.socks,
      kit.pictures,
      kit.outbox,
      kit.pictureStore,
      kit.ids,
      kit.uow,
      kit.clock,
    );
  });

  it('stores the file and the picture of an own sock', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);

    const picture = await addSockPicture.execute({ userId: owner.id, sockId: sock.id, bytes: JPEG_BYTES });

    expect(picture).toMatchObject({ userId: owner.id, sockId: sock.id, createdAt: kit.clock.now() });
    expect(kit.pictureStore.stored.has(picture.key)).toBe(true);
    expect(picture.key).toMatch(/\.jpeg$/);
    expect((await kit.pictures.listForSocks([sock.id])).get(sock.id)).toEqual([picture]);
    expect(kit.outbox.messages()).toEqual([{ type: 'deck.place', sockId: sock.id }]);
  });

  it('checks ownership before anything else', async () => {
    const owner = await kit.givenUser();
    const stranger = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);
    const tooLarge = new Uint8Array(PICTURE_RULES.maxBytes + 1);

    await expect(
      addSockPicture.execute({ userId: stranger.id, sockId: sock.id, bytes: tooLarge }),
    ).rejects.toThrow(SockNotFoundError);
    expect(kit.pictureStore.stored.size).toBe(0);
  });

  it('refuses a picture larger than 10 MiB', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);
    const bytes = new Uint8Array(PICTURE_RULES.maxBytes + 1);
    bytes.set(PNG_BYTES);

    await expect(addSockPicture.execute({ userId: owner.id, sockId: sock.id, bytes })).rejects.toThrow(
      PictureTooLargeError,
    );
    expect(kit.pictureStore.stored.size).toBe(0);
  });

  it('refuses bytes that are no JPEG, PNG or WebP', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);
    const gif = new TextEncoder().encode('GIF89a....');

    await expect(addSockPicture.execute({ userId: owner.id, sockId: sock.id, bytes: gif })).rejects.toThrow(
      UnsupportedPictureTypeError,
    );
    expect((await kit.pictures.listForSocks([sock.id])).size).toBe(0);
  });

  it('refuses an image that cannot be decoded', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);
    const bytes = new Uint8Array([...PNG_BYTES, ...new TextEncoder().encode('broken')]);

    await expect(addSockPicture.execute({ userId: owner.id, sockId: sock.id, bytes })).rejects.toThrow(
      UnreadablePictureError,
    );
    expect((await kit.pictures.listForSocks([sock.id])).size).toBe(0);
  });

  it('removes the stored file again when the sock was deleted during the upload', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);
    const store = new (class extends FakePictureStore {
      override async store(bytes: Uint8Array, type: ImageType): Promise<string> {
        const key = await super.store(bytes, type);
        await kit.socks.remove(sock.id); // a concurrent RemoveSock
        return key;
      }
    })();
    addSockPicture = new AddSockPicture(
      kit.socks,
      kit.pictures,
      kit.outbox,
      store,
      kit.ids,
      kit.uow,
      kit.clock,
    );

    await expect(
      addSockPicture.execute({ userId: owner.id, sockId: sock.id, bytes: PNG_BYTES }),
    ).rejects.toThrow(SockNotFoundError);
    expect(store.stored.size).toBe(0);
    expect(kit.db.tables.pictures.size).toBe(0);
  });
});
