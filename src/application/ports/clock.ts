/** The current instant. Use cases never call `new Date()` themselves. */
export interface Clock {
  now(): Date;
}
