import { performance } from 'node:perf_hooks';

/**
 * Calls `fn(0)` … `fn(count − 1)` open-loop: call i is due at start + i / `perSecond` whatever
 * the earlier calls are doing (a slow answer does not slow the arrivals down, as with real
 * users), but never more than `maxInFlight` at once; a call that could not start on time starts
 * as soon as one ends. `perSecond` = Infinity: as fast as `maxInFlight` allows.
 * `fn` must not throw (record failures inside it). Resolves when every call has ended.
 */
export function paced(
  count: number,
  perSecond: number,
  maxInFlight: number,
  fn: (i: number) => Promise<void>,
): Promise<void> {
  if (count <= 0) return Promise.resolve();
  const start = performance.now();
  const intervalMs = Number.isFinite(perSecond) ? 1000 / perSecond : 0;
  let next = 0;
  let inFlight = 0;
  let ended = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Promise<void>((resolve) => {
    const launch = () => {
      clearTimeout(timer);
      timer = undefined;
      while (next < count && inFlight < maxInFlight) {
        const due = start + next * intervalMs;
        const wait = due - performance.now();
        if (wait > 0.5) {
          timer = setTimeout(launch, wait);
          return;
        }
        const i = next++;
        inFlight += 1;
        void fn(i)
          .catch(() => undefined)
          .finally(() => {
            inFlight -= 1;
            ended += 1;
            if (ended === count) resolve();
            else if (timer === undefined) launch();
          });
      }
    };
    launch();
  });
}
