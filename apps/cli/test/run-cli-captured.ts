import { runCli } from '../src/cli.js';

/** What a CLI run printed and returned. */
export interface Captured { code: number; stdout: string; stderr: string }

/**
 * Runs the CLI in-process with captured streams.
 * @param args - arguments after `modelperf`
 * @param tty - whether stdout claims to be a terminal (selects the table format)
 * @returns exit code and output
 */
export async function cli(args: string[], tty = false): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}
