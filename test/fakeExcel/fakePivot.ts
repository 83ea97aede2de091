/*
 * The fake Excel host's PivotTables and charts: what the report tool uses beyond fakeExcel.ts
 * (sheets — add, delete, rename, ids — are the main fake's). Importing this file adds
 * `worksheet.pivotTables` and `worksheet.charts` to the fake's worksheets (additive: the main
 * fake is not edited); every call is queued and runs at sync, like the rest of the fake.
 *
 * It fails like Excel where the tools could go wrong:
 * - `pivotTables.add` needs ExcelApi 1.8 (ApiNotFound below it); a pivot name is unique in the
 *   workbook; every header of the source must be a non-empty, distinct field name.
 * - a hierarchy the source does not have → ItemNotFound, at sync.
 * - reading a pivot's layout before it has a data hierarchy fails (Excel crashes, office-js #2926).
 * - a pivot's source cannot be changed (office-js #1504): there is no setter.
 * - a data hierarchy over a column of numbers defaults to Sum, over text to Count, as in Excel.
 * - a write into a pivot's cells fails; deleting a sheet deletes its pivots and charts.
 * What it does not model: pivot values (a test counts from the source itself), chart rendering,
 * the pivot's exact size (its layout box is an estimate from the distinct items).
 */
import {
  type Box,
  type CellValue,
  type FakeContext,
  FakeError,
  FakeRange,
  FakeTable,
  FakeWorkbook,
  FakeWorksheet,
  type TableModel,
} from "./fakeExcel";

interface PivotRecord {
  name: string;
  sheetId: string;
  source: {
    kind: "table" | "range";
    table?: TableModel;
    sheetId: string;
    r: number;
    c: number;
    h: number;
    w: number;
  };
  dest: { r: number; c: number };
  rows: string[];
  columns: string[];
  filters: string[];
  data: { field: string; name: string; summarizeBy: string }[];
}
interface ChartRecord {
  sheetId: string;
  type: string;
  source: { sheetId: string; r: number; c: number; h: number; w: number };
  seriesBy?: string;
  title?: string;
  position?: { r: number; c: number };
}

/** What a test sees: sheet names as they are now, deleted sheets' pivots and charts gone. */
export interface PivotModel extends Omit<PivotRecord, "sheetId" | "source"> {
  sheet: string;
  source: { kind: "table" | "range"; box: Box };
}
export interface ChartModel extends Omit<ChartRecord, "sheetId" | "source"> {
  sheet: string;
  source: Box;
}

const records = new WeakMap<
  FakeWorkbook,
  { pivots: PivotRecord[]; charts: ChartRecord[] }
>();
function store(wb: FakeWorkbook) {
  let s = records.get(wb);
  if (!s) records.set(wb, (s = { pivots: [], charts: [] }));
  // a deleted sheet takes its pivots and charts with it
  s.pivots = s.pivots.filter((p) => wb.findSheet(p.sheetId));
  s.charts = s.charts.filter((c) => wb.findSheet(c.sheetId));
  return s;
}
const nameOf = (wb: FakeWorkbook, id: string) => wb.findSheet(id)?.name ?? "";

export function pivotState(wb: FakeWorkbook): {
  pivots: PivotModel[];
  charts: ChartModel[];
} {
  const s = store(wb);
  return {
    pivots: s.pivots.map((p) => {
      const { sheetId, source, ...rest } = p;
      const src = source.table
        ? {
            sheetId: wb.findSheet(source.table.sheet)?.id ?? "",
            r: source.table.top,
            c: source.table.left,
            h: source.table.rows,
            w: source.table.cols,
          }
        : source;
      return {
        ...rest,
        sheet: nameOf(wb, sheetId),
        source: {
          kind: source.kind,
          box: {
            sheet: nameOf(wb, src.sheetId),
            r: src.r,
            c: src.c,
            h: src.h,
            w: src.w,
          },
        },
      };
    }),
    charts: s.charts.map((c) => {
      const { sheetId, source, ...rest } = c;
      return {
        ...rest,
        sheet: nameOf(wb, sheetId),
        source: {
          sheet: nameOf(wb, source.sheetId),
          r: source.r,
          c: source.c,
          h: source.h,
          w: source.w,
        },
      };
    }),
  };
}

function atLeast(wb: FakeWorkbook, v: string): boolean {
  const [a, b] = v.split(".").map(Number) as [number, number];
  const [x, y] = (wb.options.apiVersion ?? "1.20").split(".").map(Number) as [
    number,
    number,
  ];
  return x > a || (x === a && y >= b);
}

function sourceBox(wb: FakeWorkbook, p: PivotRecord): Box {
  const t = p.source.table;
  return t
    ? { sheet: t.sheet, r: t.top, c: t.left, h: t.rows, w: t.cols }
    : {
        sheet: nameOf(wb, p.source.sheetId),
        r: p.source.r,
        c: p.source.c,
        h: p.source.h,
        w: p.source.w,
      };
}
function headersOf(wb: FakeWorkbook, b: Box): string[] {
  return Array.from({ length: b.w }, (_, j) =>
    String(wb.formulaAt(b.sheet, b.r, b.c + j)),
  );
}
function columnValues(wb: FakeWorkbook, b: Box, j: number): CellValue[] {
  return Array.from({ length: b.h - 1 }, (_, i) =>
    wb.valueAt(b.sheet, b.r + 1 + i, b.c + j),
  );
}

/** The box a pivot occupies: filters and a blank row above, headers, one row per row item, the total. */
export function pivotBox(wb: FakeWorkbook, p: PivotRecord): Box {
  const src = sourceBox(wb, p);
  const heads = headersOf(wb, src);
  const items = (f: string) =>
    new Set(columnValues(wb, src, heads.indexOf(f)).map(String)).size;
  const rowItems = p.rows.reduce((n, f) => n * items(f), 1);
  const colItems = p.columns.reduce((n, f) => n * items(f), 1);
  const above = p.filters.length ? p.filters.length + 1 : 0;
  return {
    sheet: nameOf(wb, p.sheetId),
    r: Math.max(0, p.dest.r - above),
    c: p.dest.c,
    h: above + 2 + rowItems + 1,
    w: 2 + colItems,
  };
}

class FakePivotTable {
  private rec: PivotRecord | null = null;
  constructor(
    private readonly ctx: FakeContext,
    private readonly name: string,
    create: (self: FakePivotTable) => void,
  ) {
    create(this);
  }
  bind(rec: PivotRecord): void {
    this.rec = rec;
  }
  private need(where: string): PivotRecord {
    if (!this.rec)
      throw new FakeError(
        "InvalidObjectPath",
        `the PivotTable ${this.name} was not created`,
        where,
      );
    return this.rec;
  }
  private field(where: string, name: string): string {
    const rec = this.need(where);
    if (!headersOf(this.ctx.wb, sourceBox(this.ctx.wb, rec)).includes(name))
      throw new FakeError(
        "ItemNotFound",
        `The PivotTable has no field ${name}.`,
        where,
      );
    return name;
  }
  get hierarchies() {
    return { getItem: (name: string) => ({ name }) };
  }
  private axis(which: "rows" | "columns" | "filters", cls: string) {
    return {
      add: (h: { name: string }) => {
        this.ctx.enqueue(`${cls}.add`, 60, () => {
          const rec = this.need(`${cls}.add`);
          const f = this.field(`${cls}.add`, h.name);
          // Adding to one axis removes it from the others (Excel's documented behaviour).
          for (const a of ["rows", "columns", "filters"] as const)
            rec[a] = rec[a].filter((n) => n !== f);
          rec[which].push(f);
        });
        return { name: h.name };
      },
    };
  }
  get rowHierarchies() {
    return this.axis("rows", "RowColumnPivotHierarchyCollection");
  }
  get columnHierarchies() {
    return this.axis("columns", "RowColumnPivotHierarchyCollection");
  }
  get filterHierarchies() {
    return this.axis("filters", "FilterPivotHierarchyCollection");
  }
  get dataHierarchies() {
    return {
      add: (h: { name: string }) => {
        const holder: { entry?: PivotRecord["data"][number] } = {};
        const where = "DataPivotHierarchyCollection.add";
        this.ctx.enqueue(where, 60, () => {
          const rec = this.need(where);
          const f = this.field(where, h.name);
          const src = sourceBox(this.ctx.wb, rec);
          const vals = columnValues(
            this.ctx.wb,
            src,
            headersOf(this.ctx.wb, src).indexOf(f),
          );
          const numbers =
            vals.length > 0 &&
            vals.every((v) => typeof v === "number" || v === "");
          const by = numbers ? "Sum" : "Count";
          holder.entry = { field: f, name: `${by} of ${f}`, summarizeBy: by };
          rec.data.push(holder.entry);
        });
        const ctx = this.ctx;
        return {
          set summarizeBy(v: string) {
            ctx.enqueue("DataPivotHierarchy.summarizeBy", 40, () => {
              if (!holder.entry)
                throw new FakeError(
                  "InvalidObjectPath",
                  "no data hierarchy",
                  "DataPivotHierarchy.summarizeBy",
                );
              holder.entry.summarizeBy = v;
            });
          },
        };
      },
    };
  }
  get layout() {
    const resolve = (where: string) => () => {
      const rec = this.need(where);
      if (rec.data.length === 0)
        throw new FakeError(
          "GeneralException",
          "An internal error has occurred (a pivot layout read before any data hierarchy; office-js #2926).",
          where,
        );
      const b = pivotBox(this.ctx.wb, rec);
      return { sm: this.ctx.wb.model(b.sheet), r: b.r, c: b.c, h: b.h, w: b.w };
    };
    return {
      getRange: () =>
        new FakeRange(
          this.ctx,
          "PivotLayout.getRange",
          resolve("PivotLayout.getRange"),
        ),
    };
  }
  delete(): void {
    this.ctx.enqueue("PivotTable.delete", 40, () => {
      const rec = this.need("PivotTable.delete");
      const s = store(this.ctx.wb);
      s.pivots = s.pivots.filter((p) => p !== rec);
    });
  }
}

function pivotCollection(ws: FakeWorksheet) {
  const ctx = ws.context;
  const wb = ctx.wb;
  return {
    add: (name: string, source: unknown, destination: unknown) =>
      new FakePivotTable(ctx, name, (self) =>
        ctx.enqueue("PivotTableCollection.add", 200, () => {
          const where = "PivotTableCollection.add";
          if (!atLeast(wb, "1.8"))
            throw new FakeError(
              "ApiNotFound",
              "pivotTables.add needs ExcelApi 1.8",
              where,
            );
          if (
            store(wb).pivots.some(
              (p) => p.name.toLowerCase() === name.toLowerCase(),
            )
          )
            throw new FakeError(
              "InvalidArgument",
              `a PivotTable named ${name} exists`,
              where,
            );
          let src: PivotRecord["source"];
          if (source instanceof FakeTable) {
            const t = source.model(where);
            src = {
              kind: "table",
              table: t,
              sheetId: wb.findSheet(t.sheet)!.id,
              r: t.top,
              c: t.left,
              h: t.rows,
              w: t.cols,
            };
          } else if (source instanceof FakeRange) {
            const a = source.area(where);
            src = {
              kind: "range",
              sheetId: a.sm.id,
              r: a.r,
              c: a.c,
              h: a.h,
              w: a.w,
            };
          } else
            throw new FakeError(
              "InvalidArgument",
              "the fake takes a table or a range as the pivot source",
              where,
            );
          const box = src.table
            ? { sheet: src.table.sheet, r: src.r, c: src.c, h: src.h, w: src.w }
            : {
                sheet: nameOf(wb, src.sheetId),
                r: src.r,
                c: src.c,
                h: src.h,
                w: src.w,
              };
          const heads = headersOf(wb, box);
          if (
            heads.some((h) => h === "") ||
            new Set(heads).size !== heads.length
          )
            throw new FakeError(
              "InvalidArgument",
              "The PivotTable field name is not valid (blank or repeated header).",
              where,
            );
          if (box.h < 2)
            throw new FakeError(
              "InvalidArgument",
              "the pivot source has no data rows",
              where,
            );
          if (!(destination instanceof FakeRange))
            throw new FakeError(
              "InvalidArgument",
              "destination must be a range",
              where,
            );
          const d = destination.area(where);
          const sheet = ws.sheetModel(where);
          if (d.sm !== sheet)
            throw new FakeError(
              "InvalidArgument",
              "the destination is on another sheet",
              where,
            );
          const rec: PivotRecord = {
            name,
            sheetId: sheet.id,
            source: src,
            dest: { r: d.r, c: d.c },
            rows: [],
            columns: [],
            filters: [],
            data: [],
          };
          store(wb).pivots.push(rec);
          self.bind(rec);
        }),
      ),
  };
}

function chartCollection(ws: FakeWorksheet) {
  const ctx = ws.context;
  return {
    add: (type: string, sourceData: unknown, seriesBy?: string) => {
      const holder: { rec?: ChartRecord } = {};
      ctx.enqueue("ChartCollection.add", 120, () => {
        const where = "ChartCollection.add";
        if (!(sourceData instanceof FakeRange))
          throw new FakeError(
            "InvalidArgument",
            "chart data must be a range",
            where,
          );
        const a = sourceData.area(where);
        const sheet = ws.sheetModel(where);
        holder.rec = {
          sheetId: sheet.id,
          type,
          seriesBy,
          source: { sheetId: a.sm.id, r: a.r, c: a.c, h: a.h, w: a.w },
        };
        store(ctx.wb).charts.push(holder.rec);
      });
      const need = (where: string) => {
        if (!holder.rec)
          throw new FakeError(
            "InvalidObjectPath",
            "the chart was not created",
            where,
          );
        return holder.rec;
      };
      return {
        title: {
          set text(v: string) {
            ctx.enqueue(
              "ChartTitle.text",
              40,
              () => void (need("ChartTitle.text").title = v),
            );
          },
        },
        setPosition: (start: unknown) => {
          ctx.enqueue("Chart.setPosition", 40, () => {
            if (!(start instanceof FakeRange))
              throw new FakeError(
                "InvalidArgument",
                "a range",
                "Chart.setPosition",
              );
            const a = start.area("Chart.setPosition");
            need("Chart.setPosition").position = { r: a.r, c: a.c };
          });
        },
      };
    },
  };
}

Object.defineProperty(FakeWorksheet.prototype, "pivotTables", {
  get(this: FakeWorksheet) {
    return pivotCollection(this);
  },
});
Object.defineProperty(FakeWorksheet.prototype, "charts", {
  get(this: FakeWorksheet) {
    return chartCollection(this);
  },
});

// ---- a write into a pivot's cells fails, as in Excel ----
const write = FakeWorkbook.prototype.write;
FakeWorkbook.prototype.write = function (
  this: FakeWorkbook,
  box,
  rows,
  prop,
  where,
) {
  for (const p of store(this).pivots) {
    if (p.data.length === 0) continue;
    const b = pivotBox(this, p);
    if (
      b.sheet === box.sheet &&
      box.r < b.r + b.h &&
      b.r < box.r + box.h &&
      box.c < b.c + b.w &&
      b.c < box.c + box.w
    )
      throw new FakeError(
        "InvalidOperation",
        "We can't change this part of the PivotTable.",
        where,
      );
  }
  return write.call(this, box, rows, prop, where);
};
