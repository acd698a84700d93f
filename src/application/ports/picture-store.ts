import type { ImageType } from '../../domain/picture/picture.js';

/** Keeps picture files: a re-encoded image without metadata and a thumbnail, under one key. */
export interface PictureStore {
  /**
   * Decodes, re-encodes and stores the image; returns its key.
   * @throws {UnreadablePictureError} when the bytes cannot be decoded as `type`
   */
  store(bytes: Uint8Array, type: ImageType): Promise<string>;
  /** Deletes the files of these keys. Idempotent: unknown keys are ignored. */
  remove(keys: readonly string[]): Promise<void>;
}
