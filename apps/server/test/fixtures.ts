import { Table, tableFromArrays } from 'apache-arrow';
import { encodeTable, type InputFormat } from '@modelperf/core';

/** A seeded binary prediction set with a segment column (deterministic, no RNG needed). */
export function binaryTable(rows = 500): Table {
  const y = new Float64Array(rows);
  const p = new Float64Array(rows);
  const segment: string[] = [];
  let s = 12345;
  for (let i = 0; i < rows; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = s / 2147483648;
    y[i] = u < 0.3 ? 1 : 0;
    p[i] = Math.round((y[i] === 1 ? 0.3 + 0.7 * u : 0.6 * (1 - u)) * 1000) / 1000;
    segment.push(i % 3 === 0 ? 'eu' : 'us');
  }
  return tableFromArrays({ y, p, segment });
}

/** The table's columns as plain JSON arrays. */
export function jsonColumns(table: Table): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const field of table.schema.fields) out[field.name] = [...(table.getChild(field.name)?.toArray() ?? [])];
  return out;
}

/** The table encoded in a format, as a Buffer for `inject`. */
export async function encoded(table: Table, format: InputFormat): Promise<Buffer> {
  return Buffer.from(await encodeTable(table, format));
}

/** A report without the fields that differ between runs (timings, input description, streaming flags). */
export function comparable(report: Record<string, unknown>): Record<string, unknown> {
  const { timing_ms: _t, input: _i, options: _o, backend: _b, ...rest } = report;
  return rest;
}
