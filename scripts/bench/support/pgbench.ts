import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** `scripts/bench/pgbench-swipe.sh`, from `dist/scripts/bench/support/` or `scripts/bench/support/`. */
export const PGBENCH_SWIPE_SCRIPT = resolve(
  __dirname,
  __dirname.includes('/dist/') ? '../../../../scripts/bench' : '..',
  'pgbench-swipe.sh',
);

export type PgbenchOutcome =
  | { readonly kind: 'ok'; readonly tps: number; readonly summary: string; readonly warnings: string[] }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly output: string };

/** Runs `pgbench-swipe.sh` against `databaseUrl` (8 clients) and reads its TPS. */
export async function runPgbenchSwipe(databaseUrl: string, seconds: number): Promise<PgbenchOutcome> {
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn('bash', [PGBENCH_SWIPE_SCRIPT, databaseUrl], {
      env: {
        ...process.env,
        PGBENCH_CLIENTS: '8',
        PGBENCH_SECONDS: String(seconds),
        // Enough fresh pairs for 8 clients at up to 1000 inserts/s each.
        PGBENCH_PAIRS: String(Math.max(20_000, seconds * 8_000)),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', (error) => done({ code: -1, output: String(error) }));
    child.once('close', (exitCode) => done({ code: exitCode, output: text }));
  });
  if (code === 3) return { kind: 'missing' };
  const summary = /^pgbench swipe insert: .*$/m.exec(output)?.[0];
  const tps = Number(/tps=([\d.]+)/.exec(summary ?? '')?.[1]);
  if (code !== 0 || !summary || !Number.isFinite(tps)) return { kind: 'failed', output };
  return { kind: 'ok', tps, summary, warnings: output.match(/^warning: .*$/gm) ?? [] };
}
