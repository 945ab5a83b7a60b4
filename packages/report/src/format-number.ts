/**
 * Formats a metric value for people: up to 6 significant digits, integers with thousands separators.
 * @param v - the number
 * @returns a short string; NaN and infinities spelled out
 * @example
 * ```ts
 * formatNumber(0.123456789); // "0.123457"
 * ```
 */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return v.toExponential(4);
  return String(Number(v.toPrecision(6)));
}

/**
 * Formats a label value: strings quoted, others as written.
 * @param v - a label
 * @returns text
 * @example
 * ```ts
 * formatLabel('spam'); // '"spam"'
 * ```
 */
export function formatLabel(v: unknown): string {
  if (v === null || v === undefined) return '(none)';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
