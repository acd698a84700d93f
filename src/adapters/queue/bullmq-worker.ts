import { Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { OutboxEvent } from '../../application/ports/outbox.js';
import type { OutboxEventProcessor } from './job-dispatcher.js';
import { fromJobData, type OutboxJobData } from './outbox-job-data.js';
import { isPermanentFailure } from './permanent-job-error.js';

export interface BullMqWorkerOptions {
  /**
   * Jobs processed at the same time (default 8). Most jobs wait on SMTP, PostgreSQL or Redis;
   * the original's Celery workers ran 2, which left a worker idle while emails were in flight.
   */
  readonly concurrency?: number;
  /**
   * How long a job stays locked to its worker without a renewal (default 15 s; renewed every
   * half of it). A worker killed mid-job leaves its job locked this long; then another worker
   * (or the restarted one) takes it again, within `stalledIntervalMs` more.
   */
  readonly lockDurationMs?: number;
  /** How often a worker looks for such stalled jobs (default 5 s). */
  readonly stalledIntervalMs?: number;
}

/** At most one log line per this many ms for repeated connection errors (Redis down). */
const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * Processes the jobs of `BullMqJobDispatcher` with an `OutboxEventProcessor`. A permanent failure
 * (`DomainError`, `PermanentJobError`, a job whose data is not an outbox event) becomes BullMQ's
 * `UnrecoverableError`: no retry. Anything else is retried with the job's backoff; when the last
 * attempt fails, or on a permanent failure, the processor's `giveUp` runs once (a self-mail is marked
 * failed) before the job moves to the failed set.
 *
 * `connection` must allow blocking commands to wait through a reconnect: plain options or an
 * IORedis instance with `maxRetriesPerRequest: null` (BullMQ refuses anything else).
 */
export class BullMqWorker {
  private readonly worker: Worker<OutboxJobData>;
  private readonly queue: Queue<OutboxJobData>;
  private lastErrorLogAt = -Infinity;
  private suppressedErrors = 0;

  constructor(
    connection: ConnectionOptions,
    queueName: string,
    prefix: string,
    private readonly processor: OutboxEventProcessor,
    private readonly logger: Logger,
    options: BullMqWorkerOptions = {},
  ) {
    this.worker = new Worker<OutboxJobData>(queueName, (job) => this.process(job), {
      connection,
      prefix,
      concurrency: options.concurrency ?? 8,
      lockDuration: options.lockDurationMs ?? 15_000,
      stalledInterval: options.stalledIntervalMs ?? 5_000,
      // A job may stall twice (its worker killed twice) before it fails; the email log keeps the
      // emails of a job run again from going out twice.
      maxStalledCount: 2,
      autorun: false,
    });
    this.queue = new Queue<OutboxJobData>(queueName, { connection, prefix });
    this.worker.on('error', (error) => this.logConnectionError('worker', error));
    this.queue.on('error', (error) => this.logConnectionError('queue', error));
  }

  /** Starts taking jobs; returns at once. */
  start(): void {
    this.worker
      .run()
      .catch((error: unknown) => this.logger.error({ err: error }, 'the BullMQ worker stopped'));
  }

  /** Waits until the worker is connected (useful before reporting ready). */
  async waitUntilReady(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** Jobs waiting to be processed (waiting, prioritized and delayed for a retry), for metrics. */
  async queueDepth(): Promise<number> {
    return this.queue.getJobCountByTypes('waiting', 'prioritized', 'delayed');
  }

  /** Takes no new job, waits for the running ones to finish, then disconnects. */
  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }

  private async process(job: Job<OutboxJobData>): Promise<void> {
    let event: OutboxEvent;
    try {
      event = fromJobData(job.data);
    } catch (error) {
      this.logger.error({ jobId: job.id, err: error }, 'outbox job refused: not an outbox event');
      throw new UnrecoverableError(messageOf(error));
    }
    try {
      await this.processor.handle(event);
    } catch (error) {
      await this.failed(job, event, error);
    }
  }

  /** Always throws: tells BullMQ whether to retry. */
  private async failed(job: Job<OutboxJobData>, event: OutboxEvent, error: unknown): Promise<never> {
    const permanent = isPermanentFailure(error);
    const attempt = job.attemptsMade + 1; // attemptsMade counts the failures before this attempt
    const context = { eventId: event.id, type: event.message.type, attempt, err: error };
    if (permanent || attempt >= (job.opts.attempts ?? 1)) {
      this.logger.error(context, 'outbox job failed for good');
      try {
        await this.processor.giveUp(event);
      } catch (giveUpError) {
        this.logger.error({ eventId: event.id, err: giveUpError }, 'recording a failed outbox job failed');
      }
    } else {
      this.logger.warn(context, 'outbox job failed, will retry');
    }
    if (permanent) throw new UnrecoverableError(messageOf(error));
    throw error instanceof Error ? error : new Error(messageOf(error));
  }

  private logConnectionError(source: 'worker' | 'queue', error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLogAt < ERROR_LOG_INTERVAL_MS) {
      this.suppressedErrors += 1;
      return;
    }
    this.logger.error({ source, err: error, suppressed: this.suppressedErrors }, 'BullMQ connection error');
    this.lastErrorLogAt = now;
    this.suppressedErrors = 0;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
