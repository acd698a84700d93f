import { randomUUID } from 'node:crypto';
import type { Clock } from '../../application/ports/clock.js';
import type { LoginThrottle } from '../../application/ports/login-throttle.js';

/** A clock that moves only when told to, in milliseconds. */
export class HandClock implements Clock {
  private current = Date.parse('2026-11-29T12:00:00.000Z');

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * What every `LoginThrottle` promises, with its production settings: at most 5 failures per key
 * in a sliding window of 15 minutes. `makeThrottle` gets the clock the throttle must read the
 * time from; each test uses keys of its own, so a shared store needs no cleaning between tests.
 */
export function loginThrottleContract(
  makeThrottle: (clock: Clock) => LoginThrottle | Promise<LoginThrottle>,
): void {
  let clock: HandClock;
  let throttle: LoginThrottle;
  let key: string;

  beforeEach(async () => {
    clock = new HandClock();
    throttle = await makeThrottle(clock);
    key = `sam|203.0.113.7|${randomUUID()}`;
  });

  const fail = async (times: number, everyMs = 0) => {
    for (let i = 0; i < times; i++) {
      if (i > 0) clock.advance(everyMs);
      await throttle.recordFailure(key);
    }
  };

  it('lets a key that never failed try', async () => {
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
  });

  it('lets a key try after 4 failures, and blocks it for 15 minutes after the 5th', async () => {
    await fail(4);
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
    await fail(1);
    await expect(throttle.blockedFor(key)).resolves.toBe(900);
  });

  it('counts down to the second, rounding up, and never says 0', async () => {
    await fail(5);
    clock.advance(100 * SECOND);
    await expect(throttle.blockedFor(key)).resolves.toBe(800);
    clock.advance(700 * SECOND);
    await expect(throttle.blockedFor(key)).resolves.toBe(100);
    clock.advance(1);
    await expect(throttle.blockedFor(key)).resolves.toBe(100); // 99.999 s
    clock.advance(100 * SECOND - 2);
    await expect(throttle.blockedFor(key)).resolves.toBe(1); // 1 ms left
    clock.advance(1);
    await expect(throttle.blockedFor(key)).resolves.toBeNull(); // exactly 15 minutes after
  });

  it('slides: the block ends when the oldest failure in the window is 15 minutes old', async () => {
    await fail(5, MINUTE); // at 0, 1, 2, 3 and 4 minutes
    await expect(throttle.blockedFor(key)).resolves.toBe(11 * 60);
    clock.advance(11 * MINUTE); // 15 minutes after the first
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
    await fail(1); // 4 failures in the window again, the oldest at 1 minute
    await expect(throttle.blockedFor(key)).resolves.toBe(60);
  });

  it('forgets failures older than 15 minutes', async () => {
    await fail(4);
    clock.advance(15 * MINUTE);
    await fail(4);
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
    await fail(1);
    await expect(throttle.blockedFor(key)).resolves.toBe(900);
  });

  it('with more than 5 failures, blocks until only 4 are left in the window', async () => {
    await fail(7, 10 * SECOND); // at 0, 10, …, 60 seconds; now is 60 s
    // The 3rd failure (at 20 s) must expire, at 920 s.
    await expect(throttle.blockedFor(key)).resolves.toBe(860);
    clock.advance(860 * SECOND);
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
  });

  it('counts failures recorded at the same moment, also concurrently', async () => {
    await Promise.all(Array.from({ length: 5 }, () => throttle.recordFailure(key)));
    await expect(throttle.blockedFor(key)).resolves.toBe(900);
  });

  it('forgets every failure of a key on reset, so it starts over', async () => {
    await fail(5);
    await throttle.reset(key);
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
    await fail(4);
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
    await fail(1);
    await expect(throttle.blockedFor(key)).resolves.toBe(900);
  });

  it('resets a key that never failed without complaint', async () => {
    await expect(throttle.reset(key)).resolves.toBeUndefined();
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
  });

  it('counts every key on its own', async () => {
    const other = `${key}|other`;
    await fail(5);
    await throttle.recordFailure(other);
    await expect(throttle.blockedFor(key)).resolves.toBe(900);
    await expect(throttle.blockedFor(other)).resolves.toBeNull();
    await throttle.reset(other);
    await expect(throttle.blockedFor(key)).resolves.toBe(900);
  });

  it('takes any string as a key', async () => {
    for (const odd of [`${key} ümlaut 🧦`, `${key}:*?[]{}`, `${key}\n\u0000`]) {
      for (let i = 0; i < 5; i++) await throttle.recordFailure(odd);
      await expect(throttle.blockedFor(odd)).resolves.toBe(900);
    }
    await expect(throttle.blockedFor(key)).resolves.toBeNull();
  });
}
