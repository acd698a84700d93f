import pino from 'pino';
import type { BenchRepositories } from './bench-repositories.js';
import type { Orm } from '../../../src/adapters/persistence/mikro-orm.config.js';
import { InProcessJobDispatcher } from '../../../src/adapters/queue/in-process-job-dispatcher.js';
import { OutboxEventHandler } from '../../../src/adapters/queue/outbox-event-handler.js';
import { OutboxRelay } from '../../../src/adapters/queue/outbox-relay.js';
import { BuildDeck } from '../../../src/application/decks/build-deck.js';
import { PlaceSockInDecks } from '../../../src/application/decks/place-sock-in-decks.js';
import type { Clock } from '../../../src/application/ports/clock.js';
import type { PictureStore } from '../../../src/application/ports/picture-store.js';
import { execute } from './database.js';

/** The deck work of one process, as an app without Redis runs it: relay → in-process handlers. */
export interface DeckWorker {
  readonly buildDeck: BuildDeck;
  readonly placeSockInDecks: PlaceSockInDecks;
  /** Asks the relay for a pass now, as an app does after a request that may have added events. */
  nudge(): void;
  /** Resolves when no outbox event is pending and every dispatched one has been handled. */
  idle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts an `OutboxRelay` (default 500 ms polling, nudged after each change) feeding an
 * `InProcessJobDispatcher` that runs the real `OutboxEventHandler`, whose deck jobs are
 * `BuildDeck` and `PlaceSockInDecks` over `r` (the same `CandidatePool` instance throughout,
 * as one worker process keeps one). E-mail and self-mail jobs never occur in the bench and fail.
 */
export function startDeckWorker(
  orm: Orm,
  r: BenchRepositories,
  clock: Clock,
  pictureStore: PictureStore,
): DeckWorker {
  const logger = pino({ level: process.env['BENCH_LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
  const buildDeck = new BuildDeck(r.socks, r.swipes, r.matches, r.candidatePool, r.decks, r.uow, clock);
  const placeSockInDecks = new PlaceSockInDecks(r.socks, r.pictures, r.candidatePool, r.decks, r.uow);
  const unexpected = async (): Promise<void> => {
    throw new Error('the bench sends no e-mails');
  };
  const handler = new OutboxEventHandler(
    {
      mails: {
        sendEmail: { execute: unexpected },
        deliverSelfMail: { execute: unexpected },
        markSelfMailFailed: { execute: unexpected },
      },
      decks: { buildDeck, placeSockInDecks },
    },
    pictureStore,
    { publicUrl: 'http://127.0.0.1' },
    { publish: unexpected },
  );
  const dispatcher = new InProcessJobDispatcher(handler, logger, { backoffMs: 200 });
  const relay = new OutboxRelay(r.outboxStore, r.uow, dispatcher, logger);
  relay.start();
  return {
    buildDeck,
    placeSockInDecks,
    nudge: () => relay.nudge(),
    idle: async (timeoutMs = 600_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        relay.nudge();
        await dispatcher.drain();
        const [{ pending }] = (await execute(
          orm,
          'select count(*)::int as pending from outbox_events where dispatched_at is null',
        )) as [{ pending: number }];
        if (pending === 0) {
          await dispatcher.drain();
          return;
        }
        if (Date.now() > deadline) throw new Error(`the deck worker is not idle after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: async () => {
      await relay.stop();
      await dispatcher.close();
    },
  };
}
