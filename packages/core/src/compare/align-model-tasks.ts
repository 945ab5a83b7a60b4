import type { PreparedTask } from '../evaluate/prepared-task.js';

/** Prepared tasks reduced to the rows every one of them kept. */
export interface AlignedTasks {
  readonly tasks: PreparedTask[];
  /** Table positions of the common rows (undefined: every row of the table, in order). */
  readonly sourceRows?: Uint32Array;
  /** Table rows left out because some model's task dropped them (null/NaN with `nan: 'drop'`). */
  readonly dropped: number;
}

/**
 * Reduces tasks prepared from the same table (one per model) to the rows all of them kept, so that every model is
 * evaluated on the same rows in the same order — what a paired comparison needs when `nan: 'drop'` dropped different
 * rows for different models.
 *
 * @param tasks - prepared tasks of the same table; `sourceRows` undefined means the task kept every row
 * @param tableRows - the table's row count
 * @returns the tasks over the common rows (the same objects when nothing was dropped), the common table positions
 * and the number of rows dropped
 * @example
 * ```ts
 * const { tasks: aligned, dropped } = alignModelTasks([candidateTask, baselineTask], table.numRows);
 * ```
 */
export function alignModelTasks(tasks: readonly PreparedTask[], tableRows: number): AlignedTasks {
  if (tasks.every((t) => t.sourceRows === undefined)) return { tasks: [...tasks], dropped: 0 };
  const keptBy = new Uint16Array(tableRows);
  for (const task of tasks) {
    if (task.sourceRows === undefined) {
      for (let i = 0; i < tableRows; i++) keptBy[i]++;
    } else {
      for (const row of task.sourceRows) keptBy[row]++;
    }
  }
  let common = 0;
  for (let i = 0; i < tableRows; i++) if (keptBy[i] === tasks.length) common++;
  const sourceRows = new Uint32Array(common);
  for (let i = 0, k = 0; i < tableRows; i++) if (keptBy[i] === tasks.length) sourceRows[k++] = i;
  const aligned = tasks.map((task) => {
    if (task.sourceRows === undefined) return task.subset(sourceRows);
    if (task.sourceRows.length === common) return task;
    // Local position of each table row in this task's kept rows.
    const local = new Int32Array(tableRows).fill(-1);
    task.sourceRows.forEach((row, i) => (local[row] = i));
    const indices = new Uint32Array(common);
    for (let k = 0; k < common; k++) indices[k] = local[sourceRows[k]];
    return task.subset(indices);
  });
  return { tasks: aligned, sourceRows, dropped: tableRows - common };
}
