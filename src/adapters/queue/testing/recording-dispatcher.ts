import type { OutboxEvent } from '../../../application/ports/outbox.js';
import type { JobDispatcher } from '../job-dispatcher.js';

/** Records the batches it is given; can fail (Redis down) or hold a dispatch until released. */
export class RecordingDispatcher implements JobDispatcher {
  readonly batches: OutboxEvent[][] = [];
  calls = 0;
  failing = false;
  gate: Promise<void> | null = null;
  active = 0;
  maxActive = 0;

  async dispatch(events: readonly OutboxEvent[]): Promise<void> {
    this.calls += 1;
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (this.gate) await this.gate;
      if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      this.batches.push([...events]);
    } finally {
      this.active -= 1;
    }
  }

  dispatchedIds(): string[] {
    return this.batches.flat().map((e) => e.id);
  }

  async close(): Promise<void> {}
}
