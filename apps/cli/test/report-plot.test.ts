import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli-io.js';
import { runCli } from '../src/cli.js';

interface Captured { code: number; stdout: string; stderr: string }

async function cli(args: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => { stdout += s; return true; }, isTTY: false },
    stderr: { write: (s: string) => { stderr += s; return true; }, isTTY: false },
  } as unknown as CliIo;
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'modelperf-report-'));
const data = join(dir, 'data.arrow');
const json = join(dir, 'result.json');
const plain = join(dir, 'plain.json');

beforeAll(async () => {
  expect((await cli(['generate', '--rows', '20000', '--out', data])).code).toBe(0);
  expect((await cli(['evaluate', data, '--label', 'label', '--score', 'score', '--curves', '--quiet', '--out', json])).code).toBe(0);
  expect((await cli(['evaluate', data, '--label', 'label', '--score', 'score', '--quiet', '--out', plain])).code).toBe(0);
}, 60_000);

describe('evaluate --format html', () => {
  it('writes a self-contained HTML report, chosen by the .html extension too', async () => {
    for (const args of [['--format', 'html', '--out', join(dir, 'a.out')], ['--out', join(dir, 'b.html')]]) {
      const r = await cli(['evaluate', data, '--label', 'label', '--score', 'score', '--curves', '--quiet', ...args]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('wrote html report');
      const html = readFileSync(args[args.length - 1], 'utf8');
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?https?:/i);
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('data-chart="roc"');
    }
  });
});

describe('modelperf report', () => {
  it('renders a saved JSON report as HTML, Markdown or a table', async () => {
    const out = join(dir, 'r.html');
    expect((await cli(['report', json, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8').match(/<svg[\s>]/g)?.length).toBe(6);
    const md = await cli(['report', json, '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## modelperf: binary');
    const table = await cli(['report', json, '--format', 'table']);
    expect(table.stdout).toContain('ROC AUC');
  });

  it('fails clearly on a missing file and on a file that is not a report', async () => {
    const missing = await cli(['report', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: File not found: .*nope\.json/);
    const notReport = await cli(['report', data]);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toContain('is not a modelperf report: it is not JSON');
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello":1}');
    expect((await cli(['report', other])).stderr).toContain('is not a modelperf report: it has no schema');
  });
});

describe('modelperf plot', () => {
  it('writes SVG and PNG by extension', async () => {
    const svg = join(dir, 'roc.svg');
    expect((await cli(['plot', json, '--chart', 'roc', '--out', svg])).code).toBe(0);
    expect(readFileSync(svg, 'utf8').startsWith('<svg')).toBe(true);
    const png = join(dir, 'cal.png');
    expect((await cli(['plot', json, '--chart', 'calibration', '--out', png])).code).toBe(0);
    expect(Array.from(readFileSync(png).subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('says to run evaluate with --curves for a ROC chart of a report without curves', async () => {
    const r = await cli(['plot', plain, '--chart', 'roc', '--out', join(dir, 'x.svg')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run `modelperf evaluate` with --curves');
    expect(existsSync(join(dir, 'x.svg'))).toBe(false);
  });

  it('rejects an unknown chart, a bad extension and a missing file', async () => {
    expect((await cli(['plot', json, '--chart', 'pie', '--out', join(dir, 'x.svg')])).code).toBe(2);
    const ext = await cli(['plot', json, '--chart', 'roc', '--out', join(dir, 'x.jpg')]);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain('--out must end in .svg or .png');
    const missing = await cli(['plot', join(dir, 'nope.json'), '--chart', 'roc', '--out', join(dir, 'x.svg')]);
    expect(missing.stderr).toContain('File not found');
  });
});

describe('modelperf report on saved check, comparison and baseline results', () => {
  const train = join(dir, 'train.arrow');
  const checks = join(dir, 'checks.json');
  const comparison = join(dir, 'comparison.json');
  const baselines = join(dir, 'baselines.json');

  beforeAll(async () => {
    expect((await cli(['generate', '--rows', '20000', '--seed', '3', '--out', train])).code).toBe(0);
    // check exits 4 here (generated splits share ids and rows); its JSON is still written.
    const c = await cli(['check', '--train', train, '--test', data, '--label', 'label', '--score', 'score', '--quiet', '--skip', 'representativeness', '--format', 'json', '--out', checks]);
    expect([0, 4]).toContain(c.code);
    const b = await cli(['baseline', '--train', train, '--eval', data, '--task', 'binary', '--label', 'label', '--exclude', 'id,score', '--model', 'dummy', '--format', 'json', '--report', baselines]);
    expect(b.code, b.stderr).toBe(0);
    expect((await cli(['compare', data, '--label', 'label', '--score', 'score', '--baseline', 'segment', '--task', 'binary', '--bootstrap', '0', '--format', 'json', '--out', comparison])).code).not.toBe(1);
  }, 120_000);

  it('renders a check report as HTML, Markdown or a table', async () => {
    const html = await cli(['report', checks, '--format', 'html']);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(html.stdout).toContain('train_test_duplicates');
    const md = await cli(['report', checks, '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/train_test_duplicates/);
  });

  it('renders baselines as Markdown (the default for them) and refuses HTML with the formats it has', async () => {
    const md = await cli(['report', baselines]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/prior/);
    const html = await cli(['report', baselines, '--format', 'html']);
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/renders as --format markdown or table, not html/);
  });

  it('names an unknown kind of result', async () => {
    const odd = join(dir, 'odd.json');
    writeFileSync(odd, JSON.stringify({ schema: 'modelperf/unknown@9' }));
    const r = await cli(['report', odd]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown kind \("modelperf\/unknown@9"\)/);
  });
});
