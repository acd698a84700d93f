/**
 * The entries of `value` that are not undefined: a change that leaves a field out, or sets it to
 * undefined, keeps the stored value.
 */
export function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
