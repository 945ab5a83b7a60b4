import { Bool, Float64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { fitPreprocessor } from '../../src/baselines/preprocessor.js';
import { expectClose, loadBaselineFixture, readFixtureTable } from './baseline-fixtures.js';

describe('fitPreprocessor', () => {
  it('equals scikit-learn SimpleImputer(add_indicator) + StandardScaler and OneHotEncoder on the synthetic set', async () => {
    const fx = loadBaselineFixture('synthetic_l2_1_0');
    const train = await readFixtureTable(fx.train);
    const test = await readFixtureTable(fx.test);
    const pre = fitPreprocessor(train, { features: fx.features });
    expect(pre.featureNames).toEqual(fx.names);
    expect(pre.warnings.map((w) => w.code)).toEqual(['constant_feature']);
    const x = pre.transform(train);
    expectClose(x.data, fx.x_train!.flat(), 1e-12, 1, 'x_train');
    const xt = pre.transform(test);
    expectClose(xt.data, fx.x_test!.flat(), 1e-12, 1, 'x_test');
    // The test split has one row with a category unseen in training: all zeros, and a warning.
    expect(xt.warnings?.map((w) => w.code)).toEqual(['unknown_category']);
    expect(xt.warnings?.[0].message).toContain('1 row(s)');
    expect(JSON.parse(JSON.stringify(pre.toJSON())).features[3].categories).toEqual(['east', 'north', 'south', 'west', null]);
  });

  it('caps the categories of a column: the most frequent keep a column, the rest share (other), unknown go there', () => {
    const values = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e'];
    const train = new Table({ g: vectorFromArray(values, new Utf8()) });
    const pre = fitPreprocessor(train, { features: ['g'], maxCategories: 3 });
    expect(pre.featureNames).toEqual(['g=a', 'g=b', 'g=(other)']);
    expect(pre.warnings.map((w) => w.code)).toEqual(['capped_categories']);
    const x = pre.transform(new Table({ g: vectorFromArray(['b', 'zzz', 'c'], new Utf8()) }));
    expect(Array.from(x.data)).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 1]);
    expect(x.warnings).toEqual([]);
  });

  it('drops constant and all-missing features with a warning, and refuses when nothing is left', () => {
    const train = new Table({
      c: vectorFromArray([2, 2, 2], new Float64()),
      m: vectorFromArray([null, null, null], new Float64()),
      s: vectorFromArray(['x', 'x', 'x'], new Utf8()),
      ok: vectorFromArray([true, false, true], new Bool()),
    });
    const pre = fitPreprocessor(train, { features: ['c', 'm', 's', 'ok'] });
    expect(pre.featureNames).toEqual(['ok']);
    expect(pre.warnings.map((w) => w.code).sort()).toEqual(['all_missing_feature', 'constant_feature', 'constant_feature']);
    expect(() => fitPreprocessor(train, { features: ['c', 'm'] })).toThrow(/constant or missing in training/);
  });

  it('names a feature missing from a split, and a type that changed', () => {
    const train = new Table({ a: vectorFromArray([1, 2, 3], new Float64()), b: vectorFromArray(['u', 'v', 'u'], new Utf8()) });
    const pre = fitPreprocessor(train, { features: ['a', 'b'] });
    expect(() => pre.transform(new Table({ a: vectorFromArray([1], new Float64()) }))).toThrow(/Feature `b` is in the training split but not in this one/);
    expect(() => pre.transform(new Table({ a: vectorFromArray(['1'], new Utf8()), b: vectorFromArray(['u'], new Utf8()) })))
      .toThrow(/Feature `a` is numeric in training but/);
  });

  it('imputes missing values unseen in training with the mean, with a warning', () => {
    const train = new Table({ a: vectorFromArray([1, 2, 3], new Float64()) });
    const pre = fitPreprocessor(train, { features: ['a'] });
    const x = pre.transform(new Table({ a: vectorFromArray([null, 3], new Float64()) }));
    expectClose(x.data, [0, Math.sqrt(1.5)], 1e-12, 1e-9);
    expect(x.warnings?.map((w) => w.code)).toEqual(['unseen_missing']);
  });

  it('rejects bad options and unusable columns', () => {
    const train = new Table({ a: vectorFromArray([1, 2], new Float64()) });
    expect(() => fitPreprocessor(train, { features: [] })).toThrow(/No feature columns/);
    expect(() => fitPreprocessor(train, { features: ['a'], maxCategories: 1 })).toThrow(/maxCategories/);
    expect(() => fitPreprocessor(train, { features: ['zz'] })).toThrow(/Column `zz` not found/);
    expect(() => fitPreprocessor(train, { features: ['a', 'a'] })).toThrow(/listed twice/);
  });
});
