const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are `uuid` columns. An id that is not a UUID (say, from a URL) names no row: lookups
 * answer "not found" instead of letting PostgreSQL fail on the cast.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function uuidsOnly(values: readonly string[]): string[] {
  return [...new Set(values.filter(isUuid))];
}
