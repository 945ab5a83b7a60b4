/**
 * Picks at most `maxPoints` indices of a curve with the largest-triangle-three-buckets algorithm (Steinarsson 2013):
 * the first and last points stay, and from each bucket the point that spans the largest triangle with its neighbours,
 * so corners and steps — what the eye reads in a ROC or PR curve — survive while flat runs thin out.
 *
 * @param x - x coordinates, in plotting order
 * @param y - y coordinates, same length
 * @param maxPoints - the most points to keep (at least 3)
 * @returns ascending indices into `x`/`y`; every index when the curve is already short enough
 * @example
 * ```ts
 * const keep = downsampleCurve(roc.fpr, roc.tpr, 2000);
 * const fpr = keep.map((i) => roc.fpr[i]);
 * ```
 * @remarks O(n) time, one pass; non-finite points count as area 0 so they are kept only as bucket fallbacks.
 */
export function downsampleCurve(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints = MAX_CURVE_POINTS): number[] {
  const n = Math.min(x.length, y.length);
  if (maxPoints < 3) throw new RangeError(`Expected maxPoints >= 3, got ${maxPoints}.`);
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const keep: number[] = [0];
  const every = (n - 2) / (maxPoints - 2);
  let a = 0;
  for (let b = 0; b < maxPoints - 2; b++) {
    // Average of the next bucket: the third corner of the triangle.
    const nextStart = Math.floor((b + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((b + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    let count = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      if (Number.isFinite(x[j]) && Number.isFinite(y[j])) { avgX += x[j]; avgY += y[j]; count++; }
    }
    if (count > 0) { avgX /= count; avgY /= count; } else { avgX = x[n - 1]; avgY = y[n - 1]; }
    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
      const finite = Number.isFinite(area) ? area : 0;
      if (finite > bestArea) { bestArea = finite; best = j; }
    }
    keep.push(best);
    a = best;
  }
  keep.push(n - 1);
  return keep;
}

/** Default upper bound of points per plotted curve. */
export const MAX_CURVE_POINTS = 2000;
