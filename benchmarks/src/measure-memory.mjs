import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './time-cli.mjs';

const childScript = fileURLToPath(new URL('./eval-child.mjs', import.meta.url));

/**
 * The glibc malloc tunables the CLI runs an evaluation with (apps/cli/src/malloc-tunables.ts): the probe runs with
 * the same ones, so its peak is the one a CLI user gets (freed arrays stay in the heap: more resident memory, faster).
 */
export const CLI_MALLOC_TUNABLES =
  'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296:glibc.malloc.arena_max=1';

/**
 * Runs `node eval-child.mjs <arg>` in a fresh process (with the CLI's malloc tunables) and parses the JSON line it
 * prints.
 *
 * @param {string} arg - an Arrow file path, or `--baseline`
 * @param {string} [script] - the probe script (tests pass a fake one)
 * @param {object} [spec] - merged into the probe's `evaluateFile` spec (passed as `--spec <json>`), e.g.
 *   `{ stream: true, threads: 2 }`, `{ threads: 2, backend: 'js' }` (the whole file on 2 threads: the worker threads
 *   count in the peak, they run in the probe's process) or `{ backend: 'tfjs' }`; with `--baseline`, only its
 *   `backend` counts
 * @returns {Promise<{ max_rss_kb: number, rows?: number, timing_ms?: Record<string, number> }>}
 * @throws {Error} when the child fails or prints no JSON line with `max_rss_kb`
 * @example
 * const { max_rss_kb } = await runEvalChild('--baseline');
 */
export function runEvalChild(arg, script = childScript, spec = undefined) {
  const args = spec === undefined || Object.keys(spec).length === 0 ? [script, arg] : [script, arg, '--spec', JSON.stringify(spec)];
  return new Promise((resolve, reject) => {
    const env = { ...process.env, GLIBC_TUNABLES: CLI_MALLOC_TUNABLES };
    execFile(process.execPath, args, { maxBuffer: 16 * 2 ** 20, env }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`memory probe failed: node ${args.join(' ')}\n${String(stderr).trim()}`, { cause: error }));
        return;
      }
      const line = String(stdout).trim().split('\n').at(-1) ?? '';
      let parsed;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      if (!parsed || typeof parsed.max_rss_kb !== 'number') {
        reject(new Error(`memory probe printed no { max_rss_kb } line: node ${script} ${arg}\n${line.slice(0, 300)}`));
        return;
      }
      resolve(parsed);
    });
  });
}

/**
 * Peak RSS of an idle Node process that loaded `@modelperf/core/node`: the median of `runs` probes. For a backend
 * other than `js`, the idle process has also loaded that backend (tfjs's modules load on first use), so that
 * `bytes_per_row` counts the evaluation's memory, not the library's code.
 *
 * @param {number} [runs] - probes (default 3)
 * @param {string} [script] - the probe script
 * @param {'js' | 'tfjs'} [backend] - the backend to load first (default `js`: nothing more)
 * @returns {Promise<number>} kilobytes
 * @example
 * const baselineKb = await measureBaselineRss();
 * const tfjsBaselineKb = await measureBaselineRss(3, undefined, 'tfjs');
 */
export async function measureBaselineRss(runs = 3, script = childScript, backend = 'js') {
  const spec = backend === 'js' ? undefined : { backend };
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push((await runEvalChild('--baseline', script, spec)).max_rss_kb);
  return median(samples);
}

/**
 * Peak memory of one evaluation of `file` in a fresh process, net of the idle baseline.
 *
 * @remarks `bytes_per_row = (peak - baseline) * 1024 / rows`: what the evaluation adds over loading the code.
 * @param {object} args
 * @param {string} args.file - Arrow file
 * @param {number} args.rows - rows in the file; the report's `rows` must match
 * @param {number} args.baselineKb - from {@link measureBaselineRss}
 * @param {string} [args.script] - the probe script
 * @param {object} [args.spec] - the mode's `evaluateFile` spec additions (see {@link runEvalChild})
 * @returns {Promise<{ peak_rss_kb: number, baseline_rss_kb: number, bytes_per_row: number, timing_ms?: object }>}
 * @example
 * const memory = await measurePeakMemory({ file, rows: 1e7, baselineKb });
 */
export async function measurePeakMemory({ file, rows, baselineKb, script = childScript, spec = undefined }) {
  const probe = await runEvalChild(file, script, spec);
  if (probe.rows !== rows) throw new Error(`memory probe says rows = ${probe.rows}, expected ${rows} (${file})`);
  const bytesPerRow = ((probe.max_rss_kb - baselineKb) * 1024) / rows;
  return { peak_rss_kb: probe.max_rss_kb, baseline_rss_kb: baselineKb, bytes_per_row: Math.round(bytesPerRow * 10) / 10 };
}
