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
  /** ms from MAIL FROM to the end of DATA: the SMTP round trips of this one email. */
  readonly transactionMs: number;
  /**
   * ms from the connection opening to MAIL FROM (greeting, EHLO) for the first email on a
   * connection; null for the later ones on a reused (pooled) connection.
   */
  readonly handshakeMs: number | null;
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
  /** By session id: when the connection opened (until its first MAIL FROM), when MAIL FROM came. */
  const openedAt = new Map<string, number>();
  const mailFromAt = new Map<string, { at: number; handshakeMs: number | null }>();
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
    onMailFrom(_address, session, callback) {
      const now = performance.now();
      const opened = openedAt.get(session.id);
      openedAt.delete(session.id);
      mailFromAt.set(session.id, { at: now, handshakeMs: opened === undefined ? null : now - opened });
      callback();
    },
    onClose(session) {
      openedAt.delete(session.id);
      mailFromAt.delete(session.id);
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
        const start = mailFromAt.get(session.id);
        received.push({
          transactionMs: start === undefined ? Number.NaN : at - start.at,
          handshakeMs: start?.handshakeMs ?? null,
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
