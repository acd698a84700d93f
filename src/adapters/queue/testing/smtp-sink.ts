import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly envelopeTo: string[];
  readonly raw: string;
  /** The Message-ID header, without angle brackets ('' when absent). */
  readonly messageId: string;
  /** When the sink accepted it (ms since the epoch). */
  readonly at: number;
}

export interface SmtpSinkOptions {
  /** A fixed port (default: a free one). */
  readonly port?: number;
  /**
   * Holds each accepted message this long before answering 250. A message counts as received
   * only if the client is still connected when the 250 goes out, as a real server would commit
   * it only once it could acknowledge it: a client killed meanwhile sent nothing.
   */
  readonly holdMs?: number;
}

/** An in-process SMTP server on a local port that keeps every message it accepts. */
export interface SmtpSink {
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Messages whose data arrived (accepted or not), in order. */
  readonly attempts: Array<{ readonly messageId: string; readonly at: number }>;
  /** Makes the next `n` messages fail with a temporary error (451). */
  failNext(n: number): void;
  /** Refuses the first `n` attempts of every message (by Message-ID) with a 451, then accepts. */
  failFirstAttempts(n: number): void;
  /** Refuses every message to `address` for good (550). */
  refuseRecipient(address: string): void;
  /**
   * Holds every message from now on before its 250 until `resume`: a test can have all of a
   * worker's sends in flight at once, none acknowledged.
   */
  pause(): void;
  /** Pauses as soon as `n` messages were received (at once if they were). */
  pauseAfter(n: number): void;
  /** Answers the held messages whose clients are still there, and stops holding. */
  resume(): void;
  /** SMTP sessions whose client is connected. */
  openSessions(): number;
  /** Messages held right now. */
  held(): number;
  /** Received messages by Message-ID: how often each was accepted. */
  counts(): Map<string, number>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const attempts: Array<{ messageId: string; at: number }> = [];
  const attemptsById = new Map<string, number>();
  const refused = new Set<string>();
  let failures = 0;
  let failFirst = 0;
  /** Sessions whose client has gone (ids). */
  const gone = new Set<string>();
  const open = new Set<string>();
  let paused = false;
  let pauseAt = Infinity;
  const holding: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(session, callback) {
      open.add(session.id);
      callback();
    },
    onClose(session) {
      open.delete(session.id);
      gone.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^message-id:\s*<?([^>\r\n]+)>?/im.exec(raw)?.[1] ?? '';
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        attempts.push({ messageId, at: Date.now() });
        const attempt = (attemptsById.get(messageId) ?? 0) + 1;
        attemptsById.set(messageId, attempt);
        if (envelopeTo.some((to) => refused.has(to.toLowerCase()))) {
          callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
          return;
        }
        if (failures > 0 || attempt <= failFirst) {
          if (failures > 0) failures -= 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        const accept = () => {
          if (gone.has(session.id)) return; // the client left before hearing 250: not delivered
          received.push({ envelopeTo, raw, messageId, at: Date.now() });
          callback();
        };
        if (received.length >= pauseAt) paused = true;
        if (paused) holding.push(accept);
        else if (options.holdMs) setTimeout(accept, options.holdMs);
        else accept();
      });
    },
  });
  server.on('error', () => undefined); // a client reset mid-session is not the sink's failure
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    attempts,
    failNext(n) {
      failures = n;
    },
    failFirstAttempts(n) {
      failFirst = n;
    },
    pause() {
      paused = true;
    },
    pauseAfter(n) {
      pauseAt = n;
    },
    resume() {
      paused = false;
      pauseAt = Infinity;
      for (const accept of holding.splice(0)) accept();
    },
    held: () => holding.length,
    openSessions: () => open.size,
    refuseRecipient(address) {
      refused.add(address.toLowerCase());
    },
    counts() {
      const counts = new Map<string, number>();
      for (const mail of received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
