import { isGeoPoint } from './geo-point.js';

describe('isGeoPoint', () => {
  it.each([
    [0, 0],
    [90, 180],
    [-90, -180],
    [52.52437, 13.41053],
  ])('accepts (%d, %d)', (lat, lon) => {
    expect(isGeoPoint({ lat, lon })).toBe(true);
  });

  it.each([
    [90.0001, 0],
    [-90.0001, 0],
    [0, 180.0001],
    [0, -180.0001],
    [Number.NaN, 0],
    [0, Number.POSITIVE_INFINITY],
  ])('refuses (%d, %d)', (lat, lon) => {
    expect(isGeoPoint({ lat, lon })).toBe(false);
  });
});
