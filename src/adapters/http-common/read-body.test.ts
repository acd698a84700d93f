import { Readable } from 'node:stream';
import type { HttpProblem } from './problem.js';
import { readBody } from './read-body.js';
import { REQUEST_LIMITS } from './request-limits.js';

const KiB = 1024;

/** A body of `bytes` bytes in 16 KiB chunks, counting how many bytes were taken from it. */
function bodyOf(bytes: number): { stream: Readable; taken: () => number } {
  let taken = 0;
  const chunk = Buffer.alloc(16 * KiB, 0x20);
  const stream = new Readable({
    read() {
      if (taken >= bytes) {
        this.push(null);
        return;
      }
      const piece = chunk.subarray(0, Math.min(chunk.length, bytes - taken));
      taken += piece.length;
      this.push(piece);
    },
  });
  return { stream, taken: () => taken };
}

describe('readBody', () => {
  it('reads a body within the limit', async () => {
    const { stream } = bodyOf(REQUEST_LIMITS.bodyBytes);
    const bytes = await readBody(stream, { 'content-length': String(REQUEST_LIMITS.bodyBytes) });
    expect(bytes?.length).toBe(REQUEST_LIMITS.bodyBytes);
  });

  it('is undefined without a body', async () => {
    expect(await readBody(Readable.from([]), {})).toBeUndefined();
  });

  it('refuses a compressed body (415) before reading it', async () => {
    const { stream, taken } = bodyOf(1000);
    await expect(
      readBody(stream, { 'content-length': '1000', 'content-encoding': 'gzip' }),
    ).rejects.toMatchObject({ status: 415, code: 'REQUEST.UNSUPPORTED_CONTENT_ENCODING' });
    expect(taken()).toBe(0);
  });

  it.each([
    ['with its Content-Length', true],
    ['chunked', false],
  ])(
    'answers a body over the limit (%s) with 413 once all of it is read, keeping the connection',
    async (_, declared) => {
      const size = 3 * 1000 * 1000;
      const { stream, taken } = bodyOf(size);
      const error = await readBody(
        stream,
        declared ? { 'content-length': String(size) } : { 'transfer-encoding': 'chunked' },
      ).catch((thrown: unknown) => thrown);
      expect(error).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
      expect((error as HttpProblem).headers).toEqual({});
      expect(taken()).toBe(size);
      expect(stream.readableEnded).toBe(true);
    },
  );

  it('stops reading past the discard bound and answers 413 with Connection: close', async () => {
    const size = REQUEST_LIMITS.discardBytes + 4 * 1024 * KiB;
    const { stream, taken } = bodyOf(size);
    const error = await readBody(stream, { 'transfer-encoding': 'chunked' }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE', headers: { Connection: 'close' } });
    expect(taken()).toBeLessThan(size);
    expect(stream.readableEnded).toBe(false);
  });

  it('answers a Content-Length past the discard bound at once, with Connection: close', async () => {
    const { stream, taken } = bodyOf(1000);
    const declared = String(REQUEST_LIMITS.discardBytes + 1);
    await expect(readBody(stream, { 'content-length': declared })).rejects.toMatchObject({
      status: 413,
      headers: { Connection: 'close' },
    });
    expect(taken()).toBe(0);
  });
});
