import { ServiceUnavailableError } from '../../application/ports/service-unavailable-error.js';

/** Socket errors of a server that is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), 57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down, in recovery), and
 * 53300 too_many_connections.
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** node-postgres' own errors for a connection that broke or never opened (they carry no code). */
const DRIVER_MESSAGES =
  /^(Connection terminated|timeout expired$|Client has encountered a connection error|Client was closed)/;

/**
 * Whether `error` means that PostgreSQL cannot be reached right now, as opposed to a failure of
 * the statement itself. Also true for knex's "Timeout acquiring a connection" (no pooled
 * connection came free, or none could be opened, within the pool's acquire timeout). Looks
 * through MikroORM's `DriverException`s (which copy the driver's `code`) and `cause`s.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (current.name === 'KnexTimeoutError') return true;
    if (DRIVER_MESSAGES.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/** `error` as the ports' `ServiceUnavailableError` when the database is unavailable; else unchanged. */
export function unavailableOr(error: unknown): unknown {
  if (error instanceof ServiceUnavailableError || !isDatabaseUnavailable(error)) return error;
  return new ServiceUnavailableError('database', error);
}
