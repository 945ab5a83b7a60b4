import type { GateResult } from '@modelperf/core';

/**
 * Thrown by a command after printing its output when a `--require` gate failed; the CLI prints the message (one
 * `gate failed: ...` line per failed gate, with the numbers) and exits with code 3.
 *
 * @example
 * ```ts
 * const failed = results.filter((r) => !r.passed);
 * if (failed.length > 0) throw new GateFailure(failed);
 * ```
 */
export class GateFailure extends Error {
  /** The gates that failed. */
  readonly failed: readonly GateResult[];

  /** @param failed - the failed gates' results */
  constructor(failed: readonly GateResult[]) {
    super(failed.map((r) => r.message).join('\n'));
    this.name = 'GateFailure';
    this.failed = failed;
  }
}
