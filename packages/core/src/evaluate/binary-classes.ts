import type { Table } from 'apache-arrow';
import { getColumn, toLabelCodes } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { resolveBinaryLabels } from '../metrics/binary/resolve-binary-labels.js';
import type { LabelValue } from '../report/report.js';
import type { LabelCodes } from './prepare-binary-rows.js';

/** The kind of a label column's values. */
export type LabelKind = 'number' | 'string' | 'boolean';

/**
 * The classes of a streamed binary label column, learnt batch by batch. Each batch is prepared with a provisional
 * positive label (the user's, else the first label seen); at the end the real positive label is resolved from all
 * classes, as one-shot evaluation does, and the states swap classes if it is the other one.
 */
export class BinaryClasses {
  private readonly classes: LabelValue[] = [];
  private kind: LabelKind | undefined;
  private provisionalLabel: LabelValue | undefined;

  /**
   * @param column - the label column (for messages)
   * @param requested - the user's positive label, if any
   */
  constructor(readonly column: string, private readonly requested: LabelValue | undefined) {}

  /**
   * Learns the classes of a batch's label column.
   * @param table - the batch
   * @returns the positive label to prepare this batch with (undefined while no class has been seen) and the coded
   *   labels (to prepare the batch with, instead of coding them again)
   * @throws ValidationError for a third class or labels of another kind than earlier batches
   */
  observe(table: Table): { posLabel: LabelValue | undefined; coded: LabelCodes } {
    const coded = toLabelCodes(getColumn(table, this.column), this.column);
    return { posLabel: this.add(coded.classes, coded.kind), coded };
  }

  /**
   * Learns classes seen elsewhere (e.g. by a worker thread).
   * @param classes - distinct labels of a batch
   * @param kind - their kind
   * @returns the positive label to prepare batches with (undefined while no class has been seen)
   * @throws ValidationError for a third class or labels of another kind than earlier batches
   */
  add(classes: readonly LabelValue[], kind: LabelKind): LabelValue | undefined {
    if (this.kind !== undefined && classes.length > 0 && kind !== this.kind) {
      throw new ValidationError('invalid_input', `Column \`${this.column}\` holds ${this.kind} labels in earlier batches and ${kind} labels later.`);
    }
    if (classes.length > 0) this.kind = kind;
    for (const c of classes) if (!this.classes.includes(c)) this.classes.push(c);
    // More than two classes: the same error as one-shot evaluation gives.
    if (this.classes.length > 2) resolveBinaryLabels(this.sorted(), this.kind ?? 'number', this.column, this.requested);
    return this.provisional();
  }

  /**
   * The positive label batches are prepared with: the user's; else, fixed at the first batch with labels, the positive
   * label of its classes when it holds both, or its one class (undefined before any label).
   */
  provisional(): LabelValue | undefined {
    if (this.requested !== undefined) return this.requested;
    if (this.provisionalLabel === undefined && this.classes.length > 0) {
      this.provisionalLabel = this.classes.length === 2 ? this.resolve().positive : this.classes[0];
    }
    return this.provisionalLabel;
  }

  /**
   * Whether the provisional positive label is final: given by the user, or both classes seen and it is their positive
   * one. Batches prepared from then on never need their classes swapped.
   */
  settled(): boolean {
    if (this.requested !== undefined) return true;
    return this.classes.length === 2 && this.provisionalLabel !== undefined && this.resolve().positive === this.provisionalLabel;
  }

  /**
   * The real classes, from everything seen.
   * @returns the positive and negative labels, and whether states built with the provisional label must swap classes
   */
  resolve(): { positive: LabelValue; negative: LabelValue | null; swap: boolean } {
    const labels = resolveBinaryLabels(this.sorted(), this.kind ?? 'number', this.column, this.requested);
    const swap = this.requested === undefined && this.provisionalLabel !== undefined && labels.positive !== this.provisionalLabel;
    return { positive: labels.positive, negative: labels.negative, swap };
  }

  private sorted(): LabelValue[] {
    return [...this.classes].sort((a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  }
}
