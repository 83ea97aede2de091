/*
 * A fake Excel host: the subset of Office.js the task pane uses, over an in-memory workbook.
 * It fails the way Excel fails — a property read before load() and sync() throws
 * PropertyNotLoaded — and it counts context.sync() calls and the bytes each request sends.
 * Self-contained (no imports) so the page test can load it in Chromium in place of office.js.
 */

export type CellValue = string | number | boolean;
interface Cell {
  v: CellValue | null;
  f?: string;
  nf?: string;
}
interface TableModel {
  name: string;
  sheet: string;
  top: number;
  left: number;
  rows: number; // header included
  cols: number;
}
export interface Box {
  sheet: string;
  r: number;
  c: number;
  h: number;
  w: number;
}
export interface ConditionalFormatRecord {
  sheet: string;
  box: Box;
  type: string;
  rule: Record<string, unknown>;
  format: { fill: { color?: string }; font: { color?: string } };
}

export interface FakeOptions {
  /** requirement sets reported as supported, e.g. { ExcelApi: "1.20" } */
  apiVersion?: string;
  displayLanguage?: string;
}

const key = (r: number, c: number) => `${r},${c}`;
const encoder = new TextEncoder();
/** Requests travel as UTF-8 JSON: a Chinese character is 3 bytes, not 1. */
const utf8Bytes = (s: string) => encoder.encode(s).length;

function boxAddress(b: Box): string {
  return `${colName(b.c)}${b.r + 1}${b.h * b.w > 1 ? `:${colName(b.c + b.w - 1)}${b.r + b.h}` : ""}`;
}

export function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class FakeWorkbook {
  readonly sheets = new Map<string, Map<string, Cell>>();
  readonly tables: TableModel[] = [];
  readonly conditionalFormats: ConditionalFormatRecord[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet = "Sheet1";
  selection: Box = { sheet: "Sheet1", r: 0, c: 0, h: 1, w: 1 };
  syncs = 0;
  /** bytes sent by each request (each sync), measured as the JSON of what it writes */
  readonly requestBytes: number[] = [];
  /** bytes each response carries back (the JSON of the loaded cell properties) */
  readonly responseBytes: number[] = [];
  runs: { mergeUndoGroup: boolean }[] = [];
  pendingBytes = 0;
  /** calculation requests in order (range.setDirty/calculate, worksheet.calculate) */
  readonly calculations: {
    kind: "setDirty" | "calculate" | "sheetCalculate";
    sheet: string;
    address: string;
  }[] = [];
  /** ids of sheets added through the API: a sheet deleted and added again gets a new one */
  readonly sheetIds = new Map<string, string>();
  private sheetCounter = 0;
  /** range.format settings in order */
  readonly formats: {
    sheet: string;
    address: string;
    prop: string;
    value: unknown;
  }[] = [];
  /** worksheet.onChanged handlers per sheet name */
  readonly changeHandlers = new Map<string, ((e: unknown) => unknown)[]>();
  /** what Office.addin.setStartupBehavior was last given */
  startupBehavior: string | undefined;

  /**
   * A user's edit as Excel reports it: the sheet's onChanged handlers run with the address.
   * (The fake does not fire events for writes made through the API; tests call this.)
   */
  async fireChanged(sheet: string, address: string): Promise<void> {
    for (const h of this.changeHandlers.get(sheet) ?? [])
      await h({
        address,
        worksheetId: sheet,
        changeType: "RangeEdited",
        source: "Local",
        type: "WorksheetChanged",
      });
  }

  /** Adds a sheet as Excel's worksheets.add does: a name of 1–31 characters, none of : \\ / ? * [ ], unique (case-insensitive). */
  addSheet(name: string): void {
    if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new FakeError("InvalidArgument", `sheet name ${name}`);
    if (
      [...this.sheets.keys()].some(
        (k) => k.toLowerCase() === name.toLowerCase(),
      )
    )
      throw new FakeError("ItemAlreadyExists", `sheet ${name}`);
    this.sheets.set(name, new Map());
    this.sheetIds.set(name, `{sheet-${++this.sheetCounter}}`);
  }

  /** The user deletes a sheet: its cells, its id and its event handlers go with it. */
  deleteSheet(name: string): void {
    this.sheet(name);
    this.sheets.delete(name);
    this.sheetIds.delete(name);
    this.changeHandlers.delete(name);
  }

  constructor(readonly options: FakeOptions = {}) {
    this.sheets.set("Sheet1", new Map());
  }

  sheet(name: string): Map<string, Cell> {
    const s = this.sheets.get(name);
    if (!s) throw new FakeError("ItemNotFound", `no sheet ${name}`);
    return s;
  }

  /** Puts values on a sheet from a top-left corner (a test's set-up, not a request). */
  setValues(
    sheet: string,
    r0: number,
    c0: number,
    rows: readonly (readonly (CellValue | null)[])[],
  ): void {
    if (!this.sheets.has(sheet)) this.sheets.set(sheet, new Map());
    const s = this.sheet(sheet);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === "") s.delete(key(r0 + i, c0 + j));
        else if (typeof v === "string" && v.startsWith("="))
          s.set(key(r0 + i, c0 + j), { v: null, f: v });
        else s.set(key(r0 + i, c0 + j), { v });
      }),
    );
  }

  addTable(
    name: string,
    sheet: string,
    top: number,
    left: number,
    rows: number,
    cols: number,
  ): void {
    this.tables.push({ name, sheet, top, left, rows, cols });
  }

  cell(sheet: string, r: number, c: number): Cell | undefined {
    return this.sheet(sheet).get(key(r, c));
  }

  /** What a cell shows as `formulas`: its formula, else its value, else "". */
  formulaAt(sheet: string, r: number, c: number): CellValue {
    const x = this.cell(sheet, r, c);
    return x?.f ?? x?.v ?? "";
  }

  valueAt(sheet: string, r: number, c: number): CellValue {
    const x = this.cell(sheet, r, c);
    if (!x) return "";
    if (x.f !== undefined) return ""; // the fake does not calculate
    return x.v ?? "";
  }

  /** Every cell's formula-or-value and number format: what "nothing else changed" compares. */
  dump(sheet: string): Record<string, { f: CellValue; nf: string }> {
    const out: Record<string, { f: CellValue; nf: string }> = {};
    for (const [k, c] of this.sheet(sheet)) {
      const f = c.f ?? c.v ?? "";
      if (f !== "" || (c.nf && c.nf !== "General"))
        out[k] = { f, nf: c.nf ?? "General" };
    }
    return out;
  }

  isEmpty(sheet: string, r: number, c: number): boolean {
    const x = this.cell(sheet, r, c);
    return !x || (x.f === undefined && (x.v === null || x.v === ""));
  }

  usedBox(sheet: string): Box | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const k of this.sheet(sheet).keys()) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (this.isEmpty(sheet, r, c)) continue;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0
      ? null
      : { sheet, r: r0, c: c0, h: r1 - r0 + 1, w: c1 - c0 + 1 };
  }

  /** Excel's current region: the box of non-blank cells connected to the cell (diagonals count). */
  regionBox(sheet: string, r: number, c: number): Box {
    let r0 = r,
      c0 = c,
      r1 = r,
      c1 = c;
    const has = (rr: number, cc: number) =>
      rr >= 0 && cc >= 0 && !this.isEmpty(sheet, rr, cc);
    const rowHas = (rr: number) => {
      for (let cc = c0 - 1; cc <= c1 + 1; cc++) if (has(rr, cc)) return true;
      return false;
    };
    const colHas = (cc: number) => {
      for (let rr = r0 - 1; rr <= r1 + 1; rr++) if (has(rr, cc)) return true;
      return false;
    };
    for (let grew = true; grew;) {
      grew = false;
      while (rowHas(r1 + 1)) {
        r1++;
        grew = true;
      }
      while (r0 > 0 && rowHas(r0 - 1)) {
        r0--;
        grew = true;
      }
      while (colHas(c1 + 1)) {
        c1++;
        grew = true;
      }
      while (c0 > 0 && colHas(c0 - 1)) {
        c0--;
        grew = true;
      }
    }
    return { sheet, r: r0, c: c0, h: r1 - r0 + 1, w: c1 - c0 + 1 };
  }

  write(
    box: Box,
    rows: unknown[][],
    prop: "values" | "formulas" | "numberFormat",
  ): void {
    if (
      !Array.isArray(rows) ||
      rows.length !== box.h ||
      rows.some((r) => !Array.isArray(r) || r.length !== box.w)
    ) {
      throw new FakeError(
        "InvalidArgument",
        `${prop}: a ${rows?.length}-row array does not fit a ${box.h}×${box.w} range`,
      );
    }
    this.pendingBytes += utf8Bytes(JSON.stringify(rows));
    const s = this.sheet(box.sheet);
    for (let i = 0; i < box.h; i++) {
      for (let j = 0; j < box.w; j++) {
        const k = key(box.r + i, box.c + j);
        const v = rows[i]![j] as CellValue | null;
        const cur = s.get(k) ?? { v: null };
        if (prop === "numberFormat") {
          cur.nf = String(v);
        } else if (typeof v === "string" && v.startsWith("=")) {
          cur.f = v;
          cur.v = null;
        } else if (typeof v === "string" && v.startsWith("'")) {
          cur.f = undefined;
          cur.v = v.slice(1);
        } else {
          cur.f = undefined;
          cur.v = v === "" ? null : v;
        }
        if (
          cur.v === null &&
          cur.f === undefined &&
          (!cur.nf || cur.nf === "General")
        )
          s.delete(k);
        else s.set(k, cur);
      }
    }
  }
}

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** A proxy object: properties requested with load() are readable only after the next sync. */
class Proxy {
  protected requested = new Set<string>();
  protected loaded: Record<string, unknown> | null = null;
  constructor(protected ctx: FakeContext) {}
  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props
          : Object.keys(props ?? {});
    for (const p of list) this.requested.add(p.trim());
    this.ctx.toLoad.add(this);
    return this;
  }
  protected read<T>(prop: string): T {
    if (!this.loaded || !(prop in this.loaded)) {
      throw new FakeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded[prop] as T;
  }
  /** whether the object can be a null object (isNullObject is then readable after any load) */
  protected nullable = false;
  /** Takes the requested properties' values now; returns the bytes they carry back. */
  materialise(): number {
    const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
    if (this.nullable) out.isNullObject = this.snapshotOf("isNullObject");
    let bytes = 0;
    for (const p of this.requested) {
      out[p] = this.snapshotOf(p);
      bytes += utf8Bytes(JSON.stringify(out[p] ?? null));
    }
    this.loaded = out;
    this.requested.clear();
    return bytes;
  }
  protected snapshotOf(_prop: string): unknown {
    return undefined;
  }
}

export class FakeRange extends Proxy {
  readonly conditionalFormats: FakeConditionalFormats;
  constructor(
    ctx: FakeContext,
    readonly box: Box | null,
  ) {
    super(ctx);
    this.nullable = true;
    this.conditionalFormats = new FakeConditionalFormats(ctx, box);
  }
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }
  protected override snapshotOf(p: string): unknown {
    const wb = this.ctx.wb;
    const b = this.box;
    if (p === "isNullObject") return b === null;
    if (!b) return null;
    const grid = (f: (r: number, c: number) => unknown) =>
      Array.from({ length: b.h }, (_, i) =>
        Array.from({ length: b.w }, (_, j) => f(b.r + i, b.c + j)),
      );
    switch (p) {
      case "address":
        return `${b.sheet}!${colName(b.c)}${b.r + 1}${b.h * b.w > 1 ? `:${colName(b.c + b.w - 1)}${b.r + b.h}` : ""}`;
      case "rowIndex":
        return b.r;
      case "columnIndex":
        return b.c;
      case "rowCount":
        return b.h;
      case "columnCount":
        return b.w;
      case "values":
        return grid((r, c) => wb.valueAt(b.sheet, r, c));
      case "formulas":
        return grid((r, c) => wb.formulaAt(b.sheet, r, c));
      case "numberFormat":
        return grid((r, c) => wb.cell(b.sheet, r, c)?.nf ?? "General");
      default:
        throw new FakeError(
          "InvalidArgument",
          `the fake range cannot load '${p}'`,
        );
    }
  }
  private need(): Box {
    if (!this.box)
      throw new FakeError("InvalidObjectPath", "the range is a null object");
    return this.box;
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.ctx.wb.write(this.need(), v, "values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.ctx.wb.write(this.need(), v, "formulas");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.wb.write(this.need(), v, "numberFormat");
  }

  getSurroundingRegion(): FakeRange {
    const b = this.need();
    return new FakeRange(this.ctx, this.ctx.wb.regionBox(b.sheet, b.r, b.c));
  }
  getTables(_fullyContained?: boolean): FakeTableCollection {
    const b = this.need();
    const found = this.ctx.wb.tables.filter(
      (x) =>
        x.sheet === b.sheet &&
        b.r < x.top + x.rows &&
        x.top < b.r + b.h &&
        b.c < x.left + x.cols &&
        x.left < b.c + b.w,
    );
    return new FakeTableCollection(this.ctx, found);
  }
  /** Cell formatting (font, fill, width, wrap): recorded in `wb.formats`, not rendered. */
  get format() {
    const b = this.need();
    const wb = this.ctx.wb;
    const rec = (prop: string, value: unknown) =>
      wb.formats.push({ sheet: b.sheet, address: boxAddress(b), prop, value });
    return {
      set columnWidth(v: number) {
        rec("columnWidth", v);
      },
      set wrapText(v: boolean) {
        rec("wrapText", v);
      },
      font: {
        set bold(v: boolean) {
          rec("font.bold", v);
        },
      },
      fill: {
        set color(v: string) {
          rec("fill.color", v);
        },
      },
    };
  }
  calculate(): void {
    const b = this.need();
    this.ctx.wb.calculations.push({
      kind: "calculate",
      sheet: b.sheet,
      address: boxAddress(b),
    });
  }
  setDirty(): void {
    const b = this.need();
    this.ctx.wb.calculations.push({
      kind: "setDirty",
      sheet: b.sheet,
      address: boxAddress(b),
    });
  }
  select(): void {
    this.ctx.wb.selection = this.need();
  }
}

class FakeConditionalFormats {
  constructor(
    private ctx: FakeContext,
    private box: Box | null,
  ) {}
  add(type: string) {
    if (!this.box) throw new FakeError("InvalidObjectPath", "null range");
    const rec: ConditionalFormatRecord = {
      sheet: this.box.sheet,
      box: this.box,
      type,
      rule: {},
      format: { fill: {}, font: {} },
    };
    this.ctx.wb.conditionalFormats.push(rec);
    this.ctx.wb.pendingBytes += 200;
    const part = { format: rec.format, rule: rec.rule };
    const holder = {
      get rule() {
        return rec.rule;
      },
      set rule(v: Record<string, unknown>) {
        Object.assign(rec.rule, v);
      },
      format: rec.format,
    };
    void part;
    return { cellValue: holder, custom: holder };
  }
  clearAll(): void {
    const b = this.box;
    if (!b) return;
    const list = this.ctx.wb.conditionalFormats;
    for (let i = list.length - 1; i >= 0; i--) {
      const x = list[i]!.box;
      if (
        x.sheet === b.sheet &&
        x.r < b.r + b.h &&
        b.r < x.r + x.h &&
        x.c < b.c + b.w &&
        b.c < x.c + x.w
      )
        list.splice(i, 1);
    }
  }
}

export class FakeTable extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly model: TableModel | null,
  ) {
    super(ctx);
    this.nullable = true;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  protected override snapshotOf(p: string): unknown {
    if (p === "isNullObject") return this.model === null;
    if (p === "name") return this.model?.name ?? null;
    throw new FakeError("InvalidArgument", `the fake table cannot load '${p}'`);
  }
  private need(): TableModel {
    if (!this.model)
      throw new FakeError("InvalidObjectPath", "the table is a null object");
    return this.model;
  }
  getRange(): FakeRange {
    const t = this.need();
    return new FakeRange(this.ctx, {
      sheet: t.sheet,
      r: t.top,
      c: t.left,
      h: t.rows,
      w: t.cols,
    });
  }
  getHeaderRowRange(): FakeRange {
    const t = this.need();
    return new FakeRange(this.ctx, {
      sheet: t.sheet,
      r: t.top,
      c: t.left,
      h: 1,
      w: t.cols,
    });
  }
  get columns() {
    const t = this.need();
    const wb = this.ctx.wb;
    return {
      add: (_index?: number, _values?: unknown, name?: string) => {
        const c = t.left + t.cols;
        for (let r = t.top; r < t.top + t.rows; r++) {
          if (!wb.isEmpty(t.sheet, r, c))
            throw new FakeError(
              "InsertDeleteConflict",
              `cell ${colName(c)}${r + 1} is not empty`,
            );
        }
        t.cols++;
        wb.setValues(t.sheet, t.top, c, [[name ?? `Column${t.cols}`]]);
        wb.pendingBytes += 50;
      },
      getItem: (name: string) => ({
        delete: () => {
          let idx = -1;
          for (let j = 0; j < t.cols; j++)
            if (wb.formulaAt(t.sheet, t.top, t.left + j) === name) idx = j;
          if (idx < 0)
            throw new FakeError("ItemNotFound", `no table column ${name}`);
          if (idx !== t.cols - 1)
            throw new FakeError(
              "NotImplemented",
              "the fake deletes only the last table column",
            );
          for (let r = t.top; r < t.top + t.rows; r++)
            wb.sheet(t.sheet).delete(key(r, t.left + idx));
          t.cols--;
          wb.pendingBytes += 50;
        },
      }),
    };
  }
}

class FakeTableCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly models: TableModel[],
  ) {}
  /** A ClientResult: its value is readable after the next sync. */
  getCount(): { readonly value: number } {
    const ctx = this.ctx;
    const synced = ctx.wb.syncs;
    const n = this.models.length;
    return {
      get value(): number {
        if (ctx.wb.syncs === synced)
          throw new FakeError(
            "PropertyNotLoaded",
            "a ClientResult is read before context.sync()",
          );
        return n;
      },
    };
  }
  getFirst(): FakeTable {
    const m = this.models[0];
    if (!m) throw new FakeError("ItemNotFound", "the range has no table");
    return new FakeTable(this.ctx, m);
  }
}

export class FakeWorksheet extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    nullable = false,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  protected override snapshotOf(p: string): unknown {
    if (p === "isNullObject") return !this.ctx.wb.sheets.has(this.sheetName);
    if (p === "name") return this.sheetName;
    if (p === "id")
      return this.ctx.wb.sheetIds.get(this.sheetName) ?? `{${this.sheetName}}`;
    throw new FakeError("InvalidArgument", `the fake sheet cannot load '${p}'`);
  }
  /** the name without a load: for sheets listed by worksheets.items */
  preload(): this {
    this.loaded = { name: this.sheetName };
    return this;
  }
  activate(): void {
    this.ctx.wb.sheet(this.sheetName);
    this.ctx.wb.activeSheet = this.sheetName;
  }
  calculate(_markAllDirty: boolean): void {
    this.ctx.wb.calculations.push({
      kind: "sheetCalculate",
      sheet: this.sheetName,
      address: "",
    });
  }
  get onChanged() {
    const wb = this.ctx.wb;
    return {
      add: (h: (e: unknown) => unknown) => {
        wb.sheet(this.sheetName);
        const list = wb.changeHandlers.get(this.sheetName) ?? [];
        list.push(h);
        wb.changeHandlers.set(this.sheetName, list);
        return { remove: () => list.splice(list.indexOf(h), 1) };
      },
    };
  }
  getRangeByIndexes(r: number, c: number, h: number, w: number): FakeRange {
    if (h < 1 || w < 1) throw new FakeError("InvalidArgument", "empty range");
    return new FakeRange(this.ctx, { sheet: this.sheetName, r, c, h, w });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.ctx.wb.usedBox(this.sheetName));
  }
  get tables() {
    return {
      getItem: (name: string) => {
        const t = this.ctx.wb.tables.find(
          (x) => x.name === name && x.sheet === this.sheetName,
        );
        if (!t) throw new FakeError("ItemNotFound", `no table ${name}`);
        return new FakeTable(this.ctx, t);
      },
    };
  }
}

class FakeWorksheetCollection extends Proxy {
  override load(_props?: string | string[] | Record<string, unknown>): this {
    return super.load("items");
  }
  protected override snapshotOf(p: string): unknown {
    if (p === "items") return [...this.ctx.wb.sheets.keys()];
    throw new FakeError(
      "InvalidArgument",
      `the fake sheets cannot load '${p}'`,
    );
  }
  get items(): FakeWorksheet[] {
    return this.read<string[]>("items").map((n) =>
      new FakeWorksheet(this.ctx, n).preload(),
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.wb.activeSheet);
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.wb.sheet(name);
    return new FakeWorksheet(this.ctx, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.wb.addSheet(name);
    return new FakeWorksheet(this.ctx, name);
  }
}

export class FakeContext {
  readonly toLoad = new Set<Proxy>();
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly wb: FakeWorkbook) {
    this.worksheets = new FakeWorksheetCollection(this);
  }
  get workbook() {
    const wb = this.wb;
    return {
      worksheets: this.worksheets,
      getSelectedRange: () => new FakeRange(this, wb.selection),
    };
  }
  async sync(): Promise<void> {
    await Promise.resolve();
    this.wb.syncs++;
    this.wb.requestBytes.push(this.wb.pendingBytes);
    this.wb.pendingBytes = 0;
    let response = 0;
    for (const p of this.toLoad) response += p.materialise();
    this.wb.responseBytes.push(response);
    this.toLoad.clear();
  }
}

/** Installs globals `Excel` and `Office` backed by the workbook; returns it. */
export function installFakeOffice(
  wb: FakeWorkbook,
  target: Record<string, unknown> = globalThis as unknown as Record<
    string,
    unknown
  >,
): FakeWorkbook {
  const version = wb.options.apiVersion ?? "1.20";
  const atLeast = (v: string) => {
    const [a, b] = v.split(".").map(Number) as [number, number];
    const [x, y] = version.split(".").map(Number) as [number, number];
    return x > a || (x === a && y >= b);
  };
  target.Excel = {
    ConditionalFormatType: {
      cellValue: "CellValue",
      custom: "Custom",
      containsText: "ContainsText",
    },
    run: async (a: unknown, b?: unknown) => {
      const options = (typeof a === "function" ? {} : a) as {
        mergeUndoGroup?: boolean;
      };
      const batch = (typeof a === "function" ? a : b) as (
        ctx: FakeContext,
      ) => Promise<unknown>;
      wb.runs.push({ mergeUndoGroup: !!options.mergeUndoGroup });
      const ctx = new FakeContext(wb);
      const result = await batch(ctx);
      if (wb.pendingBytes > 0) await ctx.sync(); // Excel.run flushes queued writes at the end
      return result;
    },
  };
  // Custom functions register here, as in Excel's shared runtime; tests call them by id.
  const registered: Record<string, (...args: unknown[]) => unknown> = {};
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? "");
    }
  }
  target.CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => {
      registered[id] = fn;
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      invalidNumber: "#NUM!",
    },
  };
  target.__customFunctions = registered;
  target.Office = {
    StartupBehavior: { load: "Load", none: "None" },
    addin: {
      setStartupBehavior: async (b: string) => {
        wb.startupBehavior = b;
      },
    },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: wb.options.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported: (name: string, v?: string) =>
          name === "ExcelApi" && atLeast(v ?? "1.1"),
      },
      document: {
        settings: {
          get: (k: string) =>
            wb.settings.has(k) ? structuredClone(wb.settings.get(k)) : null,
          set: (k: string, v: unknown) =>
            wb.settings.set(k, structuredClone(v)),
          saveAsync: (cb?: (r: { status: string }) => void) =>
            setTimeout(() => cb?.({ status: "succeeded" }), 0),
        },
      },
    },
  };
  return wb;
}
