import { SelfMail } from '../../domain/mail/self-mail.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { MarkSelfMailFailed } from './mark-self-mail-failed.js';

describe('MarkSelfMailFailed', () => {
  let kit: TestKit;
  let markSelfMailFailed: MarkSelfMailFailed;
  let mail: SelfMail;

  beforeEach(async () => {
    kit = createTestKit();
    markSelfMailFailed = new MarkSelfMailFailed(kit.mails, kit.uow);
    const owner = await kit.givenUser();
    mail = SelfMail.compose({
      id: kit.ids.next(),
      userId: owner.id,
      subject: 'Hi',
      content: 'Me',
      at: kit.clock.now(),
    });
    await kit.mails.add(mail);
  });

  it('marks a queued mail failed', async () => {
    await markSelfMailFailed.execute({ mailId: mail.id });

    expect((await kit.mails.findById(mail.id))?.status).toBe('failed');
  });

  it('leaves a mail that was sent meanwhile as sent', async () => {
    const sent = SelfMail.markSent(mail, kit.clock.now());
    await kit.mails.save(sent);

    await markSelfMailFailed.execute({ mailId: mail.id });

    expect(await kit.mails.findById(mail.id)).toEqual(sent);
  });

  it('does nothing for a deleted mail', async () => {
    await kit.mails.remove(mail.id);

    await expect(markSelfMailFailed.execute({ mailId: mail.id })).resolves.toBeUndefined();
    expect(kit.db.tables.mails.size).toBe(0);
  });
});
