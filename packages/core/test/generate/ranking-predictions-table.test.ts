import { createHash } from 'node:crypto';
import { tableToIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import {
  rankingPredictionsTable,
  type RankingPredictionsOptions,
} from '../../src/generate/ranking-predictions-table.js';
import { tableSha256 } from './table-sha256.js';

/** Sizes of the contiguous query groups; fails the test if a query id comes back after another one. */
function querySizes(query: Int32Array): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < query.length; i += 1) {
    if (i === 0 || query[i] !== query[i - 1]) {
      expect(query[i]).toBe(sizes.length);
      sizes.push(0);
    }
    sizes[sizes.length - 1] += 1;
  }
  return sizes;
}

describe('rankingPredictionsTable', () => {
  const rows = 100_000;
  const table = rankingPredictionsTable({ rows, seed: 7 });
  const query = table.getChild('query')!.toArray() as Int32Array;
  const relevance = table.getChild('relevance')!.toArray() as Int8Array;
  const score = table.getChild('score')!.toArray() as Float64Array;

  it('has the documented columns and types', () => {
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'query:Int32',
      'relevance:Int8',
      'score:Float64',
      'segment:Dictionary<Int8, Utf8>',
    ]);
    expect(table.numRows).toBe(rows);
  });

  it('gives identical bytes for the same seed', () => {
    const digest = (t: Table) => createHash('sha256').update(tableToIPC(t, 'file')).digest('hex');
    expect(digest(rankingPredictionsTable({ rows, seed: 7 }))).toBe(digest(table));
    expect(tableSha256(rankingPredictionsTable({ rows, seed: 8 }))).not.toBe(tableSha256(table));
  });

  it('is pinned: the bytes for a seed never change across platforms and versions', () => {
    expect(tableSha256(rankingPredictionsTable({ rows: 10_000, seed: 42 }))).toBe('11e68e75746abdc1654cb0e264331ed561bebb637bcfe4c5da382b91411d0a0d');
  });

  it('groups rows into queries of 5..40 documents, about 20 on average', () => {
    const sizes = querySizes(query);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...sizes.slice(0, -1))).toBeLessThanOrEqual(40);
    expect(Math.abs(rows / sizes.length - 20)).toBeLessThan(1);
    for (const [n, d] of [[2, 20], [3, 2], [7, 2], [1_000, 2], [1_000, 100]]) {
      const small = querySizes(rankingPredictionsTable({ rows: n, seed: 3, docsPerQuery: d }).getChild('query')!.toArray() as Int32Array);
      expect(Math.min(...small)).toBeGreaterThanOrEqual(2);
      expect(small.reduce((a, b) => a + b)).toBe(n);
    }
  });

  it('grades relevance 0..3, mostly 0, with some queries without a relevant document', () => {
    const counts = [0, 0, 0, 0];
    for (const r of relevance) counts[r] += 1;
    expect(counts.reduce((a, b) => a + b)).toBe(rows);
    expect(counts[0] / rows).toBeGreaterThan(0.7);
    expect(counts[1]).toBeGreaterThan(counts[2]);
    expect(counts[2]).toBeGreaterThan(counts[3]);
    expect(counts[3]).toBeGreaterThan(0);
    const best = new Int8Array(query[rows - 1] + 1);
    for (let i = 0; i < rows; i += 1) best[query[i]] = Math.max(best[query[i]], relevance[i]);
    const empty = best.filter((b) => b === 0).length / best.length;
    expect(empty).toBeGreaterThan(0.08);
    expect(empty).toBeLessThan(0.25);
  });

  it('scores in [0, 1], higher with relevance, with ties inside queries', () => {
    expect(score.every((s) => s >= 0 && s <= 1)).toBe(true);
    const sums = [0, 0, 0, 0];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < rows; i += 1) {
      sums[relevance[i]] += score[i];
      counts[relevance[i]] += 1;
    }
    const means = sums.map((s, g) => s / counts[g]);
    expect(means[1]).toBeGreaterThan(means[0]);
    expect(means[2]).toBeGreaterThan(means[1]);
    expect(means[3]).toBeGreaterThan(means[2]);
    let tiedWithPrevious = 0;
    const seen = new Map<number, number>();
    for (let i = 0; i < rows; i += 1) {
      if (seen.get(score[i]) === query[i]) tiedWithPrevious += 1;
      seen.set(score[i], query[i]);
    }
    expect(tiedWithPrevious).toBeGreaterThan(rows * 0.01);
  });

  it.each<[string, RankingPredictionsOptions]>([
    ['rows = 1', { rows: 1 }],
    ['non-integer rows', { rows: 10.5 }],
    ['negative seed', { rows: 10, seed: -3 }],
    ['docsPerQuery = 1', { rows: 10, docsPerQuery: 1 }],
    ['docsPerQuery = 10001', { rows: 10, docsPerQuery: 10_001 }],
  ])('throws ValidationError for %s', (_name, options) => {
    expect(() => rankingPredictionsTable(options)).toThrow(ValidationError);
  });
});
