import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Debian's Python, which has scikit-learn and numpy (no pyarrow): the scikit-learn side of the comparison. */
export const defaultPython = '/usr/bin/python3';

/** `scripts/bench/sklearn_auc.py` at the repository root. */
export const sklearnScript = fileURLToPath(new URL('../../scripts/bench/sklearn_auc.py', import.meta.url));

/**
 * Whether `python -c "import sklearn, numpy"` works.
 *
 * @param {string} python - interpreter path
 * @returns {{ available: true, sklearn: string } | { available: false, note: string }}
 * @example
 * detectSklearn('/usr/bin/python3'); // { available: true, sklearn: '1.2.1' }
 */
export function detectSklearn(python) {
  try {
    const version = execFileSync(python, ['-c', 'import sklearn, numpy; print(sklearn.__version__)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    }).trim();
    return { available: true, sklearn: version };
  } catch (error) {
    const why = String(error.stderr ?? '').trim().split('\n').at(-1) || error.message.split('\n')[0];
    return { available: false, note: `${python} -c "import sklearn, numpy" failed: ${why}` };
  }
}

/**
 * Runs `python sklearn_auc.py <prefix> --runs N --full-runs M` and parses the JSON object it prints.
 *
 * @param {object} args
 * @param {string} args.python - interpreter
 * @param {string} [args.script] - the script (default {@link sklearnScript})
 * @param {string} args.prefix - the Arrow file whose `.label.i8` and `.score.f64` lie next to it
 * @param {number} args.runs - timed `roc_auc_score` calls
 * @param {number} args.fullRuns - timed full-set runs (0 skips)
 * @returns {Promise<{ rows: number, sklearn: string, roc_auc: number, roc_auc_s: { min: number, median: number, runs: number[] },
 *   full_set_s: { min: number, median: number, runs: number[] } | null, full_set: object | null }>}
 * @throws {Error} when the script fails or prints no JSON object with `roc_auc_s`
 * @example
 * const sk = await runSklearnScript({ python: '/usr/bin/python3', prefix: file, runs: 3, fullRuns: 1 });
 */
export function runSklearnScript({ python, script = sklearnScript, prefix, runs, fullRuns }) {
  const args = [script, prefix, '--runs', String(runs), '--full-runs', String(fullRuns)];
  return new Promise((resolve, reject) => {
    execFile(python, args, { maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`scikit-learn script failed: ${python} ${args.join(' ')}\n${String(stderr).trim()}`, { cause: error }));
        return;
      }
      let parsed;
      try {
        parsed = JSON.parse(String(stdout).trim().split('\n').at(-1) ?? '');
      } catch {
        parsed = undefined;
      }
      if (!parsed || typeof parsed.roc_auc_s?.median !== 'number') {
        reject(new Error(`scikit-learn script printed no JSON result: ${python} ${args.join(' ')}\n${String(stdout).slice(0, 300)}`));
        return;
      }
      resolve(parsed);
    });
  });
}
