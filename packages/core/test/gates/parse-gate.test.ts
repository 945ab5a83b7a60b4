import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { parseGate } from '../../src/gates/parse-gate.js';

describe('parseGate', () => {
  it('reads absolute gates', () => {
    expect(parseGate('roc_auc>=0.80')).toEqual({ text: 'roc_auc >= 0.80', metric: 'roc_auc', operator: '>=', threshold: 0.8 });
    expect(parseGate(' log_loss < 0.3 ')).toMatchObject({ metric: 'log_loss', operator: '<', threshold: 0.3 });
    expect(parseGate('top_3_accuracy>.5')).toMatchObject({ metric: 'top_3_accuracy', operator: '>', threshold: 0.5 });
    expect(parseGate('rmse<=1e-3')).toMatchObject({ operator: '<=', threshold: 0.001 });
  });

  it('reads differences to a baseline, whose name may hold dashes', () => {
    expect(parseGate('roc_auc-baseline>=0.02')).toEqual({
      text: 'roc_auc-baseline >= 0.02', metric: 'roc_auc', baseline: 'baseline', operator: '>=', threshold: 0.02,
    });
    expect(parseGate('log_loss - dummy_score <= -0.01')).toMatchObject({ metric: 'log_loss', baseline: 'dummy_score', threshold: -0.01 });
    expect(parseGate('roc_auc-model-v2.1>0')).toMatchObject({ baseline: 'model-v2.1', operator: '>', threshold: 0 });
  });

  it('reads confidence bounds in both spellings', () => {
    const suffix = parseGate('roc_auc-baseline:low>=0');
    const wrapped = parseGate('lower(roc_auc-baseline) >= 0');
    expect(suffix).toEqual(wrapped);
    expect(suffix).toMatchObject({ bound: 'low', text: 'roc_auc-baseline:low >= 0' });
    expect(parseGate('upper( log_loss )<=0.4')).toMatchObject({ metric: 'log_loss', bound: 'high' });
    expect(parseGate('rmse:high<2')).toMatchObject({ metric: 'rmse', bound: 'high' });
  });

  it('reads slice selectors, inside bounds too', () => {
    expect(parseGate('roc_auc-baseline[web]:low>=0')).toEqual({
      text: 'roc_auc-baseline[web]:low >= 0', metric: 'roc_auc', baseline: 'baseline', bound: 'low', slice: 'web', operator: '>=', threshold: 0,
    });
    expect(parseGate('lower(roc_auc-baseline [*]) >= -0.01')).toMatchObject({ slice: '*', bound: 'low', text: 'roc_auc-baseline[*]:low >= -0.01' });
    expect(parseGate('rmse[eu,3]<2')).toMatchObject({ metric: 'rmse', slice: 'eu,3' });
    expect(() => parseGate('roc_auc[]>=0')).toThrow('Gate "roc_auc[]>=0" has an empty slice []');
  });

  it.each([
    ['roc_auc', /expected METRIC OP NUMBER/],
    ['roc_auc >= ', /Cannot read gate/],
    ['roc_auc >= high', /Cannot read gate/],
    ['roc_auc => 0.8', /Cannot read gate/],
    ['roc_auc == 0.8', /equality cannot gate/],
    ['roc_auc = 0.8', /equality cannot gate/],
    ['roc_auc:mid >= 0.8', /Cannot read gate/],
    ['lower(roc_auc:low) >= 0.8', /Cannot read gate/],
    ['0.8 <= roc_auc', /Cannot read gate/],
    ['roc_auc >= 0.8 and f1 > 0.5', /Cannot read gate/],
  ])('rejects %j', (text, message) => {
    expect(() => parseGate(text)).toThrow(ValidationError);
    expect(() => parseGate(text)).toThrow(message);
  });
});
