import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isPictureKey, resolveMediaPath } from '../../adapters/media/local-picture-store.js';
import type { PictureStore } from '../../application/ports/picture-store.js';

/**
 * Files for the demo pictures, each a separate pair of files under its own key, as an upload
 * would make. Re-encoding the same PNG for every picture costs about 11 ms each here (two WebP
 * encodes), i.e. minutes for 10 000 users, so only the first picture of each distinct image goes
 * through the real `LocalPictureStore.store` (decoded, re-encoded, thumbnail made); later ones
 * copy that result's two files under a new key of the same form. Keys that the store would not
 * recognise fall back to `store.store` for every picture.
 */
export class DemoPictureFiles {
  private readonly originals = new Map<string, Promise<string>>();

  constructor(
    private readonly store: PictureStore,
    private readonly mediaDir: string,
  ) {}

  /** Stores one picture of the image named `imageKey` (the PNG `png`); returns its new key. */
  async add(imageKey: string, png: Uint8Array): Promise<string> {
    const original = this.originals.get(imageKey);
    if (!original) {
      const stored = this.store.store(png, 'image/png');
      this.originals.set(imageKey, stored);
      return stored;
    }
    const from = filesOf(this.mediaDir, await original);
    const key = newKey();
    const to = filesOf(this.mediaDir, key);
    if (!from || !to) return this.store.store(png, 'image/png');
    await mkdir(dirname(to.full), { recursive: true });
    try {
      await copyFile(from.full, to.full, constants.COPYFILE_EXCL);
      await copyFile(from.thumbnail, to.thumbnail, constants.COPYFILE_EXCL);
    } catch (error) {
      await rm(to.full, { force: true });
      throw error;
    }
    return key;
  }
}

/** The store's key form: `<2 hex>/<32 hex>` from random bytes. */
function newKey(): string {
  const id = randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id}`;
}

function filesOf(mediaDir: string, key: string): { full: string; thumbnail: string } | null {
  if (!isPictureKey(key)) return null;
  const full = resolveMediaPath(mediaDir, `/${key}.webp`);
  const thumbnail = resolveMediaPath(mediaDir, `/${key}.thumb.webp`);
  return full && thumbnail ? { full, thumbnail } : null;
}
