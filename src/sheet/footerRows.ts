/**
 * Rows below a lead list that are not leads: a totals row (`合计`, `总计`, `小计`, `Total`), a
 * sign-off line (`制表人：小刘`, `审核：王经理`), or a row holding nothing but sums (`=SUBTOTAL(…)`,
 * `=SUM(…)`). They are copied as they are and never graded (their output cells stay blank).
 */
import { fold } from "../engine/text";

/** The whole first cell is a totals label, alone or followed by a colon (`合计`, `合计：12`, `Total`). */
const TOTAL_LABEL =
  /^(合\s*计|总\s*计|小\s*计|共\s*计|总合计|累计|total|totals|subtotal|sub-total|grand total)(\s*[:：].*)?$/s;
/** A sign-off or print line: its label, then a colon (`制表人：小刘`, `审核：王经理`, `打印日期: …`). */
const SIGN_OFF =
  /^(制表人?|制表日期|填表人?|填报人|审核人?|审批人?|复核人?|统计人?|经办人|打印日期|打印时间|导出时间|prepared by|approved by|checked by|printed on)\s*[:：]/s;
/** A formula that sums or counts a range (what a totals row holds). */
const AGGREGATE =
  /^=?\s*(SUBTOTAL|AGGREGATE|SUM|SUMIFS?|COUNT|COUNTA|COUNTIFS?|AVERAGE|MAX|MIN)\s*\(/i;

const blank = (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Is this row a totals or footer row? `values`: its cells as read; `formulas`: each cell's
 * formula text where it holds one (without or with the leading `=`).
 */
export function isFooterRow(
  values: readonly unknown[],
  formulas: readonly (string | undefined)[] = [],
): boolean {
  const first = values.findIndex((v, j) => !blank(v) || formulas[j]);
  if (first < 0) return false;
  const v = values[first];
  if (formulas[first] === undefined && typeof v === "string") {
    const t = fold(v);
    if (TOTAL_LABEL.test(t) || SIGN_OFF.test(t)) return true;
  }
  // Nothing but sums and counts.
  let sums = 0;
  for (let j = 0; j < Math.max(values.length, formulas.length); j++) {
    const f = formulas[j];
    if (f !== undefined) {
      if (!AGGREGATE.test(f)) return false;
      sums++;
    } else if (!blank(values[j])) return false;
  }
  return sums > 0;
}
