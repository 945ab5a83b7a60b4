/**
 * Serialises a report (or any JSON-able value) to JSON text, writing non-finite numbers as the strings "NaN",
 * "Infinity" and "-Infinity" (JSON has no such numbers) and typed arrays as plain arrays.
 *
 * @param value - the report
 * @param indent - spaces of indentation (default 2; 0 for one line)
 * @returns JSON text
 * @example
 * ```ts
 * reportToJson({ metrics: { roc_auc: NaN } }, 0); // '{"metrics":{"roc_auc":"NaN"}}'
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
 * jsonNumber('Infinity'); // Infinity
 * ```
 */
export function jsonNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return NaN;
}
