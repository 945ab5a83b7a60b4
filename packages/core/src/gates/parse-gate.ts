import { ValidationError } from '../errors.js';
import type { Gate, GateOperator } from './gate.js';

const REF = String.raw`([A-Za-z][A-Za-z0-9_]*)(?:\s*-\s*([^\s<>=!:()\[\]]+))?(?:\s*\[([^\]]*)\])?`;
const NUMBER = String.raw`([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)`;
const GATE = new RegExp(
  String.raw`^\s*(?:(lower|upper)\s*\(\s*${REF}\s*\)|${REF}(?:\s*:\s*(low|high))?)\s*(>=|<=|>|<)\s*${NUMBER}\s*$`,
);

const SYNTAX = 'METRIC OP NUMBER or METRIC-BASELINE OP NUMBER, optionally within a slice ([VALUE], or [*] for every '
  + 'slice) and on a confidence bound (METRIC:low, METRIC-BASELINE:high, or lower(...) / upper(...)), with OP one of '
  + '>=, >, <=, <; e.g. "roc_auc>=0.8", "roc_auc-baseline:low>=0.02", "roc_auc-baseline[*]:low>=-0.01"';

/**
 * Parses a quality gate such as `roc_auc>=0.80`, `roc_auc-dummy_score>=0.02` or `lower(roc_auc-baseline)>=0`.
 *
 * @param text - the gate as written on the command line
 * @returns the parsed gate with its canonical text
 * @remarks Grammar (whitespace allowed between tokens):
 * ```
 * gate    := operand OP NUMBER
 * operand := ref | ref ':' ('low' | 'high') | ('lower' | 'upper') '(' ref ')'
 * ref     := METRIC ['-' BASELINE] ['[' SLICE ']']
 * OP      := '>=' | '>' | '<=' | '<'
 * ```
 * METRIC is a metric key (letters, digits, `_`; never `-`), so the first `-` separates the baseline's name (any
 * characters but whitespace, `<>=!:()`); `baseline` names the only baseline when there is exactly one. A `ref` with a
 * baseline means candidate - baseline for every metric, so for lower-is-better metrics (log_loss, rmse, ...) an
 * improvement is negative: `log_loss-baseline<=-0.01`. `:low`/`lower(...)` use the lower end of the confidence
 * interval, `:high`/`upper(...)` the upper end (the cautious end for `<=` gates on lower-is-better metrics).
 * `[SLICE]` checks the gate within one slice of `--by`, named by its value (several columns' values joined by `,`);
 * `[*]` checks it within every slice, and passes only when all do.
 * @throws ValidationError `invalid_argument` for anything else, saying what was expected
 * @example
 * ```ts
 * import { parseGate } from '@modelperf/core';
 * const gate = parseGate('lower(roc_auc-baseline)>=0.02');
 * console.log(gate.text, gate.metric, gate.baseline, gate.bound, gate.threshold); // roc_auc-baseline:low >= 0.02 roc_auc baseline low 0.02
 * ```
 */
export function parseGate(text: string): Gate {
  const match = GATE.exec(text);
  if (match === null) {
    const hint = /(^|[^<>!=])==?(?!=)/.test(text) || /!=/.test(text) ? ' (equality cannot gate a measured number; use >= or <=)' : '';
    throw new ValidationError('invalid_argument', `Cannot read gate "${text}"${hint}: expected ${SYNTAX}.`);
  }
  const [, fn, fnMetric, fnBaseline, fnSlice, metricName, baselineName, sliceName, suffix, operator, number] = match;
  const metric = fn !== undefined ? fnMetric : metricName;
  const baseline = fn !== undefined ? fnBaseline : baselineName;
  const rawSlice = fn !== undefined ? fnSlice : sliceName;
  const slice = rawSlice?.trim();
  if (slice === '') throw new ValidationError('invalid_argument', `Gate "${text}" has an empty slice []: name a slice value, or * for every slice.`);
  const bound = fn !== undefined ? (fn === 'lower' ? 'low' : 'high') : (suffix as 'low' | 'high' | undefined);
  const threshold = Number(number);
  const ref = `${baseline !== undefined ? `${metric}-${baseline}` : metric}${slice !== undefined ? `[${slice}]` : ''}`;
  const canonical = `${ref}${bound !== undefined ? `:${bound}` : ''} ${operator} ${number.replace(/^\+/, '')}`;
  return {
    text: canonical,
    metric,
    ...(baseline !== undefined ? { baseline } : {}),
    ...(bound !== undefined ? { bound } : {}),
    ...(slice !== undefined ? { slice } : {}),
    operator: operator as GateOperator,
    threshold,
  };
}
