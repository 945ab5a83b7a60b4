import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordBatchStreamWriter, type Table } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryPredictionsTable } from '../../../src/generate/index.js';
import { FileByteSource } from '../../../src/io/stream/byte-source.js';
import { readBatches } from '../../../src/io/stream/read-batches.js';
import { readTableFile } from '../../../src/io/read-table-file.js';

const dir = mkdtempSync(join(tmpdir(), 'modelperf-byte-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of 1000 bytes, byte i = i mod 251, and a source over it. */
async function source(): Promise<{ src: FileByteSource; bytes: Uint8Array; counter: { bytesRead: number } }> {
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
  const path = join(dir, `bytes-${Math.random()}.bin`);
  writeFileSync(path, bytes);
  const counter = { bytesRead: 0 };
  return { src: new FileByteSource(await open(path, 'r'), bytes.length, 0, counter), bytes, counter };
}

describe('FileByteSource.readAhead', () => {
  it('serves reads inside the bytes read ahead (views when aligned, copies when not) and past them (copy, then the file)', async () => {
    const { src, bytes, counter } = await source();
    const buffer = new Uint8Array(64);
    src.readAhead(40, buffer);
    const first = await src.read(8); // offset 0: a view of the buffer read into
    expect(first.buffer).toBe(buffer.buffer);
    expect(Array.from(first)).toEqual(Array.from(bytes.subarray(0, 8)));
    const odd = await src.read(3); // offset 8, then 11: not 8-aligned next time
    expect(Array.from(odd)).toEqual(Array.from(bytes.subarray(8, 11)));
    const unaligned = await src.read(5);
    expect(unaligned.buffer).not.toBe(buffer.buffer); // copied: offset 11 is not 8-aligned
    expect(Array.from(unaligned)).toEqual(Array.from(bytes.subarray(11, 16)));
    const across = await src.read(50); // 24 bytes left ahead, 26 more from the file
    expect(across.buffer).not.toBe(buffer.buffer);
    expect(Array.from(across)).toEqual(Array.from(bytes.subarray(16, 66)));
    expect([src.bytesRead, counter.bytesRead]).toEqual([66, 66]);
    // Nothing ahead any more: a plain read.
    expect(Array.from(await src.read(4))).toEqual(Array.from(bytes.subarray(66, 70)));
    // A region read to its last byte makes way for the next read ahead at once.
    const second = new Uint8Array(16);
    src.readAhead(16, second);
    expect((await src.read(16)).buffer).toBe(second.buffer);
    const third = new Uint8Array(8);
    src.readAhead(8, third);
    const next = await src.read(8);
    expect(next.buffer).toBe(third.buffer);
    expect(Array.from(next)).toEqual(Array.from(bytes.subarray(86, 94)));
    await src.close();
  });

  it('after a large view (a batch body) copies the rest out instead of viewing it', async () => {
    const path = join(dir, 'large.bin');
    const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256);
    writeFileSync(path, bytes);
    const src = new FileByteSource(await open(path, 'r'), bytes.length);
    src.readAhead(150_000);
    const body = await src.read(100_000);
    const rest = await src.read(16); // aligned and inside, but the buffer may be reused once the body is released
    expect(rest.buffer).not.toBe(body.buffer);
    expect(Array.from(rest)).toEqual(Array.from(bytes.subarray(100_000, 100_016)));
    await src.close();
  });

  it('reads ahead only to the end of the file, and closes while a read ahead is under way', async () => {
    const { src, bytes } = await source();
    await src.read(990);
    src.readAhead(100);
    const tail = await src.read(100);
    expect(Array.from(tail)).toEqual(Array.from(bytes.subarray(990)));
    expect((await src.read(4)).length).toBe(0);
    const other = await source();
    other.src.readAhead(500);
    await other.src.close(); // waits for the read ahead, then closes
  });
});

describe('Arrow streams read ahead with batches of changing sizes', () => {
  it('reads every batch intact when the next message is larger or smaller than the one before', async () => {
    const table: Table = binaryPredictionsTable({ rows: 120_000, seed: 12 });
    const writer = new RecordBatchStreamWriter();
    writer.reset(undefined, table.schema);
    // Growing, then shrinking batches: the guess (the last message's size) is too small, then too large.
    const sizes = [1_000, 5_000, 30_000, 60_000, 20_000, 3_000, 1_000];
    let at = 0;
    for (const size of sizes) {
      for (const batch of table.slice(at, at + size).batches) writer.write(batch);
      at += size;
    }
    writer.finish();
    const path = join(dir, 'changing.arrows');
    writeFileSync(path, writer.toUint8Array(true));
    const reader = await readBatches(path);
    const seen: number[] = [];
    const scores: number[] = [];
    for await (const batch of reader) {
      seen.push(batch.numRows);
      scores.push(...(batch.getChild('score')!.toArray() as Float64Array));
      reader.release(batch);
    }
    expect(seen).toEqual(sizes);
    const whole = (await readTableFile(path)).table.getChild('score')!.toArray() as Float64Array;
    expect(scores).toEqual(Array.from(whole.subarray(0, at)));
  });
});
