import { Float64, Int32, makeVector, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { type CheckFinding, type CheckReport, checkTables, resolveCheckColumns, runChecks, SplitState, splitStateOptions } from '../../src/checks/index.js';
import { plantedSplits } from './planted-splits.js';

const spec = { label: 'y', id: 'id', time: 'day' } as const;

function only(report: CheckReport, check: string, split?: string, column?: string): CheckFinding {
  const found = report.findings.filter((f) => f.check === check && (split === undefined || f.split === split) && (column === undefined || f.column === column));
  expect(found, `${check} findings: ${JSON.stringify(report.findings.map((f) => [f.check, f.split, f.column]))}`).toHaveLength(1);
  return found[0];
}

describe('checkTables on clean data', () => {
  for (const seed of [1, 2, 3]) {
    it(`finds nothing above info (seed ${seed})`, async () => {
      const report = await checkTables(plantedSplits(seed, 3000, 1500), spec);
      expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(report.summary).toMatchObject({ status: 'pass', errors: 0, warnings: 0 });
      const drift = only(report, 'feature_drift', 'test');
      expect((drift.details.columns as unknown[]).length).toBe(3); // x1, x2, city: every feature has its statistics
      expect(only(report, 'representativeness', 'test').value).toBeLessThan(0.6);
    });
  }
});

describe('checkTables finds planted problems with the right numbers', () => {
  it('train/test duplicates: count, share and example rows', async () => {
    const report = await checkTables(plantedSplits(5, 2000, 1000, { duplicates: 8 }), spec);
    const f = only(report, 'train_test_duplicates', 'test');
    expect(f.severity).toBe('warning'); // 0.8% <= 1%
    expect(f.details).toMatchObject({ rows: 8, distinct_rows: 8, same_label_rows: 8, share: 0.008 });
    expect(f.details.examples).toEqual([0, 1, 2, 3, 4].map((k) => ({ row: k, train_row: 7 * k })));
    expect(f.value).toBe(0.008);
  });
  it('duplicates above the overlap share are an error; the threshold is configurable', async () => {
    const splits = plantedSplits(5, 2000, 1000, { duplicates: 12 });
    expect(only(await checkTables(splits, spec), 'train_test_duplicates').severity).toBe('error'); // 1.2% > 1%
    const lenient = await checkTables(splits, { ...spec, thresholds: { overlapShare: 0.02 } });
    expect(only(lenient, 'train_test_duplicates').severity).toBe('warning');
  });
  it('duplicates keyed by features and label (duplicatesWithLabel)', async () => {
    const train = new Table({ a: makeVector(Float64Array.of(1, 2, 3, 4)), y: makeVector(Float64Array.of(0, 1, 0, 1)) });
    const test = new Table({ a: makeVector(Float64Array.of(1, 2, 5)), y: makeVector(Float64Array.of(0, 0, 1)) });
    const options = { label: 'y', skip: ['representativeness' as const] };
    expect(only(await checkTables({ train, test }, options), 'train_test_duplicates').details).toMatchObject({ key: 'features', rows: 2, same_label_rows: 1 });
    const f = only(await checkTables({ train, test }, { ...options, duplicatesWithLabel: true }), 'train_test_duplicates');
    expect(f).toMatchObject({ value: 1 / 3, details: { key: 'features+label', rows: 1, feature_rows: 2, same_label_rows: 1, examples: [{ row: 0, train_row: 0 }] } });
    await expect(checkTables({ train, test }, { duplicatesWithLabel: true })).rejects.toThrow(/needs the label column/);
  });
  it('rows of groups whose labels vary are reported as undecided, not as different labels', async () => {
    // a = 1 holds labels 0 and 1 in train: the two test rows with a = 1 cannot be called same- or different-label.
    const train = new Table({ a: makeVector(Float64Array.of(1, 1, 2)), y: makeVector(Float64Array.of(0, 1, 0)) });
    const test = new Table({ a: makeVector(Float64Array.of(1, 1, 2)), y: makeVector(Float64Array.of(0, 0, 0)) });
    const f = only(await checkTables({ train, test }, { label: 'y', skip: ['representativeness'] }), 'train_test_duplicates');
    expect(f.details).toMatchObject({ rows: 3, same_label_rows: 1, mixed_label_rows: 2 });
    expect(f.message).toMatch(/1 of them with the same label, 2 in groups whose labels vary \(--duplicates-with-label counts them exactly\)/);
  });
  it('id overlap', async () => {
    const report = await checkTables(plantedSplits(6, 1000, 500, { idOverlap: 7 }), spec);
    const f = only(report, 'id_overlap', 'test', 'id');
    expect(f).toMatchObject({ severity: 'error', value: 7 / 500 });
    expect(f.details).toMatchObject({ rows: 7, distinct_ids: 7 });
  });
  it('a leaked feature', async () => {
    const report = await checkTables(plantedSplits(7, 2000, 1000, { leak: true }), spec);
    const f = only(report, 'target_leakage', 'train', 'leak');
    expect(f).toMatchObject({ severity: 'error', value: 1, threshold: 0.98 });
    expect(f.details).toMatchObject({ statistic: 'roc_auc', roc_auc: 1 });
    expect(report.summary.status).toBe('fail');
  });
  it('a shifted column: PSI and KS as computed by brute force', async () => {
    const splits = plantedSplits(8, 2000, 1000, { shift: 1.5 });
    const report = await checkTables(splits, spec);
    const f = only(report, 'feature_drift', 'test', 'x2');
    expect(f.severity).toBe('warning');
    const a = Array.from(splits.train.getChild('x2')!.toArray() as Float64Array);
    const b = Array.from(splits.test.getChild('x2')!.toArray() as Float64Array);
    let d = 0;
    for (const v of [...a, ...b]) d = Math.max(d, Math.abs(a.filter((x) => x <= v).length / a.length - b.filter((x) => x <= v).length / b.length));
    expect(f.details.ks_statistic).toBeCloseTo(d, 14);
    // Decile bins of train: 10% of train rows each; test shares from the same edges.
    const edges = f.details.edges as number[];
    const shares = edges.map((e, k) => b.filter((x) => x < e && (k === 0 || x >= edges[k - 1])).length / b.length);
    shares.push(b.filter((x) => x >= edges[edges.length - 1]).length / b.length);
    const psi = shares.reduce((s, q, k) => {
      const p = (f.details.train_shares as number[])[k];
      return s + (Math.max(q, 1e-4) - p) * Math.log(Math.max(q, 1e-4) / p);
    }, 0);
    expect(f.details.psi).toBeCloseTo(psi, 12);
    expect((f.details.train_shares as number[]).every((p) => Math.abs(p - 0.1) < 1e-12)).toBe(true);
    expect(report.findings.filter((g) => g.check === 'feature_drift' && g.severity === 'warning')).toHaveLength(1);
    const domain = only(report, 'representativeness', 'test');
    expect(domain.severity).toBe('warning');
    expect((domain.details.top_features as Array<{ feature: string }>)[0].feature).toBe('x2');
  });
  it('missing values and a missing-rate mismatch', async () => {
    const report = await checkTables(plantedSplits(9, 2000, 1000, { missingShare: 0.2 }), spec);
    expect(only(report, 'missing_values', 'test', 'x1')).toMatchObject({ severity: 'info', value: 0.2, details: { missing: 200, rows: 1000, rate: 0.2 } });
    expect(only(report, 'missing_mismatch', 'test', 'x1')).toMatchObject({ severity: 'warning', value: 0.2, details: { train_rate: 0 } });
  });
  it('a new category', async () => {
    const report = await checkTables(plantedSplits(10, 2000, 1000, { newCategory: 30 }), spec);
    const f = only(report, 'new_categories', 'test', 'city');
    expect(f).toMatchObject({ severity: 'warning', value: 0.03 });
    expect(f.details.categories).toEqual([{ value: 'atlantis', rows: 30 }]);
  });
  it('a time overlap', async () => {
    const report = await checkTables(plantedSplits(11, 2000, 1000, { timeOverlap: 5 }), spec);
    const f = only(report, 'time_leakage', 'test', 'day');
    // Train days 0..199; test days from 195, 10 rows a day: days 195..198 are earlier than 199.
    expect(f).toMatchObject({ severity: 'error', value: 0.04, details: { rows: 40, train_latest: 199, earliest: 195, examples: [0, 1, 2, 3, 4] } });
  });
  it('conflicting labels and duplicate rows within train', async () => {
    const report = await checkTables(plantedSplits(12, 2000, 1000, { conflicts: 3 }), spec);
    expect(only(report, 'conflicting_labels', 'train')).toMatchObject({ severity: 'warning', details: { groups: 3, rows: 6 } });
    const dup = only(report, 'duplicate_rows', 'train');
    expect(dup).toMatchObject({ severity: 'info', value: 3 / 2000, details: { rows: 3, groups: 3 } });
    expect(dup.details.examples).toEqual([1, 2, 3].map((k) => ({ row: k, duplicate_row: 2000 - k, count: 2 })));
  });
});

describe('checkTables: schema, constant columns, imbalance, identifiers', () => {
  it('a missing column is an error, an int32 column against float64 only info, and duplicates still match across types', async () => {
    const { train, test } = plantedSplits(13, 500, 300, { duplicates: 4 });
    const x2 = test.getChild('x2')!.toArray() as Float64Array;
    const day = test.getChild('day')!.toArray() as Float64Array;
    const testInt = new Table({
      id: test.getChild('id')!, day: makeVector(Int32Array.from(day)), x1: test.getChild('x1')!, x2: makeVector(x2), city: test.getChild('city')!, y: test.getChild('y')!,
    });
    const r1 = await checkTables({ train, test: testInt }, spec);
    expect(only(r1, 'schema_mismatch', 'test', 'day')).toMatchObject({ severity: 'info', details: { train_type: 'float64', type: 'int32' } });
    expect(only(r1, 'train_test_duplicates', 'test').details.rows).toBe(4);
    const noX2 = new Table({ id: test.getChild('id')!, day: test.getChild('day')!, x1: test.getChild('x1')!, city: test.getChild('city')!, y: test.getChild('y')! });
    const r2 = await checkTables({ train, test: noX2 }, spec);
    expect(only(r2, 'schema_mismatch', 'test', 'x2').severity).toBe('error');
    const int1 = new Table({ a: makeVector(Int32Array.of(1, 2, 3)), y: vectorFromArray([0, 1, 0], new Int32()) });
    const float1 = new Table({ a: makeVector(Float64Array.of(3, 2, 9)), y: makeVector(Float64Array.of(1, 1, 1)) });
    const r3 = await checkTables({ train: int1, test: float1 }, { label: 'y', skip: ['representativeness'] });
    expect(only(r3, 'train_test_duplicates').details).toMatchObject({ rows: 2, same_label_rows: 1 });
  });
  it('constant columns, class imbalance and an identifier ordered by label', async () => {
    const n = 1000;
    const y = Float64Array.from({ length: n }, (_, i) => (i < 950 ? 0 : 1));
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const train = new Table({ row: makeVector(Float64Array.from({ length: n }, (_, i) => i)), x: makeVector(x), k: makeVector(new Float64Array(n).fill(3)), y: makeVector(y) });
    const report = await checkTables({ train, test: train }, { label: 'y', skip: ['representativeness'] });
    expect(only(report, 'constant_columns', 'train', 'k')).toMatchObject({ severity: 'warning', details: { value: 3 } });
    expect(only(report, 'class_imbalance', 'train', 'y')).toMatchObject({ severity: 'warning', value: 19 });
    const id = only(report, 'target_leakage', 'train', 'row');
    expect(id.severity).toBe('error'); // the row number separates the classes perfectly: AUC 1
    // Row numbers where positives grow more common further down: related to the label, far from separating it.
    const drift = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 100 < 5 + (20 * i) / n ? 1 : 0));
    const shuffled = new Table({ row: makeVector(Float64Array.from({ length: n }, (_, i) => i)), x: makeVector(x), y: makeVector(drift) });
    const weak = await checkTables({ train: shuffled, test: shuffled }, { label: 'y', skip: ['representativeness'] });
    expect(only(weak, 'target_leakage', 'train', 'row')).toMatchObject({ severity: 'warning', details: { kind: 'identifier' } });
  });
  it('a domain classifier with nothing to fit on is an info finding, not a failed run', async () => {
    const constant = new Table({ k: makeVector(new Float64Array(50).fill(1)), y: makeVector(Float64Array.from({ length: 50 }, (_, i) => i % 2)) });
    const report = await checkTables({ train: constant, test: constant }, { label: 'y' });
    expect(only(report, 'representativeness', 'test')).toMatchObject({ severity: 'info', details: { error: 'invalid_input' } });
    expect(only(report, 'representativeness', 'test').message).toMatch(/could not be fitted: Every feature \(k\) is constant/);
  });
  it('a text time column that is not a date fails with the column and value named', async () => {
    const t = (days: string[]): Table => new Table({ when: vectorFromArray(days, new Utf8()), x: makeVector(Float64Array.from(days, (_, i) => i)) });
    await expect(checkTables({ train: t(['2024-01-01', 'soon']), test: t(['2024-01-02']) }, { time: 'when', skip: ['representativeness'] }))
      .rejects.toThrow(/Time column `when` of train holds "soon", which is not a date/);
  });
  it('compares val with train like test', async () => {
    const { train, test } = plantedSplits(16, 800, 400, { duplicates: 3 });
    const report = await checkTables({ train, val: test, test: train }, { ...spec, skip: ['representativeness'] });
    expect(report.splits.map((s) => s.name)).toEqual(['train', 'val', 'test']);
    expect(only(report, 'train_test_duplicates', 'val').details.rows).toBe(3);
    expect(only(report, 'train_test_duplicates', 'test')).toMatchObject({ severity: 'error', value: 1 });
  });
  it('names a missing column and conflicting roles', () => {
    expect(() => resolveCheckColumns(['a', 'y'], { label: 'z' })).toThrow(/Column `z` \(--label\) not found in train; available columns: a, y/);
    expect(() => resolveCheckColumns(['a', 'y'], { label: 'y', id: 'y' })).toThrow(/both --label and --id/);
    expect(() => resolveCheckColumns(['a', 'y'], { label: 'y', features: ['y'] })).toThrow(/both a feature and the --label/);
    expect(() => resolveCheckColumns(['y'], { label: 'y' })).toThrow(/No feature columns/);
  });
});

describe('split states stream and merge', () => {
  it('chunked updates and merged partial states give the same report as one update', async () => {
    const { train, test } = plantedSplits(14, 1200, 700, { duplicates: 9, conflicts: 2, missingShare: 0.1, newCategory: 5, timeOverlap: 2, idOverlap: 3 });
    const columns = resolveCheckColumns(train.schema.fields.map((f) => f.name), spec);
    const options = splitStateOptions(columns, spec);
    const whole = await runChecks({ train: new SplitState('train', options).update(train), test: new SplitState('test', options).update(test) }, columns, spec);
    const chunked = (t: Table, name: string, size: number): SplitState => {
      const s = new SplitState(name, options);
      for (let at = 0; at < t.numRows; at += size) s.update(t.slice(at, at + size));
      return s;
    };
    const merged = (t: Table, name: string, cut: number): SplitState =>
      new SplitState(name, options).update(t.slice(0, cut)).merge(new SplitState(name, options).update(t.slice(cut)));
    const strip = (r: CheckReport) => JSON.stringify(r.findings);
    expect(strip(await runChecks({ train: chunked(train, 'train', 97), test: chunked(test, 'test', 250) }, columns, spec))).toBe(strip(whole));
    expect(strip(await runChecks({ train: merged(train, 'train', 411), test: merged(test, 'test', 3) }, columns, spec))).toBe(strip(whole));
    for (const check of ['train_test_duplicates', 'id_overlap', 'conflicting_labels', 'duplicate_rows', 'missing_mismatch', 'new_categories', 'time_leakage']) {
      expect(whole.findings.some((f) => f.check === check), check).toBe(true);
    }
  });
});

describe('order does not matter', () => {
  it('shuffled rows give the same counts and drift statistics (examples aside)', async () => {
    const { train, test } = plantedSplits(15, 900, 600, { duplicates: 6, missingShare: 0.1, newCategory: 4, shift: 0.7, conflicts: 2 });
    const order = Array.from({ length: test.numRows }, (_, i) => (i * 389) % test.numRows);
    const pick = (name: string): ReturnType<typeof makeVector> => {
      const column = test.getChild(name)!;
      const values = order.map((i) => column.get(i) as number | string | null);
      return typeof values[0] === 'string' || name === 'city' ? vectorFromArray(values as Array<string | null>, new Utf8()) : vectorFromArray(values as Array<number | null>, new Float64());
    };
    const shuffled = new Table(Object.fromEntries(test.schema.fields.map((f) => [f.name, pick(f.name)])));
    const options = { ...spec, skip: ['representativeness'] as const };
    const strip = (r: CheckReport) => r.findings.map((f) => ({ ...f, message: f.message.replace(/\(.*?row \d+.*?\)/g, ''), details: { ...f.details, examples: undefined } }));
    const a = await checkTables({ train, test }, { ...options, skip: [...options.skip] });
    const b = await checkTables({ train, test: shuffled }, { ...options, skip: [...options.skip] });
    expect(strip(b)).toEqual(strip(a));
  });
});
