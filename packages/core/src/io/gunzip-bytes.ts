import { InputOutputError } from '../errors.js';

/**
 * Tells whether bytes start with the gzip magic number (1f 8b).
 * @param bytes - the input's first bytes or all of it
 * @returns true for gzip data
 * @example
 * ```ts
 * isGzip(Uint8Array.of(0x1f, 0x8b, 8)); // true
 * ```
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip data with the platform's `DecompressionStream` (Node >= 18, browsers).
 *
 * @param bytes - gzip data
 * @returns the decompressed bytes
 * @throws InputOutputError `corrupt_file` when the data is not valid gzip or is truncated
 * @example
 * ```ts
 * const csv = await gunzipBytes(gzipped);
 * ```
 */
export async function gunzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new InputOutputError('corrupt_file', `The gzip data cannot be decompressed (truncated or damaged): ${text}`, { cause: error });
  }
}
