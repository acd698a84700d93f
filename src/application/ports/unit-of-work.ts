/**
 * Runs `work` as one atomic unit (one database transaction). Every repository and the outbox
 * used inside `work` take part in it: either all of its writes happen or none do.
 * Units do not nest: a use case runs exactly one.
 */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
}
