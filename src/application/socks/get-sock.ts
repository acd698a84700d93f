import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import { sockViews } from '../shared/view-builders.js';
import type { SockView } from '../shared/views.js';

export interface GetSockInput {
  readonly userId: string;
  readonly sockId: string;
}

/** One of the caller's own socks with its pictures. */
export class GetSock {
  constructor(
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
  ) {}

  /** @throws {SockNotFoundError} when the sock does not exist or is someone else's */
  async execute(input: GetSockInput): Promise<SockView> {
    const sock = await this.socks.findOwned(input.userId, input.sockId);
    if (!sock) throw new SockNotFoundError();
    const [view] = await sockViews(this.pictures, [sock]);
    return view ?? { sock, pictures: [] };
  }
}
