/**
 * The choice lists of the original HotSox (after its migration 0007), in the original's order,
 * under stable slug keys. The order matters: the similarity score compares positions.
 */
export interface Option<K extends string = string> {
  readonly key: K;
  readonly label: string;
}

function list<const K extends string>(
  ...entries: ReadonlyArray<readonly [K, string]>
): ReadonlyArray<Option<K>> {
  return Object.freeze(entries.map(([key, label]) => Object.freeze({ key, label })));
}

export const GENDERS = list(
  ['female', 'Female'],
  ['male', 'Male'],
  ['non-binary', 'Non-binary'],
  ['one-of-a-kind', 'One of a kind'],
  ['snail', 'Snail'],
  ['unicorn', 'Unicorn'],
  ['shoelace', 'Shoelace'],
  ['prefer-not-to-say', 'Prefer not to say'],
);

export const COLORS = list(
  ['black', 'Black'],
  ['grey', 'Grey'],
  ['red', 'Red'],
  ['orange', 'Orange'],
  ['yellow', 'Yellow'],
  ['multicolor', 'Multicolor'],
  ['blue', 'Blue'],
  ['purple', 'Purple'],
  ['green', 'Green'],
  ['white', 'White'],
);

export const FABRICS = list(
  ['wool', 'Wool'],
  ['cotton', 'Cotton'],
  ['polyester', 'Polyester'],
  ['bamboo', 'Bamboo'],
  ['nylon', 'Nylon'],
  ['silk', 'Silk'],
  ['latex', 'Latex'],
);

export const THICKNESSES = list(
  ['fishnet', 'Fishnet'],
  ['nylon-thin', 'Nylon thin'],
  ['summer-type', 'Summer type'],
  ['regular-polyester', 'Regular polyester'],
  ['winter-type', 'Winter type'],
  ['cushioned-cozy', 'Cushioned cozy one'],
  ['self-warming', 'Double battery powered self warming one'],
);

export const BRANDS = list(
  ['gucci', 'Gucci'],
  ['d-and-g', 'D&G'],
  ['pierre-cardin', 'Pierre Cardin'],
  ['nike', 'Nike'],
  ['adidas', 'Adidas'],
  ['puma', 'Puma'],
  ['converse', 'Converse'],
  ['odd-sock', 'Odd sock'],
  ['hot-sock', 'Hot sock'],
  ['from-ma-granma', "From ma' gran'ma"],
  ['aldi', 'Aldi'],
  ['one-euro-shop', 'One Euro Shop'],
  ['stolen', 'Stolen'],
);

export const SOCK_TYPES = list(
  ['invisible', 'Invisible'],
  ['toe-sock', 'Toe sock'],
  ['toe-less', 'Toe less'],
  ['ankle', 'Ankle'],
  ['mid-calf', 'Mid-calf'],
  ['crew', 'Crew'],
  ['calf', 'Calf'],
  ['knee-high', 'Knee-high'],
  ['granma-knitted', "Gran'ma knitted sock"],
);

export const SIZES = list(
  ['25-31', '25-31'],
  ['32-36', '32-36'],
  ['37-40', '37-40'],
  ['41-45', '41-45'],
  ['46-47', '46-47'],
  ['47-plus', '47+'],
  ['big-foot', 'Big Foot'],
);

export const CONDITIONS = list(
  ['brand-new', 'Brand new'],
  ['sunday-best', 'Sunday best'],
  ['fairly-used', 'Fairly used'],
  ['well-loved', 'Well loved'],
  ['regular', 'Regular one'],
  ['stained', 'Stained'],
  ['overused', 'Overused'],
  ['colorless-but-going', 'Colorless but still going.'],
  ['lost-and-found', 'Lost and found'],
  ['involuntary-toesock', 'Involuntary Toesock'],
  ['rescued-from-trash', 'Rescued from trash'],
  ['one-of-a-kind', 'One of a kind'],
);

export const ENVIRONMENTS = list(
  ['indoor', 'Indoor sock'],
  ['netflix-and-chill', "Netflix'n'Chill sock"],
  ['love-live', 'Love-live sock'],
  ['sleeping', 'Sleeping sock'],
  ['las-vegas', 'Las Vegas sock'],
  ['japanese-vending-machine', 'Japanese vendor machine sock'],
  ['gym', 'Gym sock'],
  ['outdoor', 'Outdoor sock'],
  ['festival', '2-week used Festival sock'],
);

type KeyOf<L> = L extends ReadonlyArray<Option<infer K>> ? K : never;
export type GenderKey = KeyOf<typeof GENDERS>;
export type ColorKey = KeyOf<typeof COLORS>;
export type FabricKey = KeyOf<typeof FABRICS>;
export type ThicknessKey = KeyOf<typeof THICKNESSES>;
export type BrandKey = KeyOf<typeof BRANDS>;
export type SockTypeKey = KeyOf<typeof SOCK_TYPES>;
export type SizeKey = KeyOf<typeof SIZES>;
export type ConditionKey = KeyOf<typeof CONDITIONS>;
export type EnvironmentKey = KeyOf<typeof ENVIRONMENTS>;

/** Every list, under the names `/options` serves them by. */
export const OPTION_LISTS = Object.freeze({
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
export type OptionListName = keyof typeof OPTION_LISTS;

export function keysOf<K extends string>(options: ReadonlyArray<Option<K>>): [K, ...K[]] {
  return options.map((o) => o.key) as [K, ...K[]];
}

export function isOptionKey<K extends string>(options: ReadonlyArray<Option<K>>, value: string): value is K {
  return options.some((o) => o.key === value);
}

/** 1-based position of a key in its list, as the original's choice codes were. */
export function ordinalOf<K extends string>(options: ReadonlyArray<Option<K>>, key: K): number {
  const index = options.findIndex((o) => o.key === key);
  if (index < 0) throw new RangeError(`unknown option key: ${key}`);
  return index + 1;
}

export function labelOf<K extends string>(options: ReadonlyArray<Option<K>>, key: K): string {
  return options.find((o) => o.key === key)?.label ?? key;
}
