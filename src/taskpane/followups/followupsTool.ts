/*
 * Follow-ups due in Excel: the list for the pane (from the pane's scan), and the same list
 * written as a sheet of its own (待跟进) for the morning meeting, in byte-budget chunks with
 * the date column formatted. The data sheet is only read.
 */
import type { Lang } from "../../engine/lang";
import { todaySerial } from "../../engine/read";
import {
  DUE_SHEET,
  dueList,
  dueSheetRows,
  type OwnerDue,
} from "../../followups/dueList";
import { chunkRows } from "../../sheet/chunking";
import { rebuildOwnSheet } from "../office/ownSheet";
import { scanLeads } from "../leadScan";
import type { Scan } from "../grade/gradeController";

export interface DueRun {
  readonly scan: Scan;
  readonly due: readonly OwnerDue[];
  /** the sheet row (0-based, absolute) of a data row */
  readonly sheetRow: (index: number) => number;
}

export async function findDue(
  lang: Lang,
  today = todaySerial(),
): Promise<DueRun | null> {
  const l = await scanLeads(lang, today);
  if (!l) return null;
  return {
    scan: l.scan,
    due: dueList(l.leads.rows, today),
    sheetRow: l.sheetRow,
  };
}

const DATE_COLUMN = 4;

export async function writeDueSheet(
  run: DueRun,
  lang: Lang,
  maxBytes?: number,
): Promise<string> {
  const rows = dueSheetRows(run.due, lang, (i) => run.sheetRow(i) + 1);
  const built = await rebuildOwnSheet(
    "followUps",
    DUE_SHEET[lang],
    async (context, sheet) => {
      const width = rows[0]!.length;
      for (const chunk of chunkRows(rows, maxBytes, () => 16)) {
        sheet.getRangeByIndexes(chunk.start, 0, chunk.count, width).values =
          rows.slice(chunk.start, chunk.start + chunk.count);
        const body = chunk.start === 0 ? chunk.count - 1 : chunk.count;
        if (body > 0)
          sheet.getRangeByIndexes(
            chunk.start + chunk.count - body,
            DATE_COLUMN,
            body,
            1,
          ).numberFormat = Array.from({ length: body }, () => ["yyyy-mm-dd"]);
        // One request per chunk keeps each under Excel on the web's 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
    },
  );
  return built.sheetName;
}
