/*
 * What the report, follow-ups and duplicate tools start from: the pane's scan of the sheet
 * (never one of the add-in's own sheets), every data row read in byte-measured chunks, one
 * record per lead, and the sheet row of each.
 */
import type { Lang } from "../engine/lang";
import { currentCriteria } from "../functions/host";
import { readLeadRows, type LeadRows } from "../sheet/leadRows";
import { scan, type Scan } from "./grade/gradeController";
import { assertDataSheet } from "./office/ownSheet";
import { newStats, readGrid } from "./office/ranges";

export interface LeadScan {
  readonly scan: Scan;
  /** the data rows (values), block-relative columns */
  readonly rows: readonly (readonly unknown[])[];
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
  const first = s.data.headerRow + 1;
  const rows = await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(s.data.sheetId);
    const grid = await readGrid(
      context,
      sheet,
      first,
      s.data.left,
      s.data.dataRows,
      s.data.width,
      ["values"],
      newStats(),
    );
    return grid.values;
  });
  return {
    scan: s,
    rows,
    leads: readLeadRows(
      s.headers,
      rows,
      s.mapping,
      lang,
      today,
      currentCriteria(),
    ),
    sheetRow: (i) => first + i,
  };
}
