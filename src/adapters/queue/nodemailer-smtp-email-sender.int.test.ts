import { connect } from 'node:net';
import { NodemailerSmtpEmailSender } from './nodemailer-smtp-email-sender.js';
import { PermanentJobError } from './permanent-job-error.js';
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

  it('fails for good when the server refuses the recipient for good (5xx)', async () => {
    sink.refuseRecipient('gone@example.com');

    const failure = sender.send({
      id: ID,
      to: 'gone@example.com',
      subject: 's',
      text: 't',
      html: '<p>t</p>',
    });

    await expect(failure).rejects.toBeInstanceOf(PermanentJobError);
    await expect(failure).rejects.toThrow(/550/);
  });

  it('counts a message as received only if the client heard the 250 (the sink holds it)', async () => {
    await sink.close();
    sink = await startSmtpSink({ holdMs: 300 });
    // a client that sends a whole message and vanishes before the answer, like a killed worker
    const socket = connect(sink.port, '127.0.0.1');
    const lines = [
      'EHLO test',
      'MAIL FROM:<a@example.com>',
      'RCPT TO:<sam@example.com>',
      'DATA',
      `Message-ID: <${ID}@hotsox>\r\nSubject: s\r\n\r\nt\r\n.`,
    ];
    socket.on('data', (data: Buffer) => {
      const next = lines.shift();
      if (next !== undefined && /^(220|250|354)/m.test(data.toString())) socket.write(`${next}\r\n`);
      if (next?.endsWith('.')) setTimeout(() => socket.destroy(), 50);
    });

    await waitFor(() => sink.attempts.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(sink.attempts.map((a) => a.messageId)).toEqual([`${ID}@hotsox`]);
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

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
