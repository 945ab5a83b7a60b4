import type { RecordBatch, Schema } from 'apache-arrow';
import { InputOutputError } from '../../errors.js';

function describe(schema: Schema): string {
  return schema.fields.map((field) => `${field.name}: ${String(field.type)}`).join(', ');
}

/**
 * Checks that a record batch has the reader's schema: the same column names, in order, with the same types
 * (compared by their text, so two dictionary types with different ids but the same value and index types agree).
 *
 * @param schema - the schema of the input (its first batch)
 * @param batch - a later batch
 * @param index - the batch's 0-based index, for the message
 * @throws InputOutputError `corrupt_file` naming the batch and both schemas
 * @example
 * ```ts
 * checkSameSchema(reader.schema, batch, 3);
 * ```
 */
export function checkSameSchema(schema: Schema, batch: RecordBatch, index: number): void {
  const a = schema.fields;
  const b = batch.schema.fields;
  const same = a.length === b.length && a.every((field, k) => field.name === b[k].name && String(field.type) === String(b[k].type));
  if (!same) {
    throw new InputOutputError(
      'corrupt_file',
      `Batch ${index} has the schema (${describe(batch.schema)}), but the input's schema is (${describe(schema)}); ` +
        'every batch must have the same columns and types.',
    );
  }
}
