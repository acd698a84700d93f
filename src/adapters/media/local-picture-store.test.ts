import { join, resolve } from 'node:path';
import { isPictureKey, resolveMediaPath } from './local-picture-store.js';

const ID = '3f2a9c0d4b5e6f708192a3b4c5d6e7f8';
const KEY = `3f/${ID}`;
const MEDIA = '/srv/hotsox/media';

describe('isPictureKey', () => {
  it('accepts the keys the store makes', () => {
    expect(isPictureKey(KEY)).toBe(true);
  });

  it.each([
    '',
    ID,
    `3f/${ID}.webp`,
    `3F/${ID}`,
    `3f/${ID.toUpperCase()}`,
    `3f/${ID.slice(1)}`,
    `3f/${ID}0`,
    `/3f/${ID}`,
    `3f//${ID}`,
    `../${ID}`,
    `3f/../../../etc/passwd`,
    `..\\${ID}`,
    `3f/${ID}\n`,
    'pictures/1.webp',
  ])('refuses %j', (key) => {
    expect(isPictureKey(key)).toBe(false);
  });
});

describe('resolveMediaPath', () => {
  it('maps a picture and its thumbnail to files under the media directory', () => {
    expect(resolveMediaPath(MEDIA, `/${KEY}.webp`)).toBe(join(MEDIA, '3f', `${ID}.webp`));
    expect(resolveMediaPath(MEDIA, `/${KEY}.thumb.webp`)).toBe(join(MEDIA, '3f', `${ID}.thumb.webp`));
  });

  it('takes the path with or without the leading slash or /media mount', () => {
    const expected = join(MEDIA, '3f', `${ID}.webp`);
    expect(resolveMediaPath(MEDIA, `${KEY}.webp`)).toBe(expected);
    expect(resolveMediaPath(MEDIA, `/media/${KEY}.webp`)).toBe(expected);
    expect(resolveMediaPath(MEDIA, `media/${KEY}.webp`)).toBe(expected);
  });

  it('gives an absolute path for a relative media directory', () => {
    expect(resolveMediaPath('data/media', `/${KEY}.webp`)).toBe(resolve('data/media', '3f', `${ID}.webp`));
  });

  it.each([
    '/',
    '',
    `/${KEY}`,
    `/${KEY}.png`,
    `/${KEY}.jpg`,
    `/${KEY}.webp.tmp`,
    `/${KEY}.webp.1a2b3c4d5e6f.tmp`,
    `/${KEY}.thumb.thumb.webp`,
    `/${KEY}.webp/`,
    `/${KEY}.webp?x=1`,
    `/3F/${ID}.webp`,
    `//${KEY}.webp`,
    `/media/media/${KEY}.webp`,
    `/other/${KEY}.webp`,
    `/../${KEY}.webp`,
    `/3f/../../etc/passwd`,
    `/..%2f..%2fetc%2fpasswd`,
    `/3f%2f${ID}.webp`,
    `/%2e%2e/${KEY}.webp`,
    `\\3f\\${ID}.webp`,
    `/3f/${ID}.webp\u0000.png`,
    `/3f/${ID}.webp\n`,
    '/etc/passwd',
  ])('refuses %j', (urlPath) => {
    expect(resolveMediaPath(MEDIA, urlPath)).toBeNull();
  });
});
