import type { GeoPoint } from '../../domain/geo/geo-point.js';

/** Finds where a city is, from data shipped with HotSox (no network call). */
export interface Geocoder {
  /**
   * `city` or `"city, country"`; the most populous match when the name is ambiguous.
   * Null for an unknown place, never an error.
   */
  locate(city: string): Promise<GeoPoint | null>;
}
