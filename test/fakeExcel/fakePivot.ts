/*
 * The fake Excel host's sheets, PivotTables and charts: what the report and follow-up tools
 * use beyond fakeExcel.ts. Importing this file extends the fake's classes (additive, so the
 * main fake stays as it is); state lives per workbook.
 *
 * It fails like Excel where the tools could go wrong:
 * - `pivotTables.add` needs ExcelApi 1.8 (ApiNotFound below it); a pivot name is unique in the
 *   workbook; every header of the source must be a non-empty, distinct field name.
 * - reading a pivot's layout before it has a data hierarchy fails (Excel crashes, office-js #2926).
 * - a pivot's source cannot be changed (office-js #1504: no setter, delete and recreate).
 * - a data hierarchy over a column of numbers defaults to Sum, over text to Count, as Excel does.
 * - a write into a pivot's cells fails; the last sheet cannot be deleted; a rename follows the
 *   fake's own sheet-name rules (1–31 characters without []:*?/\, unique).
 * What it does not model: pivot values (a test computes counts from the source itself), chart
 * rendering, the pivot's exact size (its layout box is an estimate from the distinct items).
 */
import {
  type Box,
  FakeContext,
  FakeError,
  FakeRange,
  FakeTable,
  FakeWorkbook,
  FakeWorksheet,
} from "./fakeExcel";

export interface PivotModel {
  name: string;
  sheet: string;
  source: { kind: "table" | "range"; box: Box; table?: string };
  dest: { r: number; c: number };
  rows: string[];
  columns: string[];
  filters: string[];
  data: { field: string; name: string; summarizeBy: string }[];
}
export interface ChartModel {
  sheet: string;
  type: string;
  source: Box;
  seriesBy?: string;
  title?: string;
  position?: string;
}
interface State {
  pivots: PivotModel[];
  charts: ChartModel[];
  ids: Map<string, string>;
  next: number;
}

const states = new WeakMap<FakeWorkbook, State>();
export function pivotState(wb: FakeWorkbook): State {
  let s = states.get(wb);
  if (!s) {
    s = { pivots: [], charts: [], ids: new Map(), next: 1 };
    states.set(wb, s);
  }
  return s;
}
function idOf(wb: FakeWorkbook, sheet: string): string {
  const s = pivotState(wb);
  let id = s.ids.get(sheet);
  if (!id) s.ids.set(sheet, (id = `{sheet-${s.next++}}`));
  return id;
}
function sheetById(wb: FakeWorkbook, key: string): string | undefined {
  if (wb.sheets.has(key)) return key;
  for (const [name, id] of pivotState(wb).ids)
    if (id === key && wb.sheets.has(name)) return name;
  return undefined;
}
function atLeast(wb: FakeWorkbook, v: string): boolean {
  const [a, b] = v.split(".").map(Number) as [number, number];
  const [x, y] = (wb.options.apiVersion ?? "1.20").split(".").map(Number) as [
    number,
    number,
  ];
  return x > a || (x === a && y >= b);
}
const overlaps = (a: Box, b: Box) =>
  a.sheet === b.sheet &&
  a.r < b.r + b.h &&
  b.r < a.r + a.h &&
  a.c < b.c + b.w &&
  b.c < a.c + a.w;

/** The box a pivot occupies: filters, a blank row, headers, one row per row item, the total. */
export function pivotBox(wb: FakeWorkbook, p: PivotModel): Box {
  const items = (field: string) => {
    const { box } = p.source;
    const headers = Array.from({ length: box.w }, (_, j) =>
      String(wb.formulaAt(box.sheet, box.r, box.c + j)),
    );
    const j = headers.indexOf(field);
    const set = new Set<string>();
    for (let i = 1; i < box.h; i++)
      set.add(String(wb.valueAt(box.sheet, box.r + i, box.c + j)));
    return set.size;
  };
  const rowItems = p.rows.reduce((n, f) => n * items(f), 1);
  const colItems = p.columns.reduce((n, f) => n * items(f), 1);
  const top = p.dest.r - (p.filters.length ? p.filters.length + 1 : 0);
  return {
    sheet: p.sheet,
    r: Math.max(0, top),
    c: p.dest.c,
    h: (p.filters.length ? p.filters.length + 1 : 0) + 2 + rowItems + 1,
    w: 1 + colItems + 1,
  };
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

function nullSheet(ctx: FakeContext): FakeWorksheet {
  const ws = new FakeWorksheet(ctx, "\u0000null");
  (ws as unknown as { isNull: boolean }).isNull = true;
  return ws;
}

// ---- worksheets.getItem / getItemOrNullObject also by id, as in Excel ----
type Coll = { ctx: FakeContext } & Record<string, unknown>;
let collectionPatched = false;
function patchCollection(coll: object): void {
  const proto = Object.getPrototypeOf(coll) as Record<string, unknown>;
  const getItem = proto.getItem as (this: Coll, key: string) => FakeWorksheet;
  proto.getItem = function (this: Coll, key: string) {
    return getItem.call(this, sheetById(this.ctx.wb, key) ?? key);
  };
  proto.getItemOrNullObject = function (this: Coll, key: string) {
    const name = sheetById(this.ctx.wb, key);
    return name ? new FakeWorksheet(this.ctx, name) : nullSheet(this.ctx);
  };
}
const workbookGetter = Object.getOwnPropertyDescriptor(
  FakeContext.prototype,
  "workbook",
)!.get!;
Object.defineProperty(FakeContext.prototype, "workbook", {
  get(this: FakeContext) {
    const base = workbookGetter.call(this) as { worksheets: object };
    if (!collectionPatched) {
      patchCollection(base.worksheets);
      collectionPatched = true;
    }
    return base;
  },
});

// ---- worksheet: id, isNullObject (by id too), rename, delete, pivotTables, charts ----
const proto = FakeWorksheet.prototype as unknown as Record<string, unknown>;
const origSnapshot = proto.snapshotOf as (
  this: FakeWorksheet,
  p: string,
) => unknown;
type WS = FakeWorksheet & {
  ctx: FakeContext;
  isNull?: boolean;
  sheetName: string;
  read<T>(p: string): T;
  nullable: boolean;
};
proto.snapshotOf = function (this: WS, p: string): unknown {
  if (p === "isNullObject") return !!this.isNull;
  if (this.isNull) return null;
  if (p === "id") return idOf(this.ctx.wb, this.sheetName);
  return origSnapshot.call(this, p);
};
const origLoad = proto.load as (this: WS, p?: unknown) => WS;
proto.load = function (this: WS, p?: unknown) {
  this.nullable = true;
  return origLoad.call(this, p);
};
const nameGetter = Object.getOwnPropertyDescriptor(
  FakeWorksheet.prototype,
  "name",
)!.get!;
Object.defineProperty(FakeWorksheet.prototype, "name", {
  get: nameGetter,
  set(this: WS, name: string) {
    const wb = this.ctx.wb;
    const old = this.sheetName;
    if (name === old) return;
    if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name))
      throw new FakeError("InvalidArgument", `invalid sheet name ${name}`);
    if (
      [...wb.sheets.keys()].some(
        (n) => n !== old && n.toLowerCase() === name.toLowerCase(),
      )
    )
      throw new FakeError("InvalidArgument", `a sheet named ${name} exists`);
    const cells = wb.sheet(old);
    wb.sheets.delete(old);
    wb.sheets.set(name, cells);
    const st = pivotState(wb);
    const id = idOf(wb, old);
    st.ids.delete(old);
    st.ids.set(name, id);
    for (const t of wb.tables) if (t.sheet === old) t.sheet = name;
    for (const p of st.pivots) {
      if (p.sheet === old) p.sheet = name;
      if (p.source.box.sheet === old) p.source.box.sheet = name;
    }
    for (const c of st.charts) if (c.sheet === old) c.sheet = name;
    if (wb.activeSheet === old) wb.activeSheet = name;
    (this as unknown as { sheetName: string }).sheetName = name;
    wb.pendingBytes += 40;
  },
});
Object.defineProperty(FakeWorksheet.prototype, "id", {
  get(this: WS) {
    return this.read<string>("id");
  },
});
Object.defineProperty(FakeWorksheet.prototype, "isNullObject", {
  get(this: WS) {
    return this.read<boolean>("isNullObject");
  },
});
proto.delete = function (this: WS) {
  const wb = this.ctx.wb;
  if (this.isNull)
    throw new FakeError("InvalidObjectPath", "the sheet is a null object");
  if (wb.sheets.size <= 1)
    throw new FakeError("InvalidOperation", "a workbook must keep one sheet");
  const name = this.sheetName;
  wb.sheet(name);
  wb.sheets.delete(name);
  const st = pivotState(wb);
  st.pivots = st.pivots.filter((p) => p.sheet !== name);
  st.charts = st.charts.filter((c) => c.sheet !== name);
  for (let i = wb.tables.length - 1; i >= 0; i--)
    if (wb.tables[i]!.sheet === name) wb.tables.splice(i, 1);
  if (wb.activeSheet === name)
    wb.activeSheet = wb.sheets.keys().next().value as string;
  wb.pendingBytes += 40;
};

function boxOf(x: unknown): Box {
  const b = (x as { box?: Box | null }).box;
  if (!b) throw new FakeError("InvalidArgument", "not a range");
  return b;
}

class FakePivotTable {
  constructor(
    private readonly ctx: FakeContext,
    readonly model: PivotModel,
  ) {}
  get name(): string {
    return this.model.name;
  }
  private hierarchy(name: string) {
    const { box } = this.model.source;
    const wb = this.ctx.wb;
    for (let j = 0; j < box.w; j++)
      if (String(wb.formulaAt(box.sheet, box.r, box.c + j)) === name)
        return { name, column: j };
    throw new FakeError("ItemNotFound", `the PivotTable has no field ${name}`);
  }
  get hierarchies() {
    return { getItem: (name: string) => this.hierarchy(name) };
  }
  private axis(which: "rows" | "columns" | "filters") {
    return {
      add: (h: { name: string }) => {
        const m = this.model;
        // Adding to one axis removes it from the others (Excel's documented behaviour).
        for (const a of ["rows", "columns", "filters"] as const)
          m[a] = m[a].filter((n) => n !== h.name);
        m[which].push(h.name);
        this.ctx.wb.pendingBytes += 60;
        return { name: h.name };
      },
      getCount: () => ({ value: this.model[which].length }),
    };
  }
  get rowHierarchies() {
    return this.axis("rows");
  }
  get columnHierarchies() {
    return this.axis("columns");
  }
  get filterHierarchies() {
    return this.axis("filters");
  }
  get dataHierarchies() {
    return {
      add: (h: { name: string; column: number }) => {
        const { box } = this.model.source;
        const wb = this.ctx.wb;
        let numbers = 0;
        let texts = 0;
        for (let i = 1; i < box.h; i++) {
          const v = wb.valueAt(box.sheet, box.r + i, box.c + h.column);
          if (typeof v === "number") numbers++;
          else if (v !== "") texts++;
        }
        const entry = {
          field: h.name,
          name: `Count of ${h.name}`,
          summarizeBy: texts > 0 || numbers === 0 ? "Count" : "Sum",
        };
        entry.name = `${entry.summarizeBy === "Sum" ? "Sum" : "Count"} of ${h.name}`;
        this.model.data.push(entry);
        this.ctx.wb.pendingBytes += 60;
        return {
          get summarizeBy() {
            return entry.summarizeBy;
          },
          set summarizeBy(v: string) {
            entry.summarizeBy = v;
          },
          get name() {
            return entry.name;
          },
          set name(v: string) {
            entry.name = v;
          },
        };
      },
    };
  }
  get layout() {
    const need = () => {
      if (this.model.data.length === 0)
        throw new FakeError(
          "GeneralException",
          "An internal error has occurred (a pivot layout read before any data hierarchy; office-js #2926)",
        );
    };
    return {
      getRange: () => {
        need();
        return new FakeRange(this.ctx, pivotBox(this.ctx.wb, this.model));
      },
      getDataBodyRange: () => {
        need();
        const b = pivotBox(this.ctx.wb, this.model);
        return new FakeRange(this.ctx, { ...b, r: b.r + b.h - 1, h: 1 });
      },
    };
  }
  delete(): void {
    const st = pivotState(this.ctx.wb);
    st.pivots = st.pivots.filter((p) => p !== this.model);
  }
}

function pivotCollection(ctx: FakeContext, sheet: string | null) {
  const wb = ctx.wb;
  const st = () => pivotState(wb);
  return {
    add: (name: string, source: unknown, destination: unknown) => {
      if (!atLeast(wb, "1.8"))
        throw new FakeError(
          "ApiNotFound",
          "pivotTables.add needs ExcelApi 1.8",
        );
      if (st().pivots.some((p) => p.name.toLowerCase() === name.toLowerCase()))
        throw new FakeError(
          "InvalidArgument",
          `a PivotTable named ${name} exists`,
        );
      let src: PivotModel["source"];
      if (source instanceof FakeTable) {
        const t = source.model!;
        src = {
          kind: "table",
          table: t.name,
          box: { sheet: t.sheet, r: t.top, c: t.left, h: t.rows, w: t.cols },
        };
      } else if (source instanceof FakeRange)
        src = { kind: "range", box: { ...boxOf(source) } };
      else
        throw new FakeError(
          "InvalidArgument",
          "the fake takes a table or a range as the pivot source",
        );
      const heads = Array.from({ length: src.box.w }, (_, j) =>
        String(wb.formulaAt(src.box.sheet, src.box.r, src.box.c + j)),
      );
      if (heads.some((h) => h === "") || new Set(heads).size !== heads.length)
        throw new FakeError(
          "InvalidArgument",
          "The PivotTable field name is not valid (blank or repeated header)",
        );
      if (src.box.h < 2)
        throw new FakeError(
          "InvalidArgument",
          "the pivot source has no data rows",
        );
      const d = boxOf(destination);
      if (sheet !== null && d.sheet !== sheet)
        throw new FakeError("InvalidArgument", "destination on another sheet");
      const model: PivotModel = {
        name,
        sheet: d.sheet,
        source: src,
        dest: { r: d.r, c: d.c },
        rows: [],
        columns: [],
        filters: [],
        data: [],
      };
      st().pivots.push(model);
      wb.pendingBytes += 200;
      return new FakePivotTable(ctx, model);
    },
    getItemOrNullObject: (name: string) => {
      const m = st().pivots.find(
        (p) => p.name === name && (sheet === null || p.sheet === sheet),
      );
      return m ? new FakePivotTable(ctx, m) : null;
    },
    getCount: () => ({
      value: st().pivots.filter((p) => sheet === null || p.sheet === sheet)
        .length,
    }),
  };
}

Object.defineProperty(FakeWorksheet.prototype, "pivotTables", {
  get(this: WS) {
    return pivotCollection(this.ctx, this.sheetName);
  },
});
Object.defineProperty(FakeWorksheet.prototype, "charts", {
  get(this: WS) {
    const ctx = this.ctx;
    const sheet = this.sheetName;
    return {
      add: (type: string, sourceData: unknown, seriesBy?: string) => {
        const source = boxOf(sourceData);
        if (source.sheet !== sheet)
          throw new FakeError("InvalidArgument", "chart data on another sheet");
        const model: ChartModel = {
          sheet,
          type,
          source: { ...source },
          seriesBy,
        };
        pivotState(ctx.wb).charts.push(model);
        ctx.wb.pendingBytes += 120;
        return {
          title: {
            set text(v: string) {
              model.title = v;
            },
          },
          setPosition: (start: unknown) => {
            const b = boxOf(start);
            model.position = `${b.r},${b.c}`;
          },
        };
      },
    };
  },
});

// ---- a write into a pivot's cells fails, as in Excel ----
const origWrite = FakeWorkbook.prototype.write;
FakeWorkbook.prototype.write = function (this: FakeWorkbook, box, rows, prop) {
  for (const p of pivotState(this).pivots)
    if (p.data.length > 0 && overlaps(box as Box, pivotBox(this, p)))
      throw new FakeError(
        "InvalidOperation",
        "cannot change part of a PivotTable",
      );
  return origWrite.call(this, box, rows, prop);
};
