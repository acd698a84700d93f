import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutgoingEmail } from '../../application/ports/email-sender.js';
import { EmlFileEmailSender } from './eml-file-email-sender.js';
import { PermanentJobError } from './permanent-job-error.js';
import { parseMime, partOfType } from './testing/mime.js';

const FROM = 'HotSox <no-reply@hotsox.local>';
const ID = '00000000-0000-4000-8000-0000000000e1';

function anEmail(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    id: ID,
    to: 'sam@example.com',
    subject: 'You have a match with Sockrates 🧦',
    text: "Hi sam,\n\nYou and Sockrates 🧦 liked each other's socks: it's a match!\n",
    html: '<p>Hi sam,</p><p>You and <strong>Sockrates 🧦</strong> liked each other&#39;s socks.</p>',
    ...overrides,
  };
}

describe('EmlFileEmailSender', () => {
  let root: string;
  let dir: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'hotsox-eml-'));
    dir = join(root, 'data', 'mail'); // not there yet: the sender creates it
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes <id>.eml, a complete message with both bodies and the Message-ID of the id', async () => {
    const sender = new EmlFileEmailSender(dir, FROM);
    const email = anEmail();

    await sender.send(email);

    expect(await readdir(dir)).toEqual([`${ID}.eml`]);
    const raw = await readFile(join(dir, `${ID}.eml`), 'utf8');
    expect(raw).toContain('\r\n'); // RFC 5322 line ends
    const message = parseMime(raw);
    expect(message.headers.get('from')).toBe('HotSox <no-reply@hotsox.local>');
    expect(message.headers.get('to')).toBe('sam@example.com');
    expect(message.headers.get('subject')).toBe(email.subject);
    expect(message.headers.get('message-id')).toBe(`<${ID}@hotsox>`);
    expect(message.headers.get('date')).toBeDefined();
    expect(message.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    expect(partOfType(message, 'text/plain')?.body).toBe(email.text);
    expect(partOfType(message, 'text/html')?.body).toBe(email.html);
  });

  it('replaces the file when the same id is sent again, leaving no temporary file', async () => {
    const sender = new EmlFileEmailSender(dir, FROM);

    await sender.send(anEmail({ subject: 'First try' }));
    await sender.send(anEmail({ subject: 'Retry' }));

    expect(await readdir(dir)).toEqual([`${ID}.eml`]);
    expect(parseMime(await readFile(sender.pathOf(ID), 'utf8')).headers.get('subject')).toBe('Retry');
  });

  it('keeps one file per id when the same email is sent concurrently', async () => {
    const sender = new EmlFileEmailSender(dir, FROM);

    await Promise.all([sender.send(anEmail()), sender.send(anEmail()), sender.send(anEmail())]);

    expect(await readdir(dir)).toEqual([`${ID}.eml`]);
  });

  it.each(['../escape', 'a/b', '.hidden', ''])('refuses the id %j as a file name, for good', async (id) => {
    const sender = new EmlFileEmailSender(dir, FROM);

    await expect(sender.send(anEmail({ id }))).rejects.toBeInstanceOf(PermanentJobError);
    expect(await readdir(root)).toEqual([]);
  });
});
