import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

/** One email as the sink received it. */
export interface ArrivedMail {
  /** `performance.now()` when the message was fully received (end of DATA, before the answer). */
  readonly at: number;
  /** The envelope recipients (RCPT TO). */
  readonly to: readonly string[];
  /** The Message-ID header, or null when there is none. */
  readonly messageId: string | null;
  /** The Subject header, unfolded (not decoded: the bench's subjects are plain ASCII). */
  readonly subject: string;
  /**
   * ms from the sender's connection opening to the end of DATA: what one email costs the sender
   * in SMTP round trips (greeting, EHLO, MAIL, RCPT, DATA) when it opens a connection per email.
   */
  readonly sessionMs: number;
}

/** An SMTP server in this process that records when each email arrived, and nothing more. */
export interface MailSink {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  readonly url: string;
  /** Every email accepted so far, in arrival order. */
  readonly received: readonly ArrivedMail[];
  /** SMTP connections opened so far (a sender without a pool opens one per email). */
  connections(): number;
  close(): Promise<void>;
}

/**
 * Starts the sink on a free port of 127.0.0.1: no TLS, no authentication, every message accepted.
 * Only the headers are kept (Message-ID, Subject); the body is read and dropped.
 */
export async function startMailSink(): Promise<MailSink> {
  const received: ArrivedMail[] = [];
  let connections = 0;
  const openedAt = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS lookup of the client (127.0.0.1) before the greeting: it went to the
    // resolver and took 15 ms or more per connection, which is the sink's cost, not the app's.
    disableReverseLookup: true,
    // Room for a burst of parallel senders (two workers, two jobs at a time each, plus retries).
    maxClients: 1000,
    onConnect(session, callback) {
      connections += 1;
      openedAt.set(session.id, performance.now());
      callback();
    },
    onClose(session) {
      openedAt.delete(session.id);
    },
    onData(stream, session, callback) {
      let head = '';
      let headDone = false;
      stream.on('data', (chunk: Buffer) => {
        if (headDone) return;
        head += chunk.toString('latin1');
        const end = head.search(/\r?\n\r?\n/);
        if (end >= 0) {
          head = head.slice(0, end);
          headDone = true;
        } else if (head.length > 64 * 1024) {
          headDone = true;
        }
      });
      stream.on('end', () => {
        const at = performance.now();
        const headers = parseHeaders(head);
        const opened = openedAt.get(session.id);
        // The next email on the same connection counts from this one's end.
        openedAt.set(session.id, at);
        received.push({
          sessionMs: opened === undefined ? Number.NaN : at - opened,
          at,
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          messageId: headers.get('message-id') ?? null,
          subject: headers.get('subject') ?? '',
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client that misbehaves must not crash the bench.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}

/** The first value of each header (names lower-cased), with folded lines joined. */
function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}
