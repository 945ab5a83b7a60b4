import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `pnpm pack` of @modelperf/core, then an install of the tarball into a fresh project outside the workspace, offline
// (dependencies from the local pnpm store), and a script and a type check run against the installed package.
const PKG = join(import.meta.dirname, '..', '..');
const TSC = createRequire(join(PKG, 'package.json')).resolve('typescript/bin/tsc');

/** The pnpm running this test (npx-run pnpm is not on PATH), else the one on PATH. */
function pnpm(args: string[], cwd: string): string {
  const exec = process.env.npm_execpath;
  if (exec !== undefined && /pnpm/.test(exec)) {
    return /\.[cm]?js$/.test(exec) ? run(process.execPath, [exec, ...args], cwd) : run(exec, args, cwd);
  }
  return run('pnpm', args, cwd);
}

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

describe('the packed @modelperf/core', () => {
  let dir: string;
  let tarball: string;
  let files: string[];

  beforeAll(() => {
    if (!existsSync(join(PKG, 'dist', 'index.d.ts'))) throw new Error('dist/ is incomplete: build @modelperf/core first.');
    dir = mkdtempSync(join(tmpdir(), 'modelperf-pack-'));
    pnpm(['pack', '--pack-destination', dir], PKG);
    tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    files = run('tar', ['tzf', tarball], dir).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds only the build output, its types, README, LICENSE and package.json', () => {
    const unexpected = files.filter((f) => !/^(dist\/[\w.-]+\.(js|d\.ts)|README\.md|LICENSE|package\.json)$/.test(f));
    expect(unexpected).toEqual([]);
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/node.js', 'dist/node.d.ts', 'dist/internal.js', 'dist/internal.d.ts', 'README.md', 'LICENSE']) {
      expect(files).toContain(f);
    }
  });

  it('installs offline into a fresh project and runs there, types included', () => {
    const project = join(dir, 'app');
    run('mkdir', ['-p', project], dir);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'fresh-app', version: '1.0.0', private: true, type: 'module' }));
    pnpm(['add', '--offline', '--ignore-workspace', tarball], project);
    writeFileSync(join(project, 'main.ts'), `
import { createState, evaluateBinary, toTable, type Report } from '@modelperf/core';
import { readTableFile, writeTableFile } from '@modelperf/core/node';

const report: Report = await evaluateBinary({ label: [0, 0, 1, 1], score: [0.1, 0.4, 0.35, 0.8] }, { backend: 'js' });
const state = createState({ task: 'regression', label: 'y', pred: 'p' }).update({ y: [3, -0.5, 2, 7], p: [2.5, 0, 2, 8] });
await writeTableFile('data.arrow', toTable({ y: Float64Array.of(1, 2), p: Float64Array.of(1, 3) }), 'arrow');
const { table } = await readTableFile('data.arrow');
console.log(JSON.stringify({ auc: report.metrics.roc_auc, mae: state.compute().metrics.mae, rows: table.numRows }));
let refused = '';
try { await import('@modelperf/core/dist/index.js' as string); } catch (e) { refused = (e as { code?: string }).code ?? ''; }
console.log(refused);

// Never called: proves the declarations are real types, not \`any\` (an unused @ts-expect-error fails the check).
export function misuse(): Promise<Report> {
  // @ts-expect-error -- threshold is a number
  return evaluateBinary({ label: [0, 1], score: [0.2, 0.8] }, { threshold: 'high' });
}
`);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: true, lib: ['ES2022', 'DOM'], types: [] },
      files: ['main.ts'],
    }));
    // Type-checks against the installed declarations, then runs the emitted JavaScript. skipLibCheck: tfjs-core's own
    // declarations need @types/long, which it does not depend on.
    run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
    const out = run(process.execPath, ['out/main.js'], project).trim().split('\n');
    expect(JSON.parse(out[0])).toEqual({ auc: 0.75, mae: 0.5, rows: 2 });
    expect(out[1]).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  }, 180_000);
});
