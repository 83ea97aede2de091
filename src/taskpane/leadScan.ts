/*
 * What the report, follow-ups and duplicate tools start from: the pane's scan of the sheet
 * (never one of the add-in's own sheets), one record per lead, and the sheet row of each.
 */
import type { Lang } from "../engine/lang";
import { readLeadRows, type LeadRows } from "../sheet/leadRows";
import { assertDataSheet } from "./office/ownSheet";
import { scan, type Scan } from "./paneController";

export interface LeadScan {
  readonly scan: Scan;
  readonly leads: LeadRows;
  /** the sheet row (0-based, absolute) of a data row */
  readonly sheetRow: (index: number) => number;
}

/** @param adjust changes the scan before the rows are read (a tool's own columns are not inputs) */
export async function scanLeads(
  lang: Lang,
  today: number,
  adjust: (s: Scan) => Scan = (s) => s,
): Promise<LeadScan | null> {
  const found = await scan();
  if (!found) return null;
  assertDataSheet(found.data.sheetName);
  const s = adjust(found);
  const first = s.data.top + s.headerIndex + 1;
  return {
    scan: s,
    leads: readLeadRows(s.headers, s.rows, s.mapping, lang, today),
    sheetRow: (i) => first + i,
  };
}
