import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { BinaryBinnedState, BinaryExactState } from '../../../src/states/binary/index.js';
import { EXACT_DEFERRAL } from '../../../src/states/binary/binary-exact-state.js';
import { encodeTypedArray, readTrusted, toTransferable } from '../../../src/states/state-buffers.js';
import type { BinaryRows } from '../../../src/kernels/binary-clf-curve.js';
import {
  batches, concat, expectCloseMetrics, generatedRows, labels, mapScores, oneShot, randomCuts, seededRandom, slice, viaJson,
} from './binary-state-helpers.js';

const fed = (rows: BinaryRows[], options = {}): BinaryExactState => {
  const s = new BinaryExactState({ labels, options });
  for (const r of rows) s.update(r);
  return s;
};

describe('BinaryExactState', () => {
  const rows = generatedRows(20000, 7);
  const weighted = generatedRows(20000, 8, true);

  it('equals one-shot evaluation, unweighted (identical result, sections included)', () => {
    expect(fed([rows]).compute()).toEqual(oneShot(rows));
    const opts = { curves: true, threshold: 0.3, beta: 2 };
    expect(fed([rows], opts).compute()).toEqual(oneShot(rows, opts));
  });

  it('equals one-shot evaluation, weighted, to 1e-12', () => {
    expectCloseMetrics(fed([weighted]).compute().metrics, oneShot(weighted).metrics);
  });

  it('chunked updates (random splits, empty batches) equal one update', () => {
    const rnd = seededRandom(1);
    for (let trial = 0; trial < 5; trial++) {
      const cuts = randomCuts(rows.scores.length, 2 + trial * 3, rnd);
      expect(fed(batches(rows, cuts)).compute()).toEqual(oneShot(rows));
      expectCloseMetrics(fed(batches(weighted, cuts)).compute().metrics, oneShot(weighted).metrics);
    }
  });

  it('merges of any split equal the whole; merge is associative and order-free', () => {
    const rnd = seededRandom(2);
    const whole = oneShot(rows);
    for (let trial = 0; trial < 4; trial++) {
      const parts = batches(rows, randomCuts(rows.scores.length, 3, rnd)).map((b) => fed([b]));
      const [a, b, c, d] = parts.map((p) => () => viaJson(p, BinaryExactState.fromJSON));
      expect(a().merge(b()).merge(c()).merge(d()).compute()).toEqual(whole);
      expect(a().merge(b().merge(c().merge(d()))).compute()).toEqual(whole);
      expect(d().merge(c()).merge(a().merge(b())).compute()).toEqual(whole);
    }
    const wparts = batches(weighted, randomCuts(weighted.scores.length, 3, rnd)).map((b) => fed([b]));
    expectCloseMetrics(wparts[3].merge(wparts[1]).merge(wparts[0]).merge(wparts[2]).compute().metrics, oneShot(weighted).metrics);
  });

  it('shuffled rows give the same result', () => {
    const rnd = seededRandom(3);
    const n = rows.scores.length;
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
    const shuffled = { scores: Float64Array.from(perm, (i) => rows.scores[i]), positive: Uint8Array.from(perm, (i) => rows.positive[i]) };
    expect(fed(batches(shuffled, [0, 5000, 12000, n])).compute()).toEqual(oneShot(rows));
  });

  it('merging a state into itself doubles every count', () => {
    const s = fed([rows]);
    expect(s.merge(s).compute()).toEqual(oneShot(concat(rows, rows)));
  });

  it('mixes weighted and unweighted batches (counts become float64)', () => {
    const a = slice(rows, 0, 10000);
    const b = slice(weighted, 10000, 20000);
    expectCloseMetrics(fed([a, b]).compute().metrics, oneShot(concat(a, b)).metrics);
  });

  it('round-trips through JSON text to an identical compute()', () => {
    for (const r of [rows, weighted, slice(rows, 0, 0)]) {
      const s = fed(batches(r, [0, 3000, r.scores.length]), { threshold: Infinity, zeroDivision: 'nan', posLabel: 1 });
      const back = viaJson(s, BinaryExactState.fromJSON);
      expect(back.compute()).toEqual(s.compute());
      expect(back.toJSON()).toEqual(s.toJSON());
    }
  });

  it('keeps scores outside [0, 1], ties and -0 exact', () => {
    const logits = mapScores(rows, (s) => Math.round(Math.log(s / (1 - s)) * 4) / 4 || -0);
    expect(fed(batches(logits, [0, 7, 9000, 20000])).compute()).toEqual(oneShot(logits));
  });

  it('holds 24 bytes per row of one weighted batch, 16 unweighted, and 24 / 16 per distinct score once merged', () => {
    const s = fed([weighted]);
    expect(s.bytes).toBeLessThanOrEqual(24 * weighted.scores.length);
    const u = fed([rows]);
    expect(u.bytes).toBeLessThanOrEqual(16 * rows.scores.length);
    const m = fed([slice(rows, 0, 100)]).merge(fed([slice(rows, 100, 20000)]));
    // A merge allocates a + b runs; ties between the two lists leave that many unused.
    expect(m.bytes).toBeLessThanOrEqual(16 * (m.distinctScores + 100));
  });

  it('reads version 1 states (per-score counts) and refuses counts that decrease', () => {
    const s = fed(batches(rows, [0, 5000, 20000]));
    const v2 = JSON.parse(JSON.stringify(s.toJSON())) as Record<string, unknown>;
    const tps = s.curve().tps;
    const fps = s.curve().fps;
    const perScore = (c: ArrayLike<number>): Uint32Array => Uint32Array.from(c, (v, k) => v - (k > 0 ? c[k - 1] : 0));
    const v1 = { ...s.toJSON(), version: 1, tps: undefined, fps: undefined,
      pos: encodeTypedArray(perScore(tps)), neg: encodeTypedArray(perScore(fps)) };
    expect(BinaryExactState.fromJSON(v1).compute()).toEqual(s.compute());
    const broken = Uint32Array.from(tps);
    broken[3] = broken[2] - 1;
    expect(() => BinaryExactState.fromJSON({ ...v2, tps: encodeTypedArray(broken) } as never)).toThrow(/decreasing counts at 3/);
  });

  it('checks transferred arrays unless a parallel run reads its own states (readTrusted), and base64 always', () => {
    const s = fed(batches(rows, [0, 5000, 20000]));
    const { json } = toTransferable(s);
    const t = Float64Array.from(s.curve().thresholds);
    [t[3], t[4]] = [t[4], t[3]];
    const raw = { ...json, thresholds: { type: 'f64', length: t.length, raw: t } } as never;
    expect(() => BinaryExactState.fromJSON(raw)).toThrow(/out of order at 4/);
    expect(() => readTrusted(() => BinaryExactState.fromJSON(raw))).not.toThrow();
    const text = { ...s.toJSON(), thresholds: encodeTypedArray(t) } as never;
    expect(() => readTrusted(() => BinaryExactState.fromJSON(text))).toThrow(/out of order at 4/);
    // Trusted states read back exactly.
    expect(readTrusted(() => BinaryExactState.fromJSON(toTransferable(s).json)).compute()).toEqual(s.compute());
  });

  it('refuses merges with other options or kinds, and foreign JSON', () => {
    const a = fed([rows]);
    expect(() => a.merge(fed([rows], { threshold: 0.4 }))).toThrow(ValidationError);
    expect(() => a.merge(new BinaryExactState({ labels: { positiveIndex: 1, positive: 'y', negative: 'n' }, options: {} }))).toThrow(ValidationError);
    expect(() => a.merge(new BinaryBinnedState({ labels, options: {} }) as never)).toThrow(ValidationError);
    expect(() => BinaryExactState.fromJSON({ ...a.toJSON(), kind: 'binary/binned' })).toThrow(ValidationError);
    expect(() => BinaryExactState.fromJSON({ ...a.toJSON(), version: 99 })).toThrow(ValidationError);
    expect(() => new BinaryExactState({ labels, options: { beta: -1 } })).toThrow(ValidationError);
    expect(() => a.update({ scores: new Float64Array(2), positive: new Uint8Array(1) })).toThrow(ValidationError);
  });
});

describe('BinaryExactState with unsorted rows held (EXACT_DEFERRAL)', () => {
  const rows = generatedRows(200_000, 21);
  const big = (cuts: number[]): BinaryExactState => fed(batches(rows, cuts));
  const whole = oneShot(rows);

  it('equals one-shot evaluation and a state that sorts every batch, in JSON too', () => {
    const cuts = [0, 66_666, 133_333, 200_000];
    const deferred = big(cuts);
    const saved = { ...EXACT_DEFERRAL };
    EXACT_DEFERRAL.fromRows = Infinity;
    try {
      const sorted = big(cuts);
      expect(deferred.bytes).toBe(8 * 200_000);
      expect(deferred.toJSON()).toEqual(sorted.toJSON());
      expect(deferred.compute()).toEqual(whole);
      expect(deferred.distinctScores).toBe(sorted.distinctScores);
    } finally {
      Object.assign(EXACT_DEFERRAL, saved);
    }
  });

  it('merges states holding unsorted rows in any order and association, and into itself', () => {
    const [a, b, c] = batches(rows, [0, 66_000, 133_000, 200_000]).map((r) => () => fed([r]));
    expect(a().merge(b()).merge(c()).compute()).toEqual(whole);
    expect(c().merge(a().merge(b())).compute()).toEqual(whole);
    expect(c().merge(a().merge(b())).computeFinal()).toEqual(whole);
    // A sorted state merged with an unsorted one, both ways; the other state is unchanged by the merge.
    const sortedA = a();
    sortedA.curve();
    const unsortedB = b();
    expect(sortedA.merge(unsortedB).merge(c()).compute()).toEqual(whole);
    expect(unsortedB.compute()).toEqual(oneShot(slice(rows, 66_000, 133_000)));
    const self = big([0, 200_000]);
    expect(self.merge(self).compute()).toEqual(oneShot(concat(rows, rows)));
  });

  it('sorts the waiting rows once they outnumber the floor and the runs (bounded memory), with the same result', () => {
    const more = generatedRows(350_000, 22);
    const saved = { ...EXACT_DEFERRAL };
    EXACT_DEFERRAL.pendingRows = 100_000;
    try {
      const s = new BinaryExactState({ labels, options: {} });
      s.update(slice(more, 0, 70_000));
      expect(s.bytes).toBe(8 * 70_000);
      s.update(slice(more, 70_000, 140_000));
      // 140 000 > 100 000 rows waited: sorted into runs, in buffers of 16 bytes a row with room for as many again (the
      // room untouched: address space, not memory).
      const settled = s.bytes;
      expect(settled).toBe(2 * 16 * 140_000);
      s.update(slice(more, 140_000, 210_000)); // fewer than the runs: waits
      expect(s.bytes).toBe(settled + 8 * 70_000);
      s.update(slice(more, 210_000, 280_000)); // now more: sorted, merged into the runs' own buffers (they have room)
      expect(s.bytes).toBe(settled);
      s.update(slice(more, 280_000, 350_000));
      // Held runs and waiting rows reported together, without settling, then settled.
      expect(s.computeFinal()).toEqual(oneShot(more));
      expect(s.compute()).toEqual(oneShot(more));
    } finally {
      Object.assign(EXACT_DEFERRAL, saved);
    }
  });

  it('computeFinal reports the waiting rows without settling them (twice the same); compute settles them; the curves need them settled', async () => {
    const cuts = [0, 66_666, 133_333, 200_000];
    const s = big(cuts);
    expect(s.computeFinal()).toEqual(whole);
    expect(s.bytes).toBe(8 * 200_000);
    expect(s.computeFinal()).toEqual(whole);
    expect(s.toJSON()).toEqual(big(cuts).toJSON());
    const settles = big(cuts);
    expect(settles.compute()).toEqual(whole);
    expect(settles.bytes).not.toBe(8 * 200_000);
    // With held runs and waiting rows, other options, costs and calibration bins.
    const extra = { bins: 7, costFp: 2, costFn: 5 };
    const options = { threshold: 0.3, beta: 2 };
    const mixed = new BinaryExactState({ labels, options, extra });
    mixed.update(slice(rows, 0, 70_000));
    mixed.curve();
    mixed.update(slice(rows, 70_000, 200_000));
    const before = mixed.bytes;
    expect(mixed.computeFinal()).toEqual(oneShot(rows, options, extra));
    expect(mixed.bytes).toBe(before);
    const curves = fed(batches(rows, cuts), { curves: true });
    expect(curves.computeFinal()).toEqual(oneShot(rows, { curves: true }));
    expect(curves.bytes).not.toBe(8 * 200_000);
    // computeInParallel: below 2^20 rows, or with the curves, what computeFinal gives (the curves settled in parallel).
    const sortRange = async (): Promise<never> => { throw new Error('not split below 2^20 rows'); };
    expect(await big(cuts).computeInParallel(2, sortRange, () => undefined)).toEqual(whole);
    expect(await fed(batches(rows, cuts), { curves: true }).computeInParallel(2, sortRange, () => undefined)).toEqual(oneShot(rows, { curves: true }));
  });

  it('swaps classes and keeps -0 and ties exact with rows waiting', () => {
    const logits = mapScores(rows, (s, i) => (i % 9 === 0 ? -0 : Math.round(Math.log(s / (1 - s)) * 4) / 4));
    expect(fed(batches(logits, [0, 100_000, 200_000])).compute()).toEqual(oneShot(logits));
    expect(fed(batches(logits, [0, 100_000, 200_000])).computeFinal()).toEqual(oneShot(logits));
    const flipped = { scores: rows.scores, positive: rows.positive.map((f) => 1 - f) };
    expect(big([0, 200_000]).swapClasses().compute()).toEqual(oneShot(flipped));
  });
});
