import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { UnreadablePictureError, type ImageType } from '../../domain/picture/picture.js';
import type { PictureStore } from '../../application/ports/picture-store.js';

/**
 * A key is `<2 hex>/<32 hex>`: made here from random bytes only, never from user input, so it
 * cannot name a path outside the media directory. The two-character folder keeps directories small.
 */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;
/** The URL path of a file under the media mount, with or without a leading `/media`. */
const MEDIA_URL_PATH = /^\/?(?:media\/)?([0-9a-f]{2}\/[0-9a-f]{32})(\.thumb)?\.webp$/;

const FULL = { size: 1600, quality: 82, suffix: '.webp' } as const;
const THUMBNAIL = { size: 320, quality: 75, suffix: '.thumb.webp' } as const;
/** 40 megapixels: any phone photo, but no decompression bomb (a tiny PNG of 50 000 × 50 000). */
const MAX_INPUT_PIXELS = 40_000_000;

const SHARP_FORMAT: Record<ImageType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export function isPictureKey(key: string): boolean {
  return KEY.test(key);
}

/**
 * The file behind a URL path under the media mount (`/ab/<32 hex>.webp`, `/ab/<32 hex>.thumb.webp`,
 * or the same under `/media/`), or null for any other path: only names this store makes can be
 * served, so `..`, encoded slashes and temporary files never reach the file system.
 */
export function resolveMediaPath(mediaDir: string, urlPath: string): string | null {
  const match = MEDIA_URL_PATH.exec(urlPath);
  if (!match) return null;
  const [, key, thumb] = match;
  return join(resolve(mediaDir), `${key}${thumb ? THUMBNAIL.suffix : FULL.suffix}`);
}

/**
 * Pictures as WebP files under `mediaDir`: `<key>.webp` (at most 1600 px on the long side) and
 * `<key>.thumb.webp` (at most 320 px). Every picture is decoded and encoded anew, turned upright
 * by its EXIF orientation, and stripped of all metadata (EXIF with GPS position, XMP, ICC).
 */
export class LocalPictureStore implements PictureStore {
  private readonly root: string;

  constructor(mediaDir: string) {
    this.root = resolve(mediaDir);
  }

  async store(bytes: Uint8Array, type: ImageType): Promise<string> {
    const [full, thumbnail] = await this.encode(bytes, type);
    const id = randomBytes(16).toString('hex');
    const key = `${id.slice(0, 2)}/${id}`;
    await mkdir(dirname(this.pathOf(key, FULL.suffix)), { recursive: true });
    await writeAtomically(this.pathOf(key, FULL.suffix), full);
    try {
      await writeAtomically(this.pathOf(key, THUMBNAIL.suffix), thumbnail);
    } catch (error) {
      await rm(this.pathOf(key, FULL.suffix), { force: true });
      throw error;
    }
    return key;
  }

  /** @throws {RangeError} after deleting the others, when a key is not one this store makes */
  async remove(keys: readonly string[]): Promise<void> {
    const refused = keys.filter((key) => !isPictureKey(key));
    for (const key of keys.filter(isPictureKey)) {
      await rm(this.pathOf(key, FULL.suffix), { force: true });
      await rm(this.pathOf(key, THUMBNAIL.suffix), { force: true });
    }
    // Loud on purpose: such a key comes from a bug or an attack, never from this store.
    if (refused.length > 0) {
      throw new RangeError(`Refusing to delete pictures with invalid keys: ${JSON.stringify(refused)}`);
    }
  }

  private pathOf(key: string, suffix: string): string {
    return join(this.root, `${key}${suffix}`);
  }

  /** @throws {UnreadablePictureError} when the bytes are not a whole, decodable image of `type` */
  private async encode(bytes: Uint8Array, type: ImageType): Promise<[Buffer, Buffer]> {
    // 'error' also fails on truncated data, which would otherwise come out as a grey half.
    let image: Sharp;
    let format: string;
    try {
      image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }); // throws when empty
      ({ format } = await image.metadata());
    } catch {
      throw new UnreadablePictureError();
    }
    if (format !== SHARP_FORMAT[type]) throw new UnreadablePictureError();
    const webp = (spec: typeof FULL | typeof THUMBNAIL) =>
      image
        .clone()
        .rotate() // upright by the EXIF orientation, which is then dropped with the rest
        .resize({ width: spec.size, height: spec.size, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: spec.quality })
        .toBuffer();
    try {
      return await Promise.all([webp(FULL), webp(THUMBNAIL)]);
    } catch {
      throw new UnreadablePictureError(); // e.g. truncated, or over the pixel limit
    }
  }
}

/** Readers see the whole file or none: written and flushed under a temporary name, then renamed. */
async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'wx', 0o644);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
