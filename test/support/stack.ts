import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createOrm } from '../../src/adapters/persistence/mikro-orm.config.js';
import { ROOT } from './build.js';

/**
 * Running `npm run stack` (`node dist/scripts/stack/stack.js`) from the end to end tests: the
 * process and its prefixed output, free ports, and a Redis database and PostgreSQL database of
 * its own, cleaned up afterwards. Build dist/ first (test/support/build.ts's buildIfStale).
 */
export const STACK_JS = join(ROOT, 'dist', 'scripts', 'stack', 'stack.js');
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface StackProcess {
  readonly process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Everything the stack and its processes printed so far. */
  output(): string;
  /** Waits for the `ready: <origin>` line; throws (with the output) on an exit or after `timeoutMs`. */
  ready(timeoutMs: number): Promise<string>;
  /** SIGTERM when still running (SIGKILL after 30 s); resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns the stack with `env` on top of this process's environment and `args` (e.g. `--scale`). */
export function launchStack(env: NodeJS.ProcessEnv, args: readonly string[] = []): StackProcess {
  const child = spawn(process.execPath, [STACK_JS, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    process: child,
    exited,
    output: () => output,
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ready = /\| ready: (http:\/\/\S+)/.exec(output)?.[1];
        if (ready) return ready;
        if (!running()) throw new Error(`the stack exited with ${child.exitCode}:\n${output}`);
        if (Date.now() > deadline)
          throw new Error(`the stack was not ready within ${timeoutMs} ms:\n${output}`);
        await sleep(100);
      }
    },
    async stop() {
      if (running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        const code = await exited;
        clearTimeout(timer);
        return code;
      }
      return exited;
    },
  };
}

export function isFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The first of `count` consecutive free ports (in 20000-59999), none of them in `avoid`. */
export async function freePortRun(count: number, avoid: readonly number[]): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const run = Array.from({ length: count }, (_, i) => base + i);
    if (run.some((port) => avoid.includes(port))) continue;
    if ((await Promise.all(run.map(isFree))).every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

/**
 * A Redis database number (1-15) empty on both servers, so this stack's queues, sessions and
 * throttling meet no other test's (the others use database 0 and their own key prefixes).
 */
export async function unusedRedisDatabase(): Promise<number> {
  const candidates = Array.from({ length: 15 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  for (const db of candidates) {
    const sizes = await Promise.all(
      [6379, 6380].map(async (port) => {
        const redis = new Redis({ host: '127.0.0.1', port, db, lazyConnect: true, maxRetriesPerRequest: 1 });
        try {
          await redis.connect();
          return await redis.dbsize();
        } finally {
          redis.disconnect();
        }
      }),
    );
    if (sizes.every((size) => size === 0)) return db;
  }
  throw new Error('no empty Redis database (1-15) on 6379 and 6380');
}

export async function flushRedisDatabase(db: number): Promise<void> {
  for (const port of [6379, 6380]) {
    const redis = new Redis({ host: '127.0.0.1', port, db, lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      await redis.flushdb();
    } catch (error) {
      console.warn(`could not flush Redis ${port}/${db}: ${String(error)}`);
    } finally {
      redis.disconnect();
    }
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const orm = await createOrm({ clientUrl: ADMIN_URL, pool: { min: 0, max: 1 } });
  try {
    await orm.em.fork().getConnection().execute(`drop database if exists "${name}" with (force)`);
  } finally {
    await orm.close(true);
  }
}
