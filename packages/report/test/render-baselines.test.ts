import { BASELINE_REPORT_SCHEMA, type BaselineReport } from '@modelperf/core';
import { describe, expect, it } from 'vitest';
import { renderBaselinesMarkdown, renderBaselinesTable } from '../src/index.js';

function report(): BaselineReport {
  const slices = [
    { column: 'region', value: 'eu', rows: 60, metrics: { roc_auc: 0.5 } },
    { column: 'region', value: null, rows: 40, metrics: { roc_auc: 0.5 } },
  ];
  return {
    schema: BASELINE_REPORT_SCHEMA, task: 'binary', label: 'y', classes: [0, 1], train: { rows: 1000 },
    splits: [{ name: 'test', rows: 100 }], features: ['a', 'region'],
    preprocessing: { features: [], featureNames: ['a', 'region=eu', 'region=(missing)'], maxCategories: 20 },
    models: [
      { model: 'prior', kind: 'dummy', definition: 'the training class shares' },
      { model: 'logistic', kind: 'logistic', l2: 0, converged: false, status: 'separated', iterations: 31, solver: 'newton', backend: 'js', device: 'cpu' },
    ],
    baselines: [
      { model: 'prior', split: 'train', rows: 1000, metrics: { roc_auc: 0.5, log_loss: 0.6 } },
      { model: 'logistic', split: 'train', rows: 1000, metrics: { roc_auc: 1, log_loss: 1e-9 } },
      { model: 'prior', split: 'test', rows: 100, metrics: { roc_auc: 0.5, log_loss: 0.61 }, slices },
      { model: 'logistic', split: 'test', rows: 100, metrics: { roc_auc: 0.97, log_loss: 0.2 }, slices },
    ],
    options: { model: 'all', seed: 0, l2: 0 },
    warnings: [{ code: 'not_converged', message: 'Logistic regression did not converge (separated after 31 iterations): set --l2 > 0.' }],
    timing_ms: { fit: 1, evaluate: 2, total: 3 },
  };
}

describe('renderBaselinesTable', () => {
  it('shows convergence, one row per model per split, slices and warnings', () => {
    const text = renderBaselinesTable(report());
    expect(text).toContain('modelperf baseline — binary — label y — 1,000 training rows');
    expect(text).toContain('classes 0, 1 (scores: probability of 1)');
    expect(text).toContain('logistic: l2 0, 3 design columns from 2 features; NOT converged (separated) after 31 iteration(s), newton on js (cpu)');
    expect(text).toMatch(/test — 100 rows\n\s+model\s+roc_auc\s+average_precision\s+log_loss/);
    expect(text).toMatch(/logistic\s+0\.97\s+0\.2/);
    expect(text).toMatch(/roc_auc per slice of region:\n\s+model\s+"eu"\s+\(none\)/);
    expect(text).toContain('  - not_converged: Logistic regression did not converge');
  });
});

describe('renderBaselinesMarkdown', () => {
  it('renders the same content as pipe tables', () => {
    const md = renderBaselinesMarkdown(report());
    expect(md).toContain('## modelperf baseline: binary');
    expect(md).toContain('### test (100 rows)');
    expect(md).toContain('| model | roc_auc | average_precision | log_loss | brier_score_loss | accuracy | f1 |');
    expect(md).toContain('| logistic | 0.97 |  | 0.2 |  |  |  |');
    expect(md).toContain('- not_converged: Logistic regression');
  });
});
