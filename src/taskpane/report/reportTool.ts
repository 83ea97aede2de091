/*
 * The report button: read the sheet (the pane's scan), count, lay out, build. Which columns
 * the pivot uses is decided here from the sheet's headers; a sheet without its own grade and
 * stage columns (not graded yet) or with blank or repeated headers gets the plain table.
 */
import type { Lang } from "../../engine/lang";
import { todaySerial } from "../../engine/read";
import {
  pipelineReport,
  type PipelineReport,
} from "../../report/pipelineReport";
import { REPORT_TEXT, reportLayout } from "../../report/reportLayout";
import type { LeadRows } from "../../sheet/leadRows";
import type { Scan } from "../grade/gradeController";
import { scanLeads } from "../leadScan";
import {
  buildReportSheet,
  type PivotFields,
  type ReportBuilt,
} from "./reportExcel";

export type PivotBlocker = "notGraded" | "badHeaders" | null;

export interface ReportRun {
  readonly report: PipelineReport;
  readonly built: ReportBuilt;
  readonly blocker: PivotBlocker;
}

/** The header texts the pivot needs, or why it cannot have them. */
export function pivotFields(
  s: Scan,
  leads: LeadRows,
): { fields: PivotFields | null; blocker: PivotBlocker } {
  const header = (c: number | null | undefined) =>
    c === null || c === undefined ? undefined : String(s.headers[c] ?? "");
  const col = (src: LeadRows["sources"][keyof LeadRows["sources"]]) =>
    typeof src === "object" ? src.column : null;
  const grade = header(col(leads.sources.grade));
  const stage = header(col(leads.sources.stage));
  if (!grade || !stage) return { fields: null, blocker: "notGraded" };
  const all = s.headers.map((h) =>
    h === null || h === undefined ? "" : String(h),
  );
  if (all.some((h) => h.trim() === "") || new Set(all).size !== all.length)
    return { fields: null, blocker: "badHeaders" };
  return {
    fields: {
      grade,
      stage,
      owner: header(s.mapping.owner.column),
      urgency: header(col(leads.sources.urgency)),
    },
    blocker: null,
  };
}

export async function runReport(
  lang: Lang,
  today = todaySerial(),
): Promise<ReportRun | null> {
  const l = await scanLeads(lang, today);
  if (!l) return null;
  const { scan: s, leads } = l;
  const report = pipelineReport(leads.rows);
  const layout = reportLayout(report, lang, {
    today,
    source: s.data.sheetName,
  });
  const { fields, blocker } = pivotFields(s, leads);
  const built = await buildReportSheet(
    layout,
    {
      sheetName: s.data.sheetName,
      // The table itself when it starts at the header row; else the range from the header row.
      tableName: s.data.source === "table" ? s.data.tableName : undefined,
      headerRow: s.data.headerRow,
      left: s.data.left,
      rows: s.data.dataRows + 1,
      columns: s.data.width,
    },
    fields,
    REPORT_TEXT[lang].byStage,
  );
  return { report, built, blocker };
}
