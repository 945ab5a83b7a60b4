import { InputOutputError, jsonNumber, REPORT_SCHEMA, type Report } from '@modelperf/core';

const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);
/** Keys whose strings are data (labels, names), never numbers written as strings. */
const TEXT_KEYS = new Set(['class', 'value', 'labels', 'column', 'input', 'columns', 'options', 'warnings', 'backend', 'schema', 'task', 'method', 'strategy', 'message', 'code']);

function revive(v: unknown): unknown {
  if (typeof v === 'string' && NON_FINITE.has(v)) return jsonNumber(v);
  if (Array.isArray(v)) return v.map(revive);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = TEXT_KEYS.has(k) ? x : revive(x);
    return out;
  }
  return v;
}

/**
 * Parses any saved modelperf JSON (an evaluation report, a comparison, a baselines report, a check report) and turns
 * the strings "NaN", "Infinity" and "-Infinity" in numeric places back into numbers.
 * @param text - the JSON text
 * @param source - where it came from, for error messages
 * @returns its `schema` (e.g. `modelperf/report@1`, `modelperf/checks@1`) and the revived value
 * @throws InputOutputError `corrupt_file` when the text is not JSON or has no string `schema`
 * @example
 * ```ts
 * const { schema, value } = parseModelperfJson(await readFile('checks.json', 'utf8'), 'checks.json');
 * ```
 */
export function parseModelperfJson(text: string, source = 'input'): { schema: string; value: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new InputOutputError('corrupt_file', `${source} is not a modelperf report: it is not JSON. Write one with \`modelperf evaluate ... --format json --out result.json\`.`, { cause });
  }
  const schema = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).schema : undefined;
  if (typeof schema !== 'string' || !schema.startsWith('modelperf/')) {
    throw new InputOutputError('corrupt_file', `${source} is not a modelperf report: it has ${schema === undefined ? 'no schema' : `the schema ${JSON.stringify(schema)}`}. Write one with \`modelperf evaluate ... --format json --out result.json\`.`);
  }
  return { schema, value: revive(value) };
}

/**
 * Parses a saved JSON report (`modelperf evaluate --format json`) back into a report, turning the strings "NaN",
 * "Infinity" and "-Infinity" in numeric places back into numbers.
 * @param text - the JSON text
 * @param source - where it came from, for error messages
 * @returns the report
 * @throws InputOutputError `corrupt_file` when the text is not JSON or not a modelperf report
 * @example
 * ```ts
 * const report = parseReportJson(await readFile('result.json', 'utf8'), 'result.json');
 * ```
 */
export function parseReportJson(text: string, source = 'input'): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new InputOutputError('corrupt_file', `${source} is not a modelperf report: it is not JSON. Write one with \`modelperf evaluate ... --format json --out result.json\`.`, { cause });
  }
  const schema = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).schema : undefined;
  if (schema !== REPORT_SCHEMA) {
    throw new InputOutputError('corrupt_file', `${source} is not a modelperf report: expected "schema": "${REPORT_SCHEMA}", got ${schema === undefined ? 'no schema' : JSON.stringify(schema)}. Write one with \`modelperf evaluate ... --format json --out result.json\`.`);
  }
  const report = revive(value) as Report;
  if (typeof report.task !== 'string' || typeof report.metrics !== 'object' || report.metrics === null) {
    throw new InputOutputError('corrupt_file', `${source} is not a complete modelperf report: it has no task or metrics.`);
  }
  report.warnings ??= [];
  report.timing_ms ??= { compute: NaN, total: NaN };
  report.columns ??= {};
  report.options ??= {};
  report.backend ??= { name: '?', device: '?' };
  return report;
}
