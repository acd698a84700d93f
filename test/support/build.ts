import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
const MARKER = join(ROOT, 'dist', 'src', 'main', 'web.js');
const LOCK = join(ROOT, 'dist.build-lock');

/**
 * Compiles src/ and scripts/ into dist/ when dist/ is older than any of their TypeScript files,
 * for the tests that run the built processes. Jest runs test files in parallel: a lock folder
 * makes one of them build while the others wait, then find dist/ current.
 */
export function buildIfStale(): void {
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`${LOCK} is held for 3 minutes: remove it if no build runs`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (isCurrent()) return;
    const started = Date.now();
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    console.log(`built dist/ in ${Date.now() - started} ms`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function isCurrent(): boolean {
  if (!existsSync(MARKER)) return false;
  const built = statSync(MARKER).mtimeMs;
  return built > Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'scripts')));
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing' && entry.name !== 'node_modules')
        newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}
