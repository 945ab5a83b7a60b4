import { Float64, makeVector, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { createSeededRandom, openUniform, type SeededRandom } from '../../src/generate/seeded-random.js';

/** Problems to plant in a seeded train/test pair. */
export interface Plants {
  /** Copy this many train rows (rows 0, 7, 14, …) over the first test rows. */
  duplicates?: number;
  /** Add `leak` = the label plus tiny noise (AUC 1). */
  leak?: boolean;
  /** Add this to `x2` in test (a drifted column). */
  shift?: number;
  /** Share of test `x1` set missing (every k-th row). */
  missingShare?: number;
  /** Set this many test `city` values (the last rows) to "atlantis", a category train never has. */
  newCategory?: number;
  /** Start test times this many days before the last train day. */
  timeOverlap?: number;
  /** Give the first k test rows the ids of train rows 0..k-1. */
  idOverlap?: number;
  /** Repeat train rows 1..k at train rows n-k..n-1 with the label flipped (conflicting labels). */
  conflicts?: number;
}

const CITIES = ['paris', 'lima', 'oslo', 'kyiv'];

function normal(rng: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(openUniform(rng))) * Math.cos(2 * Math.PI * openUniform(rng));
}

interface Columns { x1: Float64Array; x2: Float64Array; city: Array<string | null>; id: Float64Array; day: Float64Array; y: Float64Array; leak: Float64Array }

function draw(rng: SeededRandom, n: number, idStart: number, dayStart: number): Columns {
  const c: Columns = {
    x1: new Float64Array(n), x2: new Float64Array(n), city: [], id: new Float64Array(n), day: new Float64Array(n),
    y: new Float64Array(n), leak: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    c.x1[i] = normal(rng);
    c.x2[i] = openUniform(rng) * 10;
    c.city.push(CITIES[Math.floor(openUniform(rng) * CITIES.length)]);
    c.id[i] = idStart + i;
    c.day[i] = dayStart + Math.floor(i / 10);
    c.y[i] = openUniform(rng) < 1 / (1 + Math.exp(-c.x1[i])) ? 1 : 0;
    c.leak[i] = c.y[i] + 0.01 * openUniform(rng);
  }
  return c;
}

function table(c: Columns, leak: boolean): Table {
  const columns: Record<string, Vector> = {
    id: makeVector(c.id), day: makeVector(c.day), x1: vectorFromArray(Array.from(c.x1, (v) => (Number.isNaN(v) ? null : v)), new Float64()),
    x2: makeVector(c.x2), city: vectorFromArray(c.city, new Utf8()), y: makeVector(c.y),
  };
  if (leak) columns.leak = makeVector(c.leak);
  return new Table(columns);
}

/**
 * A seeded train/test pair of tables (columns id, day, x1 ~ N(0,1), x2 ~ U(0,10), city of 4, binary y from x1),
 * with the problems of `plants` planted at known rows. Train days run 0..n/10, test days start after them.
 */
export function plantedSplits(seed: number, trainRows: number, testRows: number, plants: Plants = {}): { train: Table; test: Table } {
  const rng = createSeededRandom(seed);
  const train = draw(rng, trainRows, 0, 0);
  const lastDay = train.day[trainRows - 1];
  const test = draw(rng, testRows, 1_000_000, lastDay + 1 - (plants.timeOverlap ?? 0));
  for (let k = 0; k < (plants.duplicates ?? 0); k++) {
    const from = 7 * k;
    test.x1[k] = train.x1[from];
    test.x2[k] = train.x2[from];
    test.city[k] = train.city[from];
    test.y[k] = train.y[from];
    test.leak[k] = train.leak[from];
  }
  for (let k = 0; k < (plants.conflicts ?? 0); k++) {
    const to = trainRows - 1 - k;
    train.x1[to] = train.x1[1 + k];
    train.x2[to] = train.x2[1 + k];
    train.city[to] = train.city[1 + k];
    train.y[to] = 1 - train.y[1 + k];
    train.leak[to] = train.leak[1 + k];
  }
  for (let k = 0; k < (plants.idOverlap ?? 0); k++) test.id[k] = train.id[k];
  if (plants.shift !== undefined) for (let i = 0; i < testRows; i++) test.x2[i] += plants.shift;
  if (plants.missingShare !== undefined) {
    const every = Math.round(1 / plants.missingShare);
    for (let i = 0; i < testRows; i += every) test.x1[i] = NaN;
  }
  for (let k = 0; k < (plants.newCategory ?? 0); k++) test.city[testRows - 1 - k] = 'atlantis';
  return { train: table(train, plants.leak === true), test: table(test, plants.leak === true) };
}
