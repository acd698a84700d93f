/** New unique, opaque ids (UUIDs in production). */
export interface IdGenerator {
  next(): string;
}
