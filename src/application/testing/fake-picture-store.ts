import { UnreadablePictureError, type ImageType } from '../../domain/picture/picture.js';
import type { PictureStore } from '../ports/picture-store.js';

/** Keeps keys only. Bytes starting with "broken" stand for an undecodable image. */
export class FakePictureStore implements PictureStore {
  readonly stored = new Set<string>();
  private counter = 0;

  async store(bytes: Uint8Array, type: ImageType): Promise<string> {
    if (String.fromCharCode(...bytes.subarray(0, 32)).includes('broken')) throw new UnreadablePictureError();
    this.counter += 1;
    const key = `pictures/${this.counter}.${type.split('/')[1]}`;
    this.stored.add(key);
    return key;
  }

  async remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.stored.delete(key);
  }
}
