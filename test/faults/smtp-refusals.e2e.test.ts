import { givenPeople } from './support/people.js';
import { startFaultStack, welcomeEmail, type FaultStack } from './support/fault-stack.js';
import { until } from './support/processes.js';

jest.setTimeout(120_000);

/**
 * The web app and its worker as real processes, against an SMTP server that refuses: for a
 * while (451, try again later), then it accepts; or for good (550). Retries follow the job's
 * back-off (1 s, 2 s, 4 s…, 5 attempts); a permanent refusal is not retried.
 */
describe('an SMTP server that refuses', () => {
  let stack: FaultStack;
  let web: string;

  beforeAll(async () => {
    stack = await startFaultStack();
    const [{ port }] = await Promise.all([stack.start('web'), stack.start('web-worker')]);
    web = `http://127.0.0.1:${port}/api/v1`;
  });

  afterAll(async () => {
    await stack?.dispose();
  });

  it('delivers each email on its 4th attempt when the first 3 are refused for now, once', async () => {
    const { sink } = stack;
    sink.failFirstAttempts(3);

    await stack.addEvents(['flaky0', 'flaky1', 'flaky2'].map(welcomeEmail));
    await until(
      () => sink.received.length >= 3,
      60_000,
      () => `${sink.received.length} of 3 arrived`,
    );

    const attempts = new Map<string, number>();
    for (const { messageId } of sink.attempts) attempts.set(messageId, (attempts.get(messageId) ?? 0) + 1);
    expect([...attempts.values()]).toEqual([4, 4, 4]);
    expect([...sink.counts().values()]).toEqual([1, 1, 1]);
    sink.failFirstAttempts(0);
  });

  it('gives up at once on a permanent refusal, and the self-mail says it failed', async () => {
    const { sink } = stack;
    const [sam] = await givenPeople(stack.database.orm, 1, 'bounced');
    if (!sam) throw new Error('no person');
    sink.refuseRecipient(sam.email);
    const headers = { authorization: `Bearer ${sam.token}`, 'content-type': 'application/json' };

    const sent = await fetch(`${web}/users/me/mails`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ subject: 'Note to self', content: 'Buy socks.' }),
    });
    expect(sent.status).toBe(202);
    const mail = (await sent.json()) as { id: string; status: string };
    expect(mail.status).toBe('queued');

    let status = mail.status;
    await until(
      async () => {
        const list = (await (await fetch(`${web}/users/me/mails`, { headers })).json()) as {
          items: Array<{ id: string; status: string }>;
        };
        status = list.items.find((m) => m.id === mail.id)?.status ?? 'missing';
        return status !== 'queued';
      },
      30_000,
      () => `the mail is still ${status}`,
    );

    expect(status).toBe('failed');
    expect(sink.attempts.filter((a) => a.messageId === `${mail.id}@hotsox`)).toHaveLength(1);
    expect(sink.received.filter((m) => m.envelopeTo.includes(sam.email))).toEqual([]);
  });
});
