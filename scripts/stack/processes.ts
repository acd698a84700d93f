import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** How a child ended. */
export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ChildSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The signal that asks it to stop cleanly (nginx: SIGQUIT, graceful). */
  readonly stopSignal?: NodeJS.Signals;
}

/** A process the stack started, its output prefixed with its name. */
export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly exited: Promise<Exit>;
  running(): boolean;
}

const COLORS = [36, 33, 32, 35, 34, 96, 93, 92];
const STOP_TIMEOUT_MS = 15_000;

/** Writes lines as `name       | line`, like docker-compose does, coloured on a terminal. */
export class PrefixedOutput {
  private width = 10;
  private readonly colors = new Map<string, number>();
  private readonly color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

  widen(name: string): void {
    this.width = Math.max(this.width, name.length);
  }

  line(name: string, text: string): void {
    let color = this.colors.get(name);
    if (color === undefined) {
      color = COLORS[this.colors.size % COLORS.length] ?? 36;
      this.colors.set(name, color);
    }
    const label = name.padEnd(this.width);
    process.stdout.write(this.color ? `\x1b[${color}m${label} |\x1b[0m ${text}\n` : `${label} | ${text}\n`);
  }

  pipe(name: string, stream: Readable | null): void {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (text) => this.line(name, text));
  }
}

/**
 * The children of the stack, in start order. Each runs in its own process group, so a Ctrl-C at
 * the terminal reaches only the stack, which then stops them one by one in reverse order.
 */
export class Supervisor {
  private readonly children: Array<{ child: Child; process: ChildProcess; stopSignal: NodeJS.Signals }> = [];
  private stopping = false;
  private unexpected: ((child: Child, exit: Exit) => void) | null = null;

  constructor(private readonly output: PrefixedOutput) {
    // Last resort (an exception in the stack itself): leave no child behind.
    process.once('exit', () => {
      for (const { child } of this.children) {
        if (!child.running()) continue;
        try {
          process.kill(-child.pid, 'SIGKILL'); // its whole process group (nginx's workers too)
        } catch {
          // already gone
        }
      }
    });
  }

  /** Called for each child that ends while the stack is not stopping (the handler decides what follows). */
  onUnexpectedExit(handler: (child: Child, exit: Exit) => void): void {
    this.unexpected = handler;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  start(spec: ChildSpec): Child {
    this.output.widen(spec.name);
    const proc = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.output.pipe(spec.name, proc.stdout);
    this.output.pipe(spec.name, proc.stderr);
    const exited = new Promise<Exit>((resolve) => {
      proc.once('error', (error) => {
        this.output.line(spec.name, `could not start ${spec.command}: ${error.message}`);
        resolve({ code: 127, signal: null });
      });
      proc.once('exit', (code, signal) => resolve({ code, signal }));
    });
    const child: Child = {
      name: spec.name,
      pid: proc.pid ?? 0,
      exited,
      running: () => proc.exitCode === null && proc.signalCode === null && proc.pid !== undefined,
    };
    void exited.then((exit) => {
      if (this.stopping) return;
      this.unexpected?.(child, exit);
    });
    this.children.push({ child, process: proc, stopSignal: spec.stopSignal ?? 'SIGTERM' });
    return child;
  }

  /** Stops every child, the last started first, each cleanly (SIGKILL after 15 s). Idempotent. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const { child, process: proc, stopSignal } of [...this.children].reverse()) {
      if (!child.running()) continue;
      this.output.line('stack', `stopping ${child.name} (pid ${child.pid})`);
      proc.kill(stopSignal);
      const timer = setTimeout(() => {
        this.output.line(
          'stack',
          `${child.name} did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`,
        );
        proc.kill('SIGKILL');
      }, STOP_TIMEOUT_MS);
      await child.exited;
      clearTimeout(timer);
    }
  }
}

/** Runs a command to its end, its output prefixed; resolves with how it ended. */
export function runToEnd(output: PrefixedOutput, spec: Omit<ChildSpec, 'stopSignal'>): Promise<Exit> {
  output.widen(spec.name);
  return new Promise<Exit>((resolve) => {
    const proc = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    output.pipe(spec.name, proc.stdout);
    output.pipe(spec.name, proc.stderr);
    proc.once('error', (error) => {
      output.line(spec.name, `could not start ${spec.command}: ${error.message}`);
      resolve({ code: 127, signal: null });
    });
    proc.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

export function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

/**
 * Prints the lines appended to `path` (a log file another process writes) under `name`, polling
 * every 200 ms; `stop()` prints what is left and stops.
 */
export function tailFile(output: PrefixedOutput, name: string, path: string): { stop(): void } {
  output.widen(name);
  const fd = openSync(path, 'r');
  let position = 0;
  let pending = '';
  const buffer = Buffer.alloc(64 * 1024);
  const drain = () => {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n <= 0) break;
      position += n;
      pending += buffer.subarray(0, n).toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) output.line(name, line);
    }
  };
  const timer = setInterval(drain, 200);
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      drain();
      if (pending) output.line(name, pending);
      closeSync(fd);
    },
  };
}
