import { PlaceList, PlacesQuery } from '../schemas/places.js';
import { defineOperation } from './operation.js';

export const placeOperations = [
  defineOperation({
    operationId: 'suggestPlaces',
    method: 'get',
    path: '/places',
    tag: 'places',
    summary: 'Cities starting with what the user typed, most populous first (city autocomplete)',
    auth: 'none',
    query: PlacesQuery,
    bodyKind: 'none',
    success: { status: 200, description: 'At most `limit` cities', schema: PlaceList },
    errors: [400],
    async handle({ query }, { app, present }) {
      const { items } = await app.places.suggestPlaces.execute({ query: query.q, limit: query.limit });
      return {
        status: 200,
        body: { items: items.map((s) => present.place(s)) },
        headers: { 'Cache-Control': 'public, max-age=3600' },
      };
    },
  }),
];
