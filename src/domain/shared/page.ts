/** A request for one page of a list (1-based `page`). */
export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

/** One page of a list and the size of the whole list. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export const PAGE_SIZE = { default: 20, min: 1, max: 100 } as const;

export function offsetOf(request: PageRequest): number {
  return (request.page - 1) * request.pageSize;
}
