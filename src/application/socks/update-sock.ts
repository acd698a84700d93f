import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { Sock, type SockAttributes } from '../../domain/sock/sock.js';
import type { Clock } from '../ports/clock.js';
import type { Outbox } from '../ports/outbox.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { sockViews } from '../shared/view-builders.js';
import type { SockView } from '../shared/views.js';

export interface UpdateSockInput {
  readonly userId: string;
  readonly sockId: string;
  readonly changes: Partial<SockAttributes>;
}

/**
 * Changes any subset of an own sock's attributes. When a scored attribute changed, its own deck
 * is rebuilt and its place in other socks' decks redone, in the background.
 */
export class UpdateSock {
  constructor(
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {SockNotFoundError | InvalidValueError} */
  async execute(input: UpdateSockInput): Promise<SockView> {
    const today = CalendarDate.fromInstant(this.clock.now());
    const updated = await this.uow.run(async () => {
      const sock = await this.socks.findOwned(input.userId, input.sockId);
      if (!sock) throw new SockNotFoundError();
      const changed = Sock.update(sock, input.changes, today);
      await this.socks.save(changed);
      if (Sock.scoresDiffer(sock, changed)) {
        await this.outbox.add({ type: 'deck.build', sockId: changed.id });
        await this.outbox.add({ type: 'deck.place', sockId: changed.id });
      }
      return changed;
    });
    const [view] = await sockViews(this.pictures, [updated]);
    return view ?? { sock: updated, pictures: [] };
  }
}
