import { createHash } from 'node:crypto';
import { tableToIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import {
  multilabelPredictionsTable,
  multilabelPrevalence,
  type MultilabelPredictionsOptions,
} from '../../src/generate/multilabel-predictions-table.js';
import { tableSha256 } from './table-sha256.js';

describe('multilabelPredictionsTable', () => {
  const rows = 100_000;
  const table = multilabelPredictionsTable({ rows, seed: 7 });
  const y = [0, 1, 2].map((j) => table.getChild(`y${j}`)!.toArray() as Int8Array);
  const s = [0, 1, 2].map((j) => table.getChild(`s${j}`)!.toArray() as Float64Array);

  it('has the documented columns and types', () => {
    expect(table.numRows).toBe(rows);
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'id:Int32',
      'y0:Int8',
      'y1:Int8',
      'y2:Int8',
      's0:Float64',
      's1:Float64',
      's2:Float64',
      'segment:Dictionary<Int8, Utf8>',
    ]);
    expect(table.schema.fields.every((f) => !f.nullable)).toBe(true);
    expect(multilabelPredictionsTable({ rows: 10, labels: 5 }).schema.fields.length).toBe(12);
  });

  it('gives identical bytes for the same seed', () => {
    const digest = (t: Table) => createHash('sha256').update(tableToIPC(t, 'file')).digest('hex');
    expect(digest(multilabelPredictionsTable({ rows, seed: 7 }))).toBe(digest(table));
    expect(tableSha256(multilabelPredictionsTable({ rows, seed: 8 }))).not.toBe(tableSha256(table));
  });

  it('is pinned: the bytes for a seed never change across platforms and versions', () => {
    expect(tableSha256(multilabelPredictionsTable({ rows: 10_000, seed: 42 }))).toBe('a1c17a8f5e610d289b81bc908b4537ac03d3034fb9443f629a699db742b74edd');
  });

  it('makes 0/1 labels with different prevalences, positively correlated', () => {
    const mean = (a: Int8Array) => a.reduce((sum, v) => sum + v, 0) / rows;
    for (let j = 0; j < 3; j += 1) {
      expect(y[j].every((v) => v === 0 || v === 1)).toBe(true);
      expect(Math.abs(mean(y[j]) - multilabelPrevalence(j))).toBeLessThan(0.01);
    }
    [0.35, 0.21, 0.126, 0.0756].forEach((p, j) => expect(multilabelPrevalence(j)).toBeCloseTo(p, 12));
    expect(multilabelPrevalence(20)).toBe(0.01);
    let both = 0;
    for (let i = 0; i < rows; i += 1) both += y[0][i] & y[1][i];
    const covariance = both / rows - mean(y[0]) * mean(y[1]);
    expect(covariance).toBeGreaterThan(0.02);
  });

  it('makes scores in [0, 1], higher for positives, with ties', () => {
    for (let j = 0; j < 3; j += 1) {
      expect(s[j].every((v) => v >= 0 && v <= 1)).toBe(true);
      const sums = [0, 0];
      const counts = [0, 0];
      for (let i = 0; i < rows; i += 1) {
        sums[y[j][i]] += s[j][i];
        counts[y[j][i]] += 1;
      }
      expect(sums[1] / counts[1]).toBeGreaterThan(sums[0] / counts[0] + 0.2);
      expect(new Set(s[j]).size).toBeLessThan(rows * 0.75);
    }
  });

  it.each<[string, MultilabelPredictionsOptions]>([
    ['rows = 0', { rows: 0 }],
    ['seed above uint32', { rows: 10, seed: 2 ** 32 }],
    ['labels = 0', { rows: 10, labels: 0 }],
    ['labels = 65', { rows: 10, labels: 65 }],
    ['non-integer labels', { rows: 10, labels: 1.5 }],
  ])('throws ValidationError for %s', (_name, options) => {
    expect(() => multilabelPredictionsTable(options)).toThrow(ValidationError);
  });
});
