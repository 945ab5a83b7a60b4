import assert from 'node:assert/strict';
import { test } from 'node:test';
import { floorCase, minTime, renderFloorsTable, sumLoop } from '../src/floors.mjs';

test('floorCase judges the ratio against the task target', () => {
  assert.deepEqual(floorCase({ task: 'binary', rows: 1e7, evaluateMs: 650, floorMs: 500, floor: 'sort' }).verdict, 'pass');
  const slow = floorCase({ task: 'binary', rows: 1e7, evaluateMs: 1500, floorMs: 500, floor: 'sort' });
  assert.equal(slow.ratio, 3);
  assert.equal(slow.verdict, 'fail');
  assert.equal(floorCase({ task: 'regression', rows: 1e7, evaluateMs: 190, floorMs: 100, floor: 'loop' }).verdict, 'pass');
  assert.equal(floorCase({ task: 'regression', rows: 1e7, evaluateMs: 210, floorMs: 100, floor: 'loop' }).target, 2);
});

test('sumLoop depends on every row; minTime runs the set-up before each call', async () => {
  assert.equal(sumLoop(Float64Array.of(3, 1), Float64Array.of(1, 2)), 4 + 1 + 2 + 1 + 4);
  let setups = 0;
  let calls = 0;
  const ms = await minTime(() => { calls += 1; }, 3, () => { setups += 1; });
  assert.equal(calls, 4);
  assert.equal(setups, 4);
  assert.ok(ms >= 0);
});

test('renderFloorsTable writes one row per case', () => {
  const table = renderFloorsTable([{ date: '2026-11-28', machine: { cpu: 'AMD EPYC 7B13', cores: 2 }, cases: [floorCase({ task: 'binary', rows: 1e7, evaluateMs: 900, floorMs: 600, floor: 'radix argsort of the scores' })] }]);
  assert.match(table, /\| 2026-11-28 \| AMD EPYC, 2 cores \| binary \| 1e7 \| 900 ms \| radix argsort of the scores \| 600 ms \| 1\.50× \| ≤ 1\.3× \| \*\*fail\*\* \|/);
});
