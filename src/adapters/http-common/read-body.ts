import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { HttpProblem } from './problem.js';
import { REQUEST_LIMITS, requestProblems } from './request-limits.js';

/**
 * Reads a JSON or form body of at most `REQUEST_LIMITS.bodyBytes`, the same way for both
 * frameworks: no body → undefined; a compressed body → 415 before any byte is read. A body over
 * the limit is a 413, answered only once the rest of it has been read and thrown away (see
 * `REQUEST_LIMITS.discardBytes`), so that the client, still writing, gets the answer rather than a
 * reset connection; past that bound, the 413 closes the connection.
 */
export async function readBody(stream: Readable, headers: IncomingHttpHeaders): Promise<Buffer | undefined> {
  if (!hasBody(headers)) return undefined;
  if ((headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity') {
    throw requestProblems.unsupportedContentEncoding();
  }
  const declared = declaredLength(headers);
  if (declared !== null && declared > REQUEST_LIMITS.discardBytes) {
    throw closingConnection(requestProblems.bodyTooLarge());
  }
  const read =
    declared !== null && declared > REQUEST_LIMITS.bodyBytes
      ? { bytes: null, received: 0 }
      : await readUpTo(stream, REQUEST_LIMITS.bodyBytes);
  if (read.bytes) return read.bytes;
  const drained = await discardRest(stream, read.received);
  throw drained ? requestProblems.bodyTooLarge() : closingConnection(requestProblems.bodyTooLarge());
}

/**
 * Reads and throws away the rest of `stream`, of which `received` bytes were already read, until
 * it ends (true) or the whole passes `REQUEST_LIMITS.discardBytes` (false: the stream is left
 * paused, and the answer must close the connection). A stream that fails is not drained (false).
 */
export function discardRest(stream: Readable, received: number): Promise<boolean> {
  if (stream.readableEnded) return Promise.resolve(true);
  if (stream.destroyed || received > REQUEST_LIMITS.discardBytes) {
    stream.pause();
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    let total = received;
    const finish = (drained: boolean) => {
      stream.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onFail);
      if (!drained) stream.pause();
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > REQUEST_LIMITS.discardBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onFail = () => finish(false);
    stream.on('data', onData).on('end', onEnd).on('error', onFail).on('close', onFail);
    stream.resume();
  });
}

/** The same problem, answered with `Connection: close`: the rest of the body will not be read. */
export function closingConnection(problem: HttpProblem): HttpProblem {
  return new HttpProblem(problem.status, problem.code, problem.message, problem.errors, {
    ...problem.headers,
    Connection: 'close',
  });
}

/** The body's declared Content-Length, or null (chunked, or none). */
export function declaredLength(headers: IncomingHttpHeaders): number | null {
  const length = Number(headers['content-length'] ?? Number.NaN);
  return Number.isFinite(length) ? length : null;
}

/** Whether the request has a body at all, as body-parser and Fastify decide it. */
function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || declaredLength(headers) !== null;
}

/**
 * The whole body if it is at most `limit` bytes; otherwise (bytes null) how many bytes were read
 * when the limit was crossed, the stream left paused for `discardRest`.
 */
function readUpTo(stream: Readable, limit: number): Promise<{ bytes: Buffer | null; received: number }> {
  if (stream.readableEnded) return Promise.resolve({ bytes: Buffer.alloc(0), received: 0 });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => stream.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onFail);
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        stop();
        stream.pause();
        resolve({ bytes: null, received });
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve({ bytes: Buffer.concat(chunks, received), received });
    };
    // The client went away mid-body: nobody is left to read the answer, which closes the connection.
    const onFail = () => {
      stop();
      reject(closingConnection(requestProblems.malformedJson()));
    };
    stream.on('data', onData).on('end', onEnd).on('error', onFail).on('close', onFail);
    stream.resume();
  });
}
