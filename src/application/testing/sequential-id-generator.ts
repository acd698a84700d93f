import type { IdGenerator } from '../ports/id-generator.js';

/** UUID-shaped ids that count up, so tests read and compare them easily. */
export class SequentialIdGenerator implements IdGenerator {
  private counter = 0;

  next(): string {
    this.counter += 1;
    return `00000000-0000-4000-8000-${String(this.counter).padStart(12, '0')}`;
  }
}
