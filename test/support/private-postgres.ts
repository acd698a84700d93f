import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's PostgreSQL 15 keeps its server programs (`PG_BIN` overrides it). */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** initdb and postgres refuse to run as root: as root, the cluster belongs to this OS user. */
const OS_USER = 'postgres';

/**
 * A PostgreSQL server of a test's own, in a temporary directory, that the test may stop and start
 * (the machine's server at 5432 is shared by every test and must never be). Trust auth, loopback
 * only, no fsync: throwaway data. The port stays the same across restarts, so the processes
 * under test keep their `DATABASE_URL`.
 */
export interface PrivatePostgres {
  readonly port: number;
  /** The data and socket directory (removed by `dispose`). */
  readonly dir: string;
  /** `postgres://postgres@127.0.0.1:<port>/<database>`; the database `postgres` exists from the start. */
  url(database?: string): string;
  running(): boolean;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** Fast shutdown: open sessions are ended (57P01 admin_shutdown), then the server exits. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** The server's log so far, for failure messages. */
  log(): string;
  /** Stops the server (immediately) if it runs and removes its directory. Idempotent. */
  dispose(): Promise<void>;
}

/** Creates a cluster on a free loopback port and starts it (about 1 s). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'hotsox-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  if (asRoot) chownSync(dir, osUserId('-u'), osUserId('-g'));
  // As root, every server program runs as the postgres OS user; otherwise as the current user.
  const pg = (program: string, args: readonly string[]) =>
    asRoot
      ? run('runuser', ['-u', OS_USER, '--', join(PG_BIN, program), ...args])
      : run(join(PG_BIN, program), [...args]);
  const ctl = (...args: string[]) => pg('pg_ctl', ['-D', data, '-l', logFile, ...args]);

  let port = 0;
  let up = false;
  let disposed = false;
  const emergencyStop = () => {
    // The test process is exiting without dispose (a crash): leave no server behind.
    if (!up) return;
    try {
      const args = ['-D', data, '-m', 'immediate', 'stop'];
      if (asRoot) execFileSync('runuser', ['-u', OS_USER, '--', join(PG_BIN, 'pg_ctl'), ...args]);
      else execFileSync(join(PG_BIN, 'pg_ctl'), args);
    } catch {
      // already gone
    }
  };
  process.once('exit', emergencyStop);

  const server: PrivatePostgres = {
    get port() {
      return port;
    },
    dir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    running: () => up,
    async start() {
      if (up) return;
      await ctl('-w', '-t', '30', 'start');
      up = true;
    },
    async stop() {
      if (!up) return;
      await ctl('-m', 'fast', '-w', '-t', '30', 'stop');
      up = false;
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        if (up) await ctl('-m', 'immediate', '-w', '-t', '30', 'stop');
        up = false;
      } finally {
        process.removeListener('exit', emergencyStop);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };

  try {
    await pg('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    // Another process may take a port between the probe and the server's bind: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      appendFileSync(
        join(data, 'postgresql.conf'),
        [
          '',
          `port = ${port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          'max_connections = 50',
          '',
        ].join('\n'),
      );
      try {
        await server.start();
        break;
      } catch (error) {
        if (attempt >= 3) {
          throw new Error(`PostgreSQL did not start: ${String(error)}\n${server.log()}`, { cause: error });
        }
      }
    }
    return server;
  } catch (error) {
    await server.dispose();
    throw error;
  }
}

function osUserId(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8' }).trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
