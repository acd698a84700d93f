import type { Logger } from 'pino';
import type { Config } from './config.js';
import {
  APPLICATION_PORT_NAMES,
  type Application,
  type ApplicationPorts,
} from '../application/application.js';
import type { PendingOutbox } from '../application/ports/outbox.js';

/** A service identifier that remembers the type bound to it. */
export type Token<T> = symbol & { readonly __bound?: T };
const token = <T>(name: string): Token<T> => Symbol.for(`hotsox.${name}`) as Token<T>;

/** What the composition roots bind besides the ports, and the application made from them. */
export const TOKENS = {
  config: token<Config>('Config'),
  logger: token<Logger>('Logger'),
  /** The outbox relay's side of the outbox (not a use case's port). */
  pendingOutbox: token<PendingOutbox>('PendingOutbox'),
  application: token<Application>('Application'),
} as const;

/** One token per driven port of the application, named as in `ApplicationPorts`. */
export const PORTS = Object.fromEntries(
  APPLICATION_PORT_NAMES.map((name) => [name, token(`port.${name}`)]),
) as { readonly [K in keyof ApplicationPorts]: Token<ApplicationPorts[K]> };

/** Resolves a token with its type (Inversify's `get` takes any identifier). */
export function resolve<T>(ctx: { get(token: symbol): unknown }, t: Token<T>): T {
  return ctx.get(t) as T;
}
