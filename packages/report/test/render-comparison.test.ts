import { COMPARISON_SCHEMA, type ComparisonResult } from '@modelperf/core';
import { describe, expect, it } from 'vitest';
import { renderComparisonMarkdown, renderComparisonTable } from '../src/index.js';

function comparison(): ComparisonResult {
  const auc = { candidate: 0.8123, baseline: 0.7989, difference: 0.0134, direction: 'higher' as const, better: 'candidate' as const, low: 0.0051, high: 0.0217, method: 'delong' as const, se: 0.0042, z: 3.19, p_value: 0.00142 };
  const loss = { candidate: 0.41, baseline: 0.4, difference: 0.01, direction: 'lower' as const, better: 'baseline' as const, low: -0.002, high: 0.021, method: 'bootstrap' as const };
  return {
    schema: COMPARISON_SCHEMA, task: 'binary', rows: 1000, input: { path: 'cand.arrow', format: 'arrow', baseline_path: 'base.arrow', joined_on: 'id' },
    backend: { name: 'js', device: 'cpu' }, columns: { label: 'y', by: ['region'] }, candidate: 'p', baselines: ['dummy_score'],
    options: { pos_label: 1, ci: 0.95, bootstrap: 200, seed: 0 },
    models: [
      { name: 'p', columns: ['p'], role: 'candidate', metrics: { roc_auc: 0.8123, log_loss: 0.41 } },
      { name: 'dummy_score', columns: ['dummy_score'], role: 'baseline', metrics: { roc_auc: 0.7989, log_loss: 0.4 } },
    ],
    comparisons: [{ baseline: 'dummy_score', metrics: { roc_auc: auc, log_loss: loss } }],
    slices: [{ column: 'region', value: 'eu', rows: 500, models: [], comparisons: [{ baseline: 'dummy_score', metrics: { roc_auc: { ...auc, difference: -0.02, low: -0.05, high: 0.01 } } }] }],
    gates: [{ gate: 'roc_auc-dummy_score >= 0.02', passed: false, value: 0.0134, threshold: 0.02, message: 'gate failed: roc_auc-dummy_score >= 0.02 (got 0.0134 = 0.8123 - 0.7989)' }],
    warnings: [{ code: 'x', message: 'a warning' }],
    timing_ms: { read: 1, compute: 2, total: 3 },
  };
}

describe('renderComparisonTable', () => {
  it('lays out both models, the difference, its interval, p-value and verdict, then slices, gates and warnings', () => {
    const text = renderComparisonTable(comparison());
    expect(text).toContain('modelperf compare — binary — 1,000 rows — cand.arrow + base.arrow (joined on `id`)');
    expect(text).toContain('95% intervals of candidate - baseline: paired bootstrap (200 replicates, seed 0); DeLong\'s test for ROC AUC');
    expect(text).toMatch(/\n {2}roc_auc +0\.8123 +0\.7989 +\+0\.0134 +\[\+0\.0051, \+0\.0217\] DeLong +0\.00142 +candidate\n/);
    // The loss interval spans zero: the baseline is ahead on the point estimate only.
    expect(text).toMatch(/\n {2}log_loss \(lower is better\) +0\.41 +0\.4 +\+0\.01 +\[-0\.002, \+0\.021\] +baseline \(within noise\)\n/);
    expect(text).toMatch(/per slice of region: p - dummy_score\n +slice +rows +ROC AUC\n +"eu" +500 +-0\.02 \[-0\.05, \+0\.01\] DeLong\n/);
    expect(text).toContain('\ngates\n  gate failed: roc_auc-dummy_score >= 0.02 (got 0.0134 = 0.8123 - 0.7989)\n');
    expect(text).toContain('warnings:\n  - a warning');
  });
});

describe('renderComparisonMarkdown', () => {
  it('writes pipe tables per baseline and marks gates', () => {
    const md = renderComparisonMarkdown(comparison());
    expect(md).toMatch(/^## modelperf compare: binary\n/);
    expect(md).toContain('### `p` vs `dummy_score`\n\n| metric | p | dummy_score | difference | 95% interval | p-value | better |\n| --- | ---: | ---: | ---: | --- | ---: | --- |\n');
    expect(md).toContain('| roc_auc | 0.8123 | 0.7989 | +0.0134 | [+0.0051, +0.0217] DeLong | 0.00142 | candidate |');
    expect(md).toContain('- ❌ gate failed: roc_auc-dummy_score >= 0.02');
    // Without an interval the verdict is the point estimate's alone.
    const bare = comparison();
    delete bare.comparisons[0].metrics.log_loss.low;
    delete bare.comparisons[0].metrics.log_loss.high;
    expect(renderComparisonMarkdown(bare)).toContain('| log_loss (lower is better) | 0.41 | 0.4 | +0.01 |  |  | baseline |');
  });
});
