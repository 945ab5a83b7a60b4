import type { EvaluationSpec } from '../evaluate/evaluation-spec.js';
import type { Report } from '../report/report.js';
import type { ColumnInput } from './column-vector.js';
import { evaluate } from './evaluate.js';

/**
 * Evaluates named columns given apart from the spec: the shared step of `evaluateBinary`, `evaluateRegression` and
 * the other per-task entry points.
 * @param columns - column name -> values (undefined entries are skipped)
 * @param spec - the spec naming those columns
 * @returns the report
 */
export function evaluateColumns(columns: Record<string, ColumnInput | undefined>, spec: EvaluationSpec): Promise<Report> {
  const defined: Record<string, ColumnInput> = {};
  for (const [name, values] of Object.entries(columns)) if (values !== undefined) defined[name] = values;
  return evaluate(defined, spec);
}

/**
 * Names list columns `<prefix>_0`, `<prefix>_1`, ...
 * @param prefix - the name stem
 * @param list - the columns
 * @returns the names and a name -> column map
 */
export function listColumns(prefix: string, list: readonly ColumnInput[] | undefined): { names: string[]; columns: Record<string, ColumnInput> } {
  const columns: Record<string, ColumnInput> = {};
  const names = (list ?? []).map((values, i) => {
    const name = `${prefix}_${i}`;
    columns[name] = values;
    return name;
  });
  return { names, columns };
}
