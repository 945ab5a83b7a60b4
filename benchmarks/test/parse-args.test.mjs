import assert from 'node:assert/strict';
import os from 'node:os';
import { test } from 'node:test';
import { hugeRows, parseBenchArgs } from '../src/parse-args.mjs';

const all = os.availableParallelism();
const defaults = { huge: false, modes: ['exact', 'stream', 'binned'], bins: undefined, threads: all === 1 ? [1] : [1, all], backends: ['js', 'tfjs'], sklearn: true, python: '/usr/bin/python3', server: false, serverOnly: false };

test('defaults: 1e6 and 1e7 rows, 3 runs, recorded, three modes, both backends, scikit-learn, no huge case', () => {
  assert.deepEqual(parseBenchArgs([]), { rows: [1e6, 1e7], runs: 3, quick: false, record: true, help: false, ...defaults });
});

test('--quick: 1e5 rows, 1 run, both backends, not recorded unless --record', () => {
  assert.deepEqual(parseBenchArgs(['--quick']), { rows: [1e5], runs: 1, quick: true, record: false, help: false, ...defaults });
  assert.equal(parseBenchArgs(['--quick', '--record']).record, true);
  assert.equal(parseBenchArgs(['--no-record']).record, false);
});

test('--rows takes exponents and lists, sorted and deduplicated; --runs an integer', () => {
  assert.deepEqual(parseBenchArgs(['--rows', '1e7, 1e6,1000000', '--runs', '5']).rows, [1e6, 1e7]);
  assert.equal(parseBenchArgs(['--runs', '5']).runs, 5);
});

test('bad values and unknown flags throw one-line errors', () => {
  assert.throws(() => parseBenchArgs(['--rows', '0']), /--rows: expected a positive integer/);
  assert.throws(() => parseBenchArgs(['--rows', '1.5']), /--rows/);
  assert.throws(() => parseBenchArgs(['--rows', '1e10']), /at most 2147483647/);
  assert.throws(() => parseBenchArgs(['--runs', 'three']), /--runs/);
  assert.throws(() => parseBenchArgs(['--runs', '']), /--runs/);
  assert.throws(() => parseBenchArgs(['--record', '--no-record']), /choose one/);
  assert.throws(() => parseBenchArgs(['--fast']), /Unknown option/);
});

test('--huge, --modes (in canonical order, deduplicated), --bins, --no-sklearn, --python', () => {
  assert.equal(hugeRows, 1e8);
  assert.equal(parseBenchArgs(['--huge']).huge, true);
  assert.deepEqual(parseBenchArgs(['--modes', 'binned, exact,binned']).modes, ['exact', 'binned']);
  assert.equal(parseBenchArgs(['--bins', '4096']).bins, 4096);
  assert.equal(parseBenchArgs(['--no-sklearn']).sklearn, false);
  assert.equal(parseBenchArgs(['--python', '/opt/py/bin/python']).python, '/opt/py/bin/python');
  assert.throws(() => parseBenchArgs(['--modes', 'exact,fast']), /--modes: expected a list of exact, stream, binned/);
  assert.throws(() => parseBenchArgs(['--bins', '0']), /--bins/);
  assert.throws(() => parseBenchArgs(['--python', '']), /--python/);
});

test('--threads: positive integers and "all" (the cores), ascending and deduplicated; default 1,all', () => {
  assert.deepEqual(parseBenchArgs([], { cores: 16 }).threads, [1, 16]);
  assert.deepEqual(parseBenchArgs([], { cores: 1 }).threads, [1], '1 and all are the same on one core');
  assert.deepEqual(parseBenchArgs(['--threads', 'all, 2,1,2'], { cores: 4 }).threads, [1, 2, 4]);
  assert.deepEqual(parseBenchArgs(['--threads', '2,all'], { cores: 2 }).threads, [2]);
  assert.deepEqual(parseBenchArgs(['--threads', '8'], { cores: 2 }).threads, [8]);
  assert.deepEqual(parseBenchArgs(['--quick', '--threads', '1,2']).threads, [1, 2]);
  for (const bad of ['0', '-1', '1.5', 'two', '', '1,,2', 'ALL', '1e400']) {
    assert.throws(() => parseBenchArgs([`--threads=${bad}`]), (error) => {
      assert.equal(error.message, `--threads: expected a list of positive integers or "all", such as 1,2,all, got "${bad}"`);
      return true;
    });
  }
});

test('--backends: js and tfjs, deduplicated, js first; default js,tfjs; anything else is a one-line error', () => {
  assert.deepEqual(parseBenchArgs([]).backends, ['js', 'tfjs']);
  assert.deepEqual(parseBenchArgs(['--backends', 'tfjs']).backends, ['tfjs']);
  assert.deepEqual(parseBenchArgs(['--backends', 'js']).backends, ['js']);
  assert.deepEqual(parseBenchArgs(['--backends', ' tfjs, js,tfjs']).backends, ['js', 'tfjs']);
  assert.deepEqual(parseBenchArgs(['--quick', '--backends', 'js']).backends, ['js']);
  for (const bad of ['gpu', 'auto', '', 'js,', 'JS', 'js;tfjs']) {
    assert.throws(() => parseBenchArgs([`--backends=${bad}`]), (error) => {
      assert.equal(error.message, `--backends: expected a list of js, tfjs, got "${bad}"`);
      return true;
    });
  }
});
