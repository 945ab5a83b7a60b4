import { describe, expect, it } from 'vitest';
import type { Kernels } from '../../../src/kernels/binary-clf-curve.js';
import { jsKernels } from '../../../src/kernels/js/js-kernels.js';
import { selectKernels } from '../../../src/kernels/select-kernels.js';
import { multiclassMetrics } from '../../../src/metrics/multiclass/multiclass-metrics.js';
import { expectClose } from '../../support/fixtures.js';
import { fixtureInput, loadMulticlassFixture, multiclassFixtureNames } from './multiclass-fixtures.js';

const names = multiclassFixtureNames();

describe.each(['js', 'tfjs'] as const)('multiclass metrics equal scikit-learn (%s backend)', (backend) => {
  const kernels = (): Promise<Kernels> => (backend === 'js' ? Promise.resolve(jsKernels) : selectKernels('tfjs'));

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it.each(names)('%s', async (name) => {
    const f = loadMulticlassFixture(name);
    const k = await kernels();
    expect(k.name).toBe(backend);
    const topK = f.inputs.top_k ?? undefined;
    const result = await multiclassMetrics(fixtureInput(f), { topK, zeroDivision: f.inputs.zero_division }, k);

    const expectedKeys = Object.keys(f.expected.metrics).sort();
    expect(Object.keys(result.metrics).sort()).toEqual(expectedKeys);
    for (const key of f.expected.omitted) expect(result.metrics, key).not.toHaveProperty(key);
    for (const key of expectedKeys) {
      expectClose(result.metrics[key], f.expected.metrics[key], key === 'log_loss' ? 1e-6 : 1e-9, key);
    }

    expect(result.perClass.length).toBe(f.inputs.k);
    f.expected.per_class.forEach((e, c) => {
      const got = result.perClass[c];
      expect(got.classIndex).toBe(c);
      expectClose(got.precision, e.precision, 1e-9, `precision[${c}]`);
      expectClose(got.recall, e.recall, 1e-9, `recall[${c}]`);
      expectClose(got.f1, e.f1, 1e-9, `f1[${c}]`);
      expectClose(got.support, e.support, 1e-9, `support[${c}]`);
    });

    expect(result.confusionMatrix.length).toBe(f.inputs.k);
    f.expected.confusion_matrix.forEach((row, t) => {
      row.forEach((v, p) => expectClose(result.confusionMatrix[t][p], v, 1e-9, `cm[${t}][${p}]`));
    });

    const codes = result.warnings.map((w) => w.code);
    if (f.inputs.weights !== null && f.inputs.scores !== null) expect(codes).toContain('metric_omitted');
    if (Object.values(f.expected.metrics).includes('NaN')) expect(codes).toContain('one_class');
  });
});
