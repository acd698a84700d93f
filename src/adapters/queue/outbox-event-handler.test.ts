import type { PictureStore } from '../../application/ports/picture-store.js';
import { RecordingChatPublisher } from '../../application/testing/recording-chat-publisher.js';
import { createTestKit } from '../../application/testing/test-kit.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { OutboxEventHandler } from './outbox-event-handler.js';
import { isPermanentFailure, PermanentJobError } from './permanent-job-error.js';
import { anEvent, givenQueuedMail, handlerOver, matchMadeEmail } from './testing/handler-fixture.js';

const EVENT_ID = '00000000-0000-4000-8000-00000000e001';

describe('OutboxEventHandler', () => {
  it('renders an email and sends it with the event id as the email id', async () => {
    const kit = createTestKit();
    const handler = handlerOver(kit);

    await handler.handle(anEvent(EVENT_ID, matchMadeEmail('sam', 'kim')));

    expect(kit.emailSender.sent).toHaveLength(1);
    expect(kit.emailSender.sent[0]).toMatchObject({
      id: EVENT_ID,
      to: 'sam@example.com',
      subject: 'You have a match with kim',
    });
    expect(kit.emailSender.sent[0]?.html).toContain('href="https://hotsox.example/matches"');
  });

  it('sends an email event handled again (a retry, a redelivered job) once, through the email log', async () => {
    const kit = createTestKit();
    const handler = handlerOver(kit);
    const event = anEvent(EVENT_ID, matchMadeEmail('sam', 'kim'));

    await handler.handle(event);
    await handler.handle(event);

    expect(kit.emailSender.sent).toHaveLength(1);
    expect(await kit.emailLog.wasSent(EVENT_ID, 'sam@example.com')).toBe(true);
  });

  it('pushes a chat event to the live chat', async () => {
    const chat = new RecordingChatPublisher();
    const handler = handlerOver(createTestKit(), undefined, chat);
    const event = { type: 'ended', matchId: 'm1', recipients: ['u1', 'u2'] } as const;

    await handler.handle(anEvent(EVENT_ID, { type: 'chat.publish', event }));

    expect(chat.published).toEqual([event]);
  });

  it('delivers a self-mail and marks it sent', async () => {
    const kit = createTestKit();
    const handler = handlerOver(kit);
    const owner = await kit.givenUser({ username: 'sam', email: 'sam@example.com' });
    const mail = await givenQueuedMail(kit, owner);

    await handler.handle(anEvent(EVENT_ID, { type: 'self-mail.send', mailId: mail.id }));

    expect(kit.emailSender.sent.map((e) => [e.id, e.to, e.subject])).toEqual([
      [mail.id, 'sam@example.com', 'Note to self'],
    ]);
    expect((await kit.mails.findById(mail.id))?.status).toBe('sent');
  });

  it('deletes picture files, and does nothing the second time', async () => {
    const kit = createTestKit();
    const handler = handlerOver(kit);
    kit.pictureStore.stored.add('pictures/1.webp').add('pictures/2.webp').add('pictures/3.webp');
    const event = anEvent(EVENT_ID, {
      type: 'picture-files.delete',
      keys: ['pictures/1.webp', 'pictures/2.webp'],
    });

    await handler.handle(event);
    await handler.handle(event);

    expect([...kit.pictureStore.stored]).toEqual(['pictures/3.webp']);
  });

  it('rethrows a delivery failure, to be retried', async () => {
    const kit = createTestKit();
    const handler = handlerOver(kit);
    kit.emailSender.failNext = 1;

    const failure = handler.handle(anEvent(EVENT_ID, matchMadeEmail('sam')));

    await expect(failure).rejects.toThrow('SMTP unavailable');
    await failure.catch((error: unknown) => expect(isPermanentFailure(error)).toBe(false));
  });

  it('lets a domain error through unchanged: a permanent failure', async () => {
    const kit = createTestKit();
    const refusing: PictureStore = {
      store: () => Promise.reject(new Error('unused')),
      remove: () => Promise.reject(new InvalidValueError('keys', 'not a key')),
    };
    const handler = new OutboxEventHandler(
      {
        mails: {
          sendEmail: { execute: (email) => kit.emailSender.send(email) },
          deliverSelfMail: { execute: async () => {} },
          markSelfMailFailed: { execute: async () => {} },
        },
        decks: { buildDeck: { execute: async () => null }, placeSockInDecks: { execute: async () => 0 } },
      },
      refusing,
      { publicUrl: 'http://localhost:3000' },
      { publish: async () => {} },
    );

    const failure = handler.handle(anEvent(EVENT_ID, { type: 'picture-files.delete', keys: ['x'] }));

    await expect(failure).rejects.toBeInstanceOf(InvalidValueError);
    await failure.catch((error: unknown) => expect(isPermanentFailure(error)).toBe(true));
  });

  it('fails for good on a message it does not know', async () => {
    const handler = handlerOver(createTestKit());
    const unknown = { type: 'sock.darn', sockId: 'x' } as unknown as Parameters<typeof anEvent>[1];

    await expect(handler.handle(anEvent(EVENT_ID, unknown))).rejects.toBeInstanceOf(PermanentJobError);
  });

  describe('giveUp', () => {
    it('marks a self-mail failed', async () => {
      const kit = createTestKit();
      const handler = handlerOver(kit);
      const owner = await kit.givenUser();
      const mail = await givenQueuedMail(kit, owner);

      await handler.giveUp(anEvent(EVENT_ID, { type: 'self-mail.send', mailId: mail.id }));

      expect((await kit.mails.findById(mail.id))?.status).toBe('failed');
    });

    it('records nothing for other events', async () => {
      const kit = createTestKit();
      const handler = handlerOver(kit);

      await handler.giveUp(anEvent(EVENT_ID, matchMadeEmail('sam')));

      expect(kit.emailSender.sent).toEqual([]);
    });
  });
});

describe('isPermanentFailure', () => {
  it('is true for domain errors and broken jobs only', () => {
    expect(isPermanentFailure(new InvalidValueError('x', 'bad'))).toBe(true);
    expect(isPermanentFailure(new PermanentJobError('bad job'))).toBe(true);
    expect(isPermanentFailure(new Error('ECONNREFUSED'))).toBe(false);
    expect(isPermanentFailure('a string')).toBe(false);
  });
});
