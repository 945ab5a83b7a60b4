import { ValidationError } from '../../errors.js';
import type { LabelValue } from '../../report/report.js';

/** The two classes of a binary task and which of the observed classes is positive. */
export interface BinaryLabels {
  /** Index of the positive class in `classes`, or -1 when it does not occur in the data. */
  readonly positiveIndex: number;
  readonly positive: LabelValue;
  /** The negative class; null when the data holds only the positive class and no negative label can be named. */
  readonly negative: LabelValue | null;
}

function formatLabel(v: LabelValue): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function coerceLabel(requested: LabelValue, kind: 'number' | 'string' | 'boolean'): LabelValue | undefined {
  if (kind === 'string') return String(requested);
  if (kind === 'number') {
    const v = typeof requested === 'number' ? requested : typeof requested === 'boolean' ? Number(requested) : Number(requested.trim());
    return typeof requested === 'string' && requested.trim() === '' ? undefined : Number.isNaN(v) ? undefined : v;
  }
  if (typeof requested === 'boolean') return requested;
  if (requested === 1 || requested === 'true' || requested === '1' || requested === 'True') return true;
  if (requested === 0 || requested === 'false' || requested === '0' || requested === 'False') return false;
  return undefined;
}

/**
 * Chooses the positive class among the distinct labels of a binary task.
 *
 * @param classes - the distinct labels, sorted as numpy.unique sorts them (at most two)
 * @param kind - the labels' type
 * @param column - the label column's name, for messages
 * @param requested - the user's positive label (a CLI string is coerced to the labels' type)
 * @returns the positive and negative labels
 * @throws ValidationError when there are more than two classes, or `requested` is not among two observed classes
 * @remarks Default positive label: 1 for numbers, true for booleans, else the greatest label, as scikit-learn does.
 * @example
 * ```ts
 * resolveBinaryLabels(['ham', 'spam'], 'string', 'y'); // positive "spam", negative "ham"
 * ```
 */
export function resolveBinaryLabels(
  classes: readonly LabelValue[],
  kind: 'number' | 'string' | 'boolean',
  column: string,
  requested?: LabelValue,
): BinaryLabels {
  if (classes.length > 2) {
    const shown = classes.slice(0, 6).map(formatLabel).join(', ') + (classes.length > 6 ? ', ...' : '');
    const looksLikeScores = kind === 'number' && classes.some((c) => !Number.isInteger(c));
    throw new ValidationError(
      'invalid_input',
      `Column \`${column}\` has ${classes.length} distinct labels (${shown}); --task binary needs at most two. ` +
        (looksLikeScores
          ? 'These look like scores: are --label and --score swapped?'
          : 'Pick the label column of a binary task, or map the labels to two classes.'),
    );
  }
  const find = (v: LabelValue): number => classes.findIndex((c) => c === v);
  let positive: LabelValue;
  if (requested !== undefined) {
    const coerced = coerceLabel(requested, kind);
    const at = coerced === undefined ? -1 : find(coerced);
    if (at < 0 && classes.length === 2) {
      throw new ValidationError(
        'invalid_input',
        `--pos-label ${String(requested)} is not among the labels of column \`${column}\` (${classes.map(formatLabel).join(', ')}); ` +
          'pass one of them.',
      );
    }
    if (coerced === undefined) {
      throw new ValidationError('invalid_input', `--pos-label ${String(requested)} cannot be a ${kind} label of column \`${column}\`.`);
    }
    positive = coerced;
  } else if (kind === 'number') {
    positive = find(1) >= 0 || classes.every((c) => c === 0 || c === -1) ? 1 : classes[classes.length - 1];
  } else if (kind === 'boolean') {
    positive = true;
  } else {
    positive = classes[classes.length - 1];
  }
  const positiveIndex = find(positive);
  const others = classes.filter((c) => c !== positive);
  let negative: LabelValue | null = others.length > 0 ? others[0] : null;
  if (negative === null && kind === 'number' && positive === 1) negative = 0;
  if (negative === null && kind === 'boolean') negative = !positive;
  return { positiveIndex, positive, negative };
}
