import { ValidationError } from '../errors.js';

/** Typed arrays a state serialises. */
export type StateArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

const CONSTRUCTORS = { f64: Float64Array, u32: Uint32Array, i32: Int32Array, u8: Uint8Array } as const;
/** Element type tags of serialised arrays. */
export type StateArrayType = keyof typeof CONSTRUCTORS;

/**
 * A serialised typed array: element type, length and either little-endian bytes in base64 (JSON) or, inside
 * `toTransferable`, the array itself (for structured clone / transfer to a worker thread).
 */
export type EncodedArray =
  | { readonly type: StateArrayType; readonly length: number; readonly base64: string }
  | { readonly type: StateArrayType; readonly length: number; readonly raw: StateArray };

/** Buffers collected while `toTransferable` runs; undefined otherwise (base64 mode). */
let transferBuffers: Set<ArrayBuffer> | undefined;

/**
 * Serialises a state for another thread: `toJSON()` with every typed array kept as it is instead of base64, plus the
 * buffers behind them, to transfer with `postMessage` (zero-copy: the receiver gets views of the same memory).
 * Transferring detaches those buffers here, so the state must not be used afterwards. `fromJSON` reads both forms.
 * @param state - anything with a `toJSON()` that encodes its arrays with `encodeTypedArray`
 * @returns the serialised form and the buffers to transfer (each once)
 * @example
 * ```ts
 * import { createState, EvaluationState, toTransferable } from '@modelperf/core';
 * const state = createState({ task: 'regression', label: 'y', pred: 'p' }).update({ y: [3, -0.5, 2, 7], p: [2.5, 0, 2, 8] });
 * const { json, transfer } = toTransferable(state); // worker.postMessage(json, transfer) sends it without copying
 * console.log(transfer.length > 0, EvaluationState.fromJSON(structuredClone(json)).compute().metrics.mae); // true 0.5
 * ```
 */
export function toTransferable<J>(state: { toJSON(): J }): { json: J; transfer: ArrayBuffer[] } {
  const outer = transferBuffers;
  const buffers = new Set<ArrayBuffer>();
  transferBuffers = buffers;
  try {
    return { json: state.toJSON(), transfer: [...buffers] };
  } finally {
    transferBuffers = outer;
  }
}

/** Depth of {@link readTrusted} calls in progress. */
let trustedReads = 0;

/**
 * Runs a deserialisation of states this process's own code serialised with {@link toTransferable} (a worker thread's
 * batch or merge result): their arrays arrive as they were written, so `fromJSON` may skip the O(n) checks of their
 * contents (order, monotone counts) that guard states read from a file or a network. Arrays in base64 form are
 * always checked.
 * @param read - the deserialisation
 * @returns what it returns
 */
export function readTrusted<T>(read: () => T): T {
  trustedReads++;
  try {
    return read();
  } finally {
    trustedReads--;
  }
}

/**
 * Whether an encoded array's contents may go unchecked: it is a transferred array read inside {@link readTrusted}.
 * @param encoded - the encoded array
 * @returns true inside `readTrusted` for the `raw` form
 */
export function isTrustedArray(encoded: EncodedArray): boolean {
  return trustedReads > 0 && 'raw' in encoded;
}

function typeOf(values: StateArray): StateArrayType {
  if (values instanceof Float64Array) return 'f64';
  if (values instanceof Uint32Array) return 'u32';
  if (values instanceof Int32Array) return 'i32';
  return 'u8';
}

function isLittleEndian(): boolean {
  return new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
}

/**
 * Encodes a typed array losslessly as base64 of its little-endian bytes (exact float64 bits, NaN payloads included).
 * @param values - the array
 * @returns the encoded form
 * @example
 * ```ts
 * decodeTypedArray(encodeTypedArray(Float64Array.of(0.1, NaN))); // Float64Array [0.1, NaN]
 * ```
 */
export function encodeTypedArray(values: StateArray): EncodedArray {
  if (transferBuffers !== undefined) {
    // The whole buffer moves (no copy, even when the view covers only part of it); a SharedArrayBuffer is shared.
    if (values.buffer instanceof ArrayBuffer) transferBuffers.add(values.buffer);
    return { type: typeOf(values), length: values.length, raw: values };
  }
  if (!isLittleEndian()) throw new ValidationError('invalid_argument', 'State serialisation needs a little-endian platform.');
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { type: typeOf(values), length: values.length, base64: btoa(binary) };
}

/**
 * Decodes what `encodeTypedArray` wrote.
 * @param encoded - the encoded form
 * @returns a new typed array of the recorded type
 * @throws ValidationError for an unknown type or a length that does not match the bytes
 * @example
 * ```ts
 * const v = decodeTypedArray({ type: 'u32', length: 1, base64: 'BwAAAA==' }); // Uint32Array [7]
 * ```
 */
export function decodeTypedArray(encoded: EncodedArray): StateArray {
  const Ctor = CONSTRUCTORS[encoded.type];
  if (Ctor === undefined) throw new ValidationError('invalid_input', `Unknown array type "${String(encoded.type)}" in a serialised state.`);
  if ('raw' in encoded) {
    if (!(encoded.raw instanceof Ctor) || encoded.raw.length !== encoded.length) {
      throw new ValidationError('invalid_input', `A transferred ${encoded.type} array does not hold ${encoded.length} values of that type.`);
    }
    return encoded.raw;
  }
  const binary = atob(encoded.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (bytes.length !== encoded.length * Ctor.BYTES_PER_ELEMENT) {
    throw new ValidationError('invalid_input', `A serialised ${encoded.type} array says ${encoded.length} values but holds ${bytes.length} bytes.`);
  }
  return new Ctor(bytes.buffer, 0, encoded.length);
}

/**
 * Checks the kind and version of a serialised state before decoding it.
 * @param json - the parsed JSON
 * @param kind - the expected kind
 * @param version - the version this code reads
 * @throws ValidationError naming what was expected and found
 */
export function checkStateJson(json: { kind?: unknown; version?: unknown }, kind: string, version: number): void {
  if (json.kind !== kind) throw new ValidationError('invalid_input', `Expected a serialised "${kind}" state, got "${String(json.kind)}".`);
  if (json.version !== version) {
    throw new ValidationError('invalid_input', `Serialised "${kind}" state has version ${String(json.version)}; this modelperf reads version ${version}.`);
  }
}
