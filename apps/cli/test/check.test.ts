import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Float64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli-captured.js';
import { uniform } from './uniform.js';

const dir = mkdtempSync(join(tmpdir(), 'modelperf-cli-check-'));
const file = (name: string): string => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seeded split: x ~ U(0,10) (+shift), city of 3, y from x, optional leak = y; ids from idStart. */
function split(seed: number, n: number, o: { shift?: number; leak?: boolean; idStart?: number } = {}): Table {
  const next = uniform(seed);
  const x: number[] = [];
  const city: string[] = [];
  const y: number[] = [];
  const id: number[] = [];
  for (let i = 0; i < n; i++) {
    x.push(next() * 10 + (o.shift ?? 0));
    city.push(['lima', 'oslo', 'kyiv'][Math.floor(next() * 3)]);
    y.push(next() < x[i] / 12 ? 1 : 0);
    id.push((o.idStart ?? 0) + i);
  }
  return new Table({
    id: vectorFromArray(id, new Float64()), x: vectorFromArray(x, new Float64()), city: vectorFromArray(city, new Utf8()),
    y: vectorFromArray(y, new Float64()), ...(o.leak ? { leak: vectorFromArray(y.map((v, i) => v + i * 1e-9), new Float64()) } : {}),
  });
}

function write(name: string, table: Table): string {
  writeFileSync(file(name), tableToIPC(table, 'file'));
  return file(name);
}

const train = write('train.arrow', split(1, 3000));
const test = write('test.arrow', split(2, 1500, { idStart: 10_000 }));
const shifted = write('shifted.arrow', split(3, 1500, { shift: 2, idStart: 10_000 }));
const leakyTrain = write('leaky-train.arrow', split(4, 2000, { leak: true }));
const leakyTest = write('leaky-test.arrow', split(5, 1000, { leak: true, idStart: 10_000 }));

describe('modelperf check', () => {
  it('passes clean splits with exit 0 and JSON findings on stdout', async () => {
    const r = await cli(['check', '--train', train, '--test', test, '--label', 'y', '--id', 'id']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { schema: string; summary: { status: string }; findings: Array<Record<string, unknown>>; splits: unknown[] };
    expect(report.schema).toBe('modelperf/checks@1');
    expect(report.summary.status).toBe('pass');
    expect(report.findings.every((f) => f.severity === 'info')).toBe(true);
    for (const f of report.findings) expect(Object.keys(f)).toEqual(['check', 'severity', 'split', 'column', 'message', 'value', 'threshold', 'details']);
    expect(report.splits).toHaveLength(2);
  });
  it('exits 4 on an error-level finding and still prints the report', async () => {
    const r = await cli(['check', '--train', leakyTrain, '--test', leakyTest, '--label', 'y', '--id', 'id']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/check failed: 1 error\(s\) \(--fail-on error\)/);
    const report = JSON.parse(r.stdout) as { findings: Array<{ check: string; severity: string; column: string }> };
    expect(report.findings[0]).toMatchObject({ check: 'target_leakage', severity: 'error', column: 'leak' });
  });
  it('--fail-on warning fails on drift; a threshold flag moves the limit', async () => {
    const base = ['check', '--train', train, '--test', shifted, '--label', 'y', '--id', 'id', '--skip', 'representativeness'];
    const plain = await cli(base);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout).summary.status).toBe('warn');
    expect((await cli([...base, '--fail-on', 'warning'])).code).toBe(4);
    const lenient = await cli([...base, '--fail-on', 'warning', '--psi-threshold', '100', '--ks-threshold', '1']);
    expect(lenient.code, lenient.stdout).toBe(0);
  });
  it('writes table, Markdown and HTML (with drift charts)', async () => {
    const args = ['check', '--train', train, '--test', shifted, '--label', 'y', '--id', 'id', '--skip', 'representativeness'];
    const table = await cli([...args, '--format', 'table']);
    expect(table.stdout).toMatch(/^modelperf check — WARN — 0 errors, \d+ warnings?, \d+ infos?/);
    expect(table.stdout).toMatch(/WARNING\s+feature_drift\s+test\s+x/);
    expect(table.stdout).toMatch(/drift against train/);
    const tty = await cli(args, true);
    expect(tty.stdout).toBe(table.stdout);
    const md = await cli([...args, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# modelperf check: WARN/);
    expect(md.stdout).toMatch(/\| warning \| feature_drift \| test \| x \|/);
    const out = file('checks.html');
    const html = await cli([...args, '--out', out]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stderr).toMatch(/wrote html check report/);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('data-chart="drift-overview"');
    expect(page).toContain('data-chart="drift-0"');
    expect(page).toMatch(/<svg[^>]*role="img"/);
    expect(page).not.toMatch(/<script/);
  });
  it('--duplicates-with-label keys shared rows by features and label', async () => {
    writeFileSync(file('d-train.csv'), 'a,y\n1,0\n2,1\n3,0\n4,1\n');
    writeFileSync(file('d-test.csv'), 'a,y\n1,0\n2,0\n5,1\n');
    const args = ['check', '--train', file('d-train.csv'), '--test', file('d-test.csv'), '--label', 'y', '--skip', 'representativeness,feature_drift'];
    const shared = (out: string) => (JSON.parse(out) as { findings: Array<{ check: string; details: { rows: number } }> }).findings.find((f) => f.check === 'train_test_duplicates')!.details.rows;
    expect(shared((await cli(args)).stdout)).toBe(2);
    expect(shared((await cli([...args, '--duplicates-with-label'])).stdout)).toBe(1);
  });
  it('reports bad options and missing columns with exit 2', async () => {
    const skip = await cli(['check', '--train', train, '--test', test, '--skip', 'nonsense']);
    expect(skip.code).toBe(2);
    expect(skip.stderr).toMatch(/--skip: unknown check "nonsense"/);
    const missing = await cli(['check', '--train', train, '--test', test, '--label', 'target']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Column `target` \(--label\) not found in train; available columns: id, x, city, y/);
    const threshold = await cli(['check', '--train', train, '--test', test, '--psi-threshold', '-1']);
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toMatch(/Threshold `psi`/);
    const noTest = await cli(['check', '--train', train]);
    expect(noTest.code).toBe(2);
    const absent = await cli(['check', '--train', train, '--test', file('nope.arrow')]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/File not found/);
  });
  it('reads CSV with ISO dates for time leakage, and a val split', async () => {
    writeFileSync(file('t.csv'), 'when,x,y\n2024-01-01,1,0\n2024-01-02,2,1\n2024-01-03,3,0\n2024-01-04,4,1\n');
    writeFileSync(file('v.csv'), 'when,x,y\n2024-01-05,5,0\n2024-01-06,6,1\n');
    writeFileSync(file('s.csv'), 'when,x,y\n2024-01-02,7,0\n2024-01-09,8,1\n');
    const r = await cli(['check', '--train', file('t.csv'), '--val', file('v.csv'), '--test', file('s.csv'), '--label', 'y', '--time', 'when', '--skip', 'representativeness']);
    expect(r.code).toBe(4);
    const report = JSON.parse(r.stdout) as { splits: Array<{ name: string }>; findings: Array<Record<string, any>> };
    expect(report.splits.map((s) => s.name)).toEqual(['train', 'val', 'test']);
    const time = report.findings.filter((f) => f.check === 'time_leakage');
    expect(time).toHaveLength(1);
    expect(time[0]).toMatchObject({ split: 'test', severity: 'error', value: 0.5, details: { rows: 1, train_latest: '2024-01-04T00:00:00.000Z', earliest: '2024-01-02T00:00:00.000Z' } });
  });
});
