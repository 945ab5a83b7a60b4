/**
 * The glibc malloc tunables the CLI runs with, measured on the 2-core reference VM, where a first touch of fresh
 * memory costs more than sorting it:
 * - `hugetlb=1`: transparent huge pages for the heap (1e7-row Arrow file, CLI wall time 2.7 s -> 1.7-2.0 s; reading
 *   the file 540 -> 60 ms);
 * - `mmap_threshold` / `trim_threshold` at 4 GiB: big arrays come from the heap and freed ones stay there for the
 *   next (by default every array over 32 MiB is a fresh mmap, faulted in page by page and unmapped when freed):
 *   merging the sorted runs of 1e7 streamed rows into fresh buffers 0.87 s -> 0.33 s (in process); the whole streamed
 *   evaluation 3.5 s -> 2.4 s while merges still copied their input, within the VM's run-to-run noise since;
 * - `arena_max=1`: worker threads allocate from the same heap, so arrays they hand over and this thread frees are
 *   reused rather than returned to their thread's arena.
 * A one-shot command keeps its peak memory until it exits; `serve` (long-running) gets huge pages only, so the memory
 * it frees goes back to the system.
 */
const HUGE_PAGES = 'glibc.malloc.hugetlb=1';
const HEAP = ['glibc.malloc.mmap_threshold=4294967296', 'glibc.malloc.trim_threshold=4294967296', 'glibc.malloc.arena_max=1'];
/** The commands that read or write big columns, which re-run with the tunables. */
const DATA_COMMANDS = new Set(['evaluate', 'compare', 'check', 'baseline', 'generate', 'serve']);

/**
 * The `GLIBC_TUNABLES` value a CLI command should run with, or undefined when the current one already sets every
 * tunable it needs (one the caller set is kept as it is, never overridden).
 * @param command - the CLI command (first argument), e.g. `evaluate` or `serve`
 * @param current - the current `GLIBC_TUNABLES` (undefined or empty: none)
 * @returns the value to re-run with, or undefined when nothing is missing or the command reads no data
 * @example
 * mallocTunables('serve', undefined); // 'glibc.malloc.hugetlb=1'
 * mallocTunables('--version', undefined); // undefined
 * mallocTunables('evaluate', 'glibc.malloc.hugetlb=0'); // 'glibc.malloc.hugetlb=0:glibc.malloc.mmap_threshold=...'
 */
export function mallocTunables(command: string | undefined, current: string | undefined): string | undefined {
  // Commands that read no data (report, plot, help, --version) are not worth a second Node start (~0.2 s).
  if (command === undefined || !DATA_COMMANDS.has(command)) return undefined;
  const wanted = command === 'serve' ? [HUGE_PAGES] : [HUGE_PAGES, ...HEAP];
  const present = current ? current.split(':').filter((t) => t !== '') : [];
  const names = new Set(present.map((t) => t.split('=')[0]));
  const missing = wanted.filter((t) => !names.has(t.split('=')[0]));
  return missing.length === 0 ? undefined : [...present, ...missing].join(':');
}
