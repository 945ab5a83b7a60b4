import { ARROW_TYPE_LARGE_UTF8, type ArrowColumn, type ArrowDataLike } from './arrow-column.js';
import { compareCodePoints } from './compare-code-points.js';
import type { LabelCodeParts } from './label-code-parts.js';
import { rankLabelCodes } from './rank-label-codes.js';

/**
 * Codes a Utf8 or LargeUtf8 label column without decoding a string per row: each row's UTF-8 bytes are hashed
 * (FNV-1a) into an open-addressing table of distinct byte strings, and only the distinct values are decoded.
 * Classes are sorted by code point, as numpy.unique sorts `str` arrays.
 *
 * @param column - a Utf8 or LargeUtf8 column; not modified
 * @returns codes into the sorted classes, with null count and first null row
 * @example
 * ```ts
 * utf8LabelCodes(vectorFromArray(['b', 'a', null, 'b'], new Utf8())).classes; // ['a', 'b']
 * ```
 */
export function utf8LabelCodes(column: ArrowColumn): LabelCodeParts<string> {
  const codes = new Int32Array(column.length);
  const interner = new ByteStringInterner();
  let nullCount = 0;
  let firstNullRow = -1;
  let at = 0;
  for (const data of column.data) {
    const bytes = (data.values as Uint8Array | undefined) ?? new Uint8Array(0);
    const offsets = utf8Offsets(data);
    const chunk = interner.addChunk(bytes);
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    for (let i = 0, n = data.length; i < n; i++) {
      if (bitmap !== undefined) {
        const bit = data.offset + i;
        if (bitmap.length === 0 || (bitmap[bit >> 3] & (1 << (bit & 7))) === 0) {
          codes[at + i] = -1;
          if (nullCount++ === 0) firstNullRow = at + i;
          continue;
        }
      }
      codes[at + i] = interner.intern(chunk, offsets[i], offsets[i + 1]);
    }
    at += data.length;
  }
  const strings = interner.decodeAll();
  // Distinct byte strings that decode to one string (invalid UTF-8 becomes U+FFFD) must be one class.
  const canonical = new Map<string, number>();
  const merge = new Int32Array(strings.length);
  let merged = false;
  strings.forEach((text, k) => {
    const first = canonical.get(text);
    if (first === undefined) {
      canonical.set(text, k);
      merge[k] = k;
    } else {
      merge[k] = first;
      merged = true;
    }
  });
  if (merged) for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = merge[codes[i]];
  const classes = rankLabelCodes(codes, strings, compareCodePoints);
  return { codes, classes, nullCount, firstNullRow };
}

/** Value offsets as int32 (LargeUtf8's int64 offsets read through their low half: JS buffers stay under 2^31). */
function utf8Offsets(data: ArrowDataLike): ArrayLike<number> {
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  if (data.type.typeId !== ARROW_TYPE_LARGE_UTF8) return offsets as Int32Array;
  const halves = new Int32Array(offsets.buffer, offsets.byteOffset, (data.length + 1) * 2);
  const low = new Int32Array(data.length + 1);
  for (let i = 0; i <= data.length; i++) low[i] = halves[2 * i];
  return low;
}

/** Distinct byte strings, found by hash and byte comparison; ids in first-seen order. */
class ByteStringInterner {
  private readonly chunks: Uint8Array[] = [];
  private readonly hashes: number[] = [];
  private readonly owners: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private slots = new Int32Array(1024);
  private mask = 1023;

  addChunk(bytes: Uint8Array): number {
    this.chunks.push(bytes);
    return this.chunks.length - 1;
  }

  intern(chunk: number, start: number, end: number): number {
    const bytes = this.chunks[chunk];
    let hash = 0x811c9dc5;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ bytes[k], 16777619);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) return this.insert(slot, hash, chunk, start, end);
      if (this.hashes[entry] === hash && this.sameBytes(entry, bytes, start, end)) return entry;
      slot = (slot + 1) & this.mask;
    }
  }

  decodeAll(): string[] {
    const decoder = new TextDecoder();
    return this.hashes.map((_, k) => decoder.decode(this.chunks[this.owners[k]].subarray(this.starts[k], this.ends[k])));
  }

  private sameBytes(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[entry];
    if (this.ends[entry] - from !== end - start) return false;
    const other = this.chunks[this.owners[entry]];
    for (let k = 0; k < end - start; k++) if (other[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private insert(slot: number, hash: number, chunk: number, start: number, end: number): number {
    const entry = this.hashes.length;
    this.hashes.push(hash);
    this.owners.push(chunk);
    this.starts.push(start);
    this.ends.push(end);
    this.slots[slot] = entry + 1;
    if (2 * this.hashes.length > this.slots.length) this.grow();
    return entry;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let entry = 0; entry < this.hashes.length; entry++) {
      let slot = this.hashes[entry] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry + 1;
    }
  }
}
