import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareModels } from '@modelperf/core';
import { Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli-captured.js';
import { uniform } from './uniform.js';

const dir = mkdtempSync(join(tmpdir(), 'modelperf-cli-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeArrow(name: string, columns: Record<string, Vector>): string {
  const path = join(dir, name);
  writeFileSync(path, tableToIPC(new Table(columns), 'file'));
  return path;
}

const n = 600;
const rand = uniform(9);
const id = Array.from({ length: n }, (_, i) => 1000 + i);
const y = id.map(() => (rand() < 0.3 ? 1 : 0));
const p = y.map((v) => Math.min(1, Math.max(0, 0.35 * v + 0.65 * rand())));
const weak = y.map((v) => Math.min(1, Math.max(0, 0.1 * v + 0.9 * rand())));
const dummy = y.map(() => 0.3);
const region = id.map((_, i) => (i % 2 === 0 ? 'eu' : 'us'));
const f64 = (v: number[]): Vector => vectorFromArray(v, new Float64());
const columns = { id: vectorFromArray(id, new Int32()), y: vectorFromArray(y, new Int32()), p: f64(p), weak: f64(weak), dummy: f64(dummy), region: vectorFromArray(region, new Utf8()) };
const both = writeArrow('both.arrow', columns);
// The baseline's own file, rows in another order.
const order = id.map((_, i) => (i * 7) % n);
const baseFile = writeArrow('base.arrow', { id: vectorFromArray(order.map((i) => id[i]), new Int32()), p: f64(order.map((i) => weak[i])) });
const short = writeArrow('short.arrow', { id: vectorFromArray(id.slice(1), new Int32()), p: f64(weak.slice(1)) });

const common = ['--label', 'y', '--score', 'p', '--bootstrap', '40', '--format', 'json'];

describe('modelperf compare', () => {
  it('prints the comparison as JSON, as compareModels computes it', async () => {
    const r = await cli(['compare', both, ...common, '--baseline', 'weak,dummy']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe('modelperf/comparison@1');
    expect(out.input).toEqual({ path: both, format: 'arrow' });
    expect(out.baselines).toEqual(['weak', 'dummy']);
    const direct = await compareModels(new Table(columns), { task: 'binary', label: 'y', candidate: 'p', baselines: ['weak', 'dummy'], bootstrap: 40, backend: 'js' });
    expect(out.comparisons[0].metrics.roc_auc).toEqual(JSON.parse(JSON.stringify(direct.comparisons[0].metrics.roc_auc)));
    expect(out.comparisons[1].metrics.accuracy.low).toBe(direct.comparisons[1].metrics.accuracy.low);
  });

  it('joins a baseline file on --id, giving the same numbers as one file', async () => {
    const joined = await cli(['compare', both, ...common, '--baseline-file', baseFile, '--id', 'id']);
    expect(joined.code, joined.stderr).toBe(0);
    const one = JSON.parse((await cli(['compare', both, ...common, '--baseline', 'weak'])).stdout);
    const two = JSON.parse(joined.stdout);
    expect(two.baselines).toEqual(['baseline']);
    expect(two.input.joined_on).toBe('id');
    expect(two.comparisons[0].metrics).toEqual(one.comparisons[0].metrics);
  });

  it('joins on an id named differently in the baseline file (--baseline-id), naming the baseline', async () => {
    const rowFile = writeArrow('rows.arrow', { row: vectorFromArray(order.map((i) => id[i]), new Int32()), weak_score: f64(order.map((i) => weak[i])) });
    const r = await cli(['compare', both, ...common, '--baseline-file', rowFile, '--id', 'id', '--baseline-id', 'row', '--baseline-score', 'weak_score', '--baseline-name', 'old']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.baselines).toEqual(['old']);
    expect(out.input.joined_on).toBe('id = row');
    const one = JSON.parse((await cli(['compare', both, ...common, '--baseline', 'weak'])).stdout);
    expect(out.comparisons[0].metrics).toEqual(one.comparisons[0].metrics);
  });

  it('names ids missing from the baseline file (exit 2)', async () => {
    const r = await cli(['compare', both, ...common, '--baseline-file', short, '--id', 'id']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: 1 id(s) of both.arrow are missing from short.arrow (`id` 1000); both files must hold the same rows.\n');
  });

  it('passes gates quietly on stderr and exits 0', async () => {
    const r = await cli(['compare', both, ...common, '--baseline', 'dummy', '--require', 'roc_auc>=0.6', '--require', 'roc_auc-baseline:low>=0.1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^gate passed: roc_auc >= 0.6 \(got [\d.]+\)\ngate passed: roc_auc-baseline:low >= 0.1 \(got [\d.]+: lower 95% bound \(delong\) of [\d.]+ = [\d.]+ - 0.5\)\n$/);
    expect(JSON.parse(r.stdout).gates.map((g: { passed: boolean }) => g.passed)).toEqual([true, true]);
  });

  it('exits 3 naming the failed gate with the numbers, after printing the comparison', async () => {
    const r = await cli(['compare', both, ...common, '--baseline', 'weak', '--require', 'roc_auc-weak>=0.5', '--require', 'roc_auc>=0.5']);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    const d = out.comparisons[0].metrics.roc_auc;
    const six = (v: number) => String(Number(v.toPrecision(6)));
    expect(r.stderr).toBe(`gate passed: roc_auc >= 0.5 (got ${six(d.candidate)})\ngate failed: roc_auc-weak >= 0.5 (got ${six(d.difference)} = ${six(d.candidate)} - ${six(d.baseline)})\n`);
    expect(out.gates[0]).toMatchObject({ gate: 'roc_auc-weak >= 0.5', passed: false });
  });

  it('checks gates within slices of --by', async () => {
    const r = await cli(['compare', both, ...common, '--baseline', 'weak', '--by', 'region', '--bootstrap', '0', '--require', 'roc_auc-weak[*]:low>=-1', '--require', 'roc_auc-weak[eu]>=0.9']);
    expect(r.code).toBe(3);
    const eu = JSON.parse(r.stdout).slices.find((s: { value: string }) => s.value === 'eu').comparisons[0].metrics.roc_auc;
    const six = (v: number) => String(Number(v.toPrecision(6)));
    expect(r.stderr).toMatch(/^gate passed: roc_auc-weak\[\*\]:low >= -1 \(all 2 slices; weakest (eu|us): got /);
    expect(r.stderr).toContain(`gate failed: roc_auc-weak[eu] >= 0.9 (slice eu: got ${six(eu.difference)} = ${six(eu.candidate)} - ${six(eu.baseline)})\n`);
  });

  it.each([
    [['--require', 'roc_auc=>0.8'], /error: Cannot read gate "roc_auc=>0.8"/],
    [['--require', 'auc>=0.8'], /error: Gate "auc >= 0.8" names metric `auc`, which is not reported; metrics: accuracy/],
    [['--require', 'roc_auc-other>=0'], /names baseline `other`; baselines: weak/],
  ])('refuses bad gates %j (exit 2)', async (extra, message) => {
    const r = await cli(['compare', both, ...common, '--baseline', 'weak', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a missing baseline column, no baseline, and --id without --baseline-file (exit 2)', async () => {
    const missing = await cli(['compare', both, ...common, '--baseline', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/error: Column `nope` not found; available columns: id, y, p, weak, dummy, region/);
    const none = await cli(['compare', both, ...common]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/compare needs a baseline/);
    const stray = await cli(['compare', both, ...common, '--baseline', 'weak', '--id', 'id']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/belong to --baseline-file/);
  });

  it('renders a table and Markdown with slices', async () => {
    const table = await cli(['compare', both, '--label', 'y', '--score', 'p', '--baseline', 'weak', '--by', 'region', '--bootstrap', '0'], true);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^modelperf compare — binary — 600 rows/);
    expect(table.stdout).toMatch(/\n {2}roc_auc +[\d.]+ +[\d.]+ +\+[\d.]+ +\[\+?[-\d.]+, \+[\d.]+\] DeLong +[\de.-]+ +candidate/);
    expect(table.stdout).toMatch(/per slice of region: p - weak\n/);
    const md = await cli(['compare', both, '--label', 'y', '--score', 'p', '--baseline', 'weak', '--format', 'markdown', '--bootstrap', '0']);
    expect(md.stdout).toMatch(/### `p` vs `weak`\n\n\| metric \| p \| weak \| difference \|/);
  });
});

describe('modelperf compare --task multiclass', () => {
  const k = [0, 1, 2];
  const cls = id.map((_, i) => (i * 5) % 3);
  const sharp = cls.map((c, i) => k.map((j) => (j === c ? 0.5 : 0.25) + ((i % 7) - 3) * 0.01 * (j === 0 ? 1 : -0.5)));
  const flat = cls.map(() => k.map(() => 1 / 3));
  const mc = writeArrow('mc.arrow', {
    id: vectorFromArray(id, new Int32()), c: vectorFromArray(cls, new Int32()),
    ...Object.fromEntries(k.map((j) => [`m${j}`, f64(sharp.map((r) => r[j]))])),
    ...Object.fromEntries(k.map((j) => [`prior_p${j}`, f64(flat.map((r) => r[j]))])),
    hard: vectorFromArray(cls.map((c, i) => (i % 4 === 0 ? (c + 1) % 3 : c)), new Int32()),
    zero: vectorFromArray(cls.map(() => 0), new Int32()),
  });

  it('compares score column sets (--scores, --baseline-set) and hard predictions (--pred)', async () => {
    const sets = await cli(['compare', mc, '--task', 'multiclass', '--label', 'c', '--scores', 'm0,m1,m2', '--baseline-set', 'prior_p0,prior_p1,prior_p2', '--bootstrap', '0', '--format', 'json', '--require', 'roc_auc_ovr_macro-prior_p>=0.3']);
    expect(sets.code, sets.stderr).toBe(0);
    const out = JSON.parse(sets.stdout);
    expect(out.candidate).toBe('m');
    expect(out.baselines).toEqual(['prior_p']);
    expect(out.comparisons[0].metrics.roc_auc_ovr_macro.baseline).toBe(0.5);
    const hard = await cli(['compare', mc, '--task', 'multiclass', '--label', 'c', '--pred', 'hard', '--baseline', 'zero', '--bootstrap', '0', '--format', 'json']);
    expect(hard.code, hard.stderr).toBe(0);
    expect(JSON.parse(hard.stdout).comparisons[0].metrics.accuracy).toMatchObject({ candidate: 0.75, better: 'candidate' });
  });

  it('joins a baseline file\'s score columns as one model named "baseline"', async () => {
    const other = writeArrow('mc-base.arrow', {
      id: vectorFromArray(order.map((i) => id[i]), new Int32()),
      ...Object.fromEntries(k.map((j) => [`m${j}`, f64(order.map((i) => flat[i][j]))])),
    });
    const joined = await cli(['compare', mc, '--task', 'multiclass', '--label', 'c', '--scores', 'm0,m1,m2', '--baseline-file', other, '--id', 'id', '--bootstrap', '0', '--format', 'json']);
    expect(joined.code, joined.stderr).toBe(0);
    const out = JSON.parse(joined.stdout);
    expect(out.baselines).toEqual(['baseline']);
    expect(out.models[1].columns).toEqual(['baseline_m0', 'baseline_m1', 'baseline_m2']);
    const same = JSON.parse((await cli(['compare', mc, '--task', 'multiclass', '--label', 'c', '--scores', 'm0,m1,m2', '--baseline-set', 'prior_p0,prior_p1,prior_p2', '--bootstrap', '0', '--format', 'json'])).stdout);
    expect(out.comparisons[0].metrics).toEqual(same.comparisons[0].metrics);
  });

  it('refuses --scores with --pred, and --baseline-set without --scores (exit 2)', async () => {
    const both = await cli(['compare', mc, '--task', 'multiclass', '--label', 'c', '--scores', 'm0,m1,m2', '--pred', 'hard', '--baseline', 'zero']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --scores .* or --pred .*, not both/);
    const stray = await cli(['compare', mc, '--task', 'multiclass', '--label', 'c', '--pred', 'hard', '--baseline-set', 'prior_p0,prior_p1,prior_p2']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--baseline-set names a multiclass baseline/);
  });
});

describe('modelperf evaluate --require', () => {
  it('passes, fails with exit 3, and reads interval bounds with --ci', async () => {
    const ok = await cli(['evaluate', both, '--label', 'y', '--score', 'p', '--require', 'roc_auc>=0.6']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/gate passed: roc_auc >= 0.6/);
    const fail = await cli(['evaluate', both, '--label', 'y', '--score', 'weak', '--require', 'roc_auc>=0.9']);
    expect(fail.code).toBe(3);
    expect(fail.stderr).toMatch(/^gate failed: roc_auc >= 0.9 \(got 0\.[\d]+\)\n$/);
    expect(JSON.parse(fail.stdout).metrics.roc_auc).toBeLessThan(0.9);
    const bound = await cli(['evaluate', both, '--label', 'y', '--score', 'p', '--ci', '0.9', '--require', 'roc_auc:low>=0.99']);
    expect(bound.code).toBe(3);
    expect(bound.stderr).toMatch(/got [\d.]+: lower 90% bound \(delong\) of/);
    const noCi = await cli(['evaluate', both, '--label', 'y', '--score', 'p', '--require', 'roc_auc:low>=0.5']);
    expect(noCi.code).toBe(2);
    expect(noCi.stderr).toMatch(/needs a confidence interval of roc_auc/);
  });
});
