import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  GENDERS,
  OPTION_LISTS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
  isOptionKey,
  keysOf,
  labelOf,
  ordinalOf,
  type Option,
} from './option-lists.js';

const labels = (options: ReadonlyArray<Option>) => options.map((o) => o.label);

// The labels of reference §1.2 (the original's choice lists after migration 0007), in order.
describe('the choice lists', () => {
  it.each<[string, ReadonlyArray<Option>, string[]]>([
    [
      'GENDERS',
      GENDERS,
      ['Female', 'Male', 'Non-binary', 'One of a kind', 'Snail', 'Unicorn', 'Shoelace', 'Prefer not to say'],
    ],
    [
      'COLORS',
      COLORS,
      ['Black', 'Grey', 'Red', 'Orange', 'Yellow', 'Multicolor', 'Blue', 'Purple', 'Green', 'White'],
    ],
    ['FABRICS', FABRICS, ['Wool', 'Cotton', 'Polyester', 'Bamboo', 'Nylon', 'Silk', 'Latex']],
    [
      'THICKNESSES',
      THICKNESSES,
      [
        'Fishnet',
        'Nylon thin',
        'Summer type',
        'Regular polyester',
        'Winter type',
        'Cushioned cozy one',
        'Double battery powered self warming one',
      ],
    ],
    [
      'BRANDS',
      BRANDS,
      [
        'Gucci',
        'D&G',
        'Pierre Cardin',
        'Nike',
        'Adidas',
        'Puma',
        'Converse',
        'Odd sock',
        'Hot sock',
        "From ma' gran'ma",
        'Aldi',
        'One Euro Shop',
        'Stolen',
      ],
    ],
    [
      'SOCK_TYPES',
      SOCK_TYPES,
      [
        'Invisible',
        'Toe sock',
        'Toe less',
        'Ankle',
        'Mid-calf',
        'Crew',
        'Calf',
        'Knee-high',
        "Gran'ma knitted sock",
      ],
    ],
    ['SIZES', SIZES, ['25-31', '32-36', '37-40', '41-45', '46-47', '47+', 'Big Foot']],
    [
      'CONDITIONS',
      CONDITIONS,
      [
        'Brand new',
        'Sunday best',
        'Fairly used',
        'Well loved',
        'Regular one',
        'Stained',
        'Overused',
        'Colorless but still going.',
        'Lost and found',
        'Involuntary Toesock',
        'Rescued from trash',
        'One of a kind',
      ],
    ],
    [
      'ENVIRONMENTS',
      ENVIRONMENTS,
      [
        'Indoor sock',
        "Netflix'n'Chill sock",
        'Love-live sock',
        'Sleeping sock',
        'Las Vegas sock',
        'Japanese vendor machine sock',
        'Gym sock',
        'Outdoor sock',
        '2-week used Festival sock',
      ],
    ],
  ])('%s has the original labels in the original order', (_name, options, expected) => {
    expect(labels(options)).toEqual(expected);
  });

  it('serves the nine lists under their /options names', () => {
    expect(OPTION_LISTS).toEqual({
      gender: GENDERS,
      color: COLORS,
      fabric: FABRICS,
      thickness: THICKNESSES,
      brand: BRANDS,
      type: SOCK_TYPES,
      size: SIZES,
      condition: CONDITIONS,
      environment: ENVIRONMENTS,
    });
  });

  it.each(Object.entries(OPTION_LISTS))('%s has unique lower-case slug keys', (_name, options) => {
    const keys = options.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(COLORS)).toBe(true);
    expect(Object.isFrozen(COLORS[0])).toBe(true);
    expect(Object.isFrozen(OPTION_LISTS)).toBe(true);
  });
});

describe('ordinalOf', () => {
  it('is the 1-based position, as the original choice codes were', () => {
    expect(ordinalOf(COLORS, 'black')).toBe(1);
    expect(ordinalOf(COLORS, 'grey')).toBe(2);
    expect(ordinalOf(COLORS, 'white')).toBe(10);
    expect(ordinalOf(BRANDS, 'stolen')).toBe(13);
    expect(ordinalOf(SIZES, 'big-foot')).toBe(7);
  });

  it('throws for a key of no option', () => {
    expect(() => ordinalOf(COLORS, 'mauve' as never)).toThrow(RangeError);
  });
});

describe('isOptionKey', () => {
  it('accepts keys only, not labels or codes', () => {
    expect(isOptionKey(COLORS, 'black')).toBe(true);
    expect(isOptionKey(SIZES, '47-plus')).toBe(true);
    expect(isOptionKey(COLORS, 'Black')).toBe(false);
    expect(isOptionKey(COLORS, '1')).toBe(false);
    expect(isOptionKey(SIZES, '47+')).toBe(false);
    expect(isOptionKey(COLORS, '')).toBe(false);
  });

  it('knows each list separately', () => {
    expect(isOptionKey(GENDERS, 'one-of-a-kind')).toBe(true);
    expect(isOptionKey(CONDITIONS, 'one-of-a-kind')).toBe(true);
    expect(isOptionKey(COLORS, 'one-of-a-kind')).toBe(false);
  });
});

describe('labelOf', () => {
  it('gives the label of a key', () => {
    expect(labelOf(BRANDS, 'd-and-g')).toBe('D&G');
    expect(labelOf(SIZES, '47-plus')).toBe('47+');
    expect(labelOf(ENVIRONMENTS, 'festival')).toBe('2-week used Festival sock');
  });

  it('falls back to the key itself for an unknown key', () => {
    expect(labelOf(COLORS, 'mauve' as never)).toBe('mauve');
  });
});

describe('keysOf', () => {
  it('lists the keys in order', () => {
    expect(keysOf(FABRICS)).toEqual(['wool', 'cotton', 'polyester', 'bamboo', 'nylon', 'silk', 'latex']);
  });
});
