import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleModule, expectedOutput, isRunnable, publicExports, type PublicExport } from './public-examples.js';

// Every public function documents an @example; every example that imports from the package runs against the built
// package (dist/, through the package's own `exports` map) and must print what its `// comments` say.
const PKG = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/**
 * Folders whose public functions may still carry fragment examples or none: reported, not failed. Empty: every public
 * function must have a runnable example.
 */
const FRAGMENT_EXAMPLES_ALLOWED: string[] = [];

const exportsList = publicExports();
const functions = exportsList.filter((e) => e.kind === 'function');
// Scratch modules live inside the package, so that `import '@modelperf/core'` resolves to the package itself.
mkdirSync(join(PKG, '.tmp'), { recursive: true });
const scratch = mkdtempSync(join(PKG, '.tmp', 'examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('public API documentation', () => {
  it('finds the public entry points\' functions', () => {
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining([
      'evaluate', 'evaluateBinary', 'evaluateMulticlass', 'evaluateMultilabel', 'evaluateRegression', 'evaluateRanking',
      'createState', 'toTable', 'checkSpec', 'readTableBytes', 'readTableFile', 'evaluateFile',
    ]));
  });

  it('gives every public function a runnable @example (folders listed as pending: any @example, reported)', () => {
    const pending = (f: PublicExport): boolean => FRAGMENT_EXAMPLES_ALLOWED.some((dir) => f.file.startsWith(dir));
    const lacking = functions.filter((f) => !pending(f) && !f.examples.some(isRunnable)).map((f) => `${f.name} (${f.file})`);
    expect(lacking).toEqual([]);
    const todo = functions.filter((f) => pending(f) && !f.examples.some(isRunnable));
    if (todo.length > 0) {
      console.warn(`${todo.length} public functions in pending folders have no runnable @example yet ` +
        `(${todo.filter((f) => f.examples.length === 0).length} none at all): ${todo.map((f) => f.name).join(', ')}`);
    }
  });
});

const runnable = exportsList.flatMap((e) => e.examples.filter(isRunnable).map((code, i) => ({ name: `${e.name}${i > 0 ? ` #${i + 1}` : ''}`, code })));

describe.skipIf(!existsSync(join(PKG, 'dist', 'index.js')))('@example code runs against the built package', () => {
  it.each(runnable)('$name', async ({ name, code }) => {
    const expected = expectedOutput(code);
    expect(expected.length, `${name}: an example prints something checkable (console.log(...); // expected)`).toBeGreaterThan(0);
    const dir = mkdtempSync(join(scratch, 'x-'));
    const file = join(dir, 'example.mjs');
    writeFileSync(file, exampleModule(code));
    const { stdout } = await run(process.execPath, [file], { cwd: dir, timeout: 60_000 });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length, `${name} printed:\n${stdout}`).toBe(expected.length);
    expected.forEach((want, i) => {
      if (want.endsWith('...')) expect(lines[i].startsWith(want.slice(0, -3)), `${name} line ${i + 1}: ${lines[i]}`).toBe(true);
      else expect(lines[i], `${name} line ${i + 1}`).toBe(want);
    });
  });
});
