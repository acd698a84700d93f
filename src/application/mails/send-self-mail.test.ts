import { InvalidValueError } from '../../domain/shared/domain-error.js';
import type { MailRepository } from '../ports/mail-repository.js';
import type { SelfMail } from '../../domain/mail/self-mail.js';
import { InMemoryMailRepository } from '../testing/in-memory-mail-repository.js';
import { InMemoryOutbox } from '../testing/in-memory-outbox.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { SendSelfMail } from './send-self-mail.js';

describe('SendSelfMail', () => {
  let kit: TestKit;
  let sendSelfMail: SendSelfMail;

  beforeEach(() => {
    kit = createTestKit();
    sendSelfMail = new SendSelfMail(kit.mails, kit.outbox, kit.ids, kit.uow, kit.clock);
  });

  it('stores the mail as queued and records the job in the same unit of work', async () => {
    const user = await kit.givenUser();

    const mail = await sendSelfMail.execute({
      userId: user.id,
      subject: ' Note to self ',
      content: 'Buy socks.',
    });

    expect(mail).toEqual({
      id: mail.id,
      userId: user.id,
      subject: 'Note to self',
      content: 'Buy socks.',
      status: 'queued',
      createdAt: kit.clock.now(),
      sentAt: null,
    });
    expect(await kit.mails.findById(mail.id)).toEqual(mail);
    expect(kit.outbox.messages()).toEqual([{ type: 'self-mail.send', mailId: mail.id }]);
  });

  it.each([
    { subject: '  ', content: 'x' },
    { subject: 'x'.repeat(201), content: 'x' },
    { subject: 'x', content: 'x'.repeat(10_001) },
  ])('refuses %p and stores nothing', async (fields) => {
    const user = await kit.givenUser();

    await expect(sendSelfMail.execute({ userId: user.id, ...fields })).rejects.toThrow(InvalidValueError);
    expect(kit.db.tables.mails.size).toBe(0);
    expect(kit.outbox.messages()).toEqual([]);
  });

  it('keeps neither the mail nor the job when the unit of work fails', async () => {
    const user = await kit.givenUser();
    const outbox = new (class extends InMemoryOutbox {
      override async add(): Promise<void> {
        throw new Error('database connection lost');
      }
    })(kit.db, kit.ids, kit.clock);
    sendSelfMail = new SendSelfMail(kit.mails, outbox, kit.ids, kit.uow, kit.clock);

    await expect(sendSelfMail.execute({ userId: user.id, subject: 'Hi', content: 'Me' })).rejects.toThrow(
      'database connection lost',
    );
    expect(kit.db.tables.mails.size).toBe(0);
    expect(kit.outbox.messages()).toEqual([]);
  });

  it('records no job when storing the mail fails', async () => {
    const user = await kit.givenUser();
    const mails: MailRepository = new (class extends InMemoryMailRepository {
      override async add(mail: SelfMail): Promise<void> {
        await super.add(mail);
        throw new Error('disk full');
      }
    })(kit.db);
    sendSelfMail = new SendSelfMail(mails, kit.outbox, kit.ids, kit.uow, kit.clock);

    await expect(sendSelfMail.execute({ userId: user.id, subject: 'Hi', content: 'Me' })).rejects.toThrow(
      'disk full',
    );
    expect(kit.db.tables.mails.size).toBe(0);
    expect(kit.outbox.messages()).toEqual([]);
  });
});
