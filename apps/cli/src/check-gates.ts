import { evaluateGates, type Gate, type GateResult, type GateSource } from '@modelperf/core';
import type { CliIo } from './cli-io.js';
import { GateFailure } from './gate-failure.js';

/**
 * Checks `--require` gates against a result: prints each passed gate on stderr and throws `GateFailure` (exit 3)
 * naming the failed ones.
 * @param gates - parsed gates
 * @param source - the numbers
 * @param io - output streams
 * @returns the results, when every gate passed
 * @throws GateFailure when any gate failed; ValidationError for a gate naming an unknown metric or baseline
 * @example
 * ```ts
 * checkGates([parseGate('roc_auc>=0.8')], gateSourceFromReport(report), io);
 * ```
 */
export function checkGates(gates: readonly Gate[], source: GateSource, io: CliIo): GateResult[] {
  const results = evaluateGates(gates, source);
  for (const r of results) if (r.passed) io.stderr.write(`${r.message}\n`);
  const failed = results.filter((r) => !r.passed);
  if (failed.length > 0) throw new GateFailure(failed);
  return results;
}
