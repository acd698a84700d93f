import { ListOptions } from './list-options.js';

describe('ListOptions', () => {
  it('returns every list as ordered key/label pairs', async () => {
    const options = await new ListOptions().execute();

    expect(Object.keys(options)).toEqual([
      'gender',
      'color',
      'fabric',
      'thickness',
      'brand',
      'type',
      'size',
      'condition',
      'environment',
    ]);
    expect(options.color[0]).toEqual({ key: 'black', label: 'Black' });
    expect(options.color.at(-1)).toEqual({ key: 'white', label: 'White' });
    expect(options.brand).toHaveLength(13);
    expect(options.size.map((o) => o.label)).toEqual([
      '25-31',
      '32-36',
      '37-40',
      '41-45',
      '46-47',
      '47+',
      'Big Foot',
    ]);
  });
});
