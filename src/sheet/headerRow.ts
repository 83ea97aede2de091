/**
 * Finds the header row of a block read from a sheet: among the first rows, the one whose
 * cells name the most known inputs; ties go to the row with more text cells. A title row or
 * a merged-looking group row above the headers is skipped this way. Data starts below it.
 */
import { proposeMapping } from "./columnMapping";

const LOOK_AT = 6;

function isText(v: unknown): boolean {
  return (
    typeof v === "string" && v.trim() !== "" && !/^[-+]?[\d.,]+$/.test(v.trim())
  );
}

export function detectHeaderRow(
  values: readonly (readonly unknown[])[],
): number {
  let best = 0;
  let bestScore = -1;
  for (let r = 0; r < Math.min(LOOK_AT, values.length); r++) {
    const row = values[r] ?? [];
    const mapped = Object.values(proposeMapping(row)).filter(
      (c) => c.column !== null && c.confidence >= 0.5,
    ).length;
    const texts = row.filter(isText).length;
    const s = mapped * 1000 + texts;
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}
