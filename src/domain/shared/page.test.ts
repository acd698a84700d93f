import { PAGE_SIZE, offsetOf } from './page.js';

describe('offsetOf', () => {
  it.each([
    [1, 20, 0],
    [2, 20, 20],
    [3, 20, 40],
    [5, 1, 4],
    [2, 100, 100],
  ])('page %d of size %d starts at item %d', (page, pageSize, offset) => {
    expect(offsetOf({ page, pageSize })).toBe(offset);
  });

  it('has the documented page sizes', () => {
    expect(PAGE_SIZE).toEqual({ default: 20, min: 1, max: 100 });
  });
});
