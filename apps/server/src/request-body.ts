import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Table, vectorFromArray, type Vector } from 'apache-arrow';
import { ValidationError } from '@modelperf/core';
import { HttpError } from './http-error.js';

/** Content types `POST /v1/evaluate` accepts, with the core input format each carries. */
export const EVALUATE_CONTENT_TYPES = {
  'application/vnd.apache.arrow.stream': 'arrows',
  'application/vnd.apache.arrow.file': 'arrow',
  'application/vnd.apache.parquet': 'parquet',
  'text/csv': 'csv',
  'application/json': 'json',
} as const;

/** A content type of {@link EVALUATE_CONTENT_TYPES}. */
export type EvaluateContentType = keyof typeof EVALUATE_CONTENT_TYPES;

/** Why a streamed body stopped: set before the byte source throws, because readers wrap its errors. */
export interface BodyGuard {
  /** The error that stopped the body (413, timeout), if any. */
  error?: HttpError;
  /** Bytes received so far. */
  bytes: number;
}

/**
 * Passes a request body through chunk by chunk, counting bytes: beyond `limit` (or once `guard.error` is set from
 * outside, e.g. on timeout) it stops with that error.
 *
 * @param body - the raw request stream
 * @param limit - the most bytes accepted
 * @param guard - shared state: bytes seen and the stopping error
 * @returns the same chunks
 */
export async function* limitBody(body: AsyncIterable<Uint8Array | string>, limit: number, guard: BodyGuard): AsyncGenerator<Uint8Array> {
  // Leaving a plain `for await` over a Node stream early destroys it, and destroying an unfinished request destroys
  // its socket: the client would see a reset instead of the 4xx. The request is kept open; see drainUnreadBody.
  const source = body instanceof Readable ? body.iterator({ destroyOnReturn: false }) : body;
  for await (const chunk of source) {
    if (guard.error !== undefined) throw guard.error;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    guard.bytes += bytes.length;
    if (guard.bytes > limit) {
      guard.error = new HttpError(413, 'body_too_large', `The request body is larger than the limit of ${limit} bytes.`);
      throw guard.error;
    }
    yield bytes;
  }
}

/**
 * Gathers a (limited) body into one byte array, for inputs that need the whole table (`by`, `ci`).
 * @param chunks - the body's chunks
 * @returns the bytes
 */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A byte view that Arrow can read zero-copy: Arrow needs 8-byte-aligned buffers, and Node's small buffers live at
 * arbitrary offsets of a shared pool, so a misaligned one is copied.
 * @param bytes - a buffered body
 * @returns the bytes, aligned
 */
export function alignedBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
}

/** The JSON body of `POST /v1/evaluate` with `application/json`. */
export interface JsonEvaluateBody {
  columns: Record<string, unknown[]>;
  options?: Record<string, unknown>;
}

/**
 * Checks a JSON evaluate body and builds an Arrow table of its columns (types inferred by `vectorFromArray`:
 * numbers -> Float64, strings -> Utf8, booleans -> Bool; `null` is a null).
 *
 * @param body - the parsed JSON
 * @returns the table and the options object
 * @throws ValidationError `invalid_argument` for a malformed body, `length_mismatch` for columns of unequal length
 */
export function tableFromJsonBody(body: unknown): { table: Table; options: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('invalid_argument', 'The JSON body must be an object `{ "columns": { "<name>": [...] }, "options": { ... } }`.');
  }
  const { columns, options } = body as Partial<JsonEvaluateBody>;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns) || Object.keys(columns).length === 0) {
    throw new ValidationError('invalid_argument', 'The JSON body needs `columns`: an object of column name to array of values.');
  }
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new ValidationError('invalid_argument', '`options` must be an object of evaluation options.');
  }
  const vectors: Record<string, Vector> = {};
  let length: number | undefined;
  for (const [name, values] of Object.entries(columns)) {
    if (!Array.isArray(values)) throw new ValidationError('invalid_argument', `Column \`${name}\` must be an array of values.`);
    if (length !== undefined && values.length !== length) {
      throw new ValidationError('length_mismatch', `Column \`${name}\` has ${values.length} values but the first column has ${length}.`);
    }
    length = values.length;
    for (const v of values) {
      if (v !== null && typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') {
        throw new ValidationError('invalid_input', `Column \`${name}\` holds a value that is not a number, string, boolean or null.`);
      }
    }
    vectors[name] = vectorFromArray(values);
  }
  return { table: new Table(vectors), options: (options ?? {}) as Record<string, unknown> };
}

/** Bounds of {@link drainUnreadBody}. */
export const DRAIN_LIMITS = { bytes: 64 * 1024 ** 2, ms: 10_000 } as const;

/**
 * After a streamed body was refused early (bad option, 413, timeout), reads and discards what the client still
 * sends, so that it finishes writing and reads the 4xx on a clean connection (a socket destroyed while data arrives
 * sends a reset, which may make the client lose the response). Past `limits` (bytes or time) the socket is destroyed.
 *
 * @param raw - the request
 * @param limits - most bytes and milliseconds to drain
 * @example
 * ```ts
 * drainUnreadBody(request.raw);
 * ```
 */
export function drainUnreadBody(raw: IncomingMessage, limits: { bytes: number; ms: number } = DRAIN_LIMITS): void {
  if (raw.complete || raw.destroyed || raw.readableEnded) return;
  let drained = 0;
  const stop = (): void => {
    clearTimeout(timer);
    raw.off('data', discard);
    raw.socket?.destroy();
  };
  const discard = (chunk: Buffer): void => {
    drained += chunk.length;
    if (drained > limits.bytes) stop();
  };
  const timer = setTimeout(stop, limits.ms);
  timer.unref();
  raw.on('data', discard);
  raw.once('end', () => clearTimeout(timer));
  raw.once('close', () => clearTimeout(timer));
  raw.resume();
}
