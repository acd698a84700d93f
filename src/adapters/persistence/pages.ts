import { offsetOf, type Page, type PageRequest } from '../../domain/shared/page.js';

/** `limit` / `offset` of a page request. */
export function limitOffset(request: PageRequest): { limit: number; offset: number } {
  return { limit: request.pageSize, offset: offsetOf(request) };
}

export function pageOf<T>(items: readonly T[], total: number, request: PageRequest): Page<T> {
  return { items, page: request.page, pageSize: request.pageSize, total };
}
