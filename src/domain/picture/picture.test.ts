import { detectImageType } from './picture.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('detectImageType', () => {
  it('recognises JPEG by FF D8 FF', () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, ...ascii('JFIF')))).toBe('image/jpeg');
    expect(detectImageType(bytes(0xff, 0xd8, 0xff))).toBe('image/jpeg');
  });

  it('recognises PNG by its 8-byte signature', () => {
    expect(detectImageType(bytes(0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe(
      'image/png',
    );
  });

  it('recognises WebP by RIFF, a size, then WEBP', () => {
    expect(detectImageType(bytes(...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')))).toBe('image/webp');
  });

  it('refuses GIF, which is not supported', () => {
    expect(detectImageType(bytes(...ascii('GIF89a'), 1, 0, 1, 0))).toBeNull();
  });

  it('refuses another RIFF format (WAVE)', () => {
    expect(detectImageType(bytes(...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WAVE')))).toBeNull();
  });

  it('refuses text that merely claims to be an image', () => {
    expect(detectImageType(bytes(...ascii('<svg xmlns="http://www.w3.org/2000/svg">')))).toBeNull();
  });

  it.each([
    ['nothing', []],
    ['two JPEG bytes', [0xff, 0xd8]],
    ['seven PNG bytes', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]],
    ['RIFF and a size but only "WEB"', [...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEB')]],
  ])('refuses input too short to be sure: %s', (_label, values) => {
    expect(detectImageType(bytes(...values))).toBeNull();
  });

  it('looks only at the start of the bytes', () => {
    expect(detectImageType(bytes(0, 0xff, 0xd8, 0xff))).toBeNull();
  });
});
