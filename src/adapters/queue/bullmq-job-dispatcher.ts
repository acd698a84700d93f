import { Queue, type ConnectionOptions } from 'bullmq';
import type { OutboxEvent } from '../../application/ports/outbox.js';
import type { JobDispatcher } from './job-dispatcher.js';
import { toJobData, type OutboxJobData } from './outbox-job-data.js';

export interface BullMqJobDispatcherOptions {
  /** Attempts per job, the first included (default 5). */
  readonly attempts?: number;
  /** BullMQ's exponential backoff base: 1 s, 2 s, 4 s… (default 1000 ms). */
  readonly backoffMs?: number;
  /**
   * How long a dispatch may wait for Redis before it counts as failed (default 5000 ms). The relay
   * holds its database transaction meanwhile, so an outage must not hang it.
   */
  readonly timeoutMs?: number;
}

/**
 * Puts outbox events on a BullMQ queue, one job per event, named after its message type. The job
 * id is the event id, so dispatching an event again (a relay that crashed after enqueuing but
 * before marking it dispatched) adds nothing while the first job is kept: completed jobs are kept
 * (the last 1000) and failed ones (the last 5000) for exactly that reason, and the handlers are
 * idempotent for the rare duplicate beyond.
 *
 * `connection`: give the producer side `enableOfflineQueue: false`, so that adds fail at once after
 * the connection is lost instead of queuing up in memory. Before the first connection an add waits
 * for it; `timeoutMs` bounds both cases. A timed-out add may still land later: the next pass adds
 * the same job id again, which BullMQ ignores.
 */
export class BullMqJobDispatcher implements JobDispatcher {
  readonly queue: Queue<OutboxJobData>;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly timeoutMs: number;

  constructor(
    connection: ConnectionOptions,
    queueName: string,
    prefix: string,
    options: BullMqJobDispatcherOptions = {},
  ) {
    this.queue = new Queue<OutboxJobData>(queueName, { connection, prefix });
    // Connection errors reach the caller through failed dispatches; without a listener an
    // 'error' event would crash the process.
    this.queue.on('error', () => undefined);
    this.attempts = options.attempts ?? 5;
    this.backoffMs = options.backoffMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  async dispatch(events: readonly OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const jobs = events.map((event) => ({
      name: event.message.type,
      data: toJobData(event),
      opts: {
        jobId: event.id,
        attempts: this.attempts,
        backoff: { type: 'exponential', delay: this.backoffMs },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    }));
    await withTimeout(
      this.queue.addBulk(jobs),
      this.timeoutMs,
      `Redis did not take the jobs within ${this.timeoutMs} ms`,
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
