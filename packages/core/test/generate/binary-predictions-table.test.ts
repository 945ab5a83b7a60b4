import { createHash } from 'node:crypto';
import { tableFromIPC, tableToIPC, Type } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { generateBinaryPredictions } from '../../src/generate/binary-predictions.js';
import { binaryPredictionsTable } from '../../src/generate/binary-predictions-table.js';

describe('binaryPredictionsTable', () => {
  const table = binaryPredictionsTable({ rows: 10_000, seed: 5 });

  it('has the documented columns and types', () => {
    expect(table.numRows).toBe(10_000);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['id', 'label', 'score', 'segment']);
    const types = table.schema.fields.map((f) => f.type);
    expect(types[0].typeId).toBe(Type.Int);
    expect(types[0]).toMatchObject({ bitWidth: 32, isSigned: true });
    expect(types[1]).toMatchObject({ typeId: Type.Int, bitWidth: 8 });
    expect(types[2]).toMatchObject({ typeId: Type.Float });
    expect(String(types[2])).toBe('Float64');
    expect(types[3].typeId).toBe(Type.Dictionary);
    expect(String(types[3])).toBe('Dictionary<Int8, Utf8>');
    expect(table.schema.fields.every((f) => !f.nullable)).toBe(true);
    expect(table.batches.length).toBe(1);
    expect(table.schema.fields.map((f) => table.getChild(f.name as 'id')!.nullCount)).toEqual([0, 0, 0, 0]);
  });

  it('holds the generator data', () => {
    const data = generateBinaryPredictions({ rows: 10_000, seed: 5 });
    expect(table.getChild('id')!.get(9_999)).toBe(9_999);
    expect(table.getChild('label')!.toArray()).toEqual(data.label);
    expect(table.getChild('score')!.toArray()).toEqual(data.score);
    const segment = table.getChild('segment')!;
    for (const i of [0, 17, 4_242, 9_999]) expect(segment.get(i)).toBe(data.segmentNames[data.segment[i]]);
  });

  it('round-trips through an Arrow IPC file with identical bytes for the same seed', () => {
    const bytes = tableToIPC(table, 'file');
    const again = tableToIPC(binaryPredictionsTable({ rows: 10_000, seed: 5 }), 'file');
    const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(digest(again)).toBe(digest(bytes));
    const read = tableFromIPC(bytes);
    expect(read.numRows).toBe(10_000);
    expect(read.getChild('score')!.toArray()).toEqual(table.getChild('score')!.toArray());
    expect(read.getChild('segment')!.get(3)).toBe(table.getChild('segment')!.get(3));
  });

  it('validates its options', () => {
    expect(() => binaryPredictionsTable({ rows: 0 })).toThrow(ValidationError);
  });
});
