import { AsyncResource } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { PendingOutbox } from '../../application/ports/outbox.js';
import type { UnitOfWork } from '../../application/ports/unit-of-work.js';
import type { JobDispatcher } from './job-dispatcher.js';

export interface OutboxRelayOptions {
  /**
   * The wait between passes when there is nothing to do (default 500 ms). With a wake-up signal
   * (the after-commit nudge, PostgreSQL's NOTIFY) this is only a slow safety poll.
   */
  readonly intervalMs?: number;
  /** The first wait after a failed pass, doubled per failure up to 10 s (default 500 ms). */
  readonly retryMs?: number;
  /** Events per pass (default 100). A full batch is followed by another pass at once. */
  readonly batchSize?: number;
}

/** The longest wait between passes while they keep failing. */
const MAX_FAILURE_DELAY_MS = 10_000;

/**
 * Moves committed outbox events to the job dispatcher. A pass is one unit of work: take pending
 * events (locked), dispatch them, mark them dispatched. If anything fails (Redis or the database
 * down), the unit rolls back and the events stay pending for a later pass: nothing is lost, and an
 * event dispatched twice (a crash between dispatch and commit) is de-duplicated by its id.
 *
 * `start` polls every `intervalMs`; `nudge` asks for a pass soon (call it after a request that
 * may have added events, or when PostgreSQL signals a committed event). While passes fail, they
 * are retried after `retryMs`, doubled each time up to 10 s. Passes never overlap within one process; several processes take
 * disjoint batches thanks to the locks. A failure is logged once per outage, and its recovery once.
 */
export class OutboxRelay {
  private readonly intervalMs: number;
  private readonly retryMs: number;
  private readonly batchSize: number;
  private started = false;
  private timer: NodeJS.Timeout | undefined;
  /** The chain of passes: each starts after the previous one ended. */
  private tail: Promise<unknown> = Promise.resolve();
  private inLoopPass = false;
  private nudgedDuringPass = false;
  private failedPasses = 0;
  private passCount = 0;
  /**
   * The async context the relay was made in. Timed passes start from it, not from whoever called
   * `nudge` (a request, maybe still inside its own context), so a pass never inherits a caller's
   * transaction or request state through AsyncLocalStorage.
   */
  private readonly rootContext = new AsyncResource('HotSoxOutboxRelay');

  constructor(
    private readonly pendingOutbox: PendingOutbox,
    private readonly uow: UnitOfWork,
    private readonly dispatcher: JobDispatcher,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 500;
    this.retryMs = options.retryMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Runs a pass soon. Ignored when stopped, and while passes are failing (they retry on a timer). */
  nudge(): void {
    if (!this.started || this.failedPasses > 0) return;
    if (this.inLoopPass) this.nudgedDuringPass = true;
    else this.schedule(0);
  }

  /** Stops polling; resolves once the running pass, if any, has finished. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.tail;
  }

  /**
   * One pass, after any running one; resolves with the number of events dispatched.
   * @throws what the pass threw (the events stay pending)
   */
  runOnce(): Promise<number> {
    const pass = this.tail.then(() => this.pass());
    this.tail = pass.catch(() => undefined);
    return pass;
  }

  /** Passes run since the start (each is one transaction), for operations and tests. */
  passes(): number {
    return this.passCount;
  }

  private pass(): Promise<number> {
    this.passCount += 1;
    return this.uow.run(async () => {
      const events = await this.pendingOutbox.takePending(this.batchSize);
      if (events.length === 0) return 0;
      await this.dispatcher.dispatch(events);
      await this.pendingOutbox.markDispatched(events.map((event) => event.id));
      return events.length;
    });
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = this.rootContext.runInAsyncScope(() => setTimeout(() => void this.loopPass(), delayMs));
    this.timer.unref(); // the relay alone does not keep a process alive
  }

  private async loopPass(): Promise<void> {
    this.timer = undefined;
    if (!this.started) return;
    if (this.inLoopPass) {
      this.nudgedDuringPass = true; // the running pass schedules the next one
      return;
    }
    this.inLoopPass = true;
    this.nudgedDuringPass = false;
    let nextDelayMs = this.intervalMs;
    try {
      const dispatched = await this.runOnce();
      this.succeeded(dispatched);
      if (dispatched >= this.batchSize || this.nudgedDuringPass) nextDelayMs = 0;
    } catch (error) {
      this.failed(error);
      nextDelayMs = Math.min(this.retryMs * 2 ** (this.failedPasses - 1), MAX_FAILURE_DELAY_MS);
    } finally {
      this.inLoopPass = false;
    }
    if (this.started) this.schedule(nextDelayMs);
  }

  private succeeded(dispatched: number): void {
    if (this.failedPasses > 0) {
      this.logger.info({ failedPasses: this.failedPasses }, 'outbox relay recovered: dispatching again');
      this.failedPasses = 0;
    }
    if (dispatched > 0) this.logger.debug({ dispatched }, 'outbox events dispatched');
  }

  private failed(error: unknown): void {
    this.failedPasses += 1;
    if (this.failedPasses === 1) {
      this.logger.error({ err: error }, 'outbox relay pass failed: events stay pending and are retried');
    } else {
      this.logger.debug({ err: error, failedPasses: this.failedPasses }, 'outbox relay pass failed again');
    }
  }
}
