import { binaryPredictionSegments } from './binary-predictions.js';

const twoTo32 = 4294967296;

/** Names of the `segment` column of every generated table, by code: the segments of the binary generator. */
export const segmentNames: readonly string[] = Object.freeze(binaryPredictionSegments.map((s) => s.name));

/** Quality of each segment by code (below 1 the model is worse there), from {@link binaryPredictionSegments}. */
export const segmentQualities: Float64Array = Float64Array.from(binaryPredictionSegments, (s) => s.quality);

/**
 * Integer thresholds on a uint32 draw that pick a segment by its share: code `c` is the first with `draw < cuts[c]`.
 *
 * @remarks
 * Integer cuts make the per-row decision an exact comparison, free of float rounding, so a seed picks the same
 * segments on every platform (the binary generator uses the same cuts).
 *
 * @returns one cut per segment, the last one 2^32
 * @example
 * ```ts
 * const [cut0, cut1, cut2] = segmentCuts();
 * const code = draw < cut0 ? 0 : draw < cut1 ? 1 : draw < cut2 ? 2 : 3;
 * ```
 */
export function segmentCuts(): Float64Array {
  const cuts = new Float64Array(binaryPredictionSegments.length);
  let cumulative = 0;
  binaryPredictionSegments.forEach((segment, code) => {
    cumulative += segment.share;
    cuts[code] = code === binaryPredictionSegments.length - 1 ? twoTo32 : Math.floor(cumulative * twoTo32);
  });
  return cuts;
}
