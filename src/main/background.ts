import { BullMqJobDispatcher } from '../adapters/queue/bullmq-job-dispatcher.js';
import { BullMqWorker } from '../adapters/queue/bullmq-worker.js';
import { InProcessJobDispatcher } from '../adapters/queue/in-process-job-dispatcher.js';
import type { JobDispatcher } from '../adapters/queue/job-dispatcher.js';
import { OutboxEventHandler } from '../adapters/queue/outbox-event-handler.js';
import { OutboxRelay } from '../adapters/queue/outbox-relay.js';
import { OutboxListener } from '../adapters/persistence/outbox-listener.js';
import { ports } from './container/ports.js';
import { resolve, TOKENS } from './tokens.js';
import type { Runtime } from './runtime.js';

export type App = 'web' | 'api';

/** Each app's jobs live in its own Redis under its own prefix; its worker reads exactly those. */
export const JOB_QUEUE = 'hotsox-jobs';
export const jobPrefix = (app: App) => `hotsox-${app}`;

/** What carries out outbox events: emails, self-mails, picture files and deck maintenance. */
export function outboxEventHandler(runtime: Runtime): OutboxEventHandler {
  const p = ports(runtime.container);
  return new OutboxEventHandler(
    runtime.app,
    p.pictureStore,
    { publicUrl: runtime.config.publicUrl },
    runtime.chatBus,
  );
}

/**
 * The relay's safety poll. It wakes on the after-commit nudge of its own requests and, on
 * PostgreSQL, on the NOTIFY of any process's committed events (workers, other instances, the
 * CLI), so polling only covers a lost signal. The embedded database has no listener.
 */
export const RELAY_SAFETY_POLL_MS = { listening: 30_000, embedded: 2_000 } as const;

/**
 * Starts the relay that moves this app's committed outbox events on: to the app's BullMQ queue
 * when REDIS_URL is set (its worker does the work), else to handlers in this very process.
 * Returns `nudge`, to be called after a request changed something, so effects start at once.
 */
export function startOutboxRelay(runtime: Runtime, app: App): { nudge(): void; passes(): number } {
  const dispatcher: JobDispatcher = runtime.config.redisUrl
    ? new BullMqJobDispatcher(
        { url: runtime.config.redisUrl, enableOfflineQueue: false },
        JOB_QUEUE,
        jobPrefix(app),
      )
    : new InProcessJobDispatcher(outboxEventHandler(runtime), runtime.logger);
  const p = ports(runtime.container);
  const databaseUrl = runtime.config.databaseUrl;
  const relay = new OutboxRelay(
    resolve(runtime.container, TOKENS.pendingOutbox),
    p.uow,
    dispatcher,
    runtime.logger,
    {
      intervalMs: databaseUrl ? RELAY_SAFETY_POLL_MS.listening : RELAY_SAFETY_POLL_MS.embedded,
    },
  );
  relay.start();
  if (databaseUrl) {
    const listener = new OutboxListener(databaseUrl, app, () => relay.nudge(), runtime.logger);
    void listener.start();
    runtime.lifecycle.onStop('outbox listener', () => listener.stop());
  }
  runtime.lifecycle.onStop('job dispatcher', () => dispatcher.close());
  runtime.lifecycle.onStop('outbox relay', () => relay.stop());
  runtime.logger.info(
    { jobs: runtime.config.redisUrl ? `BullMQ queue ${jobPrefix(app)}:${JOB_QUEUE}` : 'in process' },
    'outbox relay started',
  );
  return { nudge: () => relay.nudge(), passes: () => relay.passes() };
}

/** Starts the BullMQ worker of one app's queue (the `web-worker` / `api-worker` deployables). */
export async function startJobWorker(runtime: Runtime, app: App): Promise<BullMqWorker> {
  const url = runtime.config.redisUrl;
  if (!url)
    throw new Error(
      `REDIS_URL is required for the ${app}-worker (without it, ${app} runs its jobs in process)`,
    );
  const worker = new BullMqWorker(
    { url, maxRetriesPerRequest: null },
    JOB_QUEUE,
    jobPrefix(app),
    outboxEventHandler(runtime),
    runtime.logger,
  );
  worker.start();
  await worker.waitUntilReady();
  runtime.lifecycle.onStop('job worker', () => worker.close());
  runtime.logger.info({ queue: `${jobPrefix(app)}:${JOB_QUEUE}` }, 'job worker started');
  return worker;
}
