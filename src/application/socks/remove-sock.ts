import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import type { Outbox } from '../ports/outbox.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface RemoveSockInput {
  readonly userId: string;
  readonly sockId: string;
}

/**
 * Deletes an own sock with its pictures and every swipe from or to it. A match the sock made
 * stays (it is between users); its view then shows the sock as gone.
 */
export class RemoveSock {
  constructor(
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
  ) {}

  /** @throws {SockNotFoundError} */
  async execute(input: RemoveSockInput): Promise<void> {
    await this.uow.run(async () => {
      const sock = await this.socks.findOwned(input.userId, input.sockId);
      if (!sock) throw new SockNotFoundError();
      const pictures = (await this.pictures.listForSocks([sock.id])).get(sock.id) ?? [];
      await this.socks.remove(sock.id);
      // The files are deleted after commit: a rollback must not lose pictures still referenced.
      if (pictures.length > 0) {
        await this.outbox.add({ type: 'picture-files.delete', keys: pictures.map((p) => p.key) });
      }
    });
  }
}
