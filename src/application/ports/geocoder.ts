import type { GeoPoint } from '../../domain/geo/geo-point.js';

/** A place offered while the user types a city (`Geocoder.suggest`). */
export interface PlaceSuggestion {
  /** The place's name as the data set spells it ("Frankfurt am Main"). */
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** First-order division code (a US state `TX`, a German Land `05`), or null when unknown. */
  readonly admin: string | null;
  /** What to type into the city field: `locate(label)` finds this very place ("Zürich, CH"). */
  readonly label: string;
  readonly population: number;
  readonly location: GeoPoint;
}

/** Finds where a city is, from data shipped with HotSox (no network call). */
export interface Geocoder {
  /**
   * `city` or `"city, country"`; the most populous match when the name is ambiguous.
   * Null for an unknown place, never an error.
   */
  locate(city: string): Promise<GeoPoint | null>;

  /**
   * At most `limit` places whose name (or a short form of it) starts with `prefix`, the text
   * before any comma, compared as `locate` compares names; most populous first, each place once.
   * Empty when nothing matches, never an error.
   */
  suggest(prefix: string, limit: number): Promise<PlaceSuggestion[]>;
}
