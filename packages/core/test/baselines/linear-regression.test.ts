import { describe, expect, it } from 'vitest';
import { getColumn } from '../../src/columns/get-column.js';
import { toNumericArray } from '../../src/columns/to-numeric-array.js';
import { fitRidge, predictLinear } from '../../src/baselines/linear-regression.js';
import { fitPreprocessor } from '../../src/baselines/preprocessor.js';
import { loadTfjs } from '../../src/kernels/tfjs/load-tfjs.js';
import type { DesignMatrix } from '../../src/baselines/design-matrix.js';
import { expectClose, loadBaselineFixture, readFixtureTable } from './baseline-fixtures.js';

function matrix(rows: number[][]): DesignMatrix {
  return { rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()), names: rows[0].map((_, j) => `f${j}`) };
}

describe('fitRidge matches scikit-learn Ridge', () => {
  it('diabetes (standardised), Cholesky and conjugate gradients', async () => {
    const fx = loadBaselineFixture('diabetes');
    const train = await readFixtureTable(fx.train);
    const test = await readFixtureTable(fx.test);
    const pre = fitPreprocessor(train, { features: fx.features });
    expect(pre.featureNames).toEqual(fx.names);
    const x = pre.transform(train);
    const xTest = pre.transform(test);
    expectClose(xTest.data.subarray(0, 8 * xTest.cols), fx.x_test_head!.flat(), 1e-12, 1, 'x_test');
    const y = Float64Array.from(toNumericArray(getColumn(train, fx.label), fx.label).values);
    for (const solver of ['cholesky', 'cg'] as const) {
      const model = fitRidge(x, y, { l2: fx.l2, solver });
      expect(model.solver).toBe(solver);
      expect(model.converged).toBe(true);
      expectClose(model.coef, fx.coef as number[], 1e-9, 1e-3, `${solver} coef`);
      expectClose([model.intercept], [fx.intercept as number], 1e-9, 1e-3, `${solver} intercept`);
      expectClose(predictLinear(model, xTest).subarray(0, 8), fx.pred_test_head!, 1e-9, 1e-3, `${solver} predictions`);
    }
  });

  it('tfjs backend: conjugate gradients with tensor products reach the same coefficients to float32 precision', async () => {
    const fx = loadBaselineFixture('diabetes');
    const train = await readFixtureTable(fx.train);
    const x = fitPreprocessor(train, { features: fx.features }).transform(train);
    const y = Float64Array.from(toNumericArray(getColumn(train, fx.label), fx.label).values);
    const model = fitRidge(x, y, { l2: fx.l2, backend: 'tfjs', tfjs: await loadTfjs() });
    expect(model.backend).toBe('tfjs');
    expect(model.solver).toBe('cg');
    expect(model.converged).toBe(true);
    const scale = Math.max(...(fx.coef as number[]).map(Math.abs));
    expectClose(model.coef, fx.coef as number[], 1e-3, scale, 'coef');
    expectClose([model.intercept], [fx.intercept as number], 1e-4, 1, 'intercept');
    expect(() => fitRidge(x, y, { backend: 'tfjs' })).toThrow(/needs the runtime/);
  });

  it('more features than rows: the penalty picks the solution (Cholesky and CG agree with scikit-learn)', () => {
    const fx = loadBaselineFixture('ridge_wide') as unknown as { x: number[][]; y: number[]; l2: number; coef: number[]; intercept: number };
    const x = matrix(fx.x);
    for (const solver of ['cholesky', 'cg'] as const) {
      const model = fitRidge(x, Float64Array.from(fx.y), { l2: fx.l2, solver });
      expect(model.warnings.map((w) => w.code)).toContain('more_features_than_rows');
      expectClose(model.coef, fx.coef, 1e-8, 1e-3, `${solver} coef`);
      expectClose([model.intercept], [fx.intercept], 1e-8, 1e-3, `${solver} intercept`);
    }
  });

  it('without a penalty on collinear features: a warning and the minimum-norm least-squares solution', () => {
    // Column 1 = 2 × column 0: the minimum-norm solution splits the slope 1:2 between them.
    const x = matrix([[1, 2], [2, 4], [3, 6], [4, 8]]);
    const y = Float64Array.of(1, 2, 3, 4); // y = x0 = (x0 + 2 x1)/5
    const model = fitRidge(x, y, { l2: 0 });
    expect(model.warnings.map((w) => w.code)).toContain('singular_gram');
    expectClose(model.coef, [0.2, 0.4], 1e-9, 1e-3, 'coef');
    expectClose(predictLinear(model, x), y, 1e-9, 1e-3, 'fit');
  });

  it('rejects bad input', () => {
    const x = matrix([[1], [2]]);
    expect(() => fitRidge(x, Float64Array.of(1, Number.NaN))).toThrow(/target is NaN at training row 1/);
    expect(() => fitRidge(x, Float64Array.of(1))).toThrow(/rows/);
    expect(() => fitRidge(x, Float64Array.of(1, 2), { l2: -1 })).toThrow(/l2/);
    expect(() => predictLinear(fitRidge(x, Float64Array.of(1, 2)), matrix([[1, 2]]))).toThrow(/1 features/);
  });
});
