import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { FakeGeocoder, PLACES } from '../testing/fake-geocoder.js';
import { SuggestPlaces } from './suggest-places.js';

describe('SuggestPlaces', () => {
  const geocoder = new FakeGeocoder();
  const suggestPlaces = new SuggestPlaces(geocoder);
  const names = async (query: string, limit?: number) =>
    (await suggestPlaces.execute({ query, limit })).items.map((s) => s.name);

  it('suggests the places starting with the trimmed query, most populous first', async () => {
    const { items } = await suggestPlaces.execute({ query: '  ber ' });
    expect(items).toEqual([
      {
        name: 'Berlin',
        country: 'DE',
        admin: '16',
        label: 'Berlin, DE',
        population: expect.any(Number),
        location: PLACES.berlin,
      },
      expect.objectContaining({ name: 'Bern', label: 'Bern, CH' }),
    ]);
    await expect(names('MUN')).resolves.toEqual(['Munich']);
  });

  it('gives labels that locate the suggested place', async () => {
    const { items } = await suggestPlaces.execute({ query: 'b', limit: 10 });
    for (const { label, location } of items) {
      await expect(geocoder.locate(label)).resolves.toEqual(location);
    }
  });

  it('honours the limit, 5 by default', async () => {
    await expect(names('b')).resolves.toEqual(['Berlin', 'Barcelona', 'Bremen', 'Bologna', 'Bonn']);
    await expect(names('b', 2)).resolves.toEqual(['Berlin', 'Barcelona']);
    await expect(names('b', 10)).resolves.toHaveLength(7);
  });

  it('answers an empty list when nothing matches', async () => {
    await expect(suggestPlaces.execute({ query: 'Sockenhausen' })).resolves.toEqual({ items: [] });
  });

  it.each([
    ['an empty query', { query: '' }, 'query'],
    ['a blank query', { query: '   ' }, 'query'],
    ['a query over 100 characters', { query: 'x'.repeat(101) }, 'query'],
    ['a limit of 0', { query: 'be', limit: 0 }, 'limit'],
    ['a limit over 10', { query: 'be', limit: 11 }, 'limit'],
    ['a fractional limit', { query: 'be', limit: 1.5 }, 'limit'],
  ])('refuses %s', async (_name, input, field) => {
    const refused = suggestPlaces.execute(input);
    await expect(refused).rejects.toThrow(InvalidValueError);
    await expect(refused).rejects.toMatchObject({ details: { field } });
  });

  it('accepts a query of exactly 100 characters, once trimmed', async () => {
    await expect(suggestPlaces.execute({ query: ` ${'x'.repeat(100)} ` })).resolves.toEqual({ items: [] });
  });
});
