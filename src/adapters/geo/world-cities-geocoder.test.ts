import { WorldCitiesGeocoder } from './world-cities-geocoder.js';

/** Within about 1 km: the data set rounds coordinates to 5 decimals and may move a centre a little. */
const near = (lat: number, lon: number) => ({ lat: expect.closeTo(lat, 1), lon: expect.closeTo(lon, 1) });

describe('WorldCitiesGeocoder', () => {
  const geocoder = new WorldCitiesGeocoder();

  beforeAll(async () => {
    await geocoder.preload(); // the first build takes about half a second: not inside a test's time
  });

  it('finds a city by its name', async () => {
    await expect(geocoder.locate('Berlin')).resolves.toEqual(near(52.52, 13.41));
    await expect(geocoder.locate('Hamburg')).resolves.toEqual(near(53.55, 9.99));
    await expect(geocoder.locate('Sydney')).resolves.toEqual(near(-33.87, 151.21));
  });

  it('gives plain numbers, valid WGS-84 degrees', async () => {
    const berlin = await geocoder.locate('Berlin');
    expect(berlin).toEqual({ lat: expect.any(Number), lon: expect.any(Number) });
    expect(Object.keys(berlin ?? {})).toEqual(['lat', 'lon']);
  });

  it('takes the most populous place of a name', async () => {
    // Berlin, New Hampshire has 10 000 inhabitants; Paris, Texas 25 000; London, Ontario 380 000.
    await expect(geocoder.locate('Paris')).resolves.toEqual(near(48.85, 2.35));
    await expect(geocoder.locate('London')).resolves.toEqual(near(51.51, -0.13));
  });

  it('ignores case, accents, punctuation and extra spaces', async () => {
    const zurich = await geocoder.locate('Zürich');
    expect(zurich).toEqual(near(47.37, 8.55));
    for (const spelling of ['zurich', 'ZÜRICH', '  Zurich  ', 'zu\u0308rich']) {
      await expect(geocoder.locate(spelling)).resolves.toEqual(zurich);
    }
    await expect(geocoder.locate('sao paulo')).resolves.toEqual(near(-23.55, -46.64));
    await expect(geocoder.locate('Krakow')).resolves.toEqual(await geocoder.locate('Kraków'));
    await expect(geocoder.locate('saint etienne')).resolves.toEqual(near(45.43, 4.39));
    await expect(geocoder.locate('Saint-Étienne')).resolves.toEqual(near(45.43, 4.39));
    await expect(geocoder.locate('Wroclaw')).resolves.toEqual(await geocoder.locate('Wrocław'));
    await expect(geocoder.locate('GIESSEN')).resolves.toEqual(await geocoder.locate('Gießen'));
  });

  it('finds a place by the short form of its name', async () => {
    await expect(geocoder.locate('New York')).resolves.toEqual(near(40.71, -74.01));
    await expect(geocoder.locate('Frankfurt')).resolves.toEqual(near(50.12, 8.68)); // am Main, not (Oder)
    await expect(geocoder.locate('Halle')).resolves.toEqual(near(51.48, 11.97)); // (Saale), not Halle in Belgium
    await expect(geocoder.locate('Frankfurt am Main')).resolves.toEqual(near(50.12, 8.68));
    await expect(geocoder.locate('Frankfurt (Oder)')).resolves.toEqual(near(52.34, 14.55));
  });

  describe('restricted to a country after a comma', () => {
    it('by English name, alpha-2 or alpha-3 code, in any case', async () => {
      const france = near(48.85, 2.35);
      for (const query of ['Paris, France', 'Paris, FR', 'paris,fr', 'Paris, FRA', 'PARIS , france']) {
        await expect(geocoder.locate(query)).resolves.toEqual(france);
      }
    });

    it('finds the most populous Paris of the United States: Paris, Texas', async () => {
      const texas = near(33.66, -95.56);
      for (const query of [
        'Paris, US',
        'Paris, USA',
        'Paris, United States',
        'Paris, United States of America',
      ]) {
        await expect(geocoder.locate(query)).resolves.toEqual(texas);
      }
    });

    it('finds London, Ontario for "London, Canada"', async () => {
      await expect(geocoder.locate('London, Canada')).resolves.toEqual(near(42.98, -81.23));
      await expect(geocoder.locate('London, UK')).resolves.toEqual(near(51.51, -0.13));
    });

    it('gives null when that country has no place of that name', async () => {
      await expect(geocoder.locate('Paris, Japan')).resolves.toBeNull();
      await expect(geocoder.locate('Berlin, JP')).resolves.toBeNull();
    });

    it('counts a place in the countries GeoNames also gives it', async () => {
      // Mariehamn is in Åland (AX), which GeoNames also files under Finland.
      await expect(geocoder.locate('Mariehamn, Finland')).resolves.toEqual(near(60.1, 19.94));
      await expect(geocoder.locate('Mariehamn, AX')).resolves.toEqual(near(60.1, 19.94));
    });

    it('takes a first-order division code when the country of that code has no such place', async () => {
      await expect(geocoder.locate('Paris, TN')).resolves.toEqual(near(36.3, -88.33));
      await expect(geocoder.locate('Portland, OR')).resolves.toEqual(near(45.52, -122.68));
      await expect(geocoder.locate('Portland, ME')).resolves.toEqual(near(43.66, -70.25));
      await expect(geocoder.locate('Portland, ME, US')).resolves.toEqual(near(43.66, -70.25));
      // TN is Tunisia and ME Montenegro, which have no Paris and no Portland; CA is Canada, which has a Paris.
      await expect(geocoder.locate('Paris, CA')).resolves.toEqual(near(43.2, -80.38));
    });

    it('ignores a qualifier that is neither a country nor a division', async () => {
      await expect(geocoder.locate('Munich, Bavaria')).resolves.toEqual(await geocoder.locate('Munich'));
      await expect(geocoder.locate('Berlin, ')).resolves.toEqual(near(52.52, 13.41));
    });
  });

  it.each([
    'Sockenhausen an der Wäscheleine',
    'Atlantis, Greece', // there is an Atlantis, in South Africa: see below
    'Qwertzuiop',
    '',
    '   ',
    ',',
    ', France',
    '12345',
    'x'.repeat(10_000),
  ])('gives null for the unknown place %j', async (query) => {
    await expect(geocoder.locate(query)).resolves.toBeNull();
  });

  it('knows Atlantis, a town of 67 000 near Cape Town', async () => {
    await expect(geocoder.locate('Atlantis')).resolves.toEqual(near(-33.57, 18.48));
  });

  it('trusts the population, not GeoNames\' "historical" or "destroyed" flags, which are often wrong', async () => {
    // Yurga (Kemerovo oblast, 80 000 inhabitants) is filed as historical; Cordova (Cebu) as destroyed.
    await expect(geocoder.locate('Yurga')).resolves.toEqual(near(55.72, 84.89));
    await expect(geocoder.locate('Cordova')).resolves.toEqual(near(10.24, 123.94));
  });

  it('shares one index between instances, and answers fast once it is built', async () => {
    const other = new WorldCitiesGeocoder();
    const started = performance.now();
    for (let i = 0; i < 1000; i++) await other.locate(i % 2 === 0 ? 'Berlin' : 'Paris, US');
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('WorldCitiesGeocoder.suggest', () => {
  const geocoder = new WorldCitiesGeocoder();

  beforeAll(async () => {
    await geocoder.preload();
  });

  const names = async (prefix: string, limit = 5) =>
    (await geocoder.suggest(prefix, limit)).map((s) => s.name);

  it('suggests the places starting with the prefix, most populous first', async () => {
    const [zurich, ...others] = await geocoder.suggest('zur', 5);
    expect(zurich).toEqual({
      name: 'Zürich',
      country: 'CH',
      admin: 'ZH',
      label: 'Zürich, CH',
      population: expect.any(Number),
      location: near(47.37, 8.55),
    });
    const populations = [zurich, ...others].map((s) => s?.population ?? 0);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('matches short forms, and names each place once', async () => {
    const frankfurts = await names('frankf');
    expect(frankfurts[0]).toBe('Frankfurt am Main'); // also indexed as "frankfurt"
    expect(frankfurts.filter((n) => n === 'Frankfurt am Main')).toHaveLength(1);
    expect(frankfurts).toContain('Frankfurt (Oder)');
    await expect(names('new yo', 1)).resolves.toEqual(['New York City']);
  });

  it('ignores case, accents, punctuation and what follows a comma', async () => {
    const zurich = await names('Zür');
    for (const spelling of ['zur', 'ZUR', '  zu\u0308r', 'Zürich, CH']) {
      await expect(names(spelling)).resolves.toEqual(zurich);
    }
    await expect(names('sao p', 1)).resolves.toEqual(['São Paulo']);
    await expect(names('saint-et', 1)).resolves.toEqual(await names('saint et', 1));
  });

  it('honours the limit, also for the one-letter prefixes', async () => {
    await expect(geocoder.suggest('s', 10)).resolves.toHaveLength(10);
    await expect(geocoder.suggest('s', 3)).resolves.toHaveLength(3);
    await expect(names('s', 3)).resolves.toEqual((await names('s', 10)).slice(0, 3));
    await expect(geocoder.suggest('frankf', 1)).resolves.toHaveLength(1);
  });

  it.each(['zur', 'paris', 'portland', 'frankf', 'halle', 'washington', 'san', 'a'])(
    'gives labels that locate resolves to the very place suggested (%j)',
    async (prefix) => {
      const suggestions = await geocoder.suggest(prefix, 10);
      expect(suggestions.length).toBeGreaterThan(0);
      for (const { label, location } of suggestions) {
        await expect(geocoder.locate(label)).resolves.toEqual(location);
      }
      expect(new Set(suggestions.map((s) => s.label)).size).toBe(suggestions.length);
    },
  );

  it('qualifies a smaller namesake by its division when its country is not enough', async () => {
    const labels = (await geocoder.suggest('paris', 10)).map((s) => s.label);
    expect(labels[0]).toBe('Paris, FR');
    expect(labels).toContain('Paris, US'); // Texas, the most populous Paris of the US
    expect(labels).toContain('Paris, TN, US');
  });

  it.each(['', '   ', ',', ', France', 'qwertzuiop', 'x'.repeat(10_000)])(
    'suggests nothing for %j',
    async (prefix) => {
      await expect(geocoder.suggest(prefix, 5)).resolves.toEqual([]);
    },
  );
});
