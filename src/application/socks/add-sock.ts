import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { Sock, type SockAttributes } from '../../domain/sock/sock.js';
import type { Clock } from '../ports/clock.js';
import type { Outbox } from '../ports/outbox.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { SockView } from '../shared/views.js';

export interface AddSockInput {
  readonly userId: string;
  readonly attributes: SockAttributes;
}

/**
 * A user describes a new single sock; it has no pictures yet. Its deck (the socks to offer it)
 * is built in the background; it joins other socks' decks with its first picture.
 */
export class AddSock {
  constructor(
    private readonly socks: SockRepository,
    private readonly outbox: Outbox,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {InvalidValueError} */
  async execute(input: AddSockInput): Promise<SockView> {
    const now = this.clock.now();
    const sock = Sock.add({
      id: this.ids.next(),
      ownerId: input.userId,
      attributes: input.attributes,
      today: CalendarDate.fromInstant(now),
      at: now,
    });
    await this.uow.run(async () => {
      await this.socks.add(sock);
      await this.outbox.add({ type: 'deck.build', sockId: sock.id });
    });
    return { sock, pictures: [] };
  }
}
