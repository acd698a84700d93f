/**
 * A one-line progress bar on a terminal (redrawn at most every 100 ms), or a line per tenth of
 * the work when the stream is not a terminal (CI logs, pipes).
 */
export class ProgressBar {
  private lastDraw = 0;
  private lastTenth = -1;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: string,
    private readonly width = 30,
  ) {}

  update(done: number, total: number): void {
    const fraction = total === 0 ? 1 : done / total;
    if (this.stream.isTTY) {
      const now = Date.now();
      if (done < total && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      const filled = Math.round(fraction * this.width);
      this.stream.write(
        `\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total} ${this.elapsed()}`,
      );
      if (done >= total) this.stream.write('\n');
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.stream.write(`${this.label} ${tenth * 10}% ${done}/${total} ${this.elapsed()}\n`);
  }

  private elapsed(): string {
    return `${((Date.now() - this.started) / 1000).toFixed(1)} s`;
  }
}
