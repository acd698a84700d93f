import { PICTURE_RULES } from '../../domain/picture/picture.js';
import { HttpProblem } from './problem.js';

/** Limits both APIs apply before any handler runs. */
export const REQUEST_LIMITS = {
  /** JSON and form bodies. */
  bodyBytes: 64 * 1024,
  /** One uploaded file. */
  fileBytes: PICTURE_RULES.maxBytes,
  /**
   * How much of a body over its limit is read and thrown away, counted from its first byte, before
   * the 413 goes out. Most clients write the whole body before they read the answer; a server that
   * answers and closes while the body is still coming resets the connection, and such a client sees
   * a broken pipe instead of the 413. 16 MiB is more than nginx lets through
   * (`client_max_body_size 11m`) and than any upload within the file limit, so every request that
   * came through nginx gets its 413 on a connection that stays open. Past it (or with a
   * Content-Length above it) the 413 carries `Connection: close` and the connection is closed.
   */
  discardBytes: 16 * 1024 * 1024,
} as const;

/** The request problems both frameworks must answer identically. */
export const requestProblems = {
  malformedJson: () => new HttpProblem(400, 'REQUEST.MALFORMED_BODY', 'The request body is not valid JSON.'),
  malformedMultipart: () =>
    new HttpProblem(400, 'REQUEST.MALFORMED_BODY', 'The multipart body could not be read.'),
  bodyTooLarge: () =>
    new HttpProblem(
      413,
      'REQUEST.TOO_LARGE',
      `The request body may be at most ${REQUEST_LIMITS.bodyBytes} bytes.`,
    ),
  fileTooLarge: () => new HttpProblem(413, 'PICTURE.TOO_LARGE', 'Pictures may be at most 10 MiB.'),
  unsupportedContentType: (expected: string) =>
    new HttpProblem(415, 'REQUEST.UNSUPPORTED_CONTENT_TYPE', `The request body must be ${expected}.`),
  malformedUrl: () =>
    new HttpProblem(400, 'REQUEST.MALFORMED_URL', 'The request URL is not validly percent-encoded.'),
  unsupportedContentEncoding: () =>
    new HttpProblem(
      415,
      'REQUEST.UNSUPPORTED_CONTENT_ENCODING',
      'Request bodies must not be compressed (Content-Encoding: identity).',
    ),
  notFound: () => new HttpProblem(404, 'ROUTE.NOT_FOUND', 'There is nothing at this address.'),
  methodNotAllowed: () =>
    new HttpProblem(405, 'ROUTE.METHOD_NOT_ALLOWED', 'This method is not allowed here.'),
} as const;

/** The content types an operation's body may come in. */
export function acceptedContentTypes(
  bodyKind: 'json' | 'json-or-form' | 'multipart' | 'none',
): readonly string[] {
  switch (bodyKind) {
    case 'json':
      return ['application/json'];
    case 'json-or-form':
      return ['application/json', 'application/x-www-form-urlencoded'];
    case 'multipart':
      return ['multipart/form-data'];
    case 'none':
      return [];
  }
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}
