import { tableFromIPC, tableToIPC, type Int32 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { generatedTable, rowIds, type SegmentType } from '../../src/generate/generated-table.js';

describe('generatedTable', () => {
  const table = generatedTable<{ id: Int32; segment: SegmentType }>(
    3,
    [
      { name: 'id', data: rowIds(3) },
      { name: 'flag', data: Int8Array.of(1, 0, 1) },
      { name: 'x', data: Float64Array.of(0.5, 1.5, 2.5) },
    ],
    { codes: Int8Array.of(2, 0, 1), names: ['web', 'mobile', 'store'] },
  );

  it('maps typed arrays to Arrow types and appends the segment column', () => {
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}:${f.nullable}`)).toEqual([
      'id:Int32:false',
      'flag:Int8:false',
      'x:Float64:false',
      'segment:Dictionary<Int8, Utf8>:false',
    ]);
    expect(table.batches.length).toBe(1);
    expect([...table.getChild('segment')!]).toEqual(['store', 'web', 'mobile']);
    expect([...table.getChild('id')!]).toEqual([0, 1, 2]);
  });

  it('round-trips through Arrow IPC', () => {
    const read = tableFromIPC(tableToIPC(table, 'file'));
    expect(read.getChild('x')!.toArray()).toEqual(Float64Array.of(0.5, 1.5, 2.5));
    expect(read.getChild('segment')!.get(0)).toBe('store');
  });
});
