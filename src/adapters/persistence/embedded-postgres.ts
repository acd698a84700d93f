import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Where the data directory keeps PGlite's files and the note of the process serving them. */
export const PGLITE_DIR = 'pglite';
export const SERVER_FILE = 'pglite.server.json';

/**
 * Connections the socket server accepts. Every process of one data directory connects through
 * the one server (each with its own pool), and the server refuses connections beyond this; the
 * default of pglite-socket (1) breaks any pool. Queries still run one at a time (see below).
 */
export const EMBEDDED_MAX_CONNECTIONS = 64;

/** Only problems are logged (stale server notes); the caller says which database it uses. */
export interface EmbeddedPostgresLogger {
  warn(message: string): void;
}

export interface EmbeddedPostgresOptions {
  /** The data directory (`DATA_DIR`); the database lives in `<dataDir>/pglite`. */
  readonly dataDir: string;
  readonly logger?: EmbeddedPostgresLogger;
}

export interface EmbeddedPostgres {
  /** A `postgres://` URL for the normal PostgreSQL driver (user and database `postgres`). */
  readonly url: string;
  readonly port: number;
  /** True when another process serves the database and this one only connects to it. */
  readonly shared: boolean;
  /** The pid of the process that serves the database (this one unless `shared`). */
  readonly ownerPid: number;
  /** Stops the server this process runs; for a shared server it does nothing. Idempotent. */
  stop(): Promise<void>;
}

/** The content of `<dataDir>/pglite.server.json`; `port` is null while the server starts. */
interface ServerNote {
  readonly pid: number;
  readonly port: number | null;
}

/** Another live process holds the data directory: connect to it instead (`connectOrStartEmbedded`). */
export class EmbeddedPostgresBusyError extends Error {
  override readonly name = 'EmbeddedPostgresBusyError';

  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The embedded database in ${dataDir} is in use by process ${pid}.`);
  }
}

/**
 * Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) keeping its files in
 * `<dataDir>/pglite`, served over TCP on 127.0.0.1 and a free port by pglite-socket, so that
 * the ordinary PostgreSQL driver (and `psql`) can use it.
 *
 * **Single writer.** PGlite is one PostgreSQL backend inside this process: only one process may
 * ever open the data directory, and it executes one query at a time. While a transaction is
 * open, the server serves only the connection that opened it, so long transactions of one
 * client make every other client wait. To let a second process (`npm run seed` while
 * `npm start` runs) use the same database, the serving process writes `pglite.server.json`
 * (`{pid, port}`) into the data directory, created exclusively before PGlite opens (a lock) and
 * deleted on `stop` or exit; other processes use `connectOrStartEmbedded`, which connects to
 * that server. When the serving process ends, its clients lose their connections.
 *
 * @throws {EmbeddedPostgresBusyError} when another live process serves this data directory
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const noteFile = join(options.dataDir, SERVER_FILE);
  await mkdir(options.dataDir, { recursive: true });
  await claim(noteFile, options.dataDir);
  const removeNoteOnExit = () => removeNoteIfOursSync(noteFile);
  process.once('exit', removeNoteOnExit);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = await PGlite.create({ dataDir: join(options.dataDir, PGLITE_DIR) });
    server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: 0,
      maxConnections: EMBEDDED_MAX_CONNECTIONS,
    });
    await server.start();
    const port = portOf(server.getServerConn());
    await writeNote(noteFile, { pid: process.pid, port });
    const [ownDb, ownServer] = [db, server];
    let stopping: Promise<void> | undefined;
    return {
      url: urlOf(port),
      port,
      shared: false,
      ownerPid: process.pid,
      stop: () =>
        (stopping ??= (async () => {
          try {
            await ownServer.stop();
            await ownDb.close();
          } finally {
            process.removeListener('exit', removeNoteOnExit);
            removeNoteIfOursSync(noteFile);
          }
        })()),
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    process.removeListener('exit', removeNoteOnExit);
    removeNoteIfOursSync(noteFile);
    throw error;
  }
}

/**
 * The embedded database of `dataDir`: the server another live process already runs for it (see
 * `startEmbeddedPostgres`), or else a new one in this process. A note left by a process that no
 * longer runs, or whose port no longer answers, is removed as stale. `waitMs` bounds the wait
 * for a holder that is still starting (default 60 s: a first start runs initdb).
 */
export async function connectOrStartEmbedded(
  options: EmbeddedPostgresOptions & { readonly waitMs?: number },
): Promise<EmbeddedPostgres> {
  const noteFile = join(options.dataDir, SERVER_FILE);
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  let silentSince: number | null = null;
  for (;;) {
    const note = await readNote(noteFile);
    if (note === 'missing') {
      try {
        return await startEmbeddedPostgres(options);
      } catch (error) {
        if (!(error instanceof EmbeddedPostgresBusyError)) throw error;
        // Another process claimed the directory first: connect to it once it serves.
      }
    } else if (note === 'unreadable' || !holdsLock(noteFile, note.pid)) {
      options.logger?.warn(`removing the stale ${noteFile}`);
      await removeIfUnchanged(noteFile, note);
      continue;
    } else if (note.port !== null) {
      if (await answers(note.port)) {
        return {
          url: urlOf(note.port),
          port: note.port,
          shared: true,
          ownerPid: note.pid,
          stop: async () => undefined,
        };
      }
      // A live process whose port stays silent is stopping, or its pid now belongs to another program.
      silentSince ??= Date.now();
      if (Date.now() - silentSince > SILENT_PORT_MS) {
        options.logger?.warn(
          `removing ${noteFile}: process ${note.pid} does not answer on port ${note.port}`,
        );
        await removeIfUnchanged(noteFile, note);
        silentSince = null;
        continue;
      }
    }
    if (Date.now() > deadline) {
      const holder = typeof note === 'object' ? `process ${note.pid}` : 'another process';
      throw new Error(
        `The embedded database in ${options.dataDir} is held by ${holder}, which does not serve it; stop it or remove ${noteFile}.`,
      );
    }
    await sleep(200); // the holder is still starting
  }
}

/** How long a live holder's port may refuse connections before its note counts as stale. */
const SILENT_PORT_MS = 3000;

/** The note files this process holds (or is claiming): a note naming this pid but not here is stale. */
const heldHere = new Set<string>();

function holdsLock(noteFile: string, pid: number): boolean {
  return pid === process.pid ? heldHere.has(resolve(noteFile)) : isAlive(pid);
}

/**
 * Creates the note exclusively (the lock): `link` fails when the file exists, and never exposes
 * a half-written file. A note whose process is gone is removed as stale.
 * @throws {EmbeddedPostgresBusyError}
 */
async function claim(noteFile: string, dataDir: string): Promise<void> {
  const temporary = `${noteFile}.${process.pid}.claim.tmp`;
  await writeFile(temporary, JSON.stringify({ pid: process.pid, port: null } satisfies ServerNote));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await createExclusively(temporary, noteFile);
        heldHere.add(resolve(noteFile));
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readNote(noteFile);
      if (typeof holder === 'object' && holdsLock(noteFile, holder.pid)) {
        throw new EmbeddedPostgresBusyError(dataDir, holder.pid);
      }
      if (holder !== 'missing') await removeIfUnchanged(noteFile, holder);
    }
    throw new Error(`Could not lock the embedded database in ${dataDir}: ${noteFile} keeps reappearing.`);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** `link`, or on file systems without hard links an exclusive create (EEXIST either way). */
async function createExclusively(temporary: string, noteFile: string): Promise<void> {
  try {
    await link(temporary, noteFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    await writeFile(noteFile, await readFile(temporary), { flag: 'wx' });
  }
}

async function writeNote(noteFile: string, note: ServerNote): Promise<void> {
  const temporary = `${noteFile}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(note));
  await rename(temporary, noteFile);
}

async function readNote(noteFile: string): Promise<ServerNote | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(noteFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  return parseNote(text) ?? 'unreadable';
}

function parseNote(text: string): ServerNote | null {
  try {
    const value = JSON.parse(text) as Partial<ServerNote>;
    if (!Number.isInteger(value.pid) || (value.port !== null && !Number.isInteger(value.port))) return null;
    return { pid: value.pid as number, port: value.port ?? null };
  } catch {
    return null;
  }
}

/**
 * Removes a stale note unless it changed since it was read (another process may have replaced
 * it meanwhile). A narrow race remains between the check and the removal; it needs two
 * processes finding the same stale note within microseconds.
 */
async function removeIfUnchanged(noteFile: string, seen: ServerNote | 'unreadable'): Promise<void> {
  const now = await readNote(noteFile);
  const same =
    seen === 'unreadable'
      ? now === 'unreadable'
      : typeof now === 'object' && now.pid === seen.pid && now.port === seen.port;
  if (same) await unlink(noteFile).catch(() => undefined);
}

/** Synchronous, so that it also runs from an `exit` handler. */
function removeNoteIfOursSync(noteFile: string): void {
  heldHere.delete(resolve(noteFile));
  try {
    const note = parseNote(readFileSync(noteFile, 'utf8'));
    if (note?.pid === process.pid) unlinkSync(noteFile);
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port within a second. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function portOf(serverConn: string): number {
  const port = Number(serverConn.slice(serverConn.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port <= 0)
    throw new Error(`Unexpected PGlite server address: ${serverConn}`);
  return port;
}

/** PGlite accepts any user and password; `postgres` is the only database. */
function urlOf(port: number): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
