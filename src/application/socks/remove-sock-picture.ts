import { PictureNotFoundError } from '../../domain/picture/picture.js';
import type { Outbox } from '../ports/outbox.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface RemoveSockPictureInput {
  readonly userId: string;
  readonly sockId: string;
  readonly pictureId: string;
}

/** Deletes one picture of an own sock; the file follows after commit. */
export class RemoveSockPicture {
  constructor(
    private readonly pictures: PictureRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
  ) {}

  /** @throws {PictureNotFoundError} unless the picture belongs to that sock of the caller */
  async execute(input: RemoveSockPictureInput): Promise<void> {
    await this.uow.run(async () => {
      const picture = await this.pictures.findById(input.pictureId);
      // A sock picture's userId is its sock's owner, so this also proves the sock is the caller's.
      if (!picture || picture.userId !== input.userId || picture.sockId !== input.sockId) {
        throw new PictureNotFoundError();
      }
      await this.pictures.remove(picture.id);
      await this.outbox.add({ type: 'picture-files.delete', keys: [picture.key] });
      // Without pictures the sock is no candidate any more: out of every deck (the worker
      // checks; serving skips picture-less socks meanwhile).
      await this.outbox.add({ type: 'deck.place', sockId: input.sockId });
    });
  }
}
