/**
 * Finds the header row of a block read from a sheet: among the first rows, the one whose
 * cells name the most known inputs; ties go to the row with more text cells. A title row or
 * a merged-looking group row above the headers is skipped this way. Data starts below it.
 *
 * A header may take two rows: group cells merged across over a sub-header row (跟进记录 over
 * 第一次/第二次/第三次), the other headers merged down over both. Then the header is the two
 * rows together: each column's sub-header, or the header above it where the sub-row is blank,
 * the group row naming the sub-headers, and the data starts below both.
 */
import { fold } from "../engine/text";
import { proposeMapping } from "./columnMapping";

/** Rows searched for the header by default (the pane's selection, an export's first lines). */
export const LOOK_AT = 6;

function isText(v: unknown): boolean {
  return (
    typeof v === "string" && v.trim() !== "" && !/^[-+]?[\d.,]+$/.test(v.trim())
  );
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || String(v).trim() === "";
}

export function detectHeaderRow(
  values: readonly (readonly unknown[])[],
  lookAt: number = LOOK_AT,
): number {
  let best = 0;
  let bestScore = -1;
  for (let r = 0; r < Math.min(lookAt, values.length); r++) {
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

/** The header as the mapping reads it: one row, or a group row over a sub-header row. */
export interface HeaderRows {
  /** index of the (first) header row within the block */
  readonly row: number;
  /** rows the header takes: 2 when a sub-header row below completes it; data starts at row + rows */
  readonly rows: 1 | 2;
  /** each column's header text: its sub-header, else the header above it */
  readonly headers: readonly unknown[];
  /** the group row naming the sub-headers (the row above a one-row header), if any */
  readonly groups: readonly unknown[] | undefined;
}

/**
 * Whether `sub` is a sub-header row under `top`: its text cells all sit under a group (a top
 * cell followed by blank ones, as a merge across leaves them), at least one group spans two
 * columns or more, and every header standing alone in `top` has a blank below it (merged
 * down). A data row never leaves every single header's cell blank and fills only the groups.
 */
export function isSubHeaderRow(
  top: readonly unknown[],
  sub: readonly unknown[],
): boolean {
  const width = Math.max(top.length, sub.length);
  let spans = 0;
  let subTexts = 0;
  for (let c = 0; c < width;) {
    if (isBlank(top[c])) {
      // Nothing above: a sub-header here has no group.
      if (!isBlank(sub[c])) return false;
      c++;
      continue;
    }
    let end = c + 1;
    while (end < width && isBlank(top[end]) && !isBlank(sub[end])) end++;
    if (end - c >= 2) {
      spans++;
      for (let k = c; k < end; k++) {
        if (!isText(sub[k]) || String(sub[k]).trim().length > 20) return false;
        subTexts++;
      }
    } else if (!isBlank(sub[c])) return false;
    c = end;
  }
  return spans >= 1 && subTexts >= 2;
}

/** The row among the first `lookAt` holding the most of these header texts (a saved mapping's), or undefined. */
export function rowWithHeaders(
  values: readonly (readonly unknown[])[],
  texts: readonly string[],
  lookAt: number = LOOK_AT,
): number | undefined {
  const wanted = new Set(texts.map((t) => fold(t).trim()));
  let best: number | undefined;
  let most = 0;
  for (let r = 0; r < Math.min(lookAt, values.length); r++) {
    const n = (values[r] ?? []).filter((v) =>
      wanted.has(fold(String(v ?? "")).trim()),
    ).length;
    if (n > most) {
      best = r;
      most = n;
    }
  }
  return best;
}

/**
 * The header row and, when a sub-header row completes it, both rows read together.
 * `row`: the header row when known (the user's); `headerTexts`: a saved mapping's headers,
 * whose row is the header row when none is given.
 */
export function detectHeader(
  values: readonly (readonly unknown[])[],
  options: {
    row?: number;
    lookAt?: number;
    headerTexts?: readonly string[];
  } = {},
): HeaderRows {
  const row =
    options.row ??
    (options.headerTexts?.length
      ? rowWithHeaders(values, options.headerTexts, options.lookAt)
      : undefined) ??
    detectHeaderRow(values, options.lookAt);
  const top = values[row] ?? [];
  const sub = values[row + 1];
  if (sub && isSubHeaderRow(top, sub)) {
    const width = Math.max(top.length, sub.length);
    const headers = Array.from({ length: width }, (_, c) =>
      isBlank(sub[c]) ? (top[c] ?? null) : sub[c],
    );
    return { row, rows: 2, headers, groups: top };
  }
  return {
    row,
    rows: 1,
    headers: top,
    groups: row > 0 ? values[row - 1] : undefined,
  };
}
