import { DomainError } from '../shared/domain-error.js';

/** Metadata of a stored picture; the bytes live in a `PictureStore` under `key`. */
export interface Picture {
  readonly id: string;
  /** The user who owns the picture (directly, or through their sock). */
  readonly userId: string;
  /** Set for a sock's picture, null for a profile picture. */
  readonly sockId: string | null;
  /** Where the picture store keeps the image and its thumbnail. */
  readonly key: string;
  readonly createdAt: Date;
}

export const PICTURE_RULES = { maxBytes: 10 * 1024 * 1024 } as const;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/**
 * The type of an image judged by its content (magic bytes), never by a file name or a header.
 * Null when the bytes are none of JPEG, PNG or WebP.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, signature: readonly number[]): boolean =>
    bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
  if (starts(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

export class PictureNotFoundError extends DomainError {
  constructor() {
    super('not-found', 'PICTURE.NOT_FOUND', 'No such picture.');
  }
}

export class UnsupportedPictureTypeError extends DomainError {
  constructor() {
    super('unsupported', 'PICTURE.UNSUPPORTED_TYPE', 'Pictures must be JPEG, PNG or WebP images.', {
      field: 'picture',
    });
  }
}

export class PictureTooLargeError extends DomainError {
  constructor() {
    super('too-large', 'PICTURE.TOO_LARGE', 'Pictures may be at most 10 MiB.', { field: 'picture' });
  }
}

/** The picture could not be decoded although its first bytes looked like an image. */
export class UnreadablePictureError extends DomainError {
  constructor() {
    super('invalid', 'PICTURE.UNREADABLE', 'The picture could not be read.', { field: 'picture' });
  }
}
