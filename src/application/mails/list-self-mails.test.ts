import { SelfMail } from '../../domain/mail/self-mail.js';
import type { User } from '../../domain/user/user.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { ListSelfMails } from './list-self-mails.js';

describe('ListSelfMails', () => {
  let kit: TestKit;
  let listSelfMails: ListSelfMails;

  beforeEach(() => {
    kit = createTestKit();
    listSelfMails = new ListSelfMails(kit.mails);
  });

  const givenMail = async (user: User, subject: string): Promise<SelfMail> => {
    const mail = SelfMail.compose({
      id: kit.ids.next(),
      userId: user.id,
      subject,
      content: 'x',
      at: kit.clock.now(),
    });
    await kit.mails.add(mail);
    kit.clock.advanceSeconds(60);
    return mail;
  };

  it('lists only own mails, newest first, one page at a time', async () => {
    const me = await kit.givenUser();
    const other = await kit.givenUser();
    await givenMail(me, 'first');
    await givenMail(other, 'not mine');
    await givenMail(me, 'second');
    await givenMail(me, 'third');

    const first = await listSelfMails.execute({ userId: me.id, page: { page: 1, pageSize: 2 } });
    const second = await listSelfMails.execute({ userId: me.id, page: { page: 2, pageSize: 2 } });

    expect(first.items.map((m) => m.subject)).toEqual(['third', 'second']);
    expect(first.total).toBe(3);
    expect(second.items.map((m) => m.subject)).toEqual(['first']);
  });

  it('gives an empty page to a user without mails', async () => {
    const me = await kit.givenUser();

    expect(await listSelfMails.execute({ userId: me.id, page: { page: 1, pageSize: 20 } })).toEqual({
      items: [],
      page: 1,
      pageSize: 20,
      total: 0,
    });
  });
});
