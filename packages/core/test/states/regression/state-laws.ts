import { expect } from 'vitest';
import type { TaskResult } from '../../../src/evaluate/prepared-task.js';
import type { MetricState, StateJson } from '../../../src/states/metric-state.js';

/** A small seeded generator (mulberry32) for split points and shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sorted random cut points in [0, n], repeats allowed (so some batches are empty), always including 0 and n. */
export function randomCuts(n: number, parts: number, rnd: () => number): number[] {
  const cuts = [0, n];
  for (let i = 0; i < parts - 1; i++) cuts.push(Math.floor(rnd() * (n + 1)));
  if (parts > 2) cuts.push(cuts[2]); // force an empty batch
  return cuts.sort((a, b) => a - b);
}

/** Random permutation of 0..n-1. */
export function permutation(n: number, rnd: () => number): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** Relative closeness of two numbers (NaN == NaN). */
export function closeTo(a: number, b: number, rel = 1e-12): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/** Deep comparison of JSON-like values with numbers compared to `rel`. */
export function expectClose(actual: unknown, expected: unknown, rel = 1e-12, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    if (!closeTo(actual as number, expected, rel)) expect(actual, path).toBe(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, rel, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const k of Object.keys(expected)) expectClose((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], rel, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

/** Compares two task results: metrics and sections to `rel`, warnings by code (row numbers may differ after reordering). */
export function expectSameResult(actual: TaskResult, expected: TaskResult, rel = 1e-12, exactWarnings = false): void {
  expectClose(actual.metrics, expected.metrics, rel, '$.metrics');
  expectClose(actual.sections, expected.sections, rel, '$.sections');
  if (exactWarnings) expect(actual.warnings).toEqual(expected.warnings);
  else expect(actual.warnings.map((w) => w.code).sort()).toEqual(expected.warnings.map((w) => w.code).sort());
}

/** What the law checks need of a family. */
export interface LawSubject<B, S extends MetricState<B>> {
  rows: number;
  /** The rows [from, to) as a batch. */
  slice(from: number, to: number): B;
  /** The rows at these positions as a batch. */
  gather(indices: Uint32Array): B;
  create(): S;
  fromJSON(json: StateJson): S;
  /** The one-shot reference over all rows in order. */
  reference(): TaskResult;
}

/**
 * Checks every law of `MetricState` on a family: one update == reference (bit-exact, warnings included); chunked updates
 * (random cuts incl. empty batches) == reference; merged states from a random split == reference; merge associative
 * and order-free; shuffled rows == reference; toJSON -> stringify -> parse -> fromJSON computes the same.
 */
export function checkStateLaws<B, S extends MetricState<B>>(s: LawSubject<B, S>, seed: number, rel = 1e-12): void {
  const rnd = seededRandom(seed);
  const n = s.rows;
  const reference = s.reference();

  const whole = s.create().update(s.slice(0, n));
  expectSameResult(whole.compute(), reference, 0, true);

  for (let trial = 0; trial < 3; trial++) {
    const cuts = randomCuts(n, 2 + trial * 3, rnd);
    const chunked = s.create();
    for (let i = 0; i + 1 < cuts.length; i++) chunked.update(s.slice(cuts[i], cuts[i + 1]));
    expectSameResult(chunked.compute(), reference, rel, true);

    const parts = [];
    for (let i = 0; i + 1 < cuts.length; i++) parts.push(s.create().update(s.slice(cuts[i], cuts[i + 1])));
    const merged = s.create();
    for (const p of parts) merged.merge(p);
    expectSameResult(merged.compute(), reference, rel, true);

    // Associativity and order: ((a b) c) vs (a (b c)) vs reversed order.
    const [a, b, c] = [s.slice(0, cuts[1]), s.slice(cuts[1], cuts[2]), s.slice(cuts[2], n)];
    const left = s.create().update(a).merge(s.create().update(b)).merge(s.create().update(c));
    const right = s.create().update(a).merge(s.create().update(b).merge(s.create().update(c)));
    const reversed = s.create().update(c).merge(s.create().update(b)).merge(s.create().update(a));
    expectSameResult(left.compute(), reference, rel);
    expectSameResult(right.compute(), reference, rel);
    expectSameResult(reversed.compute(), reference, rel);
  }

  const shuffled = s.create().update(s.gather(permutation(n, rnd)));
  expectSameResult(shuffled.compute(), reference, rel);

  const json = JSON.parse(JSON.stringify(whole.toJSON())) as StateJson;
  const restored = s.fromJSON(json);
  expectSameResult(restored.compute(), whole.compute(), 0, true);
  // A restored state keeps accepting rows and merges.
  const restoredHalf = s.fromJSON(JSON.parse(JSON.stringify(s.create().update(s.slice(0, n >> 1)).toJSON())) as StateJson);
  restoredHalf.update(s.slice(n >> 1, n));
  expectSameResult(restoredHalf.compute(), reference, rel, true);
  const emptyRestored = s.fromJSON(JSON.parse(JSON.stringify(s.create().toJSON())) as StateJson);
  expectSameResult(emptyRestored.merge(s.create().update(s.slice(0, n))).compute(), reference, rel, true);
}
