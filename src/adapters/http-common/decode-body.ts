import type { BodyKind } from './api/operation.js';
import { acceptedContentTypes, mediaTypeOf, requestProblems } from './request-limits.js';

/**
 * Turns a raw (already size-bounded) request body into the value the operation validates, the
 * same way for both frameworks: no body → undefined; a body in a media type the operation does
 * not take → 415; unparsable JSON → 400. Form fields become a plain object of strings.
 */
export function decodeBody(
  bodyKind: BodyKind,
  contentType: string | undefined,
  raw: Buffer | undefined,
): unknown {
  if (bodyKind === 'none' || !raw || raw.length === 0) return undefined;
  const type = mediaTypeOf(contentType);
  if (!type || !acceptedContentTypes(bodyKind).includes(type)) {
    throw requestProblems.unsupportedContentType(acceptedContentTypes(bodyKind).join(' or '));
  }
  const text = raw.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      fields[key] = value;
    }
    return fields;
  }
  try {
    return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
  } catch {
    throw requestProblems.malformedJson();
  }
}
