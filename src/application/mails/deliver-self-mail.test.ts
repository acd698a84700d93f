import { SelfMail } from '../../domain/mail/self-mail.js';
import type { User } from '../../domain/user/user.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { DeliverSelfMail } from './deliver-self-mail.js';

describe('DeliverSelfMail', () => {
  let kit: TestKit;
  let deliverSelfMail: DeliverSelfMail;
  let owner: User;
  let mail: SelfMail;

  beforeEach(async () => {
    kit = createTestKit();
    deliverSelfMail = new DeliverSelfMail(kit.mails, kit.users, kit.emailSender, kit.uow, kit.clock);
    owner = await kit.givenUser({ username: 'sam', email: 'sam@example.com' });
    mail = SelfMail.compose({
      id: kit.ids.next(),
      userId: owner.id,
      subject: 'Note <to> self',
      content: 'Socks & <b>shoes</b>\n"soon"',
      at: kit.clock.now(),
    });
    await kit.mails.add(mail);
    kit.clock.advanceSeconds(5);
  });

  it('sends the mail to its owner, with the content escaped as HTML, and marks it sent', async () => {
    await deliverSelfMail.execute({ mailId: mail.id });

    expect(kit.emailSender.sent).toEqual([
      {
        id: mail.id,
        to: 'sam@example.com',
        subject: 'Note <to> self',
        text: 'Socks & <b>shoes</b>\n"soon"',
        html: '<p>Socks &amp; &lt;b&gt;shoes&lt;/b&gt;<br>&quot;soon&quot;</p>',
      },
    ]);
    expect(await kit.mails.findById(mail.id)).toEqual({ ...mail, status: 'sent', sentAt: kit.clock.now() });
  });

  it('does not send a mail twice', async () => {
    await deliverSelfMail.execute({ mailId: mail.id });
    const sentAt = kit.clock.now();
    kit.clock.advanceSeconds(60);
    kit.emailSender.sent.length = 0;

    await deliverSelfMail.execute({ mailId: mail.id });

    expect(kit.emailSender.sent).toEqual([]);
    expect((await kit.mails.findById(mail.id))?.sentAt).toEqual(sentAt);
  });

  it('does nothing for a deleted mail', async () => {
    await kit.mails.remove(mail.id);

    await expect(deliverSelfMail.execute({ mailId: mail.id })).resolves.toBeUndefined();
    expect(kit.emailSender.sent).toEqual([]);
  });

  it('does nothing when the owner is gone', async () => {
    kit.db.tables.users.delete(owner.id); // gone between the event and the job

    await expect(deliverSelfMail.execute({ mailId: mail.id })).resolves.toBeUndefined();
    expect(kit.emailSender.sent).toEqual([]);
  });

  it('rethrows a delivery failure and leaves the mail queued, so that a retry sends it', async () => {
    kit.emailSender.failNext = 1;

    await expect(deliverSelfMail.execute({ mailId: mail.id })).rejects.toThrow('SMTP unavailable');
    expect((await kit.mails.findById(mail.id))?.status).toBe('queued');

    await deliverSelfMail.execute({ mailId: mail.id });
    expect(kit.emailSender.sent).toHaveLength(1);
    expect((await kit.mails.findById(mail.id))?.status).toBe('sent');
  });
});
