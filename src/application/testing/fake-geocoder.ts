import type { GeoPoint } from '../../domain/geo/geo-point.js';
import type { Geocoder, PlaceSuggestion } from '../ports/geocoder.js';

export const PLACES: Readonly<Record<string, GeoPoint>> = {
  berlin: { lat: 52.52437, lon: 13.41053 },
  hamburg: { lat: 53.57532, lon: 10.01534 },
  munich: { lat: 48.13743, lon: 11.57549 },
  paris: { lat: 48.85341, lon: 2.3488 },
};

const SUGGESTIONS: readonly PlaceSuggestion[] = [
  suggestion('Paris', 'FR', '11', 2_138_551, PLACES.paris),
  suggestion('Berlin', 'DE', '16', 3_426_354, PLACES.berlin),
  suggestion('Hamburg', 'DE', '04', 1_739_117, PLACES.hamburg),
  suggestion('Munich', 'DE', '02', 1_260_391, PLACES.munich),
  // Cities starting with B, for prefixes with more matches than a page.
  suggestion('Barcelona', 'ES', '56', 1_621_537, { lat: 41.38879, lon: 2.15899 }),
  suggestion('Bremen', 'DE', '03', 546_501, { lat: 53.07516, lon: 8.80777 }),
  suggestion('Bordeaux', 'FR', '75', 231_844, { lat: 44.84044, lon: -0.5805 }),
  suggestion('Bonn', 'DE', '07', 313_125, { lat: 50.73438, lon: 7.09549 }),
  suggestion('Bologna', 'IT', '45', 366_133, { lat: 44.49381, lon: 11.33875 }),
  suggestion('Bern', 'CH', 'BE', 121_631, { lat: 46.94809, lon: 7.44744 }),
].sort((a, b) => b.population - a.population);

/**
 * Knows a handful of cities, case-insensitively, by name or by `"name, country"`; suggests them
 * by case-insensitive prefix.
 */
export class FakeGeocoder implements Geocoder {
  async locate(city: string): Promise<GeoPoint | null> {
    const [name = '', country] = city.split(',').map((part) => part.trim().toLowerCase());
    const known = SUGGESTIONS.find(
      (s) => s.name.toLowerCase() === name && (country === undefined || s.country.toLowerCase() === country),
    );
    return known?.location ?? null;
  }

  async suggest(prefix: string, limit: number): Promise<PlaceSuggestion[]> {
    const start = (prefix.split(',')[0] ?? '').trim().toLowerCase();
    if (start === '') return [];
    return SUGGESTIONS.filter((s) => s.name.toLowerCase().startsWith(start)).slice(0, limit);
  }
}

function suggestion(
  name: string,
  country: string,
  admin: string,
  population: number,
  location: GeoPoint | undefined,
): PlaceSuggestion {
  if (!location) throw new Error(`no fake place ${name}`);
  return { name, country, admin, label: `${name}, ${country}`, population, location };
}
