/**
 * Which cells hold a SALES formula, as vertical runs (one range per run): what the shared
 * runtime recalculates when the criteria or the label language change. A custom function
 * that reads the criteria sheet through the API creates no dependency in Excel, so only these
 * cells are asked to recalculate — no unrelated formula reruns. Pure.
 */
export interface CellRun {
  /** absolute 0-based row and column of the run's first cell, and its height */
  readonly row: number;
  readonly column: number;
  readonly rows: number;
}

const SALES_CALL = /(^|[^A-Za-z0-9_.])SALES\.[A-Za-z]/i;

export function isSalesFormula(f: unknown): boolean {
  return typeof f === "string" && f.startsWith("=") && SALES_CALL.test(f);
}

/** Runs of SALES formula cells in a block of formulas whose top-left cell is (top, left). */
export function salesCellRuns(
  formulas: readonly (readonly unknown[])[],
  top: number,
  left: number,
): CellRun[] {
  const runs: CellRun[] = [];
  const width = formulas.reduce((w, r) => Math.max(w, r.length), 0);
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= formulas.length; r++) {
      const hit = r < formulas.length && isSalesFormula(formulas[r]?.[c]);
      if (hit && start < 0) start = r;
      if (!hit && start >= 0) {
        runs.push({ row: top + start, column: left + c, rows: r - start });
        start = -1;
      }
    }
  }
  return runs;
}
