import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import type { EmailSender, OutgoingEmail } from '../../application/ports/email-sender.js';
import { toNodemailerMessage } from './nodemailer-message.js';
import { PermanentJobError } from './permanent-job-error.js';

/** Email ids become file names: no separators, no dots, nothing that could leave the folder. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/;

/**
 * "Delivers" each email as `<dir>/<id>.eml` (RFC 5322, CRLF line ends), for running without an
 * SMTP server: open the files with any mail client. The file appears atomically (written aside,
 * then renamed), and the same id always names the same file, so a retried job replaces its mail
 * instead of adding a second one.
 */
export class EmlFileEmailSender implements EmailSender {
  private readonly dir: string;
  private readonly transporter: Transporter<StreamTransport.SentMessageInfo>;

  constructor(
    dir: string,
    private readonly from: string,
  ) {
    this.dir = resolve(dir);
    this.transporter = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'windows',
    });
  }

  /** @throws {PermanentJobError} when the id cannot be a file name */
  async send(email: OutgoingEmail): Promise<void> {
    if (!SAFE_ID.test(email.id))
      throw new PermanentJobError(`Unusable email id for a file name: ${email.id}`);
    const info = await this.transporter.sendMail(toNodemailerMessage(email, this.from));
    if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer returned a stream, expected a buffer');
    await mkdir(this.dir, { recursive: true });
    await writeAtomically(this.pathOf(email.id), info.message);
  }

  pathOf(emailId: string): string {
    return join(this.dir, `${emailId}.eml`);
  }
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
