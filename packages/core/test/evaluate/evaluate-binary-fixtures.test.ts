import { describe, expect, it } from 'vitest';
import { evaluateTable } from '../../src/evaluate/evaluate-table.js';
import { binaryFixtureNames, expectArrayClose, expectClose, fixtureTable, loadBinaryFixture } from '../support/fixtures.js';

const LOG_TOLERANCE = 1e-6;

describe.each(['js', 'tfjs'] as const)('binary metrics equal scikit-learn (%s backend)', (backend) => {
  it.each(binaryFixtureNames())('%s', async (name) => {
    const f = loadBinaryFixture(name);
    const report = await evaluateTable(fixtureTable(f), {
      task: 'binary',
      label: 'y',
      score: 'p',
      weight: f.inputs.weights ? 'w' : undefined,
      posLabel: f.inputs.pos_label ?? undefined,
      threshold: f.inputs.threshold,
      beta: f.inputs.beta,
      curves: true,
      backend,
    });
    expect(report.backend.name).toBe(backend);
    expect(report.confusion_matrix!.labels).toEqual(f.expected.labels);
    for (const [key, value] of Object.entries(f.expected.metrics)) {
      expect(report.metrics, `metric ${key}`).toHaveProperty(key);
      expectClose(report.metrics[key], value, key === 'log_loss' ? LOG_TOLERANCE : 1e-9, key);
    }
    // Metrics scikit-learn does not define for these inputs are absent from the fixture, and so must be here.
    if (!('log_loss' in f.expected.metrics)) expect(report.metrics).not.toHaveProperty('log_loss');
    for (const key of f.expected.undefined) expect(report.metrics[key], key).toBeNaN();
    expectArrayClose(report.confusion_matrix!.matrix.flat(), f.expected.confusion_matrix.flat(), 1e-12, 'confusion');
    const curves = report.curves!;
    expectArrayClose(curves.roc.fpr, f.expected.roc.fpr, 1e-9, 'roc.fpr');
    expectArrayClose(curves.roc.tpr, f.expected.roc.tpr, 1e-9, 'roc.tpr');
    expectArrayClose(curves.roc.thresholds, f.expected.roc.thresholds, 0, 'roc.thresholds');
    expectArrayClose(curves.pr.precision, f.expected.pr.precision, 1e-9, 'pr.precision');
    expectArrayClose(curves.pr.recall, f.expected.pr.recall, 1e-9, 'pr.recall');
    expectArrayClose(curves.pr.thresholds, f.expected.pr.thresholds, 0, 'pr.thresholds');
  });
});
