import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server the bench started as a child process, and stops by its handle. */
export interface ServerProcess {
  readonly name: string;
  readonly origin: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <script>` with `env` (plus PORT and HOST=127.0.0.1) and waits until
 * `readyPath` answers 200. With `BENCH_CPU_PROF=<dir>` in this process's environment the child
 * runs with `--cpu-prof`, writing a `.cpuprofile` into `<dir>` when it stops (open it in Chrome
 * DevTools, or summarize it with `node dist/scripts/bench/cpu-profile-summary.js <file>`).
 * @throws {Error} with the child's stderr when it exits or is not ready within `timeoutMs`
 */
export async function startServer(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  readyPath: string,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const profileDir = process.env['BENCH_CPU_PROF'];
  const profiling = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${port}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...profiling, script], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => (alive = false));
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child, exited);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive) throw new Error(`${name} exited before it was ready:\n${stderr}`);
    try {
      const response = await fetch(`${origin}${readyPath}`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${stderr}`);
    }
    await sleep(100);
  }
  return { name, origin, pid: child.pid ?? 0, stop };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
