import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli-captured.js';


const dir = mkdtempSync(join(tmpdir(), 'modelperf-cli-'));
const file = (name: string): string => join(dir, name);

function writeArrow(name: string, columns: Record<string, Vector>): string {
  writeFileSync(file(name), tableToIPC(new Table(columns), 'file'));
  return file(name);
}

beforeAll(async () => {
  const r = await cli(['generate', '--rows', '5000', '--seed', '3', '--out', file('demo.arrow')]);
  expect(r.code, r.stderr).toBe(0);
  const csv = await cli(['generate', '--rows', '5000', '--seed', '3', '--out', file('demo.csv')]);
  expect(csv.code, csv.stderr).toBe(0);
});

describe('modelperf evaluate', () => {
  it('prints a JSON report with every binary metric when stdout is not a terminal', async () => {
    const r = await cli(['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('modelperf/report@1');
    expect(report.rows).toBe(5000);
    expect(report.input.format).toBe('arrow');
    for (const key of ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'specificity', 'f1', 'fbeta',
      'matthews_corrcoef', 'cohen_kappa', 'roc_auc', 'average_precision', 'log_loss', 'brier_score_loss', 'prevalence']) {
      expect(typeof report.metrics[key], key).toBe('number');
    }
    const [[tn, fp], [fn, tp]] = report.confusion_matrix.matrix as number[][];
    expect(tn + fp + fn + tp).toBe(5000);
    expect(report.metrics.accuracy).toBeCloseTo((tn + tp) / 5000, 12);
  });

  it('gives the same numbers from CSV as from Arrow', async () => {
    const a = JSON.parse((await cli(['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score'])).stdout);
    const c = JSON.parse((await cli(['evaluate', file('demo.csv'), '--label', 'label', '--score', 'score'])).stdout);
    expect(c.input.format).toBe('csv');
    expect(c.metrics).toEqual(a.metrics);
  });

  it('prints a readable table on a terminal', async () => {
    const r = await cli(['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score'], true);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/roc_auc\s+ROC AUC\s+0\.\d+/);
    expect(r.stdout).toContain('confusion matrix at threshold 0.5');
    expect(r.stdout).toContain('5,000 rows');
  });

  it('renders Markdown and honours --threshold, --beta and --curves', async () => {
    const md = await cli(['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score', '--format', 'markdown']);
    expect(md.stdout).toContain('| roc_auc |');
    const r = JSON.parse((await cli(['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score',
      '--threshold', '0.2', '--beta', '2', '--curves'])).stdout);
    expect(r.options.threshold).toBe(0.2);
    expect(r.options.beta).toBe(2);
    expect(r.curves.roc.thresholds[0]).toBe('Infinity');
    expect(r.curves.pr.precision.length).toBe(r.curves.pr.thresholds.length + 1);
  });

  it('writes --out atomically and leaves no temporary file', async () => {
    const out = file('report.json');
    const r = await cli(['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).rows).toBe(5000);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('reports --version and --help with exit 0', async () => {
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await cli(['evaluate', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--pos-label');
  });
});

describe('modelperf evaluate on bad input exits 2 with one clear line', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => ['evaluate', file('nope.arrow'), '--label', 'label', '--score', 'score'], /not found/i],
    ['a missing column', () => ['evaluate', file('demo.arrow'), '--label', 'y', '--score', 'score'], /`y`.*label, score|available columns/],
    ['an unknown extension', () => {
      writeFileSync(file('data.xyz'), 'a,b\n1,2\n');
      return ['evaluate', file('data.xyz'), '--label', 'a', '--score', 'b'];
    }, /format/i],
    ['an empty file', () => {
      writeFileSync(file('empty.csv'), '');
      return ['evaluate', file('empty.csv'), '--label', 'a', '--score', 'b'];
    }, /empty/i],
    ['a corrupt Arrow file', () => {
      const bytes = readFileSync(file('demo.arrow'));
      writeFileSync(file('cut.arrow'), bytes.subarray(0, Math.floor(bytes.length / 2)));
      return ['evaluate', file('cut.arrow'), '--label', 'label', '--score', 'score'];
    }, /corrupt|truncated/i],
    ['a non-numeric score column', () => {
      writeArrow('strscore.arrow', { y: vectorFromArray([0, 1], new Int32()), s: vectorFromArray(['high', 'low'], new Utf8()) });
      return ['evaluate', file('strscore.arrow'), '--label', 'y', '--score', 's'];
    }, /`s`.*numeric/],
    ['three classes', () => {
      writeArrow('three.arrow', { y: vectorFromArray([0, 1, 2], new Int32()), p: vectorFromArray([0.1, 0.5, 0.9], new Float64()) });
      return ['evaluate', file('three.arrow'), '--label', 'y', '--score', 'p'];
    }, /3 distinct labels/],
    ['a --pos-label not among the labels', () => ['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score', '--pos-label', '5'], /--pos-label 5 is not among/],
    ['a NaN score', () => {
      writeArrow('nan.arrow', { y: vectorFromArray([0, 1, 1], new Int32()), p: vectorFromArray([0.1, NaN, 0.9], new Float64()) });
      return ['evaluate', file('nan.arrow'), '--label', 'y', '--score', 'p'];
    }, /`p`.*row 1.*--nan drop/],
    ['a bad --threshold', () => ['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score', '--threshold', 'high'], /--threshold must be a number/],
    ['an unknown --backend', () => ['evaluate', file('demo.arrow'), '--label', 'label', '--score', 'score', '--backend', 'cuda'], /backend/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await cli(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('drops NaN rows with --nan drop and says how many', async () => {
    writeArrow('nan2.arrow', {
      y: vectorFromArray([0, 1, 1, 0], new Int32()),
      p: vectorFromArray([0.1, NaN, 0.9, 0.3], new Float64()),
    });
    const r = await cli(['evaluate', file('nan2.arrow'), '--label', 'y', '--score', 'p', '--nan', 'drop']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rows).toBe(3);
    expect(report.dropped_rows).toBe(1);
    expect(report.metrics.roc_auc).toBe(1);
  });

  it('reports NaN ROC AUC with a warning for one-class data, and computes the rest', async () => {
    writeArrow('one.arrow', { y: vectorFromArray([0, 0, 0], new Int32()), p: vectorFromArray([0.1, 0.7, 0.3], new Float64()) });
    const r = await cli(['evaluate', file('one.arrow'), '--label', 'y', '--score', 'p']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.metrics.roc_auc).toBe('NaN');
    expect(report.metrics.accuracy).toBeCloseTo(2 / 3, 12);
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('one_class');
  });

  it('adds the stack with --debug', async () => {
    const r = await cli(['--debug', 'evaluate', file('nope.arrow'), '--label', 'a', '--score', 'b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
