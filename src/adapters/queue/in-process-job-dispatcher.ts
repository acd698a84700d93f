import { AsyncResource } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { OutboxEvent } from '../../application/ports/outbox.js';
import { backoffDelay, type JobDispatcher, type OutboxEventProcessor } from './job-dispatcher.js';
import { isPermanentFailure } from './permanent-job-error.js';

export interface InProcessJobDispatcherOptions {
  /** Attempts per event, the first included (default 5). */
  readonly attempts?: number;
  /** The wait after the first failure; it doubles after each further one (default 1000 ms). */
  readonly backoffMs?: number;
}

/**
 * Runs the handlers in this process, in the background: `dispatch` returns at once. Each event is
 * tried up to `attempts` times with exponential backoff; a permanent failure is not retried.
 * For the embedded mode without Redis: events dispatched here but not yet processed are lost if
 * the process dies (the relay has already marked them dispatched).
 */
export class InProcessJobDispatcher implements JobDispatcher {
  private readonly attempts: number;
  private readonly backoffMs: number;
  /** The events being processed (or waiting for a retry), by id. */
  private readonly running = new Map<string, Promise<void>>();
  /** Backoff waits in progress; `close` ends them early. */
  private readonly waits = new Set<() => void>();
  private closed = false;
  /**
   * The async context the dispatcher was made in (the composition root's). Jobs run in it rather
   * than in the caller's: the relay dispatches from inside its unit of work, and a job must not
   * inherit that transaction (AsyncLocalStorage would hand it on to every repository call).
   */
  private readonly rootContext = new AsyncResource('HotSoxInProcessJob');

  constructor(
    private readonly processor: OutboxEventProcessor,
    private readonly logger: Logger,
    options: InProcessJobDispatcherOptions = {},
  ) {
    this.attempts = Math.max(1, options.attempts ?? 5);
    this.backoffMs = options.backoffMs ?? 1000;
  }

  /** An event already running here is not started a second time. @throws {Error} after `close` */
  async dispatch(events: readonly OutboxEvent[]): Promise<void> {
    if (this.closed) throw new Error('The in-process job dispatcher is closed.');
    for (const event of events) {
      if (this.running.has(event.id)) continue;
      const run = this.rootContext
        .runInAsyncScope(() => this.run(event))
        .finally(() => this.running.delete(event.id));
      this.running.set(event.id, run);
    }
  }

  /** Resolves when every dispatched event has finished, retries included. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  /**
   * Lets running handler calls finish but skips the retries still waiting: those events are given
   * up (a self-mail is marked failed), since nothing would pick them up after the process ends.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of [...this.waits]) wake();
    await this.drain();
  }

  /** Never rejects: nobody awaits it but `drain`. */
  private async run(event: OutboxEvent): Promise<void> {
    const context = { eventId: event.id, type: event.message.type };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.processor.handle(event);
        return;
      } catch (error) {
        if (isPermanentFailure(error) || attempt >= this.attempts) {
          this.logger.error({ ...context, attempt, err: error }, 'outbox job failed for good');
          return this.giveUp(event);
        }
        const delayMs = backoffDelay(attempt, this.backoffMs);
        this.logger.warn({ ...context, attempt, delayMs, err: error }, 'outbox job failed, will retry');
        if (!(await this.wait(delayMs))) {
          this.logger.warn({ ...context, attempt }, 'outbox job abandoned at shutdown');
          return this.giveUp(event);
        }
      }
    }
  }

  private async giveUp(event: OutboxEvent): Promise<void> {
    try {
      await this.processor.giveUp(event);
    } catch (error) {
      this.logger.error({ eventId: event.id, err: error }, 'recording a failed outbox job failed');
    }
  }

  /** Resolves true after `ms`, or false at once if the dispatcher is (or gets) closed. */
  private wait(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.waits.delete(wake);
        resolve(true);
      }, ms);
      this.waits.add(wake);
    });
  }
}
