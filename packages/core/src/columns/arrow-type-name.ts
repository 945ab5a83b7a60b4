import {
  ARROW_TYPE_BOOL,
  ARROW_TYPE_DECIMAL,
  ARROW_TYPE_DICTIONARY,
  ARROW_TYPE_FLOAT,
  ARROW_TYPE_INT,
  ARROW_TYPE_LARGE_UTF8,
  ARROW_TYPE_NULL,
  ARROW_TYPE_UTF8,
  ARROW_TYPE_UTF8_VIEW,
  type ArrowTypeLike,
} from './arrow-column.js';

const FLOAT_NAMES = ['float16', 'float32', 'float64'];

/**
 * Names an Arrow type the way pyarrow prints it (`int64`, `float64`, `bool`, `utf8`, `dictionary<utf8>`), for
 * messages.
 *
 * @param type - an apache-arrow `DataType` (or the same shape)
 * @returns a short lowercase name; unusual types fall back to apache-arrow's own `toString()`, lowercased
 * @example
 * ```ts
 * arrowTypeName(new Int64());                             // 'int64'
 * arrowTypeName(new Dictionary(new Utf8(), new Int32())); // 'dictionary<utf8>'
 * ```
 */
export function arrowTypeName(type: ArrowTypeLike): string {
  switch (type.typeId) {
    case ARROW_TYPE_NULL:
      return 'null';
    case ARROW_TYPE_INT:
      return `${type.isSigned === false ? 'uint' : 'int'}${type.bitWidth ?? ''}`;
    case ARROW_TYPE_FLOAT:
      return FLOAT_NAMES[type.precision ?? 2] ?? 'float';
    case ARROW_TYPE_BOOL:
      return 'bool';
    case ARROW_TYPE_UTF8:
      return 'utf8';
    case ARROW_TYPE_LARGE_UTF8:
      return 'large_utf8';
    case ARROW_TYPE_UTF8_VIEW:
      return 'utf8_view';
    case ARROW_TYPE_DECIMAL:
      return `decimal${type.bitWidth ?? 128}(${type.precision ?? '?'}, ${type.scale ?? '?'})`;
    case ARROW_TYPE_DICTIONARY:
      return type.dictionary === undefined ? 'dictionary' : `dictionary<${arrowTypeName(type.dictionary)}>`;
    default:
      return String(type).toLowerCase();
  }
}
