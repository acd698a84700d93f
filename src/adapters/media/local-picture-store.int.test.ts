import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { UnreadablePictureError } from '../../domain/picture/picture.js';
import { LocalPictureStore, resolveMediaPath } from './local-picture-store.js';

const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

/** A picture whose left half is red and right half blue, so orientation can be checked. */
function halves(width: number, height: number) {
  const half = Math.floor(width / 2);
  return sharp({ create: { width, height, channels: 3, background: RED } }).composite([
    {
      input: { create: { width: width - half, height, channels: 3, background: BLUE } },
      left: half,
      top: 0,
    },
  ]);
}

/** The 16-bit tags of the first IFD of a TIFF-structured EXIF block (as sharp's metadata gives it). */
function exifIfd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12));
}
const GPS_IFD_POINTER = 0x8825;
const ORIENTATION = 0x0112;

async function pixel(image: Buffer, left: number, top: number) {
  const [r = 0, g = 0, b = 0] = await sharp(image)
    .extract({ left, top, width: 1, height: 1 })
    .raw()
    .toBuffer();
  return { r, g, b };
}
const isRed = (p: { r: number; g: number; b: number }) => p.r > 200 && p.g < 60 && p.b < 60;
const isBlue = (p: { r: number; g: number; b: number }) => p.b > 200 && p.r < 60 && p.g < 60;

/** Every file under `dir`, relative to it. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('LocalPictureStore (real file system)', () => {
  let mediaDir: string;
  let store: LocalPictureStore;

  beforeEach(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'hotsox-media-'));
    store = new LocalPictureStore(mediaDir);
  });

  afterEach(async () => {
    await rm(mediaDir, { recursive: true, force: true });
  });

  const fileOf = (urlPath: string) => {
    const path = resolveMediaPath(mediaDir, urlPath);
    if (!path) throw new Error(`not a media path: ${urlPath}`);
    return path;
  };

  it('stores a large PNG as a WebP of at most 1600 px and a thumbnail of at most 320 px', async () => {
    const png = await halves(3000, 1500).png().toBuffer();
    const key = await store.store(png, 'image/png');

    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(await filesIn(mediaDir)).toEqual([`${key}.thumb.webp`, `${key}.webp`]);
    const full = await readFile(fileOf(`/${key}.webp`));
    const thumb = await readFile(fileOf(`/${key}.thumb.webp`));
    expect(await sharp(full).metadata()).toMatchObject({ format: 'webp', width: 1600, height: 800 });
    expect(await sharp(thumb).metadata()).toMatchObject({ format: 'webp', width: 320, height: 160 });
    expect(isRed(await pixel(full, 10, 400))).toBe(true);
    expect(isBlue(await pixel(full, 1590, 400))).toBe(true);
    expect(thumb.length).toBeLessThan(full.length);
  });

  it('turns a JPEG upright by its EXIF orientation and drops every metadata, GPS position included', async () => {
    // Stored sideways (orientation 6: the camera was turned), shot in Berlin, by a named camera.
    const jpeg = await halves(400, 200)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: 'SockCam', Model: 'Heel 3000' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '52/1 31/1 12/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '13/1 24/1 36/1',
        },
      })
      .toBuffer();
    const input = await sharp(jpeg).metadata();
    expect(input.orientation).toBe(6);
    const inputTags = exifIfd0Tags(input.exif ?? Buffer.alloc(0));
    expect(inputTags).toEqual(expect.arrayContaining([GPS_IFD_POINTER, ORIENTATION]));
    expect(input.exif?.toString('latin1')).toContain('SockCam');

    const key = await store.store(jpeg, 'image/jpeg');

    for (const urlPath of [`/${key}.webp`, `/${key}.thumb.webp`]) {
      const bytes = await readFile(fileOf(urlPath));
      const output = await sharp(bytes).metadata();
      expect(output).toMatchObject({ format: 'webp', width: urlPath.includes('thumb') ? 160 : 200 });
      expect(output.height).toBe(urlPath.includes('thumb') ? 320 : 400);
      expect(output.orientation).toBeUndefined();
      expect(output.exif).toBeUndefined();
      expect(output.xmp).toBeUndefined();
      expect(output.iptc).toBeUndefined();
      expect(output.icc).toBeUndefined();
      expect(bytes.toString('latin1')).not.toContain('SockCam');
      expect(bytes.toString('latin1')).not.toContain('Exif');
    }
    // Orientation 6 means "rotate 90° clockwise to view": the left (red) half ends up on top.
    const full = await readFile(fileOf(`/${key}.webp`));
    expect(isRed(await pixel(full, 100, 10))).toBe(true);
    expect(isBlue(await pixel(full, 100, 390))).toBe(true);
  });

  it('never enlarges a small WebP', async () => {
    const webp = await halves(100, 50).webp().toBuffer();
    const key = await store.store(webp, 'image/webp');
    expect(await sharp(await readFile(fileOf(`/${key}.webp`))).metadata()).toMatchObject({
      width: 100,
      height: 50,
    });
    expect(await sharp(await readFile(fileOf(`/${key}.thumb.webp`))).metadata()).toMatchObject({
      width: 100,
      height: 50,
    });
  });

  it('gives every picture its own key, also when stored at the same time', async () => {
    const png = await halves(64, 64).png().toBuffer();
    const keys = await Promise.all(Array.from({ length: 8 }, () => store.store(png, 'image/png')));
    expect(new Set(keys).size).toBe(8);
    expect(await filesIn(mediaDir)).toHaveLength(16); // and no temporary file left behind
  });

  it('writes files that every user of the host may read (the web server serves them)', async () => {
    const key = await store.store(await halves(64, 64).png().toBuffer(), 'image/png');
    expect((await stat(fileOf(`/${key}.webp`))).mode & 0o444).toBe(0o444);
  });

  describe('refuses what it cannot decode, and stores nothing then', () => {
    let jpeg: Buffer;
    let png: Buffer;
    beforeAll(async () => {
      jpeg = await halves(400, 300).jpeg().toBuffer();
      png = await halves(400, 300).png().toBuffer();
    });

    it.each<[string, () => Buffer, 'image/jpeg' | 'image/png' | 'image/webp']>([
      [
        'JPEG magic bytes followed by garbage',
        () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('broken '.repeat(200))]),
        'image/jpeg',
      ],
      ['a JPEG cut in half', () => jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg'],
      ['a PNG cut short', () => png.subarray(0, png.length - 200), 'image/png'],
      ['a PNG announced as a JPEG', () => png, 'image/jpeg'],
      [
        'a RIFF header that is no WebP',
        () => Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '), Buffer.alloc(64, 7)]),
        'image/webp',
      ],
      ['no bytes at all', () => Buffer.alloc(0), 'image/png'],
      ['a text file', () => Buffer.from('hello, I am not a sock'), 'image/png'],
    ])('%s', async (_what, bytes, type) => {
      await expect(store.store(bytes(), type)).rejects.toBeInstanceOf(UnreadablePictureError);
      expect(await filesIn(mediaDir)).toEqual([]);
    });

    it('a decompression bomb: a small PNG of 8000 × 6000 pixels (48 megapixels)', async () => {
      const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: 'white' } })
        .png({ compressionLevel: 9 })
        .toBuffer();
      expect(bomb.length).toBeLessThan(1024 * 1024);
      await expect(store.store(bomb, 'image/png')).rejects.toBeInstanceOf(UnreadablePictureError);
      expect(await filesIn(mediaDir)).toEqual([]);
    });
  });

  describe('remove', () => {
    it('deletes the picture and its thumbnail, and is idempotent', async () => {
      const png = await halves(64, 64).png().toBuffer();
      const [gone, kept] = [await store.store(png, 'image/png'), await store.store(png, 'image/png')];

      await store.remove([gone]);
      expect(await filesIn(mediaDir)).toEqual([`${kept}.thumb.webp`, `${kept}.webp`]);
      await expect(store.remove([gone])).resolves.toBeUndefined();
      await expect(store.remove([])).resolves.toBeUndefined();
    });

    it('ignores keys of pictures it never had, and half-gone pictures', async () => {
      const key = await store.store(await halves(64, 64).png().toBuffer(), 'image/png');
      await rm(fileOf(`/${key}.thumb.webp`));
      await store.remove([key, `00/${'0'.repeat(32)}`]);
      expect(await filesIn(mediaDir)).toEqual([]);
    });

    it('refuses keys it does not make, touching nothing outside the media directory', async () => {
      const outside = await mkdtemp(join(tmpdir(), 'hotsox-outside-'));
      try {
        const victim = join(outside, 'victim.webp');
        await writeFile(victim, 'precious');
        await writeFile(join(outside, 'victim.thumb.webp'), 'precious');
        const name = outside.slice(tmpdir().length + 1);
        const key = await store.store(await halves(64, 64).png().toBuffer(), 'image/png');

        const traversals = [
          `../${name}/victim`,
          `${key.slice(0, 2)}/../../${name}/victim`,
          join(outside, 'victim'),
        ];
        await expect(store.remove([...traversals, key])).rejects.toThrow(RangeError);

        expect(await readFile(victim, 'utf8')).toBe('precious');
        expect(await readFile(join(outside, 'victim.thumb.webp'), 'utf8')).toBe('precious');
        expect(await filesIn(mediaDir)).toEqual([]); // the valid key in the same batch is still removed
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    });
  });
});
