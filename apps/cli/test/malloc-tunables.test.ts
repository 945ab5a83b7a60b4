import { describe, expect, it } from 'vitest';
import { mallocTunables } from '../src/malloc-tunables.js';

const HEAP = 'glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296:glibc.malloc.arena_max=1';

describe('mallocTunables', () => {
  it('asks a one-shot command for huge pages and a heap that keeps big arrays', () => {
    expect(mallocTunables('evaluate', undefined)).toBe(`glibc.malloc.hugetlb=1:${HEAP}`);
    expect(mallocTunables('evaluate', '')).toBe(`glibc.malloc.hugetlb=1:${HEAP}`);
  });

  it('gives the long-running server huge pages only, so freed memory goes back to the system', () => {
    expect(mallocTunables('serve', undefined)).toBe('glibc.malloc.hugetlb=1');
    expect(mallocTunables('serve', 'glibc.malloc.hugetlb=1')).toBeUndefined();
  });

  it('keeps what the caller set and adds only what is missing', () => {
    expect(mallocTunables('evaluate', 'glibc.malloc.hugetlb=0:glibc.cpu.x86_ibt=off')).toBe(`glibc.malloc.hugetlb=0:glibc.cpu.x86_ibt=off:${HEAP}`);
    expect(mallocTunables('evaluate', 'glibc.malloc.arena_max=4')).toBe(
      'glibc.malloc.arena_max=4:glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296');
  });

  it('asks for no re-run once every tunable is set (the re-run child sees its own settings)', () => {
    const first = mallocTunables('check', undefined);
    expect(first).toBeDefined();
    expect(mallocTunables('check', first)).toBeUndefined();
  });

  it('leaves commands that read no data alone (no second Node start)', () => {
    for (const command of ['report', 'plot', 'help', '--version', '-V', '--help', undefined, 'no-such-command']) {
      expect(mallocTunables(command, undefined), String(command)).toBeUndefined();
    }
    for (const command of ['evaluate', 'compare', 'check', 'baseline', 'generate', 'serve']) {
      expect(mallocTunables(command, undefined), command).toBeDefined();
    }
  });

  it('is what the benchmarks\' memory probe runs with (the two must not drift apart)', async () => {
    const probe = new URL('../../../benchmarks/src/measure-memory.mjs', import.meta.url).href;
    const { CLI_MALLOC_TUNABLES } = await import(probe) as { CLI_MALLOC_TUNABLES: string };
    expect(mallocTunables('evaluate', undefined)).toBe(CLI_MALLOC_TUNABLES);
  });
});
