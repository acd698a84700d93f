import { InvalidAccessTokenError } from '../../../domain/auth/auth-errors.js';
import type { Caller } from './operation.js';

/** The caller of an operation that requires authentication (the runner guarantees one). */
export function callerOf(input: { readonly caller: Caller | null }): Caller {
  if (!input.caller) throw new InvalidAccessTokenError();
  return input.caller;
}
