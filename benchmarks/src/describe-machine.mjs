import { execFileSync } from 'node:child_process';
import os from 'node:os';

/**
 * The machine a benchmark ran on, as recorded in the results files.
 *
 * @returns {{ cpu: string, cores: number, memory_gib: number, os: string, node: string }}
 * @example
 * describeMachine(); // { cpu: 'AMD EPYC 7B13', cores: 16, memory_gib: 125.8, os: 'linux 6.8.0 x64', node: 'v20.20.2' }
 */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim(),
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memory_gib: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/**
 * The git commit of the working tree, with `-dirty` when it has uncommitted changes; null outside git.
 *
 * @param {string} cwd - a folder inside the repository
 * @returns {string | null}
 * @example
 * describeCommit('.'); // 'b241312-dirty'
 */
export function describeCommit(cwd) {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty === '' ? commit : `${commit}-dirty`;
  } catch {
    return null;
  }
}
