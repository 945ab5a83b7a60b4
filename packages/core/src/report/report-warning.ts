/** A condition the user should know about that did not stop the evaluation (DESIGN.md report `warnings`). */
export interface ReportWarning {
  /** Stable code, e.g. `zero_division`, `one_class`, `rows_dropped`. */
  readonly code: string;
  /** One readable sentence. */
  readonly message: string;
}
