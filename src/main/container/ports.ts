import { TOKENS, type Token } from '../tokens.js';

type Ports = { readonly [K in keyof typeof TOKENS]: (typeof TOKENS)[K] extends Token<infer T> ? T : never };

/**
 * Typed, lazy access to the bound ports: a use case resolves only the ports it needs, so a
 * deployable binds only what its use cases use.
 */
export function ports(ctx: { get(token: symbol): unknown }): Ports {
  const resolved = {} as Record<string, unknown>;
  for (const [name, token] of Object.entries(TOKENS)) {
    Object.defineProperty(resolved, name, { get: () => ctx.get(token), enumerable: true });
  }
  return resolved as Ports;
}
