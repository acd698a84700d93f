import { MailNotFoundError, SelfMail } from '../../domain/mail/self-mail.js';
import type { User } from '../../domain/user/user.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { DeleteSelfMail } from './delete-self-mail.js';

describe('DeleteSelfMail', () => {
  let kit: TestKit;
  let deleteSelfMail: DeleteSelfMail;
  let owner: User;
  let mail: SelfMail;

  beforeEach(async () => {
    kit = createTestKit();
    deleteSelfMail = new DeleteSelfMail(kit.mails, kit.uow);
    owner = await kit.givenUser();
    mail = SelfMail.compose({
      id: kit.ids.next(),
      userId: owner.id,
      subject: 'Hi',
      content: 'Me',
      at: kit.clock.now(),
    });
    await kit.mails.add(mail);
  });

  it('deletes an own mail', async () => {
    await deleteSelfMail.execute({ userId: owner.id, mailId: mail.id });

    expect(await kit.mails.findById(mail.id)).toBeNull();
  });

  it('does not delete the mail of another user', async () => {
    const stranger = await kit.givenUser();

    await expect(deleteSelfMail.execute({ userId: stranger.id, mailId: mail.id })).rejects.toThrow(
      MailNotFoundError,
    );
    expect(await kit.mails.findById(mail.id)).toEqual(mail);
  });

  it('reports an unknown or already deleted mail as not found', async () => {
    await deleteSelfMail.execute({ userId: owner.id, mailId: mail.id });

    await expect(deleteSelfMail.execute({ userId: owner.id, mailId: mail.id })).rejects.toThrow(
      MailNotFoundError,
    );
  });
});
