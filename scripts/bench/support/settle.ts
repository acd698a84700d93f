import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseProbe } from './database.js';

/**
 * Waits until the previous run has drained: a server keeps working on the requests it had
 * accepted when autocannon hung up. Settled = no statement running on the bench database and
 * two `GET /healthz` in a row under 50 ms on every origin. Gives up after `maxMs`.
 * @returns how long it waited, in ms
 */
export async function settle(
  origins: readonly string[],
  probe: DatabaseProbe,
  maxMs = 15_000,
): Promise<number> {
  const start = performance.now();
  let quiet = 0;
  while (quiet < 2 && performance.now() - start < maxMs) {
    const busy = (await probe.activeStatements()) > 0;
    let slow = false;
    for (const origin of origins) {
      const sent = performance.now();
      try {
        await (await fetch(`${origin}/healthz`)).arrayBuffer();
      } catch {
        // a server that does not answer is not settled
        slow = true;
      }
      if (performance.now() - sent > 50) slow = true;
    }
    quiet = busy || slow ? 0 : quiet + 1;
    if (quiet < 2) await sleep(busy || slow ? 100 : 20);
  }
  return performance.now() - start;
}
