import type { ApplicationPorts } from '../../application/application.js';
import { APPLICATION_PORT_NAMES } from '../../application/application.js';
import { PORTS } from '../tokens.js';

/**
 * The bound ports, each resolved when first read: a port bound by a factory (e.g. the login
 * throttle, which needs the clock) reads only the ports it needs.
 */
export function ports(ctx: { get(token: symbol): unknown }): ApplicationPorts {
  const resolved = {} as Record<string, unknown>;
  for (const name of APPLICATION_PORT_NAMES) {
    Object.defineProperty(resolved, name, { get: () => ctx.get(PORTS[name]), enumerable: true });
  }
  return resolved as unknown as ApplicationPorts;
}
