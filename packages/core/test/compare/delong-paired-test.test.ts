import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { delongComponents } from '../../src/compare/delong-components.js';
import { delongPairedTest } from '../../src/compare/delong-paired-test.js';
import { normalUpperTail } from '../../src/compare/normal-upper-tail.js';
import { ValidationError } from '../../src/errors.js';
import { delongRocAucInterval } from '../../src/intervals/delong-roc-auc-interval.js';
import { jsonNumber } from '../../src/report/report-to-json.js';
import { expectClose } from '../support/fixtures.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'compare');

interface CompareFixture {
  name: string;
  inputs: { labels: number[]; a: number[]; b: number[]; level: number };
  expected: Record<string, number | string>;
}

const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { cases: string[]; tail: { z: number[]; sf: number[] } };
const load = (name: string): CompareFixture => JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as CompareFixture;

function inputs(f: CompareFixture): { positive: Uint8Array; a: Float64Array; b: Float64Array } {
  return { positive: Uint8Array.from(f.inputs.labels), a: Float64Array.from(f.inputs.a), b: Float64Array.from(f.inputs.b) };
}

describe('delongPairedTest', () => {
  it.each(index.cases)('matches the scipy fast-DeLong reference (%s)', (name) => {
    const f = load(name);
    const { positive, a, b } = inputs(f);
    const t = delongPairedTest(positive, a, b, f.inputs.level);
    const e = f.expected;
    expectClose(t.auc, e.auc, 1e-12, 'auc');
    expectClose(t.baseline_auc, e.baseline_auc, 1e-12, 'baseline_auc');
    expectClose(t.difference, e.difference, 1e-9, 'difference');
    expectClose(t.se, e.se, 1e-9, 'se');
    expectClose(t.z, e.z, 1e-9, 'z');
    // The normal tail is Hart's algorithm (about 1e-14 relative); p-values as small as 1e-37 still agree closely.
    expectClose(t.p_value, e.p_value, 1e-9, 'p_value');
    expect(Math.abs(t.p_value - (e.p_value as number)) / (e.p_value as number), 'p_value (relative)').toBeLessThanOrEqual(1e-9);
    expectClose(t.low, e.low, 1e-9, 'low');
    expectClose(t.high, e.high, 1e-9, 'high');
    // Each model's own DeLong standard error matches the single-AUC interval's.
    expectClose(delongRocAucInterval({ scores: a, positive })!.se, e.se_a, 1e-9, 'se_a');
    expectClose(delongRocAucInterval({ scores: b, positive })!.se, e.se_b, 1e-9, 'se_b');
  });

  it('gives zero difference, z = 0 and p = 1 for a model compared with itself', () => {
    const { positive, a } = inputs(load('rounded_ties'));
    const t = delongPairedTest(positive, a, a);
    expect(t.difference).toBe(0);
    expect(t.se).toBe(0);
    expect(t.z).toBe(0);
    expect(t.p_value).toBe(1);
    expect(t.low).toBe(0);
    expect(t.high).toBe(0);
  });

  it('negates the difference, z and interval when candidate and baseline swap, keeping se and p', () => {
    const { positive, a, b } = inputs(load('correlated_continuous'));
    const ab = delongPairedTest(positive, a, b);
    const ba = delongPairedTest(positive, b, a);
    expect(ba.difference).toBe(-ab.difference);
    expectClose(ba.se, ab.se, 1e-14);
    expectClose(ba.z, -ab.z, 1e-14);
    expectClose(ba.p_value, ab.p_value, 1e-14);
    expectClose(ba.low, -ab.high, 1e-12);
  });

  it('is invariant to a monotone transform of either model (ranks only)', () => {
    const { positive, a, b } = inputs(load('rounded_ties'));
    const t1 = delongPairedTest(positive, a, b);
    const t2 = delongPairedTest(positive, a.map((v) => Math.exp(3 * v)), b.map((v) => v * 10 - 4));
    expectClose(t2.difference, t1.difference, 1e-14);
    expectClose(t2.se, t1.se, 1e-12);
  });

  it('reports NaN without both classes, and a NaN variance with a single row of a class', () => {
    const none = delongPairedTest(Uint8Array.of(0, 0, 0), Float64Array.of(0.1, 0.2, 0.3), Float64Array.of(0.3, 0.2, 0.1));
    expect(Number.isNaN(none.auc) && Number.isNaN(none.p_value)).toBe(true);
    const single = delongPairedTest(Uint8Array.of(1, 0, 0), Float64Array.of(0.9, 0.2, 0.3), Float64Array.of(0.1, 0.2, 0.3));
    expect(single.auc).toBe(1);
    expect(single.baseline_auc).toBe(0);
    expect(Number.isNaN(single.se)).toBe(true);
    expect(Number.isNaN(single.p_value)).toBe(true);
  });

  it('rejects a level outside (0, 1)', () => {
    expect(() => delongPairedTest(Uint8Array.of(1, 0), Float64Array.of(1, 0), Float64Array.of(1, 0), 1)).toThrow(ValidationError);
  });
});

describe('delongComponents', () => {
  it('puts the components in row order and averages V10 and V01 to the AUC', () => {
    const positive = Uint8Array.of(0, 1, 1, 0, 1, 0);
    const c = delongComponents(Float64Array.of(0.1, 0.8, 0.4, 0.4, 0.9, 0.6), positive, 3);
    // positives 0.8, 0.4, 0.9 against negatives 0.1, 0.4, 0.6
    expect(Array.from(c.v10)).toEqual([1, 0.5, 1]);
    // negatives 0.1, 0.4, 0.6 against positives 0.8, 0.4, 0.9
    expect(Array.from(c.v01)).toEqual([1, 2.5 / 3, 2 / 3]);
    expectClose(c.auc, 2.5 / 3, 1e-15);
    expectClose(c.v01.reduce((s, v) => s + v, 0) / 3, c.auc, 1e-15);
  });
});

describe('normalUpperTail', () => {
  it('matches scipy.stats.norm.sf, far tail included', () => {
    index.tail.z.forEach((z, i) => {
      const expected = jsonNumber(index.tail.sf[i]);
      expect(Math.abs(normalUpperTail(z) - expected) / expected, `sf(${z})`).toBeLessThanOrEqual(1e-14);
    });
    expect(Number.isNaN(normalUpperTail(NaN))).toBe(true);
    expect(normalUpperTail(40)).toBe(0);
    expect(normalUpperTail(-40)).toBe(1);
  });
});
