/** Something an app depends on, checked by `GET /readyz` (the database, the app's Redis). */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  check(): Promise<void>;
}

export interface ReadinessReport {
  readonly status: number;
  readonly body: { readonly status: 'ok' | 'unavailable'; readonly failing: readonly string[] };
}

/** Runs every check with a timeout; 503 naming the failing parts when any fails. */
export async function readiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = 2000,
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          c.check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
          }),
        ]);
        return null;
      } catch {
        return c.name;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const failing = results.filter((name): name is string => name !== null);
  return failing.length === 0
    ? { status: 200, body: { status: 'ok', failing } }
    : { status: 503, body: { status: 'unavailable', failing } };
}
