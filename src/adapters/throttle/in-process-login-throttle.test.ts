import { InMemoryLoginThrottle } from '../../application/testing/in-memory-login-throttle.js';
import { InProcessLoginThrottle } from './in-process-login-throttle.js';
import { HandClock, loginThrottleContract } from './login-throttle.contract.js';

describe('InProcessLoginThrottle', () => {
  loginThrottleContract((clock) => new InProcessLoginThrottle(clock));

  describe('memory', () => {
    it('drops keys whose failures have all left the window, as new failures come in', async () => {
      const clock = new HandClock();
      const throttle = new InProcessLoginThrottle(clock);
      for (let i = 0; i < 1000; i++) await throttle.recordFailure(`attacker|10.0.${i >> 8}.${i & 255}`);
      expect(throttle.size).toBe(1000);

      clock.advance(10 * 60 * 1000);
      await throttle.recordFailure('sam|203.0.113.7');
      expect(throttle.size).toBe(1001); // 10 minutes: all still in the window

      clock.advance(5 * 60 * 1000);
      await throttle.recordFailure('kim|203.0.113.8');
      expect(throttle.size).toBe(2); // 15 minutes after the first 1000: gone
    });

    it('keeps a key that failed long ago as long as its last failure is in the window', async () => {
      const clock = new HandClock();
      const throttle = new InProcessLoginThrottle(clock);
      await throttle.recordFailure('kim');
      await throttle.recordFailure('sam');
      clock.advance(14 * 60 * 1000);
      for (let i = 0; i < 4; i++) await throttle.recordFailure('sam');
      clock.advance(60 * 1000);
      await throttle.recordFailure('other');

      expect(throttle.size).toBe(2); // kim dropped; sam kept, with its 4 failures of minute 14
      await throttle.recordFailure('sam');
      await expect(throttle.blockedFor('sam')).resolves.toBe(14 * 60);
    });

    it('never tracks more than maxKeys keys, dropping the stalest', async () => {
      const clock = new HandClock();
      const throttle = new InProcessLoginThrottle(clock, { maxKeys: 100 });
      for (let i = 0; i < 5; i++) await throttle.recordFailure('victim');
      for (let i = 0; i < 10_000; i++) {
        clock.advance(1);
        await throttle.recordFailure(`flood|${i}`);
      }
      expect(throttle.size).toBe(100);
      await expect(throttle.blockedFor('flood|9999')).resolves.toBeNull(); // 1 failure, still tracked
      await expect(throttle.blockedFor('victim')).resolves.toBeNull(); // dropped: the documented cost of the cap
    });

    it('keeps only the last few failure times of a key, however often it fails', async () => {
      const clock = new HandClock();
      const throttle = new InProcessLoginThrottle(clock);
      for (let i = 0; i < 100_000; i++) await throttle.recordFailure('hammer');
      await expect(throttle.blockedFor('hammer')).resolves.toBe(900);
      clock.advance(15 * 60 * 1000);
      await expect(throttle.blockedFor('hammer')).resolves.toBeNull();
    });
  });

  it('can be set to other limits', async () => {
    const clock = new HandClock();
    const throttle = new InProcessLoginThrottle(clock, { maxFailures: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i++) await throttle.recordFailure('sam');
    await expect(throttle.blockedFor('sam')).resolves.toBe(60);
  });
});

describe('InMemoryLoginThrottle (the application fake) keeps the same promises', () => {
  loginThrottleContract((clock) => new InMemoryLoginThrottle(clock));
});
