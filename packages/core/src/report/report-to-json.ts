/**
 * Serialises a report (or any JSON-able value) to JSON text, writing non-finite numbers as the strings "NaN",
 * "Infinity" and "-Infinity" (JSON has no such numbers) and typed arrays as plain arrays.
 *
 * @param value - the report
 * @param indent - spaces of indentation (default 2; 0 for one line)
 * @returns JSON text
 * @example
 * ```ts
 * import { evaluateBinary, reportToJson } from '@modelperf/core';
 * console.log(reportToJson({ auc: Number.NaN, rows: 3 }, 0)); // {"auc":"NaN","rows":3}
 * const report = await evaluateBinary({ label: [1, 1], score: [0.2, 0.9] }); // one class: ROC AUC is NaN
 * console.log(JSON.parse(reportToJson(report)).metrics.roc_auc); // NaN
 * ```
 */
export function reportToJson(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
      return v;
    },
    indent || undefined,
  );
}

/**
 * Reads a number written by `reportToJson` back: the strings "NaN", "Infinity", "-Infinity" become numbers.
 * @param v - a JSON value
 * @returns the number, or NaN when it is not numeric
 * @example
 * ```ts
 * import { jsonNumber } from '@modelperf/core';
 * console.log(jsonNumber('NaN'), jsonNumber('-Infinity'), jsonNumber(0.5)); // NaN -Infinity 0.5
 * ```
 */
export function jsonNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return NaN;
}
