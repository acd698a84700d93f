import { z } from 'zod';
import { PLACE_QUERY_LENGTH, SUGGESTION_LIMIT } from '../../../application/places/suggest-places.js';
import { queryInt, text } from './common.js';

export const PlacesQuery = z.object({
  q: text(PLACE_QUERY_LENGTH.min, PLACE_QUERY_LENGTH.max).describe(
    'What the user has typed so far: the start of a city name (case, accents and punctuation ignored)',
  ),
  limit: queryInt(SUGGESTION_LIMIT.min, SUGGESTION_LIMIT.max, SUGGESTION_LIMIT.default),
});
export type PlacesQuery = z.infer<typeof PlacesQuery>;

export const Place = z
  .strictObject({
    name: z.string(),
    country: z.string().length(2).describe('ISO 3166-1 alpha-2'),
    admin: z.string().optional().describe('First-order division code (a US state, a German Land…)'),
    label: z.string().describe('What to put in a city field: it locates this very place'),
    population: z.int().min(0),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .meta({ id: 'Place' });

export const PlaceList = z.strictObject({ items: z.array(Place) }).meta({ id: 'PlaceList' });
