/**
 * Performance targets the results are checked against. `null` verdicts mean "not applicable at this size".
 * - time: the full binary report of a 1e7-row Arrow file, CLI end to end (median wall time), under 1.5 s.
 * - memory: peak RSS over an idle process, under 40 bytes per row; judged from 1e6 rows up, where fixed costs
 *   (heap growth steps, code) no longer dominate the per-row figure.
 */
export const targets = Object.freeze({ timeRows: 1e7, timeMs: 1500, memoryMinRows: 1e6, bytesPerRow: 40 });

/**
 * Judges one benchmark case against {@link targets}.
 *
 * @param {{ rows: number, wall_ms?: { median: number }, memory?: { bytes_per_row: number } }} result - one case
 * @returns {{ time: 'pass' | 'fail' | null, memory: 'pass' | 'fail' | null }}
 * @example
 * judgeTargets({ rows: 1e7, wall_ms: { median: 1200 }, memory: { bytes_per_row: 31 } }); // { time: 'pass', memory: 'pass' }
 */
export function judgeTargets(result) {
  const time = result.rows === targets.timeRows && result.wall_ms ? verdict(result.wall_ms.median < targets.timeMs) : null;
  const memory = result.rows >= targets.memoryMinRows && result.memory
    ? verdict(result.memory.bytes_per_row < targets.bytesPerRow)
    : null;
  return { time, memory };
}

function verdict(ok) {
  return ok ? 'pass' : 'fail';
}
