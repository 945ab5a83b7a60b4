import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

/** Progress of a long evaluation: bytes read of the input and rows evaluated so far. */
export interface ProgressTick {
  readonly bytesRead: number;
  readonly totalBytes?: number;
  readonly rows: number;
}

/** Shows progress on stderr; inert unless stderr is a terminal, the run takes over a second, and not `--quiet`. */
export interface ProgressReporter {
  tick(progress: ProgressTick): void;
  stop(): void;
}

const DELAY_MS = 1000;

/**
 * Creates a progress bar (cli-progress) on stderr showing rows, rows/s and the ETA from the share of bytes read.
 * Nothing is drawn when stderr is not a terminal, with `quiet`, or before the run has taken a second.
 *
 * @param io - where to draw (stderr)
 * @param options - `quiet` silences it
 * @returns the reporter
 */
export function createProgress(io: CliIo, options: { quiet?: boolean } = {}): ProgressReporter {
  const stream = io.stderr as NodeJS.WriteStream;
  if (options.quiet === true || stream.isTTY !== true) return { tick: () => undefined, stop: () => undefined };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    tick({ bytesRead, totalBytes, rows }) {
      const elapsed = (Date.now() - started) / 1000;
      if (bar === undefined) {
        if (elapsed * 1000 < DELAY_MS) return;
        bar = new cliProgress.SingleBar({
          stream,
          format: ' {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
          hideCursor: true,
          clearOnComplete: true,
        }, cliProgress.Presets.shades_classic);
        bar.start(totalBytes ?? 0, 0, { rows: '0', rate: '0' });
      }
      const rate = elapsed > 0 ? Math.round(rows / elapsed) : 0;
      bar.update(totalBytes !== undefined ? bytesRead : 0, { rows: rows.toLocaleString('en-US'), rate: rate.toLocaleString('en-US') });
    },
    stop() {
      bar?.stop();
    },
  };
}
