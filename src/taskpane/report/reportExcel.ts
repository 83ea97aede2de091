/*
 * The report sheet in Excel (the one module of the report tool that calls Excel): the layout's
 * tables, a PivotTable of grade × stage with owner and urgency as filters, and a chart over the
 * report's own stage counts. The data sheet is only read (the pivot's source), never written.
 *
 * PivotTable traps (PLATFORM.md, office-js issues): ExcelApi 1.8 or the plain table instead;
 * the source is the Excel table or the range from the header row; grades are text, so the data
 * field counts with "Count" (CountNumbers would give 0); the data hierarchy is added before
 * any layout range is read (#2926 crashes Excel); an existing pivot is never re-sourced
 * (#1504): rebuilding deletes the old report sheet, pivot and all, and makes a new one.
 */
import type { ReportLayout } from "../../report/reportLayout";
import { rebuildOwnSheet } from "../office/ownSheet";

export interface PivotFields {
  /** header texts on the data sheet */
  readonly grade: string;
  readonly stage: string;
  readonly owner?: string;
  readonly urgency?: string;
}

export interface ReportSource {
  readonly sheetName: string;
  readonly tableName?: string;
  /** absolute 0-based header row, first column, rows from the header to the last data row, columns */
  readonly headerRow: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

export type PivotOutcome =
  | {
      readonly status: "built";
      readonly name: string;
      readonly address: string;
    }
  | { readonly status: "unsupported" }
  | { readonly status: "noColumns" };

export interface ReportBuilt {
  readonly sheetName: string;
  readonly pivot: PivotOutcome;
  readonly syncs: number;
}

export function pivotsSupported(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.8") === true
  );
}

function writeBlock(
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  values: (string | number)[][],
  percentColumns: readonly number[] = [],
): void {
  const width = Math.max(...values.map((r) => r.length));
  const padded = values.map((r) => [
    ...r,
    ...Array<string>(width - r.length).fill(""),
  ]);
  sheet.getRangeByIndexes(row, column, padded.length, width).values = padded;
  for (const j of percentColumns)
    sheet.getRangeByIndexes(
      row + 1,
      column + j,
      padded.length - 1,
      1,
    ).numberFormat = padded.slice(1).map(() => ["0%"]);
}

export async function buildReportSheet(
  layout: ReportLayout,
  source: ReportSource,
  fields: PivotFields | null,
  chartTitle: string,
): Promise<ReportBuilt> {
  const pivotable = fields !== null && pivotsSupported();
  const built = await rebuildOwnSheet(
    "report",
    layout.sheetName,
    async (context, sheet) => {
      for (const b of layout.blocks)
        writeBlock(sheet, b.row, b.column, b.values, b.percentColumns);
      if (!pivotable) {
        const g = layout.gradeByStage;
        writeBlock(sheet, g.row, g.column, g.values);
      }

      const cs = layout.chartSource;
      const chart = sheet.charts.add(
        "ColumnClustered",
        sheet.getRangeByIndexes(cs.row, cs.column, cs.rows, cs.columns),
        "Columns",
      );
      chart.title.text = chartTitle;
      const last = layout.blocks[layout.blocks.length - 1];
      const chartRow = last ? last.row + last.values.length + 2 : 0;
      chart.setPosition(sheet.getRangeByIndexes(chartRow, 0, 1, 1));

      if (!pivotable)
        return fields === null
          ? ({ status: "noColumns" } as const)
          : ({ status: "unsupported" } as const);
      const dataSheet = context.workbook.worksheets.getItem(source.sheetName);
      const from = source.tableName
        ? dataSheet.tables.getItem(source.tableName)
        : dataSheet.getRangeByIndexes(
            source.headerRow,
            source.left,
            source.rows,
            source.columns,
          );
      const name = `SalesReport${Date.now() % 1000000}`;
      const pivot = sheet.pivotTables.add(
        name,
        from,
        sheet.getRangeByIndexes(
          layout.pivotAt.row + 3,
          layout.pivotAt.column,
          1,
          1,
        ),
      );
      pivot.rowHierarchies.add(pivot.hierarchies.getItem(fields.grade));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem(fields.stage));
      const data = pivot.dataHierarchies.add(
        pivot.hierarchies.getItem(fields.grade),
      );
      data.summarizeBy = "Count";
      if (fields.owner)
        pivot.filterHierarchies.add(pivot.hierarchies.getItem(fields.owner));
      if (fields.urgency)
        pivot.filterHierarchies.add(pivot.hierarchies.getItem(fields.urgency));
      // Only now, with a data hierarchy in place, is the layout safe to read (#2926).
      const range = pivot.layout.getRange();
      range.load("address");
      await context.sync();
      return { status: "built", name, address: range.address } as const;
    },
  );
  return { sheetName: built.sheetName, pivot: built.value, syncs: built.syncs };
}
