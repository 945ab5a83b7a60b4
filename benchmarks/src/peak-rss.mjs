import { readFileSync } from 'node:fs';

/**
 * Peak resident set of this process in kilobytes: VmHWM of /proc/self/status on Linux, the high-water mark of this
 * program's own memory. Not getrusage's maxRSS there: on Linux it carries the parent's resident set over fork and
 * exec, so a probe spawned by a large runner would read at least the runner's size. Elsewhere, maxRSS.
 *
 * @returns {number} kilobytes
 * @example
 * const kb = peakRssKb(); // e.g. 66000 for an idle Node process
 */
export function peakRssKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // no /proc: below
  }
  return process.resourceUsage().maxRSS;
}
