import type { GeoPoint } from '../../domain/geo/geo-point.js';
import type { Geocoder } from '../ports/geocoder.js';

export const PLACES: Readonly<Record<string, GeoPoint>> = {
  berlin: { lat: 52.52437, lon: 13.41053 },
  hamburg: { lat: 53.57532, lon: 10.01534 },
  munich: { lat: 48.13743, lon: 11.57549 },
  paris: { lat: 48.85341, lon: 2.3488 },
};

/** Knows a handful of cities, case-insensitively. */
export class FakeGeocoder implements Geocoder {
  async locate(city: string): Promise<GeoPoint | null> {
    return PLACES[city.trim().toLowerCase()] ?? null;
  }
}
