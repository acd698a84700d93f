import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { Sock, type SockAttributes } from '../../domain/sock/sock.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { SockView } from '../shared/views.js';

export interface AddSockInput {
  readonly userId: string;
  readonly attributes: SockAttributes;
}

/** A user describes a new single sock; it has no pictures yet. */
export class AddSock {
  constructor(
    private readonly socks: SockRepository,
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
    await this.uow.run(() => this.socks.add(sock));
    return { sock, pictures: [] };
  }
}
