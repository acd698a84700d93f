import Busboy from 'busboy';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { UploadedFile } from './api/operation.js';
import type { HttpProblem } from './problem.js';
import { closingConnection, declaredLength, discardRest } from './read-body.js';
import { REQUEST_LIMITS, requestProblems } from './request-limits.js';

/**
 * Reads the one file of a multipart body (field `file`), bounded to the picture limit: a larger
 * file is a 413, without buffering the rest. Other fields are ignored; a second file is refused.
 * Whatever the failure, the answer waits until the rest of the body has been read and thrown away
 * (up to `REQUEST_LIMITS.discardBytes` in all; past it, or with a Content-Length above it, the 413
 * closes the connection), so that a client still writing its body gets the answer.
 */
export function readMultipartFile(
  stream: Readable,
  headers: IncomingHttpHeaders,
): Promise<UploadedFile | null> {
  const declared = declaredLength(headers);
  if (declared !== null && declared > REQUEST_LIMITS.discardBytes) {
    return Promise.reject(closingConnection(requestProblems.fileTooLarge()));
  }
  return new Promise((resolve, reject) => {
    let received = 0;
    let settled = false;
    let file: UploadedFile | null = null;
    let failure: HttpProblem | null = null;
    let busboy: Busboy.Busboy | null = null;
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > REQUEST_LIMITS.discardBytes) fail(failure ?? requestProblems.fileTooLarge());
    };
    /** Stops parsing, drains what is left (bounded), then refuses. */
    const fail = (problem: HttpProblem) => {
      if (settled) return;
      settled = true;
      stream.off('data', count);
      if (busboy) stream.unpipe(busboy);
      void discardRest(stream, received).then((drained) =>
        reject(drained ? problem : closingConnection(problem)),
      );
    };
    try {
      busboy = Busboy({
        headers,
        limits: { files: 1, fileSize: REQUEST_LIMITS.fileBytes, fields: 20, parts: 25 },
      });
    } catch {
      fail(requestProblems.malformedMultipart());
      return;
    }
    busboy.on('file', (name, fileStream) => {
      const chunks: Buffer[] = [];
      fileStream.on('data', (chunk: Buffer) => {
        if (!failure) chunks.push(chunk);
      });
      // A body cut off inside the file fails the file's stream too: busboy's own 'error' reports it
      // (below); unheard, this one would be an uncaught exception and end the process.
      fileStream.on('error', () => undefined);
      // Too large: the rest of the body is still parsed and thrown away, up to the discard bound.
      fileStream.on('limit', () => {
        failure ??= requestProblems.fileTooLarge();
        chunks.length = 0;
      });
      fileStream.on('end', () => {
        if (name === 'file' && !failure) file = { bytes: new Uint8Array(Buffer.concat(chunks)) };
      });
    });
    busboy.on('filesLimit', () => (failure ??= requestProblems.malformedMultipart()));
    busboy.on('error', () => fail(failure ?? requestProblems.malformedMultipart()));
    busboy.on('close', () => {
      if (settled) return;
      settled = true;
      stream.off('data', count);
      if (failure) reject(failure);
      else resolve(file);
    });
    stream.on('error', () => fail(requestProblems.malformedMultipart()));
    stream.on('data', count);
    stream.pipe(busboy);
  });
}
