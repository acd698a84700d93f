import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMikroOrmRepositories } from '../../../src/adapters/persistence/mikro-orm-repositories.js';
import { startSmtpSink, type SmtpSink } from '../../../src/adapters/queue/testing/smtp-sink.js';
import type { OutboxMessage } from '../../../src/application/ports/outbox.js';
import { buildIfStale } from '../../support/build.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/postgres-harness.js';
import { FAULTS_JWT_SECRET } from './people.js';
import {
  freePort,
  startDeployable,
  waitUntilReady,
  type Deployable,
  type DeployableProcess,
} from './processes.js';
import { startTestRedis, type TestRedis } from './redis-server.js';

/**
 * One app's side of HotSox for a fault test: its database, its own Redis (AOF on), an SMTP sink,
 * and its deployables as real processes from dist/, started and restarted by the test.
 */
export interface FaultStack {
  readonly database: MigratedDatabase;
  readonly redis: TestRedis;
  readonly sink: SmtpSink;
  readonly env: NodeJS.ProcessEnv;
  /** Starts `name` (again) on a free port and waits until its /readyz answers 200. */
  start(name: Deployable): Promise<{ process: DeployableProcess; port: number }>;
  /** Commits outbox events of the web app, as a use case would (the web relay hears NOTIFY). */
  addEvents(messages: readonly OutboxMessage[]): Promise<void>;
  /** Stops every process still running, then the services. */
  dispose(): Promise<void>;
}

export async function startFaultStack(): Promise<FaultStack> {
  buildIfStale();
  const [database, redis, sink] = await Promise.all([
    createMigratedDatabase(),
    startTestRedis(),
    startSmtpSink(),
  ]);
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.db.url,
    REDIS_URL: redis.url,
    CHAT_REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    JWT_SECRET: FAULTS_JWT_SECRET,
    SESSION_SECRET: 'fault tests session secret, 32+ characters!',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-faults-data-')),
    MEDIA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-faults-media-')),
  };
  const running: DeployableProcess[] = [];
  return {
    database,
    redis,
    sink,
    env,
    async start(name) {
      const port = await freePort();
      const portVariable = name.endsWith('worker') ? 'HEALTH_PORT' : 'PORT';
      const process = startDeployable(name, { ...env, [portVariable]: String(port) });
      running.push(process);
      await waitUntilReady(process, `http://127.0.0.1:${port}/readyz`);
      return { process, port };
    },
    async addEvents(messages) {
      const r = createMikroOrmRepositories(database.orm, {
        ids: { next: () => randomUUID() },
        clock: { now: () => new Date() },
      });
      await r.uow.run(async () => {
        for (const message of messages) await r.outbox.add(message);
      });
    },
    async dispose() {
      await Promise.all(running.map((p) => p.stop('SIGKILL')));
      await Promise.all([redis.dispose(), sink.close()]);
      await database.dispose();
    },
  };
}

/** A welcome email to `name@example.com`, as an outbox message. */
export function welcomeEmail(name: string): OutboxMessage {
  return {
    type: 'email.send',
    to: { email: `${name}@example.com`, username: name },
    template: 'welcome',
    data: {},
  };
}
