import type { Clock } from '../ports/clock.js';

/** A clock that stands still until told to move. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-11-29T12:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
