import autocannon from 'autocannon';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Builds each request anew (path, headers, body); without it every request is `GET url`. */
  readonly next?: () => {
    method: 'GET' | 'POST';
    path: string;
    headers?: Record<string, string>;
    body?: string;
  };
}

export interface Measurement {
  /** 2xx responses per second. */
  readonly okPerSecond: number;
  /** Every response (2xx or not). */
  readonly responses: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** Non-2xx responses by status, e.g. `{ "409": 12 }`. */
  readonly statuses: Readonly<Record<string, number>>;
}

/** One autocannon run against `url`, in this process. */
export async function measure(options: LoadOptions): Promise<Measurement> {
  const { next } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(next
      ? {
          requests: [
            {
              setupRequest: (request) => {
                const r = next();
                return {
                  ...request,
                  method: r.method,
                  path: r.path,
                  headers: { ...r.headers },
                  ...(r.body === undefined ? {} : { body: r.body }),
                };
              },
            },
          ],
        }
      : {}),
  });
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!status.startsWith('2')) statuses[status] = count ?? 0;
  }
  return {
    okPerSecond: result['2xx'] / result.duration,
    responses: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
  };
}
