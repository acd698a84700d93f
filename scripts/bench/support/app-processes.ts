import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './children.js';

/** A HotSox deployable the bench started from dist/, its output in a log file. */
export interface AppProcess {
  readonly name: string;
  /** `http://127.0.0.1:<port>`: the app's HTTP port, or a worker's health port. */
  readonly origin: string;
  readonly pid: number;
  readonly logFile: string;
  running(): boolean;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). Idempotent. @returns how it ended */
  stop(graceMs?: number): Promise<string>;
}

export interface AppProcessSpec {
  readonly name: string;
  /** The compiled entry, e.g. `dist/src/main/web-worker.js`. */
  readonly script: string;
  readonly env: NodeJS.ProcessEnv;
  /** Where the process listens: PORT for the apps, HEALTH_PORT for the workers. */
  readonly portVariable: 'PORT' | 'HEALTH_PORT';
  /** Stdout and stderr go here (appended). */
  readonly logFile: string;
  readonly readyPath?: string;
  readonly timeoutMs?: number;
}

const live = new Set<number>();
let exitHookInstalled = false;

/**
 * Starts `node <script>` in its own process group (so a Ctrl-C at the terminal reaches the bench
 * only, which then stops its children cleanly) and waits until `readyPath` (/readyz) answers 200.
 * With `BENCH_CPU_PROF=<dir>` the child writes a CPU profile there when it stops.
 * @throws {Error} with the end of the child's log when it exits or is not ready in time
 */
export async function startAppProcess(spec: AppProcessSpec): Promise<AppProcess> {
  installExitHook();
  const port = await freePort();
  const profileDir = process.env['BENCH_CPU_PROF'];
  const profiling = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${spec.name}-${port}.cpuprofile`]
    : [];
  const log = openSync(spec.logFile, 'a');
  const child = spawn(process.execPath, [...profiling, spec.script], {
    env: { ...spec.env, [spec.portVariable]: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  const pid = child.pid ?? 0;
  live.add(pid);
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`));
  }).finally(() => live.delete(pid));
  const running = () => child.exitCode === null && child.signalCode === null && live.has(pid);
  let stopping: Promise<string> | undefined;
  const stop = (graceMs = 15_000) =>
    (stopping ??= (async () => {
      if (!running()) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const how = await exited;
      clearTimeout(timer);
      return how;
    })());
  const origin = `http://127.0.0.1:${port}`;
  const readyPath = spec.readyPath ?? '/readyz';
  const deadline = Date.now() + (spec.timeoutMs ?? 60_000);
  for (;;) {
    if (!running()) {
      throw new Error(`${spec.name} ended (${await exited}) before it was ready:\n${logTail(spec.logFile)}`);
    }
    try {
      const response = await fetch(`${origin}${readyPath}`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(2_000);
      throw new Error(
        `${spec.name} was not ready within ${spec.timeoutMs ?? 60_000} ms:\n${logTail(spec.logFile)}`,
      );
    }
    await sleep(100);
  }
  return { name: spec.name, origin, pid, logFile: spec.logFile, running, stop };
}

/** The last `lines` lines of a log file ('' when it cannot be read). */
export function logTail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Last resort (the bench itself crashed): leave no child behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pid of live) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}
