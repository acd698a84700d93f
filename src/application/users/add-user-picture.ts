import {
  detectImageType,
  PICTURE_RULES,
  PictureTooLargeError,
  UnsupportedPictureTypeError,
  type Picture,
} from '../../domain/picture/picture.js';
import { UserNotFoundError } from '../../domain/user/user-errors.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { PictureStore } from '../ports/picture-store.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';

export interface AddUserPictureInput {
  readonly userId: string;
  readonly bytes: Uint8Array;
}

/** A new profile picture: the file is stored first, then its metadata. */
export class AddUserPicture {
  constructor(
    private readonly users: UserRepository,
    private readonly pictures: PictureRepository,
    private readonly store: PictureStore,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {PictureTooLargeError | UnsupportedPictureTypeError | UnreadablePictureError | UserNotFoundError} */
  async execute(input: AddUserPictureInput): Promise<Picture> {
    if (input.bytes.length > PICTURE_RULES.maxBytes) throw new PictureTooLargeError();
    const type = detectImageType(input.bytes);
    if (!type) throw new UnsupportedPictureTypeError();
    const key = await this.store.store(input.bytes, type);
    const picture: Picture = {
      id: this.ids.next(),
      userId: input.userId,
      sockId: null,
      key,
      createdAt: this.clock.now(),
    };
    try {
      await this.uow.run(async () => {
        if (!(await this.users.findById(input.userId))) throw new UserNotFoundError();
        await this.pictures.add(picture);
      });
    } catch (error) {
      // Best effort: the original failure is what the caller needs; a leftover file only wastes space.
      await this.store.remove([key]).catch(() => undefined);
      throw error;
    }
    return picture;
  }
}
