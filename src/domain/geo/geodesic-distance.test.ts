import { geodesicDistanceKm } from './geodesic-distance.js';

const at = (lat: number, lon: number) => ({ lat, lon });
const rounded = (km: number) => Math.round(km * 100) / 100;

// WGS-84: a = 6 378 137 m, f = 1 / 298.257223563. Reference values not derivable by hand
// come from GeographicLib (Karney's algorithm, which geopy uses), an independent implementation.
describe('geodesicDistanceKm', () => {
  it('is 0 between a point and itself', () => {
    expect(geodesicDistanceKm(at(52.52437, 13.41053), at(52.52437, 13.41053))).toBe(0);
    expect(geodesicDistanceKm(at(0, 0), at(0, 0))).toBe(0);
  });

  it('gives the original example: equator to pole is a quarter meridian, 10001.97 km', () => {
    expect(rounded(geodesicDistanceKm(at(0, 0), at(90, 0)))).toBe(10001.97);
  });

  it('follows the equator for a quarter of it: a·π/2', () => {
    expect(geodesicDistanceKm(at(0, 0), at(0, 90))).toBeCloseTo((6378.137 * Math.PI) / 2, 6);
  });

  it('follows the equator up to (1 − f)·180° of longitude: a·179°·π/180', () => {
    // 179° < (1 − f)·180° ≈ 179.397°, so the equator is still the shortest path.
    expect(geodesicDistanceKm(at(0, 0), at(0, 179))).toBeCloseTo((6378.137 * 179 * Math.PI) / 180, 6);
  });

  it('measures Berlin to Paris on the ellipsoid (GeographicLib: 880.634838 km)', () => {
    // A sphere of mean radius would say 878.40 km: the ellipsoid matters at this scale.
    expect(geodesicDistanceKm(at(52.52437, 13.41053), at(48.85341, 2.3488))).toBeCloseTo(880.634838, 5);
  });

  it('measures Sydney to London (GeographicLib: 16989.295771 km)', () => {
    expect(geodesicDistanceKm(at(-33.8688, 151.2093), at(51.5074, -0.1278))).toBeCloseTo(16989.295771, 5);
  });

  it('is symmetric', () => {
    const berlin = at(52.52437, 13.41053);
    const paris = at(48.85341, 2.3488);
    expect(geodesicDistanceKm(paris, berlin)).toBeCloseTo(geodesicDistanceKm(berlin, paris), 9);
  });

  it('takes the short way across the antimeridian', () => {
    // 1° of longitude on the equator, not 359°: a·π/180
    expect(geodesicDistanceKm(at(0, 179.5), at(0, -179.5))).toBeCloseTo((6378.137 * Math.PI) / 180, 6);
  });

  describe('nearly antipodal points, where Vincenty does not converge', () => {
    it('goes over a pole between antipodes on the equator: half a meridian, 20003.93 km', () => {
      // twice the equator-to-pole distance above
      expect(rounded(geodesicDistanceKm(at(0, 0), at(0, 180)))).toBe(20003.93);
      expect(geodesicDistanceKm(at(0, 0), at(0, 180))).toBeCloseTo(
        2 * geodesicDistanceKm(at(0, 0), at(90, 0)),
        6,
      );
    });

    it('measures pole to pole as half a meridian too', () => {
      expect(rounded(geodesicDistanceKm(at(90, 0), at(-90, 0)))).toBe(20003.93);
    });

    it.each([
      // lat1, lon1, lat2, lon2, GeographicLib's km
      [0, 0, 0, 179.5, 19980.861909],
      [0, 0, 0.5, 179.7, 19944.127421],
      [10, 20, -10, -160.2, 20000.239438],
    ])('(%d, %d) to (%d, %d) is %d km', (lat1, lon1, lat2, lon2, km) => {
      expect(geodesicDistanceKm(at(lat1, lon1), at(lat2, lon2))).toBeCloseTo(km, 5);
    });
  });
});
