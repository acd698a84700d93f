import Busboy from 'busboy';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { UploadedFile } from './api/operation.js';
import { REQUEST_LIMITS, requestProblems } from './request-limits.js';

/**
 * Reads the one file of a multipart body (field `file`), bounded to the picture limit: a larger
 * file is a 413 as soon as the limit is crossed, without buffering the rest. Other fields are
 * ignored; a second file is refused.
 */
export function readMultipartFile(
  stream: Readable,
  headers: IncomingHttpHeaders,
): Promise<UploadedFile | null> {
  return new Promise((resolve, reject) => {
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({
        headers,
        limits: { files: 1, fileSize: REQUEST_LIMITS.fileBytes, fields: 20, parts: 25 },
      });
    } catch {
      reject(requestProblems.malformedMultipart());
      return;
    }
    let file: UploadedFile | null = null;
    let failure: Error | null = null;
    busboy.on('file', (name, fileStream) => {
      const chunks: Buffer[] = [];
      fileStream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A body cut off inside the file fails the file's stream too: busboy's own 'error' reports it
      // (below); unheard, this one would be an uncaught exception and end the process.
      fileStream.on('error', () => undefined);
      fileStream.on('limit', () => {
        failure ??= requestProblems.fileTooLarge();
        fileStream.resume();
      });
      fileStream.on('end', () => {
        if (name === 'file' && !failure) file = { bytes: new Uint8Array(Buffer.concat(chunks)) };
      });
    });
    busboy.on('filesLimit', () => (failure ??= requestProblems.malformedMultipart()));
    busboy.on('error', () => reject(failure ?? requestProblems.malformedMultipart()));
    busboy.on('close', () => (failure ? reject(failure) : resolve(file)));
    stream.on('error', () => reject(requestProblems.malformedMultipart()));
    stream.pipe(busboy);
  });
}
