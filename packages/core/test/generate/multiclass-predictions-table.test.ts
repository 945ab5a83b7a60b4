import { createHash } from 'node:crypto';
import { tableFromIPC, tableToIPC, Type, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import {
  multiclassPredictionsTable,
  type MulticlassPredictionsOptions,
} from '../../src/generate/multiclass-predictions-table.js';
import { tableSha256 } from './table-sha256.js';

function probabilities(table: Table, classes: number): Float64Array[] {
  return Array.from({ length: classes }, (_, k) => table.getChild(`p${k}`)!.toArray() as Float64Array);
}

describe('multiclassPredictionsTable', () => {
  const rows = 100_000;
  const table = multiclassPredictionsTable({ rows, seed: 7 });
  const label = table.getChild('label')!.toArray() as Int32Array;
  const p = probabilities(table, 4);

  it('has the documented columns and types', () => {
    expect(table.numRows).toBe(rows);
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'id:Int32',
      'label:Int32',
      'p0:Float64',
      'p1:Float64',
      'p2:Float64',
      'p3:Float64',
      'segment:Dictionary<Int8, Utf8>',
    ]);
    expect(table.schema.fields.every((f) => !f.nullable)).toBe(true);
    expect(table.schema.fields[1].type.typeId).toBe(Type.Int);
    expect(table.batches.length).toBe(1);
    expect(table.getChild('id')!.get(rows - 1)).toBe(rows - 1);
    expect(new Set(table.getChild('segment')!)).toEqual(new Set(['web', 'mobile', 'store', 'partner']));
  });

  it('gives identical bytes for the same seed and different data for another', () => {
    const again = multiclassPredictionsTable({ rows, seed: 7 });
    const digest = (t: Table) => createHash('sha256').update(tableToIPC(t, 'file')).digest('hex');
    expect(digest(again)).toBe(digest(table));
    expect(tableSha256(multiclassPredictionsTable({ rows, seed: 8 }))).not.toBe(tableSha256(table));
    expect(tableFromIPC(tableToIPC(table, 'file')).getChild('p2')!.toArray()).toEqual(p[2]);
  });

  it('is pinned: the bytes for a seed never change across platforms and versions', () => {
    // Only + - * / and Math.round run per row. If this fails after a deliberate change to the generator, update the
    // hash and say so: recorded benchmark data changes with it.
    expect(tableSha256(multiclassPredictionsTable({ rows: 10_000, seed: 42 }))).toBe('e5e7c1b91455e27800e75bebadffcbeb7f73c69c851eae3894af173a997b3e20');
  });

  it('makes probabilities in [0, 1] that sum to 1 in every row, with ties from rounding', () => {
    let worst = 0;
    let outside = 0;
    let rounded = 0;
    for (let i = 0; i < rows; i += 1) {
      const sum = p[0][i] + p[1][i] + p[2][i] + p[3][i];
      worst = Math.max(worst, Math.abs(sum - 1));
      for (let k = 0; k < 4; k += 1) if (!(p[k][i] >= 0 && p[k][i] <= 1)) outside += 1;
      // The largest column takes the residue 1 - sum(others), so only the other three are exact 3-decimal numbers.
      let threeDecimals = 0;
      for (let k = 0; k < 4; k += 1) if (Math.round(p[k][i] * 1000) / 1000 === p[k][i]) threeDecimals += 1;
      if (threeDecimals >= 3) rounded += 1;
    }
    expect(worst).toBeLessThan(1e-12);
    expect(outside).toBe(0);
    expect(rounded / rows).toBeGreaterThan(0.27);
    expect(rounded / rows).toBeLessThan(0.33);
    expect(p[0].every((v) => v > 0)).toBe(true);
  });

  it('skews the class frequencies and reaches an accuracy about 0.7', () => {
    const counts = [0, 0, 0, 0];
    let correct = 0;
    for (let i = 0; i < rows; i += 1) {
      counts[label[i]] += 1;
      let best = 0;
      for (let k = 1; k < 4; k += 1) if (p[k][i] > p[best][i]) best = k;
      if (best === label[i]) correct += 1;
    }
    expect(counts.reduce((a, b) => a + b)).toBe(rows);
    [0.48, 0.24, 0.16, 0.12].forEach((share, k) => expect(Math.abs(counts[k] / rows - share)).toBeLessThan(0.01));
    expect(correct / rows).toBeGreaterThan(0.67);
    expect(correct / rows).toBeLessThan(0.73);
  });

  it('makes any number of classes', () => {
    for (const classes of [2, 7]) {
      const t = multiclassPredictionsTable({ rows: 5_000, seed: 1, classes });
      expect(t.schema.fields.length).toBe(classes + 3);
      const q = probabilities(t, classes);
      const y = t.getChild('label')!.toArray() as Int32Array;
      expect(y.every((v) => v >= 0 && v < classes)).toBe(true);
      for (let i = 0; i < 5_000; i += 1) {
        let sum = 0;
        for (let k = 0; k < classes; k += 1) sum += q[k][i];
        expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
      }
    }
    expect(multiclassPredictionsTable({ rows: 1 }).numRows).toBe(1);
  });

  it.each<[string, MulticlassPredictionsOptions]>([
    ['rows = 0', { rows: 0 }],
    ['non-integer rows', { rows: 2.5 }],
    ['negative seed', { rows: 10, seed: -1 }],
    ['classes = 1', { rows: 10, classes: 1 }],
    ['classes = 65', { rows: 10, classes: 65 }],
    ['non-integer classes', { rows: 10, classes: 3.5 }],
  ])('throws ValidationError for %s', (_name, options) => {
    expect(() => multiclassPredictionsTable(options)).toThrow(ValidationError);
    expect(() => multiclassPredictionsTable(options)).toThrow(/^Expected `\w+` to be .+, but it is .+\.$/);
  });
});
