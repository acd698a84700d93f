/**
 * Found by the differential fuzzer (mutation `multipart:truncated`): a multipart body that ends
 * inside a file part made busboy destroy the file's stream with "Unexpected end of form"; nobody
 * listened for that stream's 'error', so it was an uncaught exception, which ends a Node process
 * (here Jest reports it as an unhandled error and fails the file). Both readers must reject instead.
 */
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { readMultipartFile } from '../../src/adapters/http-common/multipart.js';
import { readUploadForm } from '../../src/adapters/http-express/web/upload-form.js';

const BOUNDARY = 'b';

function truncatedUpload(field: string): Readable & { headers: Record<string, string> } {
  const body = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="x.png"\r\n\r\n`),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
  ]);
  return Object.assign(Readable.from([body]), {
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
}

/** Lets any error emitted on a later tick surface before the test ends. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('multipart bodies cut off inside a file', () => {
  it('are a rejected read for the API, not an uncaught stream error', async () => {
    const stream = truncatedUpload('file');
    await expect(readMultipartFile(stream, stream.headers)).rejects.toMatchObject({
      status: 400,
      code: 'REQUEST.MALFORMED_BODY',
    });
    await settle();
  });

  it('are a rejected read for the web UI upload form, not an uncaught stream error', async () => {
    const req = Object.assign(truncatedUpload('pictures'), { session: {} });
    await expect(readUploadForm(req as unknown as Request)).rejects.toThrow();
    await settle();
  });
});
