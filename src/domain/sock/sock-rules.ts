/** The ranges of a sock's fields: one definition, used by the domain and by the request schemas. */
export const SOCK_RULES = {
  name: { min: 1, max: 100 },
  story: { min: 0, max: 2000 },
  specialty: { min: 1, max: 250 },
  age: { min: 0, max: 25 },
  holes: { min: 0, max: 10 },
  kilometers: { min: 0, max: 1000 },
  washedPerWeek: { min: 0, max: 7 },
} as const;

export type SockIntegerField = 'age' | 'holes' | 'kilometers' | 'washedPerWeek';
export const SOCK_INTEGER_FIELDS: readonly SockIntegerField[] = [
  'age',
  'holes',
  'kilometers',
  'washedPerWeek',
];
