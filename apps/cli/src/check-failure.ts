import type { CheckSummary } from '@modelperf/core';

/**
 * Thrown by `modelperf check` after printing its report when a finding at or above `--fail-on` exists; the CLI prints
 * the message and exits with code 4.
 *
 * @example
 * ```ts
 * if (report.summary.errors > 0) throw new CheckFailure(report.summary, 'error');
 * ```
 */
export class CheckFailure extends Error {
  /**
   * @param summary - the report's summary
   * @param failOn - the least severity that fails the run
   */
  constructor(readonly summary: CheckSummary, readonly failOn: 'error' | 'warning') {
    super(`check failed: ${summary.errors} error(s)${failOn === 'warning' ? `, ${summary.warnings} warning(s)` : ''} (--fail-on ${failOn})`);
    this.name = 'CheckFailure';
  }
}
