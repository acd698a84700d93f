import { NodemailerSmtpEmailSender } from './nodemailer-smtp-email-sender.js';
import { parseMime, partOfType } from './testing/mime.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

const FROM = 'HotSox <no-reply@hotsox.local>';
const ID = '00000000-0000-4000-8000-0000000000f1';

describe('NodemailerSmtpEmailSender', () => {
  let sink: SmtpSink;
  let sender: NodemailerSmtpEmailSender;

  beforeEach(async () => {
    sink = await startSmtpSink();
    sender = new NodemailerSmtpEmailSender(sink.url, FROM);
  });

  afterEach(async () => {
    sender.close();
    await sink.close();
  });

  it('delivers the email over SMTP with the Message-ID of its id', async () => {
    await sender.send({
      id: ID,
      to: 'sam@example.com',
      subject: 'HotSox account deletion',
      text: 'Bye :(',
      html: '<p>Bye :(</p>',
    });

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.envelopeTo).toEqual(['sam@example.com']);
    const message = parseMime(mail.raw);
    expect(message.headers.get('to')).toBe('sam@example.com');
    expect(message.headers.get('from')).toBe(FROM);
    expect(message.headers.get('subject')).toBe('HotSox account deletion');
    expect(message.headers.get('message-id')).toBe(`<${ID}@hotsox>`);
    expect(partOfType(message, 'text/html')?.body).toBe('<p>Bye :(</p>');
  });

  it('throws when the server refuses, so that the job is retried', async () => {
    sink.failNext(1);

    await expect(
      sender.send({ id: ID, to: 'sam@example.com', subject: 's', text: 't', html: '<p>t</p>' }),
    ).rejects.toThrow(/451/);
    expect(sink.received).toEqual([]);
  });

  it('throws when no server listens', async () => {
    await sink.close();
    const nowhere = new NodemailerSmtpEmailSender(sink.url, FROM);

    await expect(
      nowhere.send({ id: ID, to: 'sam@example.com', subject: 's', text: 't', html: '<p>t</p>' }),
    ).rejects.toThrow();
    sink = await startSmtpSink(); // for afterEach
  });
});
