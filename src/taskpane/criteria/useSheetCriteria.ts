/**
 * Makes the custom functions use a criteria sheet's values: parse (the last valid criteria
 * fill in for wrong cells), hand the result to the functions, and say what the sheet's check
 * column should show. No Office call: the pane's Office.js part (src/taskpane/criteria/) reads
 * and writes the cells, and the HyperFormula tests drive the same function.
 */
import { DEFAULT_CRITERIA } from "../../engine/criteria";
import type { Lang } from "../../engine/lang";
import { currentCriteria, setCriteria } from "../../functions/host";
import {
  checkColumn,
  criteriaWarning,
  parseCriteriaSheet,
  type ParsedCriteria,
} from "../../criteria/criteriaSheet";

export interface SheetCriteriaResult {
  readonly parsed: ParsedCriteria;
  /** the check column (G) as it should read, one string per row */
  readonly check: string[];
}

export function useSheetCriteria(
  values: readonly (readonly unknown[])[],
  sheetName: string,
  lang: Lang,
): SheetCriteriaResult {
  const parsed = parseCriteriaSheet(values, currentCriteria());
  setCriteria(parsed.criteria, (l) =>
    criteriaWarning(parsed.issues, sheetName, l),
  );
  return { parsed, check: checkColumn(values.length, parsed.issues, lang) };
}

/** No criteria sheet in the workbook: SPEC's defaults apply. */
export function useDefaultCriteria(): void {
  setCriteria(DEFAULT_CRITERIA);
}
