/** A place on Earth in WGS-84 degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

export function isGeoPoint(p: GeoPoint): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}
