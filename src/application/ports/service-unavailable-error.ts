/**
 * What any driven port may throw when the service behind it (the database) cannot be reached:
 * refused or dropped connections, a server shutting down or starting up, no connection free in
 * time. Not a business failure: the same call may succeed once the service is back, so callers
 * retry later (transports answer 503 with `Retry-After`). A unit of work that fails with it was
 * rolled back, unless the connection broke while committing, when its outcome is unknown.
 * Adapters translate their technology's errors into it in one place (the original is the `cause`).
 */
export class ServiceUnavailableError extends Error {
  readonly code = 'SERVICE.UNAVAILABLE';

  constructor(
    /** Which service, for logs: `database`. */
    readonly service: string,
    cause: unknown,
    /** A reasonable wait before retrying. */
    readonly retryAfterSeconds = 5,
  ) {
    super(`The ${service} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'ServiceUnavailableError';
  }
}
