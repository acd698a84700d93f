import { PictureNotFoundError } from '../../domain/picture/picture.js';
import type { Outbox } from '../ports/outbox.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface RemoveUserPictureInput {
  readonly userId: string;
  readonly pictureId: string;
}

/** Removes one of the caller's profile pictures; its files are deleted after the commit. */
export class RemoveUserPicture {
  constructor(
    private readonly pictures: PictureRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
  ) {}

  /** @throws {PictureNotFoundError} also for someone else's picture and for a sock's picture */
  async execute(input: RemoveUserPictureInput): Promise<void> {
    await this.uow.run(async () => {
      const picture = await this.pictures.findById(input.pictureId);
      if (!picture || picture.userId !== input.userId || picture.sockId !== null)
        throw new PictureNotFoundError();
      await this.pictures.remove(picture.id);
      await this.outbox.add({ type: 'picture-files.delete', keys: [picture.key] });
    });
  }
}
