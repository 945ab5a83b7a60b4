// Peak-memory probe, run in a fresh Node process by measure-memory.mjs.
//   node eval-child.mjs <file> [--spec <json>]   evaluates the file as the benchmark's CLI call does; the JSON object
//                                                is merged into the evaluateFile spec (the mode and threads:
//                                                { "threads": 2 } for the whole file (its split sorts' worker threads
//                                                count in the peak), { "stream": true, "threads": 2 }, { "stream": true,
//                                                "curveMode": "binned", "histogramBins": 4096, "threads": 1 })
//                                                A "backend" ("js", "tfjs") goes into the spec too.
//   node eval-child.mjs --baseline [--spec <json>]
//                                                loads the same modules and evaluates nothing; with a spec whose
//                                                backend is not "js" (tfjs), also loads that backend (its modules
//                                                are loaded on first use) by evaluating 4 rows in memory with it
// Prints one JSON line on stdout: { "max_rss_kb": number, "rows"?: number, "timing_ms"?: object }.
// The peak is `peakRssKb` (VmHWM on Linux, not getrusage's maxRSS, which carried the runner's resident set: every
// probe spawned after it had read the 1e7 scores read at least ~300 MiB).
import { evaluateFile } from '@modelperf/core/node';
import { peakRssKb } from './peak-rss.mjs';

const [target, flag, specText] = process.argv.slice(2);
if (target === undefined || (flag !== undefined && (flag !== '--spec' || specText === undefined))) {
  process.stderr.write('usage: node eval-child.mjs <file> [--spec <json>] | --baseline [--spec <json>]\n');
  process.exit(2);
}
if (typeof evaluateFile !== 'function') {
  process.stderr.write('@modelperf/core/node does not export evaluateFile\n');
  process.exit(1);
}

const extra = specText === undefined ? {} : JSON.parse(specText);
if (target === '--baseline') {
  if (extra.backend !== undefined && extra.backend !== 'js') {
    // Imported here only, so that the js baseline loads exactly what it did before backends were compared.
    const { evaluate } = await import('@modelperf/core');
    const tiny = { label: [0, 0, 1, 1], score: [0.1, 0.4, 0.35, 0.8] };
    await evaluate(tiny, { task: 'binary', label: 'label', score: 'score', backend: extra.backend });
  }
  process.stdout.write(`${JSON.stringify({ max_rss_kb: peakRssKb() })}\n`);
} else {
  const report = await evaluateFile(target, { task: 'binary', label: 'label', score: 'score', ...extra });
  const line = { max_rss_kb: peakRssKb(), rows: report.rows, timing_ms: report.timing_ms };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
