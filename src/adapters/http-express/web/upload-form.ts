import Busboy from 'busboy';
import type { Request } from 'express';
import { PICTURE_RULES } from '../../../domain/picture/picture.js';
import { mediaTypeOf } from '../../http-common/request-limits.js';
import { CSRF_FIELD, CsrfError, isValidCsrf } from './csrf.js';

export interface UploadedPicture {
  /** The name the browser gave (shown in messages only; never used as a path). */
  readonly filename: string;
  readonly bytes: Uint8Array;
}

export interface UploadForm {
  readonly files: UploadedPicture[];
  /** Files over the size limit, by name: skipped, not buffered. */
  readonly tooLarge: string[];
  /** More files than one upload takes were sent; the rest were ignored. */
  readonly tooMany: boolean;
}

/** How many pictures one upload form may carry. */
export const MAX_FILES_PER_UPLOAD = 8;

/**
 * Reads a multipart picture form (fields `_csrf` and `pictures`, several files), each file
 * bounded to the picture limit. The form token is checked before the caller sees any file.
 * @throws {CsrfError} when the form token is missing or wrong (also for a non-multipart body)
 */
export function readUploadForm(req: Request): Promise<UploadForm> {
  if (mediaTypeOf(req.headers['content-type']) !== 'multipart/form-data') {
    return Promise.reject(
      isValidCsrf(req, (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD])
        ? new Error('expected a multipart form')
        : new CsrfError(),
    );
  }
  return new Promise((resolve, reject) => {
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({
        headers: req.headers,
        limits: { files: MAX_FILES_PER_UPLOAD, fileSize: PICTURE_RULES.maxBytes, fields: 10, parts: 20 },
      });
    } catch {
      reject(new CsrfError());
      return;
    }
    const fields: Record<string, string> = {};
    const files: UploadedPicture[] = [];
    const tooLarge: string[] = [];
    let tooMany = false;
    busboy.on('field', (name, value) => {
      if (name === CSRF_FIELD) fields[name] = value;
    });
    busboy.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      let truncated = false;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A form cut off inside a file fails that file's stream too; busboy's 'error' (below) reports
      // it, and unheard this one would be an uncaught exception that ends the process.
      stream.on('error', () => undefined);
      stream.on('limit', () => {
        truncated = true;
        chunks.length = 0;
        stream.resume();
      });
      stream.on('end', () => {
        const filename = info.filename || 'picture';
        if (truncated) tooLarge.push(filename);
        else if (info.filename || chunks.length > 0) {
          const bytes = Buffer.concat(chunks);
          if (bytes.length > 0) files.push({ filename, bytes: new Uint8Array(bytes) });
        }
      });
    });
    busboy.on('filesLimit', () => (tooMany = true));
    busboy.on('error', () => reject(new Error('the upload could not be read')));
    busboy.on('close', () => {
      if (!isValidCsrf(req, fields[CSRF_FIELD])) reject(new CsrfError());
      else resolve({ files, tooLarge, tooMany });
    });
    req.pipe(busboy);
  });
}
