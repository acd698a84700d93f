import { PlaceList } from '../../src/adapters/http-common/schemas/places.js';
import type { ApiTarget } from '../support/api-target.js';
import { api, expectBody, expectInvalid, nth, signUp } from './api-helpers.js';

/** `/places`: the city autocomplete, the same on the in-memory geocoder and the real one. */
export function placeScenarios(target: () => ApiTarget): void {
  describe('GET /places', () => {
    it('suggests cities by prefix without a login, most populous first, cacheable', async () => {
      const res = await api(target()).get('/places?q=%20BER%20');
      const { items } = expectBody(res, 200, PlaceList);
      expect(nth(items, 0)).toMatchObject({ name: 'Berlin', country: 'DE', label: 'Berlin, DE' });
      const populations = items.map((p) => p.population);
      expect(populations).toEqual([...populations].sort((a, b) => b - a));
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
    });

    it('answers at most limit suggestions, 5 by default, and none for an unknown prefix', async () => {
      const t = target();
      expect(expectBody(await api(t).get('/places?q=b'), 200, PlaceList).items).toHaveLength(5);
      expect(expectBody(await api(t).get('/places?q=b&limit=2'), 200, PlaceList).items).toHaveLength(2);
      expect(expectBody(await api(t).get('/places?q=Sockenhausen'), 200, PlaceList).items).toEqual([]);
    });

    it('gives labels that sign-up locates at the suggested place', async () => {
      const t = target();
      const place = nth(expectBody(await api(t).get('/places?q=ham&limit=1'), 200, PlaceList).items, 0);
      const sam = await signUp(t, { city: place.label });
      expect(sam.me.location).toEqual({ lat: place.latitude, lon: place.longitude });
    });

    it.each([
      ['no q', '/places', ['query.q']],
      ['a blank q', '/places?q=%20%20', ['query.q']],
      ['a q over 100 characters', `/places?q=${'x'.repeat(101)}`, ['query.q']],
      ['limit 0', '/places?q=be&limit=0', ['query.limit']],
      ['limit 11', '/places?q=be&limit=11', ['query.limit']],
      ['a limit that is no integer', '/places?q=be&limit=two', ['query.limit']],
    ])('answers 400 for %s', async (_name, path, fields) => {
      expectInvalid(await api(target()).get(path), fields);
    });
  });
}
