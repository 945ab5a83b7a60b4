/**
 * An error the server raises on purpose with its HTTP status; the server's error handler turns it into
 * `{ "error": { "code", "message" } }`.
 *
 * @example
 * ```ts
 * throw new HttpError(403, 'forbidden_path', 'The path leaves the data directory.');
 * ```
 */
export class HttpError extends Error {
  /**
   * @param status - the HTTP status code
   * @param code - a stable machine-readable code
   * @param message - one line naming what is wrong and how to fix it
   * @param headers - extra response headers (e.g. `Retry-After`)
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
