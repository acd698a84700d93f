import { SelfMail } from '../../domain/mail/self-mail.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { MailRepository } from '../ports/mail-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface SendSelfMailInput {
  readonly userId: string;
  readonly subject: string;
  readonly content: string;
}

/** Queues an email to the caller's own address; a worker delivers it. */
export class SendSelfMail {
  constructor(
    private readonly mails: MailRepository,
    private readonly outbox: Outbox,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {InvalidValueError} */
  async execute(input: SendSelfMailInput): Promise<SelfMail> {
    const mail = SelfMail.compose({
      id: this.ids.next(),
      userId: input.userId,
      subject: input.subject,
      content: input.content,
      at: this.clock.now(),
    });
    await this.uow.run(async () => {
      await this.mails.add(mail);
      await this.outbox.add({ type: 'self-mail.send', mailId: mail.id });
    });
    return mail;
  }
}
