import {
  PICTURE_RULES,
  PictureTooLargeError,
  UnsupportedPictureTypeError,
  detectImageType,
  type Picture,
} from '../../domain/picture/picture.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Outbox } from '../ports/outbox.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { PictureStore } from '../ports/picture-store.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface AddSockPictureInput {
  readonly userId: string;
  readonly sockId: string;
  readonly bytes: Uint8Array;
}

/** Uploads a picture of an own sock: the file goes to the picture store, its metadata to the database. */
export class AddSockPicture {
  constructor(
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
    private readonly outbox: Outbox,
    private readonly store: PictureStore,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {SockNotFoundError | PictureTooLargeError | UnsupportedPictureTypeError | UnreadablePictureError} */
  async execute(input: AddSockPictureInput): Promise<Picture> {
    // Ownership first, so that nobody learns anything about a sock that is not theirs.
    if (!(await this.socks.findOwned(input.userId, input.sockId))) throw new SockNotFoundError();
    if (input.bytes.length > PICTURE_RULES.maxBytes) throw new PictureTooLargeError();
    const type = detectImageType(input.bytes);
    if (!type) throw new UnsupportedPictureTypeError();
    const key = await this.store.store(input.bytes, type);
    const picture: Picture = {
      id: this.ids.next(),
      userId: input.userId,
      sockId: input.sockId,
      key,
      createdAt: this.clock.now(),
    };
    try {
      await this.uow.run(async () => {
        // The sock may have been deleted while the image was being encoded.
        if (!(await this.socks.findOwned(input.userId, input.sockId))) throw new SockNotFoundError();
        await this.pictures.add(picture);
        // With a picture the sock is a candidate: into the decks it belongs in (idempotent, so
        // not only for the first picture; two first pictures at once cannot both miss it).
        await this.outbox.add({ type: 'deck.place', sockId: input.sockId });
      });
    } catch (error) {
      await this.store.remove([key]);
      throw error;
    }
    return picture;
  }
}
