import { createHash } from 'node:crypto';
import { tableToIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import {
  regressionPredictionsTable,
  type RegressionPredictionsOptions,
} from '../../src/generate/regression-predictions-table.js';
import { tableSha256 } from './table-sha256.js';

describe('regressionPredictionsTable', () => {
  const rows = 100_000;
  const table = regressionPredictionsTable({ rows, seed: 7 });
  const target = table.getChild('target')!.toArray() as Float64Array;
  const prediction = table.getChild('prediction')!.toArray() as Float64Array;

  it('has the documented columns and types', () => {
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'id:Int32',
      'target:Float64',
      'prediction:Float64',
      'segment:Dictionary<Int8, Utf8>',
    ]);
    expect(table.numRows).toBe(rows);
    expect(regressionPredictionsTable({ rows: 1 }).numRows).toBe(1);
  });

  it('gives identical bytes for the same seed', () => {
    const digest = (t: Table) => createHash('sha256').update(tableToIPC(t, 'file')).digest('hex');
    expect(digest(regressionPredictionsTable({ rows, seed: 7 }))).toBe(digest(table));
    expect(tableSha256(regressionPredictionsTable({ rows, seed: 8 }))).not.toBe(tableSha256(table));
  });

  it('is pinned: the bytes for a seed never change across platforms and versions', () => {
    expect(tableSha256(regressionPredictionsTable({ rows: 10_000, seed: 42 }))).toBe('f838dee25508133572df9be16cd0cecd1629dc8982b2f57e8ff182233131369a');
  });

  it('makes positive, right-skewed targets and positive predictions', () => {
    expect(target.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    expect(prediction.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    const sorted = Float64Array.from(target).sort();
    const mean = target.reduce((a, b) => a + b, 0) / rows;
    expect(mean).toBeGreaterThan(sorted[rows >> 1] * 1.05);
    expect(sorted[rows >> 1]).toBeGreaterThan(180_000);
    expect(sorted[rows >> 1]).toBeLessThan(260_000);
  });

  it('predicts with a realistic, heteroscedastic error: R² about 0.87', () => {
    const mean = target.reduce((a, b) => a + b, 0) / rows;
    let residual = 0;
    let total = 0;
    let lowError = 0;
    let highError = 0;
    for (let i = 0; i < rows; i += 1) {
      residual += (target[i] - prediction[i]) ** 2;
      total += (target[i] - mean) ** 2;
      if (target[i] < mean) lowError += Math.abs(target[i] - prediction[i]);
      else highError += Math.abs(target[i] - prediction[i]);
    }
    expect(1 - residual / total).toBeGreaterThan(0.84);
    expect(1 - residual / total).toBeLessThan(0.9);
    let low = 0;
    for (let i = 0; i < rows; i += 1) if (target[i] < mean) low += 1;
    expect(highError / (rows - low)).toBeGreaterThan((2 * lowError) / low);
  });

  it.each<[string, RegressionPredictionsOptions]>([
    ['rows = 0', { rows: 0 }],
    ['rows above int32', { rows: 2 ** 31 }],
    ['non-integer seed', { rows: 10, seed: 0.5 }],
  ])('throws ValidationError for %s', (_name, options) => {
    expect(() => regressionPredictionsTable(options)).toThrow(ValidationError);
  });
});
