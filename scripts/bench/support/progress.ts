import { performance } from 'node:perf_hooks';

/**
 * A progress line on stderr: redrawn in place on a terminal (at most 10 times a second), one
 * line every `everyMs` otherwise (a log file of a background run stays short but shows life).
 */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly label: string,
    private readonly everyMs = 5_000,
  ) {}

  /** `done` of `total` units; `note` says what is going on (e.g. "socks 120,000/1,000,000"). */
  update(done: number, total: number, note: string): void {
    const now = performance.now();
    const tty = process.stderr.isTTY;
    if (now - this.lastDraw < (tty ? 100 : this.everyMs) && done < total) return;
    this.lastDraw = now;
    const percent = Math.floor((100 * done) / Math.max(total, 1));
    const line = `${this.label}: ${percent}% (${note}; ${seconds(now - this.started)})`;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  }

  /** Ends the line. @returns the milliseconds since the start */
  finish(note = ''): number {
    const ms = performance.now() - this.started;
    const line = `${this.label}: done in ${seconds(ms)}${note ? ` (${note})` : ''}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K\n` : `${line}\n`);
    return ms;
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
