import fc from 'fast-check';
import http from 'node:http';

/**
 * A request as the fuzzer builds it: everything raw, so that malformed paths, headers and bodies
 * reach the servers exactly as generated (no client-side normalisation of `..` or `%2F`).
 */
export interface FuzzRequest {
  /** The operation the request was generated for. */
  readonly op: string;
  /** `valid`, or the name of the mutation applied. */
  readonly kind: string;
  readonly method: string;
  /** Under the API base, already percent-encoded as it should go on the wire. */
  readonly path: string;
  /** Raw query string without `?` (may be empty). */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Raw body, or null for none. Binary bodies are kept as Buffers. */
  readonly body: string | Buffer | null;
  /** The mutation changed the method or the path's shape: a 404 route miss is acceptable. */
  readonly mayMissRoute: boolean;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export function destroyAgent(): void {
  agent.destroy();
}

/** Sends `req` under `base` to 127.0.0.1:`port`. Resolves once the whole response is read. */
export async function send(port: number, base: string, req: FuzzRequest): Promise<RawResponse> {
  try {
    return await sendOnce(port, base, req, agent);
  } catch (error) {
    // A kept-alive socket the server had just closed (after a 431, say): the request never got
    // there. Node's documented remedy is to retry, here on a fresh connection.
    if ((error as { reusedSocket?: boolean }).reusedSocket) return sendOnce(port, base, req, false);
    throw error;
  }
}

function sendOnce(
  port: number,
  base: string,
  req: FuzzRequest,
  via: http.Agent | false,
): Promise<RawResponse> {
  const body =
    req.body === null ? null : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  const headers: Record<string, string | number> = { ...req.headers };
  const chunked = Object.keys(headers).some((h) => h.toLowerCase() === 'transfer-encoding');
  if (body !== null && !chunked && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['Content-Length'] = body.length;
  }
  const path = `${base}${req.path}${req.query ? `?${req.query}` : ''}`;
  return new Promise((resolve, reject) => {
    let settled = false;
    const client = http.request(
      { host: '127.0.0.1', port, method: req.method, path, headers, agent: via },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          settled = true;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on('error', (error) => {
          if (!settled) reject(error);
        });
      },
    );
    client.on('socket', (socket) => socket.setNoDelay(true));
    // A server may answer (413, 415) before it read the whole body and close the connection:
    // what counts is the response, not the write.
    client.on('error', (error) => {
      if (settled) return;
      if (client.reusedSocket) Object.assign(error, { reusedSocket: true });
      setTimeout(() => !settled && reject(error), client.reusedSocket ? 0 : 200);
    });
    if (body !== null && chunked) {
      // Transfer-Encoding: chunked, in a few chunks.
      const step = Math.max(1, Math.ceil(body.length / 3));
      for (let i = 0; i < body.length; i += step) client.write(body.subarray(i, i + step));
      client.end();
    } else if (body !== null) client.end(body);
    else client.end();
  });
}

/** A short, printable account of a request (long bodies are cut). */
export function describeRequest(req: FuzzRequest): string {
  const body =
    req.body === null
      ? '(no body)'
      : Buffer.isBuffer(req.body)
        ? `<${req.body.length} bytes> ${JSON.stringify(req.body.subarray(0, 300).toString('latin1'))}`
        : req.body.length > 600
          ? `${JSON.stringify(req.body.slice(0, 600))}… (${req.body.length} chars)`
          : JSON.stringify(req.body);
  const query = req.query ? `?${req.query.length > 300 ? `${req.query.slice(0, 300)}…` : req.query}` : '';
  return [
    `[${req.op} / ${req.kind}] ${req.method} <base>${req.path.length > 300 ? `${req.path.slice(0, 300)}…` : req.path}${query}`,
    ...Object.entries(req.headers).map(([k, v]) => `  ${k}: ${v.length > 200 ? `${v.slice(0, 200)}…` : v}`),
    `  body: ${body}`,
  ].join('\n');
}

/** Makes fast-check print `req` as `describeRequest` does (bodies cut), not as a 10 MiB literal. */
export function printable(req: FuzzRequest): FuzzRequest {
  return Object.defineProperty({ ...req }, fc.toStringMethod, {
    value: () => describeRequest(req).replace(/\n\s*/g, ' | '),
    enumerable: false,
  });
}
