// Arrow columns -> typed arrays for the metric kernels. Pure: no Node built-ins.
export {
  type ArrowColumn,
  type ArrowDataLike,
  type ArrowTableLike,
  type ArrowTypeLike,
  isArrowColumn,
  isArrowTable,
  isValidAt,
} from './arrow-column.js';
export { arrowTypeName } from './arrow-type-name.js';
export { columnTypeError } from './column-type-error.js';
export { compareCodePoints } from './compare-code-points.js';
export { findFirstInvalid } from './find-first-invalid.js';
export { getColumn } from './get-column.js';
export { type LabelCodeColumn, toLabelCodes } from './to-label-codes.js';
export { isNumericArrowType, type NumericColumn, toNumericArray } from './to-numeric-array.js';
