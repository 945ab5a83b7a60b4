import { createHash } from 'node:crypto';
import type { Table } from 'apache-arrow';

/** SHA-256 of the value buffers of a one-batch table's columns, in schema order (segment: its codes). */
export function tableSha256(table: Table): string {
  const hash = createHash('sha256');
  for (const field of table.schema.fields) {
    const a = table.getChild(field.name)!.data[0].values as ArrayBufferView;
    hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return hash.digest('hex');
}
