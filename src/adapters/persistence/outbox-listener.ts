import { Client } from 'pg';
import type { OutboxOrigin } from './schemas/outbox-event.schema.js';

export interface OutboxListenerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface OutboxListenerOptions {
  /** The first wait before reconnecting after the connection broke, doubled up to 30 s (default 500 ms). */
  readonly reconnectMs?: number;
}

const MAX_RECONNECT_MS = 30_000;

/** The channel PostgreSQL notifies when outbox events of `origin` are committed. */
export const outboxChannel = (origin: OutboxOrigin) => `hotsox_outbox_${origin}`;

/**
 * Listens on one dedicated connection (not the pool's) for `NOTIFY hotsox_outbox_<origin>`,
 * sent at commit by the trigger on `outbox_events`, and calls `onSignal` for each. When the
 * connection breaks (PostgreSQL restarted, network) it reconnects with back-off and signals
 * once after reconnecting, since notifications sent meanwhile are lost.
 */
export class OutboxListener {
  private client: Client | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private readonly reconnectMs: number;

  constructor(
    private readonly url: string,
    private readonly origin: OutboxOrigin,
    private readonly onSignal: () => void,
    private readonly logger: OutboxListenerLogger,
    options: OutboxListenerOptions = {},
  ) {
    this.reconnectMs = options.reconnectMs ?? 500;
  }

  /** Connects and listens; resolves once listening (or once the first attempt failed: it keeps trying). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  /** True while the connection listens. */
  listening(): boolean {
    return this.client !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    client.on('error', () => this.broken(client)); // a broken connection: reconnect, never crash
    client.on('end', () => this.broken(client));
    client.on('notification', () => this.onSignal());
    try {
      await client.connect();
      await client.query(`listen ${outboxChannel(this.origin)}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.retryLater(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.failures > 0) {
      this.logger.info({ failures: this.failures }, 'outbox listener reconnected');
      this.failures = 0;
      this.onSignal(); // what was committed while the connection was down
    }
  }

  private broken(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    this.retryLater(new Error('the listening connection was lost'));
  }

  private retryLater(error: unknown): void {
    if (this.stopped) return;
    this.failures += 1;
    if (this.failures === 1) {
      this.logger.warn({ err: error }, 'outbox listener disconnected: polling slowly until it reconnects');
    }
    const delay = Math.min(this.reconnectMs * 2 ** (this.failures - 1), MAX_RECONNECT_MS);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), delay);
    this.timer.unref();
  }
}
