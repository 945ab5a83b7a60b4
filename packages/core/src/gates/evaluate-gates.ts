import { ValidationError } from '../errors.js';
import type { Gate, GateResult, GateSource, GateValue } from './gate.js';

/** Failed slices named in a message before "...". */
const SHOWN_SLICES = 5;

/**
 * Checks gates against a report or comparison and says, for each, whether it passed and with which numbers.
 *
 * @param gates - parsed gates (`parseGate`)
 * @param source - the numbers (`gateSourceFromReport`, `gateSourceFromComparison`)
 * @returns one result per gate, in order; a NaN value fails its gate
 * @remarks Messages read `gate failed: roc_auc-dummy_score >= 0.02 (got 0.0134 = 0.8123 - 0.7989)`; with a bound,
 * `(got 0.0051: lower 95% bound (delong) of 0.0134 = 0.8123 - 0.7989)`. Numbers have up to 6 significant digits. A
 * `[*]` gate passes when it passes within every slice; its value is the weakest slice's (the smallest for `>`/`>=`,
 * the largest for `<`/`<=`, NaN first) and its message names the failing slices.
 * @throws ValidationError `invalid_argument` for a metric, baseline or slice the source does not have, or a bound
 * where the source has no interval for that metric (naming what is available)
 * @example
 * ```ts
 * import { evaluate, evaluateGates, gateSourceFromReport, parseGate } from '@modelperf/core';
 * const report = await evaluate({ y: [0, 0, 1, 1], p: [0.1, 0.4, 0.35, 0.8] }, { task: 'binary', label: 'y', score: 'p', backend: 'js' });
 * const [result] = evaluateGates([parseGate('roc_auc>=0.8')], gateSourceFromReport(report));
 * console.log(result.passed, result.message); // false gate failed: roc_auc >= 0.8 (got 0.75)
 * ```
 */
export function evaluateGates(gates: readonly Gate[], source: GateSource): GateResult[] {
  return gates.map((gate) => {
    if (gate.slice === undefined) return check(gate, source, '');
    const slices = source.slices ?? [];
    if (slices.length === 0) {
      throw new ValidationError('invalid_argument', `Gate "${gate.text}" names a slice, but nothing is sliced here; add --by COLUMN.`);
    }
    if (gate.slice !== '*') {
      const slice = slices.find((s) => s.value === gate.slice);
      if (slice === undefined) {
        const values = slices.map((s) => s.value);
        throw new ValidationError('invalid_argument',
          `Gate "${gate.text}" names slice "${gate.slice}"; slices: ${values.slice(0, 20).join(', ')}${values.length > 20 ? ', ...' : ''} (or * for every slice).`);
      }
      return check(gate, slice.source, `slice ${slice.value}: `);
    }
    const each = slices.map((s) => ({ value: s.value, result: check(gate, s.source, '') }));
    const failed = each.filter((e) => !e.result.passed);
    const weakest = each.reduce((w, e) => (weaker(e.result.value, w.result.value, gate) ? e : w));
    const detail = failed.length === 0
      ? `all ${each.length} slices; weakest ${weakest.value}: ${inner(weakest.result.message)}`
      : `${failed.length} of ${each.length} slices fail: ${failed.slice(0, SHOWN_SLICES).map((e) => `${e.value}: ${inner(e.result.message)}`).join('; ')}${failed.length > SHOWN_SLICES ? '; ...' : ''}`;
    const passed = failed.length === 0;
    return { gate: gate.text, passed, value: weakest.result.value, threshold: gate.threshold, message: `gate ${passed ? 'passed' : 'failed'}: ${gate.text} (${detail})` };
  });
}

/** One gate against one source; `where` prefixes the numbers (e.g. `slice web: `). */
function check(gate: Gate, source: GateSource, where: string): GateResult {
  if (gate.baseline !== undefined && source.baselines.length === 0) {
    throw new ValidationError('invalid_argument', `Gate "${gate.text}" compares with a baseline, but there is none here; use modelperf compare with --baseline.`);
  }
  const found = source.lookup(gate.metric, gate.baseline);
  if (found === undefined) {
    const what = gate.baseline !== undefined && !source.baselines.includes(gate.baseline) && !(gate.baseline === 'baseline' && source.baselines.length === 1)
      ? `names baseline \`${gate.baseline}\`; baselines: ${source.baselines.join(', ')}${source.baselines.length > 1 ? ' ("baseline" works only when there is exactly one)' : ''}`
      : `names metric \`${gate.metric}\`, which is not reported; metrics: ${source.metrics.join(', ')}`;
    throw new ValidationError('invalid_argument', `Gate "${gate.text}" ${what}.`);
  }
  const value = gate.bound === undefined ? found.value : gate.bound === 'low' ? found.low : found.high;
  if (value === undefined) {
    throw new ValidationError('invalid_argument',
      `Gate "${gate.text}" needs a confidence interval of ${gate.metric}${gate.baseline !== undefined ? ' differences' : ''}, which is not computed; ask for intervals (evaluate --ci; compare has them unless --bootstrap 0, and always for roc_auc) or drop :${gate.bound}.`);
  }
  const passed = holds(value, gate);
  return { gate: gate.text, passed, value, threshold: gate.threshold, message: `gate ${passed ? 'passed' : 'failed'}: ${gate.text} (${where}got ${explain(value, found, gate, passed)})` };
}

/** The part of a message inside its parentheses. */
function inner(message: string): string {
  return message.slice(message.indexOf('(') + 1, -1);
}

/** Whether value a is further on the failing side of the gate than b (NaN is the weakest). */
function weaker(a: number, b: number, gate: Gate): boolean {
  if (Number.isNaN(a)) return !Number.isNaN(b);
  if (Number.isNaN(b)) return false;
  return gate.operator === '>=' || gate.operator === '>' ? a < b : a > b;
}

function holds(value: number, gate: Gate): boolean {
  switch (gate.operator) {
    case '>=': return value >= gate.threshold;
    case '>': return value > gate.threshold;
    case '<=': return value <= gate.threshold;
    case '<': return value < gate.threshold;
  }
}

function explain(value: number, found: GateValue, gate: Gate, passed: boolean): string {
  const point = `${num(found.value)}${found.formula !== undefined ? ` = ${found.formula}` : ''}`;
  let text = gate.bound === undefined
    ? point
    : `${num(value)}: ${gate.bound === 'low' ? 'lower' : 'upper'} ${Math.round((found.level ?? NaN) * 1000) / 10}% bound${found.method !== undefined ? ` (${found.method})` : ''} of ${point}`;
  if (!passed && gate.baseline !== undefined && found.direction === 'lower') text += `; ${gate.metric} is lower-is-better, so an improvement is negative`;
  return text;
}

/** Up to 6 significant digits, as the report tables print. */
function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}
