import type { OutboxEvent } from '../../../application/ports/outbox.js';
import type { OutboxEventProcessor } from '../job-dispatcher.js';

/** A processor whose failures a test scripts per event id; records calls and give-ups. */
export class ScriptedProcessor implements OutboxEventProcessor {
  readonly calls: { id: string; at: number }[] = [];
  readonly completed: string[] = [];
  readonly givenUp: string[] = [];
  /** Errors to throw, in order, for the next calls of an event id. */
  readonly failures = new Map<string, unknown[]>();
  /** When set, every call waits for it before returning or failing. */
  gate: Promise<void> | null = null;
  alwaysFail: unknown = null;

  failNext(id: string, ...errors: unknown[]): this {
    this.failures.set(id, [...(this.failures.get(id) ?? []), ...errors]);
    return this;
  }

  callsOf(id: string): number {
    return this.calls.filter((c) => c.id === id).length;
  }

  async handle(event: OutboxEvent): Promise<void> {
    this.calls.push({ id: event.id, at: Date.now() });
    if (this.gate) await this.gate;
    if (this.alwaysFail !== null) throw this.alwaysFail;
    const errors = this.failures.get(event.id);
    if (errors && errors.length > 0) throw errors.shift();
    this.completed.push(event.id);
  }

  async giveUp(event: OutboxEvent): Promise<void> {
    this.givenUp.push(event.id);
  }
}
