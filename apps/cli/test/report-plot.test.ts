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
    expect((await cli(['report', other])).stderr).toContain('expected "schema": "modelperf/report@1"');
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
