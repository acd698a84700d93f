import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { transformFileSync } from '@swc/core';
import { connectOrStartEmbedded, SERVER_FILE } from './embedded-postgres.js';
import { createOrm, type Orm } from './mikro-orm.config.js';
import { MIGRATIONS } from './migrations/index.js';
import { migrateUp, pendingMigrations } from './schema-migrations.js';

jest.setTimeout(180_000);

/**
 * PGlite's WebAssembly loader uses dynamic `import()`, which Jest's workers refuse without
 * --experimental-vm-modules; so the servers run in child processes (as in real use: `npm start`
 * serves, `npm run seed` connects), from this module compiled on the fly.
 */
interface Served {
  readonly url: string;
  readonly port: number;
  readonly shared: boolean;
  readonly ownerPid: number;
}

interface Child {
  readonly process: ChildProcess;
  readonly served: Served;
  /** SIGTERM: the child stops its server (if it runs one) and exits. */
  stop(): Promise<void>;
}

const RUNNER = `
const { startEmbeddedPostgres, connectOrStartEmbedded } = require(process.argv[2]);
const open = process.argv[4] === 'start' ? startEmbeddedPostgres : connectOrStartEmbedded;
open({ dataDir: process.argv[3] }).then(
  (pg) => {
    process.stdout.write(JSON.stringify({ url: pg.url, port: pg.port, shared: pg.shared, ownerPid: pg.ownerPid }) + '\\n');
    process.on('SIGTERM', () => pg.stop().then(() => process.exit(0)));
  },
  (error) => { process.stdout.write(JSON.stringify({ error: error.name + ': ' + error.message }) + '\\n'); process.exit(1); },
);
`;

describe('embedded PostgreSQL (PGlite behind pglite-socket)', () => {
  let work: string;
  let dataDir: string;
  let moduleFile: string;
  let runnerFile: string;
  const children: Child[] = [];
  const orms: Orm[] = [];
  const noteFile = () => join(dataDir, SERVER_FILE);

  const run = (mode: 'start' | 'connect'): Promise<Child> =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, [runnerFile, moduleFile, dataDir, mode], {
        env: { ...process.env, NODE_PATH: resolve('node_modules') },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<void>((ended) => child.once('exit', () => ended()));
      createInterface({ input: child.stdout }).once('line', (line) => {
        const answer = JSON.parse(line) as Served & { error?: string };
        if (answer.error) return fail(new Error(answer.error));
        const handle: Child = {
          process: child,
          served: answer,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        };
        children.push(handle);
        done(handle);
      });
      child.once('error', fail);
    });

  const connect = async (url: string) => {
    const orm = await createOrm({ clientUrl: url, pool: { min: 0, max: 3 } });
    orms.push(orm);
    return orm;
  };
  const closeOrms = async () => {
    for (const orm of orms.splice(0)) await orm.close(true);
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hotsox-embedded-'));
    dataDir = join(work, 'data');
    moduleFile = join(work, 'embedded-postgres.cjs');
    runnerFile = join(work, 'runner.cjs');
    const { code } = transformFileSync(join(__dirname, 'embedded-postgres.ts'), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    await writeFile(moduleFile, code);
    await writeFile(runnerFile, RUNNER);
  });

  afterAll(async () => {
    await closeOrms();
    for (const child of children) await child.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('serves a migrated database to two clients at once, and notes its pid and port while serving', async () => {
    const owner = await run('start');
    expect(owner.served).toMatchObject({ shared: false, ownerPid: owner.process.pid });
    expect(JSON.parse(await readFile(noteFile(), 'utf8'))).toEqual({
      pid: owner.process.pid,
      port: owner.served.port,
    });
    const first = await connect(owner.served.url);
    expect(await migrateUp(first)).toEqual(MIGRATIONS.map((m) => m.name));
    const second = await connect(owner.served.url);
    const [a, b] = await Promise.all([
      first.em.fork().getConnection().execute('select count(*)::int as n from mikro_orm_migrations'),
      second.em.fork().getConnection().execute('select count(*)::int as n from users'),
    ]);
    expect([a, b]).toEqual([[{ n: MIGRATIONS.length }], [{ n: 0 }]]);
  });

  it('refuses a second server on the same data directory', async () => {
    await expect(run('start')).rejects.toThrow(/EmbeddedPostgresBusyError: .* in use by process/);
  });

  it('lets other processes reuse the running server through the note, and read what they wrote', async () => {
    const [owner] = children;
    const here = await connectOrStartEmbedded({ dataDir });
    expect(here).toMatchObject({ shared: true, port: owner!.served.port, ownerPid: owner!.process.pid });
    const other = await run('connect');
    expect(other.served).toMatchObject({ shared: true, port: owner!.served.port });

    const orm = await connect(here.url);
    await orm.em
      .fork()
      .getConnection()
      .execute(`insert into mikro_orm_migrations (name) values ('by-a-client')`);
    await here.stop(); // a client's stop leaves the server running
    await other.stop();
    const reader = await connect(other.served.url);
    const rows: Array<{ name: string }> = await reader.em
      .fork()
      .getConnection()
      .execute('select name from mikro_orm_migrations');
    expect(rows.map((r) => r.name)).toContain('by-a-client');
  });

  it('removes its note on stop; a note of a dead process is stale; the data persists', async () => {
    await closeOrms();
    await children[0]!.stop();
    expect(existsSync(noteFile())).toBe(false);

    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(noteFile(), JSON.stringify({ pid: gone, port: 9 }));
    const owner = await run('connect');
    expect(owner.served).toMatchObject({ shared: false, ownerPid: owner.process.pid });
    const orm = await connect(owner.served.url);
    expect(await pendingMigrations(orm)).toEqual([]);
    const rows: Array<{ name: string }> = await orm.em
      .fork()
      .getConnection()
      .execute('select name from mikro_orm_migrations');
    expect(rows.map((r) => r.name)).toContain('by-a-client');
  });
});
