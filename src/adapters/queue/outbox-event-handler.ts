import type { BuildDeck } from '../../application/decks/build-deck.js';
import type { PlaceSockInDecks } from '../../application/decks/place-sock-in-decks.js';
import type { DeliverSelfMail } from '../../application/mails/deliver-self-mail.js';
import type { SendEmail } from '../../application/mails/send-email.js';
import type { MarkSelfMailFailed } from '../../application/mails/mark-self-mail-failed.js';
import type { ChatPublisher } from '../../application/ports/chat-publisher.js';
import type { OutboxEvent } from '../../application/ports/outbox.js';
import type { PictureStore } from '../../application/ports/picture-store.js';
import type { OutboxEventProcessor } from './job-dispatcher.js';
import { PermanentJobError } from './permanent-job-error.js';
import { compileEmailTemplates, renderEmail, type EmailRenderOptions } from './render-email.js';

/** The use cases a worker runs: the `Application` has them (tests may pass stand-ins). */
export interface WorkerUseCases {
  readonly mails: {
    readonly sendEmail: Pick<SendEmail, 'execute'>;
    readonly deliverSelfMail: Pick<DeliverSelfMail, 'execute'>;
    readonly markSelfMailFailed: Pick<MarkSelfMailFailed, 'execute'>;
  };
  readonly decks: {
    readonly buildDeck: Pick<BuildDeck, 'execute'>;
    readonly placeSockInDecks: Pick<PlaceSockInDecks, 'execute'>;
  };
}

/**
 * Carries out what an outbox event asks for. Every effect is idempotent by the event (an email's
 * id is the event's id and the email log sends it once per recipient, a self-mail is sent once,
 * deleting a deleted file does nothing), so running an event again after a crash or a retry is
 * harmless.
 *
 * Errors: a `DomainError` or `PermanentJobError` means "never retry" (see `isPermanentFailure`);
 * anything else is worth retrying. The dispatchers decide; this class only throws.
 */
export class OutboxEventHandler implements OutboxEventProcessor {
  constructor(
    private readonly app: WorkerUseCases,
    private readonly pictureStore: PictureStore,
    private readonly options: EmailRenderOptions,
    private readonly chat: ChatPublisher,
  ) {
    compileEmailTemplates(); // a missing or broken template stops the start, not the first email
  }

  async handle(event: OutboxEvent): Promise<void> {
    const message = event.message;
    switch (message.type) {
      case 'email.send': {
        const { subject, text, html } = renderEmail(message, this.options);
        await this.app.mails.sendEmail.execute({ id: event.id, to: message.to.email, subject, text, html });
        return;
      }
      case 'self-mail.send':
        await this.app.mails.deliverSelfMail.execute({ mailId: message.mailId });
        return;
      case 'picture-files.delete':
        await this.pictureStore.remove(message.keys);
        return;
      case 'deck.build':
        await this.app.decks.buildDeck.execute({ sockId: message.sockId });
        return;
      case 'deck.place':
        await this.app.decks.placeSockInDecks.execute({ sockId: message.sockId });
        return;
      case 'chat.publish':
        await this.chat.publish(message.event);
        return;
      default: {
        const unexpected: never = message;
        throw new PermanentJobError(`Unknown outbox message: ${JSON.stringify(unexpected)}`);
      }
    }
  }

  /** Called once, after the last attempt failed or a permanent failure: records what gave up. */
  async giveUp(event: OutboxEvent): Promise<void> {
    if (event.message.type === 'self-mail.send') {
      await this.app.mails.markSelfMailFailed.execute({ mailId: event.message.mailId });
    }
  }
}
