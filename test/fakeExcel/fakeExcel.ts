/*
 * A fake Excel host: the subset of Office.js the add-in uses, over an in-memory workbook, made to
 * fail the way Excel fails. What it models, and where it cannot be faithful, is listed in the
 * README ("The fake Excel host"); each point has its own test in test/fakeExcel/*.test.ts.
 *
 * Self-contained (no imports, no Node APIs) so the page test can transpile this one file and load
 * it in Chromium in place of office.js.
 *
 * Sources the behaviour is modelled on (learn.microsoft.com, Office.js reference, and the copy of
 * office.js in node_modules/@microsoft/office-js):
 * - OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo.errorLocation):
 *   https://learn.microsoft.com/javascript/api/office/officeextension.error and
 *   https://learn.microsoft.com/javascript/api/office/officeextension.debuginfo
 * - PropertyNotLoaded: office.js throws it with debugInfo.errorLocation "<Class>.<property>".
 * - isNullObject of a *OrNullObject proxy is readable after context.sync() (no load needed):
 *   https://learn.microsoft.com/javascript/api/office/officeextension.clientobject
 * - RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (OfficeExtension error
 *   codes in office.js); 5 MB on Excel on the web (PLATFORM notes; "Resource limits and
 *   performance optimization for Office Add-ins").
 * - Range.values: "If the returned value starts with a plus, minus, or equal sign, Excel
 *   interprets this value as a formula ... use a locale-neutral format like ISO (YYYY-MM-DD)"
 *   (Excel.Range, @types/office-js).
 * - TableColumnCollection.add: "If null or -1, the addition happens at the end. Columns with a
 *   higher index will be shifted to the side."
 * - WorksheetCustomProperty.key: "case-insensitive ... limited to 255 characters (larger values
 *   will cause an InvalidArgument error to be thrown.)"
 */

export type CellValue = string | number | boolean;
export interface Cell {
  /** the value (for a formula: the computed value, which the fake does not compute: null) */
  v: CellValue | null;
  f?: string;
  nf?: string;
  fill?: string;
  /** Excel's default is locked; only matters on a protected sheet */
  locked?: boolean;
  /** the value is an error such as #N/A typed by the user */
  err?: boolean;
}
export interface TableModel {
  id: string;
  name: string;
  sheet: string;
  top: number;
  left: number;
  /** whole table: header + body + totals row when shown */
  rows: number;
  cols: number;
  showTotals: boolean;
  /** calculated columns: column offset → the formula of its first body cell */
  calculated: Map<number, string>;
}
export interface Box {
  sheet: string;
  r: number;
  c: number;
  h: number;
  w: number;
}
export interface ConditionalFormatRecord {
  id: string;
  sheet: string;
  /** the cells it applies to; a clear can trim one rule into several areas */
  areas: Box[];
  /** the first area (compatibility: most rules have one) */
  readonly box: Box;
  type: string;
  rule: Record<string, unknown>;
  format: { fill: { color?: string }; font: { color?: string } };
}
export interface NameRecord {
  name: string;
  /** null once its cells were deleted (Excel shows #REF!) */
  box: Box | null;
  comment?: string;
  /** a worksheet-scoped name: the sheet's id */
  scope?: string;
}
/** A calculation request: range.setDirty / range.calculate (address on the sheet), worksheet.calculate, application.calculate. */
export interface CalcRequest {
  kind: "setDirty" | "calculate" | "sheetCalculate" | "applicationCalculate";
  sheet: string;
  /** the range's address without the sheet ("E2:E4"); "" for a whole sheet or workbook */
  address: string;
  markAllDirty?: boolean;
}
/** A cell-format setting the fake records but does not render (font, width, wrap) — fills are also kept per cell. */
export interface FormatRecord {
  sheet: string;
  address: string;
  prop: string;
  value: unknown;
}
export interface RequestRecord {
  /** bytes of the request JSON (UTF-8) and of the response */
  bytes: number;
  responseBytes: number;
  actions: number;
  cellsWritten: number;
  cellsRead: number;
  /** the sync failed (the error's code) */
  failed?: string;
}

export interface FakeOptions {
  /** requirement sets reported as supported, e.g. "1.20" for ExcelApi 1.20 */
  apiVersion?: string;
  displayLanguage?: string;
  /** request/response limit in bytes (Excel on the web: 5 MB) */
  payloadLimit?: number;
  /** cell limit of one read (Excel: 5,000,000) */
  readCellLimit?: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5000000;

const encoder = new TextEncoder();
/** Requests travel as UTF-8 JSON: a Chinese character is 3 bytes, not 1. */
export const utf8Bytes = (s: string): number => encoder.encode(s).length;
const jsonBytes = (x: unknown): number => utf8Bytes(JSON.stringify(x ?? null));
/** An estimate of the JSON an action carries besides its arguments (ids, action type, object path); not measured against office.js. */
const ACTION_BYTES = 120;

export function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// ---------------------------------------------------------------------------------------------
// Errors shaped like OfficeExtension.Error

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
}

export class FakeError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: DebugInfo;
  traceMessages: string[] = [];
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(`${code}: ${message}`);
    this.debugInfo = { code, message, errorLocation };
  }
}

const ERR = {
  notLoaded: (where: string) =>
    new FakeError(
      "PropertyNotLoaded",
      `The property '${where.split(".").pop()}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      where,
    ),
};

// ---------------------------------------------------------------------------------------------
// How Excel reads typed text (and text written through range.values / range.formulas)

const ERROR_LITERALS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
]);

/** Days from 1899-12-30 (Excel's 1900 date system, leap-year bug included for dates after 1900-03-01). */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

export interface Parsed {
  v: CellValue | null;
  f?: string;
  /** a number format Excel applies because of how the text looked (dates, percents) */
  nf?: string;
  err?: boolean;
}

/**
 * What Excel stores when this text is typed into a cell (en-US / zh-CN conventions).
 * Differences from Excel are listed in the README.
 */
export function parseTyped(text: string, numberFormat?: string): Parsed {
  if (numberFormat === "@") return { v: text === "" ? null : text };
  if (text === "") return { v: null };
  if (text.startsWith("'"))
    return { v: text.slice(1) === "" ? null : text.slice(1) };
  if (text.length > 1 && text.startsWith("=")) return { v: null, f: text };
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === "TRUE") return { v: true };
  if (upper === "FALSE") return { v: false };
  if (ERROR_LITERALS.has(upper)) return { v: upper, err: true };
  // numbers: 00123, -1.5, 1,234.5, 1e3, 50%
  const num =
    /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%?)$/.exec(t);
  if (num && /\d/.test((num[2] ?? "") + (num[3] ?? ""))) {
    const n = Number(
      `${num[1] ?? ""}${(num[2] ?? "").replace(/,/g, "") || "0"}${num[3] ?? ""}${num[4] !== undefined ? `e${num[4]}` : ""}`,
    );
    if (Number.isFinite(n)) {
      if (num[5]) return { v: n / 100, nf: "0%" };
      return { v: n };
    }
  }
  // ISO and slashed dates: 2026-11-25, 2026/11/25 (Range.values docs: ISO dates are stored as dates)
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const s = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (s !== null) return { v: s, nf: "yyyy-mm-dd" };
  }
  // a leading + or - that is not a number: Excel makes it a formula (Range.values docs)
  if (t.length > 1 && (t.startsWith("+") || t.startsWith("-")))
    return { v: null, f: `=${t}` };
  return { v: text };
}

// ---------------------------------------------------------------------------------------------
// Formula references: shifted when rows move (sort, calculated columns) or columns are inserted

const REF =
  /('(?:[^']|'')+'!|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*!)?(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(])/g;

/** Applies fn to every A1 reference outside string literals. */
function mapRefs(
  formula: string,
  fn: (
    sheet: string | undefined,
    absC: boolean,
    c: number,
    absR: boolean,
    r: number,
  ) => string,
): string {
  const parts = formula.split('"');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!.replace(
      REF,
      (
        m,
        sh: string | undefined,
        ac: string,
        cl: string,
        ar: string,
        rw: string,
        off: number,
        all: string,
      ) => {
        const before = all[off - 1];
        if (before && /[A-Za-z0-9_.]/.test(before)) return m; // part of a name such as SALES.X1
        const sheet = sh
          ? sh.startsWith("'")
            ? sh.slice(1, -2).replace(/''/g, "'")
            : sh.slice(0, -1)
          : undefined;
        return fn(sheet, ac === "$", colIndex(cl), ar === "$", Number(rw) - 1);
      },
    );
  }
  return parts.join('"');
}
const refText = (
  sheetPart: string,
  absC: boolean,
  c: number,
  absR: boolean,
  r: number,
) => `${sheetPart}${absC ? "$" : ""}${colName(c)}${absR ? "$" : ""}${r + 1}`;
/** How Excel writes a sheet name before "!": quoted when it has spaces or punctuation. */
const sheetPrefix = (s: string | undefined) =>
  s === undefined
    ? ""
    : /^[^\s!'"\-+*/\\()[\]{}:;,.<>=&^%$#@?~`|]+$/.test(s) && !/^\d/.test(s)
      ? `${s}!`
      : `'${s.replace(/'/g, "''")}'!`;

/** The formula as if copied `dr` rows down (relative row references move). */
export function shiftFormulaRows(formula: string, dr: number): string {
  if (dr === 0) return formula;
  return mapRefs(formula, (s, ac, c, ar, r) =>
    ar
      ? refText(sheetPrefix(s), ac, c, ar, r)
      : refText(sheetPrefix(s), ac, c, ar, r + dr),
  );
}

const SPILLING =
  /^=\s*(SEQUENCE|HSTACK|VSTACK|FILTER|SORT|SORTBY|UNIQUE|TRANSPOSE|RANDARRAY|TOCOL|TOROW|WRAPROWS|WRAPCOLS|CHOOSECOLS|CHOOSEROWS|TAKE|DROP|EXPAND)\s*\(|^=\s*\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+\s*$/i;

// ---------------------------------------------------------------------------------------------
// The sheet: cells by row, bounds kept on write

/** Rows r0..r1 and columns c0..c1 (inclusive). */
type Bounds = { r0: number; c0: number; r1: number; c1: number };
/** b widened to take in the cell (r, c) (b itself, changed); a one-cell box when there is none. */
function widen(b: Bounds | null, r: number, c: number): Bounds {
  if (!b) return { r0: r, c0: c, r1: r, c1: c };
  if (r < b.r0) b.r0 = r;
  if (r > b.r1) b.r1 = r;
  if (c < b.c0) b.c0 = c;
  if (c > b.c1) b.c1 = c;
  return b;
}

export class SheetModel {
  /** rows[r][c]; both sparse */
  rows: (Cell | undefined)[][] = [];
  /** rows hidden by the user (rowHidden) and by an AutoFilter */
  readonly hiddenRows = new Set<number>();
  readonly filteredRows = new Set<number>();
  autoFilter: { box: Box; criteria: Map<number, unknown> } | null = null;
  merges: Box[] = [];
  protected = false;
  readonly customProperties = new Map<string, { key: string; value: string }>();
  /** bounding box of non-empty cells; null = none; recomputed lazily when a boundary cell was cleared */
  private bounds: Bounds | null = null;
  private boundsStale = false;
  /** bounds including cells that only carry formatting */
  private fmtBounds: Bounds | null = null;
  private fmtStale = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(r: number, c: number): Cell | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, cell: Cell | undefined): void {
    const empty =
      !cell || (cell.f === undefined && (cell.v === null || cell.v === ""));
    const bare =
      empty &&
      (!cell ||
        ((!cell.nf || cell.nf === "General") &&
          !cell.fill &&
          cell.locked !== false));
    let row = this.rows[r];
    if (bare) {
      if (row && row[c]) {
        delete row[c];
        this.touchCleared(r, c);
      }
      return;
    }
    if (!row) row = this.rows[r] = [];
    row[c] = cell;
    if (empty) this.touchCleared(r, c);
    else this.grow(r, c);
    this.growFmt(r, c);
  }

  /** Widens the bounds for a written cell (stale bounds with nothing in them wait for the rescan). */
  private grow(r: number, c: number) {
    if (this.bounds || !this.boundsStale)
      this.bounds = widen(this.bounds, r, c);
  }
  private growFmt(r: number, c: number) {
    if (this.fmtBounds || !this.fmtStale)
      this.fmtBounds = widen(this.fmtBounds, r, c);
  }
  private touchCleared(r: number, c: number) {
    const b = this.bounds;
    if (b && (r === b.r0 || r === b.r1 || c === b.c0 || c === b.c1))
      this.boundsStale = true;
    const f = this.fmtBounds;
    if (f && (r === f.r0 || r === f.r1 || c === f.c0 || c === f.c1))
      this.fmtStale = true;
  }
  /** After moving cells around (insert, delete, sort): recompute bounds on next use. */
  invalidate(): void {
    this.boundsStale = true;
    this.fmtStale = true;
  }

  static isEmpty(x: Cell | undefined): boolean {
    return !x || (x.f === undefined && (x.v === null || x.v === ""));
  }

  /** The used range's box: cells with values (valuesOnly) or with values or formatting. */
  used(valuesOnly: boolean): Bounds | null {
    if (valuesOnly ? this.boundsStale : this.fmtStale) this.rescan();
    return valuesOnly ? this.bounds : this.fmtBounds;
  }

  private rescan() {
    let v: Bounds | null = null;
    let f: Bounds | null = null;
    for (const [r, c, cell] of this.cells()) {
      f = widen(f, r, c);
      if (!SheetModel.isEmpty(cell)) v = widen(v, r, c);
    }
    this.bounds = v;
    this.fmtBounds = f;
    this.boundsStale = false;
    this.fmtStale = false;
  }

  /** Every stored cell, row by row. */
  *cells(): Generator<[number, number, Cell]> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell) yield [r, c, cell];
      }
    }
  }
}

const overlaps = (a: Box, b: Box) =>
  a.r < b.r + b.h && b.r < a.r + a.h && a.c < b.c + b.w && b.c < a.c + a.w;
const contains = (outer: Box, inner: Box) =>
  inner.r >= outer.r &&
  inner.c >= outer.c &&
  inner.r + inner.h <= outer.r + outer.h &&
  inner.c + inner.w <= outer.c + outer.w;
/** a minus b: up to four boxes (above, below, left, right). */
function subtract(a: Box, b: Box): Box[] {
  if (!overlaps(a, b)) return [a];
  const out: Box[] = [];
  const top = Math.max(a.r, b.r);
  const bottom = Math.min(a.r + a.h, b.r + b.h);
  if (a.r < b.r) out.push({ ...a, h: b.r - a.r });
  if (a.r + a.h > b.r + b.h)
    out.push({ ...a, r: b.r + b.h, h: a.r + a.h - (b.r + b.h) });
  if (a.c < b.c) out.push({ ...a, r: top, h: bottom - top, w: b.c - a.c });
  if (a.c + a.w > b.c + b.w)
    out.push({
      ...a,
      r: top,
      h: bottom - top,
      c: b.c + b.w,
      w: a.c + a.w - (b.c + b.w),
    });
  return out;
}
/** The cells of a table, headers and totals row included. */
function tableBox(t: TableModel): Box {
  return { sheet: t.sheet, r: t.top, c: t.left, h: t.rows, w: t.cols };
}
/** The first ColumnN no header of the table takes (the column at `except` left out), as Excel names a new table column. */
function freeColumnName(t: TableModel, s: SheetModel, except?: number): string {
  const taken = new Set<string>();
  for (let j = 0; j < t.cols; j++)
    if (t.left + j !== except)
      taken.add(String(s.get(t.top, t.left + j)?.v ?? "").toLowerCase());
  for (let k = 1; ; k++) if (!taken.has(`column${k}`)) return `Column${k}`;
}
/** The part of b in rows [r0, r0+h), and the parts of b above and below it; null when b has no row there. */
function rowsWithin(
  b: Box,
  r0: number,
  h: number,
): { inside: Box; outside: Box[] } | null {
  const r = Math.max(b.r, r0);
  const inside = { ...b, r, h: Math.min(b.r + b.h, r0 + h) - r };
  if (inside.h <= 0) return null;
  return { inside, outside: subtract(b, { ...inside, c: 0, w: MAX_COLS }) };
}
export function boxAddress(b: Box, withSheet = true): string {
  const sheet = withSheet ? sheetPrefix(b.sheet) : "";
  if (b.h === MAX_ROWS)
    return `${sheet}${colName(b.c)}:${colName(b.c + b.w - 1)}`;
  if (b.w === MAX_COLS) return `${sheet}${b.r + 1}:${b.r + b.h}`;
  const tl = `${colName(b.c)}${b.r + 1}`;
  return b.h * b.w > 1
    ? `${sheet}${tl}:${colName(b.c + b.w - 1)}${b.r + b.h}`
    : `${sheet}${tl}`;
}

// ---------------------------------------------------------------------------------------------
// The workbook (host side). Methods here act at once: tests use them to set a sheet up and to
// act as the user (type, sort, insert a column, rename); the add-in's requests reach them only
// through context.sync().

type Handler = (args: Record<string, unknown>) => unknown;

const now = (): number =>
  typeof performance !== "undefined" ? performance.now() : Date.now();

export class FakeWorkbook {
  readonly sheetList: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly conditionalFormats: ConditionalFormatRecord[] = [];
  readonly names: NameRecord[] = [];
  /** Office.context.document.settings: the in-memory copy and what saveAsync stored */
  readonly settings = new Map<string, unknown>();
  readonly savedSettings = new Map<string, unknown>();
  activeSheet = "Sheet1";
  selection: Box = { sheet: "Sheet1", r: 0, c: 0, h: 1, w: 1 };
  syncs = 0;
  /** bytes of each request (each sync): the JSON of its actions, UTF-8 */
  readonly requestBytes: number[] = [];
  /** bytes each response carries back: the JSON of the loaded properties */
  readonly responseBytes: number[] = [];
  readonly requests: RequestRecord[] = [];
  runs: { mergeUndoGroup: boolean; delayForCellEdit?: boolean }[] = [];
  /** range.calculate(), worksheet.calculate(), range.setDirty(), application.calculate() */
  readonly calculations: CalcRequest[] = [];
  /** range.format settings in order (fills are also kept per cell) */
  readonly formats: FormatRecord[] = [];
  /** what Office.addin.setStartupBehavior was last given */
  startupBehavior: string | undefined;
  /** registered event handlers (onSelectionChanged, onChanged, ...) */
  readonly handlers: { event: string; sheet?: string; handler: Handler }[] = [];
  /** the user is editing a cell: Excel.run fails unless delayForCellEdit (then it waits) */
  cellEditMode = false;
  /** milliseconds spent inside the fake host (sync, queued calls): the bench subtracts it */
  hostMs = 0;
  private nextId = 1;

  constructor(readonly options: FakeOptions = {}) {
    this.addSheet("Sheet1");
  }

  get payloadLimit(): number {
    return this.options.payloadLimit ?? PAYLOAD_LIMIT;
  }
  get readCellLimit(): number {
    return this.options.readCellLimit ?? READ_CELL_LIMIT;
  }
  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  /** Compatibility view: sheet name → the sheet's cells keyed "r,c". */
  get sheets(): Map<string, Map<string, Cell>> {
    const out = new Map<string, Map<string, Cell>>();
    for (const s of this.sheetList) {
      const m = new Map<string, Cell>();
      for (const [r, c, cell] of s.cells()) m.set(`${r},${c}`, cell);
      out.set(s.name, m);
    }
    return out;
  }

  /** Compatibility view of one sheet: its cells keyed "r,c". */
  sheet(name: string): Map<string, Cell> {
    const m = new Map<string, Cell>();
    for (const [r, c, cell] of this.model(name).cells())
      m.set(`${r},${c}`, cell);
    return m;
  }

  /** A user's edit as Excel reports it: the sheet's onChanged handlers run with the address. */
  async fireChanged(sheet: string, address: string): Promise<void> {
    await this.fire(
      "onChanged",
      {
        address,
        changeType: "RangeEdited",
        source: "Local",
        type: "WorksheetChanged",
      },
      sheet,
    );
  }

  addSheet(name: string): SheetModel {
    if (this.findSheet(name))
      throw new FakeError(
        "ItemAlreadyExists",
        `A sheet named ${name} already exists.`,
      );
    if (
      !name ||
      name.length > 31 ||
      /[\\/?*[\]:]/.test(name) ||
      /^'|'$/.test(name)
    )
      throw new FakeError(
        "InvalidArgument",
        `The sheet name '${name}' is not valid.`,
      );
    const s = new SheetModel(this.newId("SHEET"), name);
    this.sheetList.push(s);
    return s;
  }
  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return (
      this.sheetList.find((s) => s.id === nameOrId) ??
      this.sheetList.find((s) => s.name.toLowerCase() === lower)
    );
  }
  model(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s)
      throw new FakeError(
        "ItemNotFound",
        `The requested resource doesn't exist: sheet '${name}'.`,
      );
    return s;
  }

  /** Puts values on a sheet from a top-left corner, as stored (no parsing; "=…" is a formula). Set-up, not a request. */
  setValues(
    sheet: string,
    r0: number,
    c0: number,
    rows: readonly (readonly (CellValue | null)[])[],
  ): void {
    const t = now();
    const s = this.findSheet(sheet) ?? this.addSheet(sheet);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const old = s.get(r0 + i, c0 + j);
        const keep = old
          ? { nf: old.nf, fill: old.fill, locked: old.locked }
          : {};
        if (v === null || v === "") s.set(r0 + i, c0 + j, { ...keep, v: null });
        else if (typeof v === "string" && v.startsWith("=") && v.length > 1)
          s.set(r0 + i, c0 + j, { ...keep, v: null, f: v });
        else s.set(r0 + i, c0 + j, { ...keep, v });
      }),
    );
    this.hostMs += now() - t;
  }

  addTable(
    name: string,
    sheet: string,
    top: number,
    left: number,
    rows: number,
    cols: number,
    options: { showTotals?: boolean } = {},
  ): TableModel {
    const t: TableModel = {
      id: String(this.tables.length + 1),
      name,
      sheet: this.model(sheet).name,
      top,
      left,
      rows,
      cols,
      showTotals: !!options.showTotals,
      calculated: new Map(),
    };
    this.tables.push(t);
    return t;
  }

  cell(sheet: string, r: number, c: number): Cell | undefined {
    return this.model(sheet).get(r, c);
  }

  /** What a cell shows as `formulas`: its formula, else its value, else "". */
  formulaAt(sheet: string, r: number, c: number): CellValue {
    const x = this.cell(sheet, r, c);
    return x?.f ?? x?.v ?? "";
  }

  /** What `values` returns: the value; for a formula the fake does not calculate: "" (or #SPILL! in a table). */
  valueAt(sheet: string, r: number, c: number): CellValue {
    const x = this.cell(sheet, r, c);
    if (!x) return "";
    if (x.f !== undefined) {
      if (SPILLING.test(x.f) && this.tableAt(sheet, r, c)) return "#SPILL!";
      return x.v ?? "";
    }
    return x.v ?? "";
  }

  /** Every cell's formula-or-value and number format (and fill, when set): what "nothing else changed" compares. */
  dump(
    sheet: string,
  ): Record<string, { f: CellValue; nf: string; fill?: string }> {
    const out: Record<string, { f: CellValue; nf: string; fill?: string }> = {};
    for (const [r, c, x] of this.model(sheet).cells()) {
      const f = x.f ?? x.v ?? "";
      if (f !== "" || (x.nf && x.nf !== "General") || x.fill) {
        out[`${r},${c}`] = { f, nf: x.nf ?? "General" };
        if (x.fill) out[`${r},${c}`]!.fill = x.fill;
      }
    }
    return out;
  }

  isEmpty(sheet: string, r: number, c: number): boolean {
    return SheetModel.isEmpty(this.cell(sheet, r, c));
  }

  usedBox(sheet: string, valuesOnly = true): Box | null {
    const a = usedArea(this.model(sheet), valuesOnly);
    return a && toBox(a);
  }

  /** Excel's current region: the box of non-blank cells connected to the cell (diagonals count). */
  regionBox(sheet: string, r: number, c: number): Box {
    const s = this.model(sheet);
    let r0 = r,
      c0 = c,
      r1 = r,
      c1 = c;
    const has = (rr: number, cc: number) =>
      rr >= 0 && cc >= 0 && !SheetModel.isEmpty(s.get(rr, cc));
    const rowHas = (rr: number) => {
      const row = s.rows[rr];
      if (!row) return false;
      for (let cc = Math.max(0, c0 - 1); cc <= c1 + 1; cc++)
        if (has(rr, cc)) return true;
      return false;
    };
    const colHas = (cc: number) => {
      for (let rr = Math.max(0, r0 - 1); rr <= r1 + 1; rr++)
        if (has(rr, cc)) return true;
      return false;
    };
    // grow a row or column at a time until no non-blank cell touches the box (the result is
    // the same whatever the order: each step takes a line the region must include)
    const grow = (): boolean => {
      if (rowHas(r1 + 1)) r1++;
      else if (r0 > 0 && rowHas(r0 - 1)) r0--;
      else if (colHas(c1 + 1)) c1++;
      else if (c0 > 0 && colHas(c0 - 1)) c0--;
      else return false;
      return true;
    };
    while (grow());
    return { sheet: s.name, r: r0, c: c0, h: r1 - r0 + 1, w: c1 - c0 + 1 };
  }

  tableAt(sheet: string, r: number, c: number): TableModel | undefined {
    const name = this.model(sheet).name;
    return this.tables.find(
      (t) =>
        t.sheet === name &&
        r >= t.top &&
        r < t.top + t.rows &&
        c >= t.left &&
        c < t.left + t.cols,
    );
  }

  // ---- writes (what a request does at sync) ------------------------------------------------

  private checkWritable(
    box: Box,
    where: string,
    contentOnly: boolean,
  ): SheetModel {
    const s = this.model(box.sheet);
    if (s.protected) {
      for (let r = box.r; r < box.r + box.h; r++)
        for (let c = box.c; c < box.c + box.w; c++)
          if (s.get(r, c)?.locked !== false)
            throw new FakeError(
              "AccessDenied",
              `The cell or chart you're trying to change is on a protected sheet. (${boxAddress({ ...box, r, c, h: 1, w: 1 })})`,
              where,
            );
    }
    if (contentOnly) {
      for (const m of s.merges)
        if (overlaps(m, box) && !contains(box, m))
          throw new FakeError(
            "InvalidOperation",
            `We can't do that to a merged cell. (${boxAddress(m)})`,
            where,
          );
    }
    return s;
  }

  /** range.values / range.formulas / range.numberFormat set, as Excel applies it at sync. */
  write(
    box: Box,
    rows: unknown,
    prop: "values" | "formulas" | "numberFormat",
    where = `Range.${prop}`,
  ): number {
    const grid = this.fit(box, rows, prop, where);
    const s = this.checkWritable(box, where, prop !== "numberFormat");
    if (prop !== "numberFormat") {
      // a merged area takes only its top-left cell's value
      for (const m of s.merges)
        if (overlaps(m, box))
          for (let r = m.r; r < m.r + m.h; r++)
            for (let c = m.c; c < m.c + m.w; c++) {
              if (r === m.r && c === m.c) continue;
              const v = grid[r - box.r]?.[c - box.c];
              if (v !== null && v !== undefined && v !== "")
                throw new FakeError(
                  "InvalidOperation",
                  `We can't do that to a merged cell. (${boxAddress({ ...m, r, c, h: 1, w: 1 })})`,
                  where,
                );
            }
    }
    let cells = 0;
    for (let i = 0; i < box.h; i++) {
      const row = grid[i]!;
      for (let j = 0; j < box.w; j++) {
        const v = row[j];
        if (v === null || v === undefined) continue; // null leaves the cell as it is
        const r = box.r + i,
          c = box.c + j;
        const cur: Cell = { ...(s.get(r, c) ?? { v: null }) };
        cells++;
        if (prop === "numberFormat") {
          cur.nf = String(v);
          s.set(r, c, cur);
          continue;
        }
        if (typeof v === "number" || typeof v === "boolean") {
          if (typeof v === "number" && !Number.isFinite(v))
            throw new FakeError(
              "InvalidArgument",
              `The argument is invalid or missing or has an incorrect format. (${v})`,
              where,
            );
          if (cur.nf === "@") cur.v = String(v);
          else cur.v = v;
          delete cur.f;
          delete cur.err;
        } else if (typeof v === "string") {
          const p = parseTyped(v, cur.nf);
          cur.v = p.v;
          if (p.f !== undefined) cur.f = p.f;
          else delete cur.f;
          if (p.err) cur.err = true;
          else delete cur.err;
          if (p.nf && (!cur.nf || cur.nf === "General")) cur.nf = p.nf;
        } else {
          throw new FakeError(
            "InvalidArgument",
            `The argument is invalid or missing or has an incorrect format. (${JSON.stringify(v)})`,
            where,
          );
        }
        s.set(r, c, cur);
        if (cur.f !== undefined) this.formulaIntoTable(s, r, c, cur.f, box);
      }
    }
    if (prop !== "numberFormat") this.fixTableHeaders(s, box);
    return cells;
  }

  /**
   * Excel keeps a table's header cells as unique, non-empty text: a number becomes its text, a
   * blank becomes "Column1", a name already used in the table gets a number ("等级2").
   */
  fixTableHeaders(s: SheetModel, box: Box): void {
    for (const t of this.tables) {
      if (t.sheet !== s.name || box.r > t.top || box.r + box.h <= t.top)
        continue;
      const c0 = Math.max(box.c, t.left);
      const c1 = Math.min(box.c + box.w, t.left + t.cols);
      if (c0 >= c1) continue;
      const taken = new Set<string>();
      for (let c = t.left; c < t.left + t.cols; c++)
        if (c < c0 || c >= c1)
          taken.add(String(s.get(t.top, c)?.v ?? "").toLowerCase());
      for (let c = c0; c < c1; c++) {
        const cur = s.get(t.top, c);
        let name = cur?.f !== undefined ? "" : String(cur?.v ?? "");
        if (name === "") {
          let k = c - t.left + 1;
          while (taken.has(`column${k}`)) k++;
          name = `Column${k}`;
        } else if (taken.has(name.toLowerCase())) {
          let k = 2;
          while (taken.has(`${name}${k}`.toLowerCase())) k++;
          name = `${name}${k}`;
        }
        taken.add(name.toLowerCase());
        s.set(t.top, c, {
          ...(cur ?? {}),
          v: name,
          f: undefined,
          err: undefined,
        });
      }
    }
  }

  private fit(
    box: Box,
    rows: unknown,
    prop: string,
    where: string,
  ): unknown[][] {
    // A single value sets every cell of the range (Office.js accepts a scalar).
    if (!Array.isArray(rows))
      return Array.from({ length: box.h }, () =>
        Array.from({ length: box.w }, () => rows),
      );
    if (
      rows.length !== box.h ||
      rows.some((r) => !Array.isArray(r) || r.length !== box.w)
    )
      throw new FakeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${prop}: ${rows.length}×${Array.isArray(rows[0]) ? rows[0].length : "?"} into ${box.h}×${box.w})`,
        where,
      );
    return rows as unknown[][];
  }

  /** A formula typed into an empty table column becomes a calculated column (Excel fills the column). */
  private formulaIntoTable(
    s: SheetModel,
    r: number,
    c: number,
    f: string,
    written: Box,
  ) {
    const t = this.tableAt(s.name, r, c);
    if (!t) return;
    const bodyTop = t.top + 1;
    const body = bodyRows(t);
    if (r < bodyTop || r >= bodyTop + body) return;
    const j = c - t.left;
    const writtenWhole =
      written.r <= bodyTop && written.r + written.h >= bodyTop + body;
    if (writtenWhole) {
      if (r === bodyTop) t.calculated.set(j, f);
      return;
    }
    // the rest of the column's body empty: fill it (relative rows shifted), as Excel's AutoCorrect does
    for (let rr = bodyTop; rr < bodyTop + body; rr++)
      if (rr !== r && !SheetModel.isEmpty(s.get(rr, c))) return;
    for (let rr = bodyTop; rr < bodyTop + body; rr++) {
      if (rr === r) continue;
      const cur: Cell = { ...(s.get(rr, c) ?? { v: null }) };
      cur.f = shiftFormulaRows(f, rr - r);
      cur.v = null;
      s.set(rr, c, cur);
    }
    t.calculated.set(j, shiftFormulaRows(f, bodyTop - r));
  }

  /** range.clear(applyTo): contents, formats (number formats, fills, conditional formats) or all. */
  clear(box: Box, applyTo: string, where = "Range.clear"): void {
    const s = this.checkWritable(box, where, applyTo !== "Formats");
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    for (let r = box.r; r < box.r + box.h; r++) {
      const row = s.rows[r];
      if (!row) continue;
      for (let c = box.c; c < box.c + box.w; c++) {
        const cur = row[c];
        if (!cur) continue;
        const next: Cell = { ...cur };
        if (contents) {
          next.v = null;
          delete next.f;
          delete next.err;
        }
        if (formats) {
          delete next.nf;
          delete next.fill;
        }
        s.set(r, c, next);
      }
    }
    if (formats) this.trimConditionalFormats(box);
  }

  setFill(box: Box, color: string | null, where = "RangeFill.color"): void {
    const s = this.checkWritable(box, where, false);
    for (let r = box.r; r < box.r + box.h; r++)
      for (let c = box.c; c < box.c + box.w; c++) {
        const cur: Cell = { ...(s.get(r, c) ?? { v: null }) };
        if (color) cur.fill = color;
        else delete cur.fill;
        s.set(r, c, cur);
      }
  }

  // ---- conditional formats -----------------------------------------------------------------

  addConditionalFormat(
    box: Box,
    type: string,
    rule: Record<string, unknown> = {},
    format: { fill?: { color?: string }; font?: { color?: string } } = {},
  ): ConditionalFormatRecord {
    const areas = [{ ...box }];
    const rec: ConditionalFormatRecord = {
      id: this.newId("CF"),
      sheet: box.sheet,
      areas,
      get box() {
        return this.areas[0]!;
      },
      type,
      rule: { ...rule },
      format: { fill: { ...format.fill }, font: { ...format.font } },
    };
    // new rules take the highest priority (index 0), as in Excel
    this.conditionalFormats.unshift(rec);
    return rec;
  }

  /** Conditional formats whose cells overlap the box, in priority order. */
  conditionalFormatsOn(box: Box): ConditionalFormatRecord[] {
    const name = this.model(box.sheet).name;
    return this.conditionalFormats.filter(
      (f) => f.sheet === name && f.areas.some((a) => overlaps(a, box)),
    );
  }

  /**
   * conditionalFormats.clearAll() on a range: the rules stop applying to the range's cells;
   * a rule that also covers cells outside keeps them (trimmed or split), as Excel's "Clear Rules
   * from Selected Cells" does. A rule left with no cells is deleted.
   */
  trimConditionalFormats(box: Box): void {
    const name = this.model(box.sheet).name;
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) {
      const f = this.conditionalFormats[i]!;
      if (f.sheet !== name || !f.areas.some((a) => overlaps(a, box))) continue;
      const rest = f.areas.flatMap((a) => subtract(a, box));
      if (rest.length === 0) this.conditionalFormats.splice(i, 1);
      else f.areas = rest;
    }
  }

  // ---- structure: columns, sort, merge, protection, rename ---------------------------------

  /**
   * Inserts `n` columns at `c` over rows [r0, r0+h) (h = MAX_ROWS: whole columns). Cells,
   * formats, conditional formats, tables, merged areas, names and (for whole columns) formula
   * references right of `c` shift right.
   */
  insertColumns(
    sheet: string,
    c: number,
    n: number,
    r0 = 0,
    h = MAX_ROWS,
    where = "Range.insert",
  ): void {
    const s = this.model(sheet);
    const span: Box = { sheet: s.name, r: r0, c, h, w: MAX_COLS - c };
    this.checkShift(s, span, where);
    const used = s.used(false);
    if (used && used.c1 + n >= MAX_COLS && used.c1 >= c)
      throw new FakeError(
        "NonBlankCellOffSheet",
        "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
        where,
      );
    for (let r = r0; r < Math.min(r0 + h, s.rows.length); r++) {
      const row = s.rows[r];
      if (row && row.length > c)
        row.splice(c, 0, ...new Array<Cell | undefined>(n));
    }
    s.invalidate();
    const moveBox = (b: Box): Box[] => {
      if (b.c + b.w <= c) return [b];
      // rows inside the span move; rows outside stay
      const split = rowsWithin(b, r0, h);
      if (!split) return [b];
      const { inside, outside } = split;
      const moved =
        inside.c >= c
          ? { ...inside, c: inside.c + n }
          : { ...inside, w: inside.w + n };
      return [...outside, moved];
    };
    this.moveAll(s.name, moveBox);
    for (const t of this.tables)
      if (t.sheet === s.name && t.left + t.cols > c) {
        if (t.left >= c) t.left += n;
        else {
          const j = c - t.left;
          t.cols += n;
          const shifted = new Map<number, string>();
          for (const [k, f] of t.calculated) shifted.set(k >= j ? k + n : k, f);
          t.calculated = shifted;
          // Excel names the new table columns Column1, Column2, ...
          for (let k = 0; k < n; k++)
            s.set(t.top, c + k, { v: freeColumnName(t, s) });
        }
      }
    if (h === MAX_ROWS)
      this.shiftReferences(s.name, (col) => (col >= c ? col + n : col));
  }

  deleteColumns(
    sheet: string,
    c: number,
    n: number,
    r0 = 0,
    h = MAX_ROWS,
    where = "Range.delete",
  ): void {
    const s = this.model(sheet);
    this.checkShift(s, { sheet: s.name, r: r0, c, h, w: MAX_COLS - c }, where);
    for (let r = r0; r < Math.min(r0 + h, s.rows.length); r++) {
      const row = s.rows[r];
      if (row && row.length > c) row.splice(c, n);
    }
    s.invalidate();
    const moveBox = (b: Box): Box[] => {
      if (b.c + b.w <= c) return [b];
      const split = rowsWithin(b, r0, h);
      if (!split) return [b];
      const { inside, outside } = split;
      const left =
        inside.c < c
          ? { ...inside, w: Math.min(inside.w, c - inside.c) }
          : null;
      const rightStart = Math.max(inside.c, c + n);
      const rightEnd = inside.c + inside.w;
      const keptRight = rightEnd - rightStart;
      let moved: Box | null;
      if (left && keptRight > 0) moved = { ...left, w: left.w + keptRight };
      else if (left) moved = left;
      else if (keptRight > 0)
        moved = { ...inside, c: rightStart - n, w: keptRight };
      else moved = null;
      return moved ? [...outside, moved] : outside;
    };
    this.moveAll(s.name, moveBox);
    for (let i = this.tables.length - 1; i >= 0; i--) {
      const t = this.tables[i]!;
      if (t.sheet !== s.name || t.left + t.cols <= c) continue;
      const [moved] = moveBox(tableBox(t));
      if (!moved || moved.r !== t.top) this.tables.splice(i, 1);
      else {
        t.left = moved.c;
        t.cols = moved.w;
      }
    }
    if (h === MAX_ROWS)
      this.shiftReferences(s.name, (col) =>
        col >= c + n ? col - n : col >= c ? null : col,
      );
  }

  /** Excel refuses to shift cells through part of a table or a merged area. */
  private checkShift(s: SheetModel, span: Box, where: string) {
    const partly = (b: Box) =>
      overlaps(b, span) && (b.r < span.r || b.r + b.h > span.r + span.h);
    for (const t of this.tables)
      if (t.sheet === s.name && partly(tableBox(t)))
        throw new FakeError(
          "InsertDeleteConflict",
          "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.",
          where,
        );
    for (const m of s.merges)
      if (partly(m))
        throw new FakeError(
          "InsertDeleteConflict",
          "This operation will cause some merged cells to unmerge.",
          where,
        );
    if (s.protected)
      throw new FakeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet.",
        where,
      );
  }

  /** Moves every box-shaped thing on a sheet: conditional formats, merged areas, names, selection. */
  private moveAll(sheet: string, move: (b: Box) => Box[]) {
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) {
      const f = this.conditionalFormats[i]!;
      if (f.sheet !== sheet) continue;
      f.areas = f.areas.flatMap(move);
      if (f.areas.length === 0) this.conditionalFormats.splice(i, 1);
    }
    const s = this.model(sheet);
    s.merges = s.merges.flatMap(move);
    for (const n of this.names)
      if (n.box && n.box.sheet === sheet) {
        const moved = move(n.box);
        n.box =
          moved.length === 1
            ? moved[0]!
            : moved.length === 0
              ? null
              : moved[moved.length - 1]!;
      }
    if (this.selection.sheet === sheet) {
      const moved = move(this.selection);
      if (moved[0]) this.selection = moved[moved.length - 1]!;
    }
  }

  /** Column references in formulas (this sheet's own, and other sheets' qualified ones). */
  private shiftReferences(sheet: string, mapCol: (c: number) => number | null) {
    const lower = sheet.toLowerCase();
    for (const s of this.sheetList)
      for (const [, , cell] of s.cells()) {
        if (cell.f === undefined) continue;
        cell.f = mapRefs(cell.f, (sh, ac, c, ar, r) => {
          const target = sh === undefined ? s.name : sh;
          if (target.toLowerCase() !== lower)
            return refText(sheetPrefix(sh), ac, c, ar, r);
          const nc = mapCol(c);
          return nc === null
            ? "#REF!"
            : refText(sheetPrefix(sh), ac, nc, ar, r);
        });
      }
  }

  /**
   * range.sort.apply: the range's rows are reordered by the key columns; each cell keeps its
   * number format and fill; formulas move as if copied (relative row references follow).
   * Cells outside the range, conditional formats and names stay where they are.
   */
  sortRows(
    box: Box,
    fields: { key: number; ascending?: boolean }[],
    hasHeaders = false,
    where = "RangeSort.apply",
  ): void {
    const s = this.checkWritable(box, where, true);
    for (const m of s.merges)
      if (overlaps(m, box))
        throw new FakeError(
          "InvalidOperation",
          "To do this, all the merged cells need to be the same size.",
          where,
        );
    const top = box.r + (hasHeaders ? 1 : 0);
    const n = box.h - (hasHeaders ? 1 : 0);
    const rows = Array.from({ length: n }, (_, i) => {
      const r = top + i;
      return {
        r,
        cells: Array.from({ length: box.w }, (_, j) => s.get(r, box.c + j)),
      };
    });
    const rank = (x: Cell | undefined): [number, CellValue] => {
      if (SheetModel.isEmpty(x)) return [4, ""];
      const v = x!.v ?? "";
      if (x!.err) return [3, v];
      if (typeof v === "number") return [0, v];
      if (typeof v === "string") return [1, v.toLowerCase()];
      return [2, v ? 1 : 0];
    };
    rows.sort((a, b) => {
      for (const f of fields) {
        const [ta, va] = rank(a.cells[f.key]);
        const [tb, vb] = rank(b.cells[f.key]);
        if (ta === 4 || tb === 4) {
          if (ta !== tb) return ta === 4 ? 1 : -1; // blanks last either way
          continue;
        }
        const dir = f.ascending === false ? -1 : 1;
        if (ta !== tb) return (ta - tb) * dir;
        if (va < vb) return -dir;
        if (va > vb) return dir;
      }
      return a.r - b.r;
    });
    rows.forEach((row, i) => {
      const r = top + i;
      row.cells.forEach((cell, j) => {
        if (!cell) {
          s.set(r, box.c + j, undefined);
          return;
        }
        const moved: Cell = { ...cell };
        if (moved.f !== undefined)
          moved.f = shiftFormulaRows(moved.f, r - row.r);
        s.set(r, box.c + j, moved);
      });
    });
    s.invalidate();
  }

  merge(box: Box, where = "Range.merge"): void {
    const s = this.checkWritable(box, where, false);
    for (const m of s.merges)
      if (overlaps(m, box) && !contains(box, m))
        throw new FakeError(
          "InvalidOperation",
          "Cannot merge cells that overlap a merged area.",
          where,
        );
    s.merges = s.merges.filter((m) => !contains(box, m));
    // Excel keeps only the upper-left value
    for (let r = box.r; r < box.r + box.h; r++)
      for (let c = box.c; c < box.c + box.w; c++)
        if (r !== box.r || c !== box.c) {
          const cur = s.get(r, c);
          if (cur) s.set(r, c, { ...cur, v: null, f: undefined });
        }
    s.merges.push({ ...box, sheet: s.name });
  }

  renameSheet(oldName: string, newName: string): void {
    const s = this.model(oldName);
    if (this.findSheet(newName) && this.findSheet(newName) !== s)
      throw new FakeError(
        "ItemAlreadyExists",
        `A sheet named ${newName} already exists.`,
      );
    if (!newName || newName.length > 31 || /[\\/?*[\]:]/.test(newName))
      throw new FakeError(
        "InvalidArgument",
        `The sheet name '${newName}' is not valid.`,
      );
    const old = s.name;
    s.name = newName;
    const fix = (b: Box | null) => {
      if (b && b.sheet === old) b.sheet = newName;
    };
    for (const f of this.conditionalFormats)
      if (f.sheet === old) {
        f.sheet = newName;
        f.areas.forEach(fix);
      }
    for (const t of this.tables) if (t.sheet === old) t.sheet = newName;
    for (const n of this.names) fix(n.box);
    s.merges.forEach(fix);
    fix(this.selection);
    if (this.activeSheet === old) this.activeSheet = newName;
    // formulas elsewhere that name the sheet follow the rename
    const lower = old.toLowerCase();
    for (const other of this.sheetList)
      for (const [, , cell] of other.cells())
        if (cell.f !== undefined)
          cell.f = mapRefs(cell.f, (sh, ac, c, ar, r) =>
            refText(
              sh !== undefined && sh.toLowerCase() === lower
                ? sheetPrefix(newName)
                : sheetPrefix(sh),
              ac,
              c,
              ar,
              r,
            ),
          );
  }

  deleteSheet(name: string): void {
    const s = this.model(name);
    if (this.sheetList.length === 1)
      throw new FakeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet.",
      );
    this.sheetList.splice(this.sheetList.indexOf(s), 1);
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i]!.sheet === s.name) this.tables.splice(i, 1);
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--)
      if (this.conditionalFormats[i]!.sheet === s.name)
        this.conditionalFormats.splice(i, 1);
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i]!;
      if (n.scope === s.id) this.names.splice(i, 1);
      else if (n.box?.sheet === s.name) n.box = null;
    }
    if (this.activeSheet === s.name) this.activeSheet = this.sheetList[0]!.name;
    if (this.selection.sheet === s.name)
      this.selection = { sheet: this.activeSheet, r: 0, c: 0, h: 1, w: 1 };
  }

  // ---- the user at the keyboard --------------------------------------------------------------

  /** The user types text into a cell (parsed as Excel parses typed input; protected and merged cells refuse). */
  type(sheet: string, r: number, c: number, text: string): void {
    this.write(
      { sheet, r, c, h: 1, w: 1 },
      [[text]],
      "formulas",
      "user typing",
    );
    void this.fire(
      "onChanged",
      {
        address: boxAddress({ sheet, r, c, h: 1, w: 1 }, false),
        changeType: "RangeEdited",
        source: "Local",
      },
      sheet,
    );
  }

  protect(sheet: string, on = true): void {
    this.model(sheet).protected = on;
  }
  /** cell.locked = false (Format Cells → Protection) */
  unlock(box: Box): void {
    const s = this.model(box.sheet);
    for (let r = box.r; r < box.r + box.h; r++)
      for (let c = box.c; c < box.c + box.w; c++)
        s.set(r, c, { ...(s.get(r, c) ?? { v: null }), locked: false });
  }
  hideRows(sheet: string, r: number, n: number, hidden = true): void {
    const s = this.model(sheet);
    for (let i = r; i < r + n; i++) {
      if (hidden) s.hiddenRows.add(i);
      else s.hiddenRows.delete(i);
    }
  }
  isRowHidden(sheet: string, r: number): boolean {
    const s = this.model(sheet);
    return s.hiddenRows.has(r) || s.filteredRows.has(r);
  }

  applyFilter(
    box: Box,
    column: number,
    criteria: { filterOn?: string; values?: unknown[]; criterion1?: string },
  ): void {
    const s = this.model(box.sheet);
    const f =
      s.autoFilter &&
      s.autoFilter.box.r === box.r &&
      s.autoFilter.box.c === box.c
        ? s.autoFilter
        : (s.autoFilter = {
            box: { ...box, sheet: s.name },
            criteria: new Map(),
          });
    f.criteria.set(column, criteria);
    this.refilter(s);
  }
  clearFilter(sheet: string, remove: boolean): void {
    const s = this.model(sheet);
    if (s.autoFilter) s.autoFilter.criteria.clear();
    if (remove) s.autoFilter = null;
    this.refilter(s);
  }
  private refilter(s: SheetModel) {
    s.filteredRows.clear();
    const f = s.autoFilter;
    if (!f) return;
    for (let r = f.box.r + 1; r < f.box.r + f.box.h; r++)
      for (const [col, crit] of f.criteria) {
        const c = crit as {
          filterOn?: string;
          values?: unknown[];
          criterion1?: string;
        };
        const shown = String(this.valueAt(s.name, r, f.box.c + col));
        let keep = true;
        if (c.values) keep = c.values.map(String).includes(shown);
        else if (c.criterion1 !== undefined) {
          const m = /^(=|<>)(.*)$/.exec(c.criterion1);
          keep = m
            ? m[1] === "="
              ? shown === m[2]
              : shown !== m[2]
            : shown === c.criterion1;
        }
        if (!keep) {
          s.filteredRows.add(r);
          break;
        }
      }
  }

  // ---- events ---------------------------------------------------------------------------------

  /** Calls the handlers registered for an event (onSelectionChanged, onChanged, ...); resolves when they have run. */
  async fire(
    event: string,
    args: Record<string, unknown> = {},
    sheet?: string,
  ): Promise<void> {
    const id = sheet === undefined ? undefined : this.model(sheet).id;
    for (const h of this.handlers.filter(
      (x) => x.event === event && (!x.sheet || !id || x.sheet === id),
    ))
      await h.handler({
        type: event,
        ...args,
        ...(id ? { worksheetId: id } : {}),
      });
  }
  /** The user selects a range: sets the selection and fires onSelectionChanged. */
  async select(box: Box): Promise<void> {
    this.selection = { ...box, sheet: this.model(box.sheet).name };
    this.activeSheet = this.selection.sheet;
    await this.fire(
      "onSelectionChanged",
      { address: boxAddress(box, false) },
      box.sheet,
    );
  }

  // ---- names ----------------------------------------------------------------------------------

  addName(
    name: string,
    box: Box,
    comment?: string,
    scope?: string,
    where = "NamedItemCollection.add",
  ): NameRecord {
    const valid =
      /^[A-Za-z_\\\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) &&
      name.length <= 255 &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^[Rr]\d*[Cc]\d*$/.test(name) &&
      !/^[RrCc]$/.test(name);
    if (!valid)
      throw new FakeError(
        "InvalidArgument",
        `The name '${name}' is not valid.`,
        where,
      );
    if (
      this.names.some(
        (n) => n.name.toLowerCase() === name.toLowerCase() && n.scope === scope,
      )
    )
      throw new FakeError(
        "ItemAlreadyExists",
        `The name '${name}' already exists.`,
        where,
      );
    const rec: NameRecord = {
      name,
      box: { ...box, sheet: this.model(box.sheet).name },
      comment,
      scope,
    };
    this.names.push(rec);
    return rec;
  }
}

// ---------------------------------------------------------------------------------------------
// The add-in's side: proxies whose operations are queued and run, in order, at context.sync()

interface OpResult {
  bytes?: number;
  cellsRead?: number;
  cellsWritten?: number;
  commit?: () => void;
}
interface Op {
  where: string;
  bytes: number;
  run: () => OpResult | void;
}

function propList(props: unknown): string[] {
  if (props === undefined || props === null) return [];
  if (typeof props === "string")
    return props
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props.map(String);
  const o = props as { select?: string | string[] };
  if (o.select !== undefined) return propList(o.select);
  return Object.keys(props as object);
}

/** Like OfficeExtension.ClientResult: value readable after the sync that carries it. */
export class ClientResult<T> {
  private has = false;
  private v: T | undefined;
  constructor(private readonly where: string) {}
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw ERR.notLoaded(this.where);
    return this.v as T;
  }
}

export class FakeContext {
  private queue: Op[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  /** Queues an operation: it runs at the next sync, after those queued before it. */
  enqueue(where: string, bytes: number, run: () => OpResult | void): void {
    this.queue.push({ where, bytes, run });
  }
  /** Queues a value-returning method; its ClientResult is readable after the sync. */
  result<T>(where: string, compute: () => T): ClientResult<T> {
    const out = new ClientResult<T>(where);
    this.enqueue(where, ACTION_BYTES, () => {
      const v = compute();
      return { bytes: jsonBytes(v), commit: () => out.set(v) };
    });
    return out;
  }
  get pendingActions(): number {
    return this.queue.length;
  }
  trace(_message: string): void {}
  load<T extends ClientObject>(o: T, props?: unknown): T {
    return o.load(props);
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const t0 = now();
    const wb = this.wb;
    const ops = this.queue;
    this.queue = [];
    wb.syncs++;
    const rec: RequestRecord = {
      bytes: ops.reduce((b, op) => b + op.bytes, 2),
      responseBytes: 0,
      actions: ops.length,
      cellsWritten: 0,
      cellsRead: 0,
    };
    wb.requests.push(rec);
    wb.requestBytes.push(rec.bytes);
    wb.responseBytes.push(0);
    const fail = (e: FakeError) => {
      rec.failed = e.code;
      wb.hostMs += now() - t0;
      return e;
    };
    // Excel on the web rejects the whole request: nothing in it runs.
    if (rec.bytes > wb.payloadLimit)
      throw fail(
        new FakeError(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size has exceeded the limit (${rec.bytes} bytes > ${wb.payloadLimit}). See the Resource limits and performance optimization for Office Add-ins article.`,
          ops[0]?.where,
        ),
      );
    const commits: (() => void)[] = [];
    // The batch runs in order; an operation that fails stops it there. What ran before stays
    // done (Office.js batches are not transactions); the failed one and the rest never run.
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      try {
        const r = op.run();
        if (r) {
          rec.responseBytes += r.bytes ?? 0;
          rec.cellsRead += r.cellsRead ?? 0;
          rec.cellsWritten += r.cellsWritten ?? 0;
          if (r.commit) commits.push(r.commit);
        }
      } catch (e) {
        const err =
          e instanceof FakeError
            ? e
            : new FakeError(
                "GeneralException",
                e instanceof Error ? e.message : String(e),
              );
        err.debugInfo.errorLocation ??= op.where;
        err.debugInfo.statement = op.where;
        err.debugInfo.surroundingStatements = ops
          .slice(Math.max(0, i - 2), i + 3)
          .map((o) => o.where);
        wb.responseBytes[wb.responseBytes.length - 1] = rec.responseBytes;
        throw fail(err);
      }
    }
    wb.responseBytes[wb.responseBytes.length - 1] = rec.responseBytes;
    if (rec.responseBytes > wb.payloadLimit)
      throw fail(
        new FakeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit (${rec.responseBytes} bytes > ${wb.payloadLimit}). See the Resource limits and performance optimization for Office Add-ins article.`,
        ),
      );
    for (const c of commits) c();
    wb.hostMs += now() - t0;
  }
}

/** Base of every proxy: load() queues a read; reading a property not loaded throws PropertyNotLoaded. */
export class ClientObject {
  protected loaded: Record<string, unknown> = {};
  /** navigation properties return the same object each time, as in Office.js */
  private kids = new Map<string, unknown>();
  protected kid<T>(name: string, make: () => T): T {
    let k = this.kids.get(name) as T | undefined;
    if (k === undefined) {
      k = make();
      this.kids.set(name, k);
    }
    return k;
  }
  protected scalarProps: string[] = [];
  constructor(
    readonly context: FakeContext,
    readonly _className: string,
  ) {}
  protected get wb(): FakeWorkbook {
    return this.context.wb;
  }
  load(props?: unknown): this {
    const list = propList(props);
    const wanted = list.length ? list : this.scalarProps;
    this.context.enqueue(
      `${this._className}.load`,
      ACTION_BYTES + jsonBytes(list),
      () => {
        const vals: Record<string, unknown> = {};
        let cells = 0;
        for (const p of wanted) {
          if (p.includes("/")) continue; // navigation paths (format/fill/color): load the child instead
          vals[p] = this.snapshot(p);
          cells += this.cellsIn(p);
        }
        return {
          bytes: jsonBytes(vals),
          cellsRead: cells,
          commit: () => Object.assign(this.loaded, vals),
        };
      },
    );
    return this;
  }
  protected cellsIn(_p: string): number {
    return 0;
  }
  /** The property's value now (at its place in the batch). */
  protected snapshot(p: string): unknown {
    throw this.notPart(p);
  }
  protected notPart(p: string): FakeError {
    return new FakeError(
      "InvalidArgument",
      `The property '${p}' is not part of ${this._className} in the fake.`,
      `${this._className}.load`,
    );
  }
  protected read<T>(p: string): T {
    if (!(p in this.loaded)) throw ERR.notLoaded(`${this._className}.${p}`);
    return this.loaded[p] as T;
  }
  protected set(p: string, bytes: number, run: () => OpResult | void): void {
    this.context.enqueue(`${this._className}.${p}`, ACTION_BYTES + bytes, run);
  }
  protected call(
    method: string,
    args: unknown[],
    run: () => OpResult | void,
  ): void {
    this.context.enqueue(
      `${this._className}.${method}`,
      ACTION_BYTES + jsonBytes(args),
      run,
    );
  }
  /**
   * An event (onChanged, onSelectionChanged, ...): add() registers the handler at sync and
   * returns what removes it at sync. `sheetId`: the worksheet it belongs to (found at sync).
   */
  protected event(name: string, sheetId?: () => string) {
    return {
      add: (handler: Handler) => {
        const entry = {
          event: name,
          sheet: undefined as string | undefined,
          handler,
        };
        this.call(`${name}.add`, [], () => {
          if (sheetId) entry.sheet = sheetId();
          this.wb.handlers.push(entry);
        });
        return {
          remove: () =>
            this.call(`${name}.remove`, [], () => {
              const i = this.wb.handlers.indexOf(entry);
              if (i >= 0) this.wb.handlers.splice(i, 1);
            }),
          context: this.context,
        };
      },
    };
  }
  toJSON(): Record<string, unknown> {
    return { ...this.loaded };
  }
  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

/** How a proxy learns what it stands for: a search its creation op runs at sync, or (an item of a collection being loaded) the thing already found. */
type Resolver<T> = (() => T | null) | { now: T };

/**
 * A proxy that stands for something found at sync (a sheet, a range, a table): resolved by its
 * creation op. Each kind names its Office.js class (`static className`), the properties a bare
 * load() reads (`scalarProps`), and how Excel answers when the thing was removed (`gone`).
 */
abstract class Resolved<T> extends ClientObject {
  static readonly className: string;
  private target: T | null | undefined = undefined;
  constructor(
    context: FakeContext,
    where: string,
    resolve: Resolver<T>,
    readonly nullable = false,
  ) {
    super(context, (new.target as typeof Resolved).className);
    if (typeof resolve !== "function") {
      // an item of a collection being loaded: already found, inside the running batch
      this.target = resolve.now;
      return;
    }
    context.enqueue(where, ACTION_BYTES, () => {
      const t = resolve();
      const gone = t === null ? undefined : this.gone(t);
      if (gone !== undefined) throw new FakeError("ItemNotFound", gone, where);
      if (t === null && !nullable)
        throw new FakeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          where,
        );
      this.target = t;
      return {
        commit: () => {
          if (nullable) this.loaded.isNullObject = t === null;
        },
      };
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  /** The resolved thing; only usable inside a queued op. */
  protected it(where = this._className): T {
    if (this.target === undefined)
      throw new FakeError(
        "InvalidObjectPath",
        "The object path is not valid: the object was not found when the batch ran.",
        where,
      );
    if (this.target === null)
      throw new FakeError(
        "ItemNotFound",
        "The requested resource doesn't exist (a null object).",
        where,
      );
    return this.target;
  }
  /** For a null object: isNullObject is true and other reads return null. */
  protected override snapshot(p: string): unknown {
    if (this.target === null) return p === "isNullObject" ? true : null;
    return this.snap(this.it(), p);
  }
  protected abstract snap(t: T, p: string): unknown;
  /** Found at sync but since removed from the workbook: Excel's message (ItemNotFound); undefined while it exists. */
  protected gone(_t: T): string | undefined {
    return undefined;
  }
  /** Kinds whose derived ranges come from the caller's numbers (offsets, indexes, addresses) and so may fall off the sheet. */
  protected readonly checksBounds: boolean = false;
  /**
   * A range found from this proxy's target at sync ("Worksheet.getCell": method "getCell"):
   * `cells` picks them (null: none, a null object when `nullable`, else ItemNotFound). Where
   * `checksBounds`, cells beyond the sheet fail as Excel fails (checkBounds).
   */
  protected rangeFrom(
    method: string,
    cells: (t: T) => Area | null,
    nullable = false,
  ): FakeRange {
    const where = `${this._className}.${method}`;
    return new FakeRange(
      this.context,
      where,
      () => {
        const a = cells(this.it(where));
        return a && this.checksBounds ? checkBounds(a, where) : a;
      },
      nullable,
    );
  }
  /** A property the fake does not model ("The fake table cannot load 'x'."). */
  protected cannotLoad(p: string, noun: string): FakeError {
    return new FakeError(
      "InvalidArgument",
      `The fake ${noun} cannot load '${p}'.`,
      `${this._className}.load`,
    );
  }
}

// ---- ranges -----------------------------------------------------------------------------------

interface Area {
  sm: SheetModel;
  r: number;
  c: number;
  h: number;
  w: number;
}
const toBox = (a: Area): Box => ({
  sheet: a.sm.name,
  r: a.r,
  c: a.c,
  h: a.h,
  w: a.w,
});
const toArea = (wb: FakeWorkbook, b: Box): Area => ({
  sm: wb.model(b.sheet),
  r: b.r,
  c: b.c,
  h: b.h,
  w: b.w,
});

function checkBounds(a: Area, where: string): Area {
  if (
    !Number.isInteger(a.r) ||
    !Number.isInteger(a.c) ||
    !Number.isInteger(a.h) ||
    !Number.isInteger(a.w) ||
    a.r < 0 ||
    a.c < 0 ||
    a.h < 1 ||
    a.w < 1 ||
    a.r + a.h > MAX_ROWS ||
    a.c + a.w > MAX_COLS
  )
    throw new FakeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format. (row ${a.r}, column ${a.c}, ${a.h}×${a.w}; a sheet has ${MAX_ROWS} rows and ${MAX_COLS} columns)`,
      where,
    );
  return a;
}

/** Parses "A1", "A1:B2", "D:D", "B:D", "3:5", optionally "Sheet!…" into a box (sheet-relative). */
export function parseAddress(
  address: string,
): { sheet?: string; r: number; c: number; h: number; w: number } | null {
  let sheet: string | undefined;
  let ref = address.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]{1,4})(\d{1,8})(?::([A-Z]{1,4})(\d{1,8}))?$/.exec(ref);
  if (m) {
    const c0 = colIndex(m[1]!),
      r0 = Number(m[2]) - 1;
    const c1 = m[3] ? colIndex(m[3]) : c0,
      r1 = m[4] ? Number(m[4]) - 1 : r0;
    return {
      sheet,
      r: Math.min(r0, r1),
      c: Math.min(c0, c1),
      h: Math.abs(r1 - r0) + 1,
      w: Math.abs(c1 - c0) + 1,
    };
  }
  m = /^([A-Z]{1,4}):([A-Z]{1,4})$/.exec(ref);
  if (m) {
    const c0 = colIndex(m[1]!),
      c1 = colIndex(m[2]!);
    return {
      sheet,
      r: 0,
      c: Math.min(c0, c1),
      h: MAX_ROWS,
      w: Math.abs(c1 - c0) + 1,
    };
  }
  m = /^(\d{1,8}):(\d{1,8})$/.exec(ref);
  if (m) {
    const r0 = Number(m[1]) - 1,
      r1 = Number(m[2]) - 1;
    return {
      sheet,
      r: Math.min(r0, r1),
      c: 0,
      h: Math.abs(r1 - r0) + 1,
      w: MAX_COLS,
    };
  }
  return null;
}

const GRID_PROPS = new Set([
  "values",
  "formulas",
  "formulasLocal",
  "formulasR1C1",
  "numberFormat",
  "text",
  "valueTypes",
]);

export class FakeRange extends Resolved<Area> {
  static override readonly className = "Range";
  protected override readonly checksBounds = true;
  protected override scalarProps = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "values",
    "formulas",
    "numberFormat",
  ];
  /** The box this range stands for (inside a queued op). */
  area(where?: string): Area {
    return this.it(where);
  }
  protected override cellsIn(p: string): number {
    if (!GRID_PROPS.has(p)) return 0;
    const a = this.area();
    return a.h * a.w;
  }
  protected snap(a: Area, p: string): unknown {
    const wb = this.wb;
    const b = toBox(a);
    if (GRID_PROPS.has(p) && a.h * a.w > wb.readCellLimit)
      throw new FakeError(
        "RangeExceedsLimit",
        `The cell count in the range has exceeded the maximum supported number (${a.h * a.w} > ${wb.readCellLimit}). See the Resource limits and performance optimization for Office Add-ins article.`,
        `Range.${p}`,
      );
    const grid = (
      f: (r: number, c: number, cell: Cell | undefined) => unknown,
    ) => {
      const out: unknown[][] = new Array(a.h);
      for (let i = 0; i < a.h; i++) {
        const row = a.sm.rows[a.r + i];
        const line = new Array(a.w);
        for (let j = 0; j < a.w; j++)
          line[j] = f(a.r + i, a.c + j, row?.[a.c + j]);
        out[i] = line;
      }
      return out;
    };
    const value = (r: number, c: number, x: Cell | undefined): CellValue => {
      if (!x) return "";
      if (x.f !== undefined) return wb.valueAt(a.sm.name, r, c);
      return x.v ?? "";
    };
    switch (p) {
      case "address":
        return boxAddress(b);
      case "addressLocal":
        return boxAddress(b);
      case "rowIndex":
        return a.r;
      case "columnIndex":
        return a.c;
      case "rowCount":
        return a.h;
      case "columnCount":
        return a.w;
      case "cellCount":
        return a.h * a.w;
      case "isEntireColumn":
        return a.h === MAX_ROWS;
      case "isEntireRow":
        return a.w === MAX_COLS;
      case "values":
        return grid((r, c, x) => value(r, c, x));
      case "formulas":
      case "formulasLocal":
        return grid((r, c, x) => (x?.f !== undefined ? x.f : value(r, c, x)));
      case "numberFormat":
        return grid((_r, _c, x) => x?.nf ?? "General");
      case "text":
        return grid((r, c, x) => {
          const v = value(r, c, x);
          return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
        });
      case "valueTypes":
        return grid((r, c, x) => {
          const v = value(r, c, x);
          if (
            x?.err ||
            (typeof v === "string" &&
              ERROR_LITERALS.has(v) &&
              x?.f !== undefined)
          )
            return "Error";
          if (v === "") return "Empty";
          return typeof v === "number"
            ? "Double"
            : typeof v === "boolean"
              ? "Boolean"
              : "String";
        });
      case "rowHidden": {
        let hidden = 0;
        for (let r = a.r; r < a.r + a.h; r++)
          if (wb.isRowHidden(a.sm.name, r)) hidden++;
        return hidden === 0 ? false : hidden === a.h ? true : null;
      }
      case "columnHidden":
        return false;
      case "hidden":
        return false;
      case "isNullObject":
        return false;
      default:
        throw this.cannotLoad(p, "range");
    }
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
  get cellCount(): number {
    return this.read("cellCount");
  }
  get isEntireColumn(): boolean {
    return this.read("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this.read("isEntireRow");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.setGrid("values", v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.setGrid("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.setGrid("numberFormat", v);
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set rowHidden(v: boolean) {
    this.set("rowHidden", 5, () => {
      const a = this.area("Range.rowHidden");
      this.wb.hideRows(a.sm.name, a.r, a.h, v);
    });
  }
  private setGrid(prop: "values" | "formulas" | "numberFormat", v: unknown) {
    const t = now();
    const bytes = jsonBytes(v);
    this.wb.hostMs += now() - t;
    this.set(prop, bytes, () => ({
      cellsWritten: this.wb.write(toBox(this.area(`Range.${prop}`)), v, prop),
    }));
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      "Range.worksheet",
      () => this.area("Range.worksheet").sm,
    );
  }
  getCell(row: number, column: number): FakeRange {
    return this.rangeFrom("getCell", (a) => ({
      ...a,
      r: a.r + row,
      c: a.c + column,
      h: 1,
      w: 1,
    }));
  }
  getOffsetRange(rows: number, columns: number): FakeRange {
    return this.rangeFrom("getOffsetRange", (a) => ({
      ...a,
      r: a.r + rows,
      c: a.c + columns,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.rangeFrom("getResizedRange", (a) => ({
      ...a,
      h: a.h + deltaRows,
      w: a.w + deltaColumns,
    }));
  }
  getRow(i: number): FakeRange {
    return this.rangeFrom("getRow", (a) => ({ ...a, r: a.r + i, h: 1 }));
  }
  getColumn(j: number): FakeRange {
    return this.rangeFrom("getColumn", (a) => ({ ...a, c: a.c + j, w: 1 }));
  }
  getEntireColumn(): FakeRange {
    return this.rangeFrom("getEntireColumn", (a) => ({
      ...a,
      r: 0,
      h: MAX_ROWS,
    }));
  }
  getEntireRow(): FakeRange {
    return this.rangeFrom("getEntireRow", (a) => ({
      ...a,
      c: 0,
      w: MAX_COLS,
    }));
  }
  getRowsBelow(n = 1): FakeRange {
    return this.rangeFrom("getRowsBelow", (a) => ({
      ...a,
      r: a.r + a.h,
      h: n,
    }));
  }
  getColumnsAfter(n = 1): FakeRange {
    return this.rangeFrom("getColumnsAfter", (a) => ({
      ...a,
      c: a.c + a.w,
      w: n,
    }));
  }
  getLastRow(): FakeRange {
    return this.rangeFrom("getLastRow", (a) => ({
      ...a,
      r: a.r + a.h - 1,
      h: 1,
    }));
  }
  getLastColumn(): FakeRange {
    return this.rangeFrom("getLastColumn", (a) => ({
      ...a,
      c: a.c + a.w - 1,
      w: 1,
    }));
  }
  getIntersection(other: FakeRange): FakeRange {
    return this.rangeFrom("getIntersection", (a) => {
      const b = other.area("Range.getIntersection");
      const r0 = Math.max(a.r, b.r),
        c0 = Math.max(a.c, b.c);
      const r1 = Math.min(a.r + a.h, b.r + b.h),
        c1 = Math.min(a.c + a.w, b.c + b.w);
      if (b.sm !== a.sm || r1 <= r0 || c1 <= c0)
        throw new FakeError(
          "InvalidArgument",
          "The ranges do not intersect.",
          "Range.getIntersection",
        );
      return { sm: a.sm, r: r0, c: c0, h: r1 - r0, w: c1 - c0 };
    });
  }
  getBoundingRect(other: FakeRange): FakeRange {
    return this.rangeFrom("getBoundingRect", (a) => {
      const b = other.area("Range.getBoundingRect");
      const r0 = Math.min(a.r, b.r),
        c0 = Math.min(a.c, b.c);
      return {
        sm: a.sm,
        r: r0,
        c: c0,
        h: Math.max(a.r + a.h, b.r + b.h) - r0,
        w: Math.max(a.c + a.w, b.c + b.w) - c0,
      };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.rangeFrom("getUsedRange", (a) => {
      const u = usedWithin(a, !!valuesOnly);
      if (!u)
        throw new FakeError(
          "ItemNotFound",
          "The range has no used cells.",
          "Range.getUsedRange",
        );
      return u;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.rangeFrom(
      "getUsedRangeOrNullObject",
      (a) => usedWithin(a, !!valuesOnly),
      true,
    );
  }
  /**
   * The range's formula cells (cellType "Formulas"; the only type the fake knows) as
   * RangeAreas: one area per run of formula cells down a column (Excel may join columns
   * into wider rectangles; callers read whatever areas come back). A null object when the
   * range holds no formula.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    const where = "Range.getSpecialCellsOrNullObject";
    const areas = () => {
      if (cellType !== "Formulas")
        throw new FakeError(
          "InvalidArgument",
          `the fake knows only the Formulas cell type, not ${cellType}`,
          where,
        );
      const a = this.area(where);
      const found: Area[] = [];
      for (let c = a.c; c < a.c + a.w; c++) {
        let start = -1;
        for (let r = a.r; r <= a.r + a.h; r++) {
          const f = r < a.r + a.h && a.sm.rows[r]?.[c]?.f !== undefined;
          if (f && start < 0) start = r;
          if (!f && start >= 0) {
            found.push({ sm: a.sm, r: start, c, h: r - start, w: 1 });
            start = -1;
          }
        }
      }
      return found.length > 0 ? found : null;
    };
    return new FakeRangeAreas(this.context, where, areas, true);
  }
  getSurroundingRegion(): FakeRange {
    return this.rangeFrom("getSurroundingRegion", (a) => {
      const b = this.wb.regionBox(a.sm.name, a.r, a.c);
      return { sm: a.sm, r: b.r, c: b.c, h: b.h, w: b.w };
    });
  }
  getTables(fullyContained = false): FakeTableCollection {
    return new FakeTableCollection(this.context, () => {
      const a = this.area("Range.getTables");
      const b = toBox(a);
      return this.wb.tables.filter(
        (t) =>
          t.sheet === a.sm.name &&
          (fullyContained
            ? contains(b, tableBox(t))
            : overlaps(b, tableBox(t))),
      );
    });
  }

  insert(shift: string): FakeRange {
    this.shiftColumns("insert", "Right", shift);
    return this.rangeFrom("insert", (a) => a);
  }
  delete(shift: string): void {
    this.shiftColumns("delete", "Left", shift);
  }
  /** insert/delete: the fake shifts cells sideways only, over the range's rows (whole columns for a whole-column range). */
  private shiftColumns(
    method: "insert" | "delete",
    only: "Right" | "Left",
    shift: string,
  ) {
    const where = `Range.${method}`;
    this.call(method, [shift], () => {
      const a = this.area(where);
      if (shift !== only)
        throw new FakeError(
          "NotImplemented",
          `The fake ${method}s cells shifting ${only.toLowerCase()} only (asked: ${shift}).`,
          where,
        );
      // a whole-column range shifts whole columns; otherwise only its rows
      const rows: [number, number] =
        a.h === MAX_ROWS ? [0, MAX_ROWS] : [a.r, a.h];
      if (method === "insert")
        this.wb.insertColumns(a.sm.name, a.c, a.w, ...rows, where);
      else this.wb.deleteColumns(a.sm.name, a.c, a.w, ...rows, where);
    });
  }
  clear(applyTo: string = "All"): void {
    this.call("clear", [applyTo], () =>
      this.wb.clear(toBox(this.area("Range.clear")), applyTo),
    );
  }
  merge(across = false): void {
    this.call("merge", [across], () => {
      const b = toBox(this.area("Range.merge"));
      if (!across) this.wb.merge(b);
      else
        for (let r = b.r; r < b.r + b.h; r++) this.wb.merge({ ...b, r, h: 1 });
    });
  }
  unmerge(): void {
    this.call("unmerge", [], () => {
      const a = this.area("Range.unmerge");
      a.sm.merges = a.sm.merges.filter((m) => !overlaps(m, toBox(a)));
    });
  }
  calculate(): void {
    this.recordCalc("calculate");
  }
  setDirty(): void {
    this.recordCalc("setDirty");
  }
  private recordCalc(kind: "calculate" | "setDirty") {
    this.call(kind, [], () => {
      const b = toBox(this.area(`Range.${kind}`));
      this.wb.calculations.push({
        kind,
        sheet: b.sheet,
        address: boxAddress(b, false),
      });
    });
  }
  select(): void {
    this.call("select", [], () => {
      const b = toBox(this.area("Range.select"));
      this.wb.selection = b;
      this.wb.activeSheet = b.sheet;
    });
  }
  activate(): void {
    this.select();
  }
  get sort() {
    return {
      apply: (
        fields: { key: number; ascending?: boolean }[],
        _matchCase?: boolean,
        hasHeaders?: boolean,
        orientation?: string,
      ) => {
        this.call("sort.apply", [fields, hasHeaders, orientation], () => {
          if (orientation && orientation !== "Rows")
            throw new FakeError(
              "NotImplemented",
              "The fake sorts rows only.",
              "RangeSort.apply",
            );
          this.wb.sortRows(
            toBox(this.area("RangeSort.apply")),
            fields,
            !!hasHeaders,
          );
        });
      },
    };
  }
  get format(): FakeRangeFormat {
    return this.kid("format", () => new FakeRangeFormat(this));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.kid(
      "conditionalFormats",
      () =>
        new FakeConditionalFormatCollection(this.context, () =>
          toBox(this.area("Range.conditionalFormats")),
        ),
    );
  }
}

/** A sheet's used range (cells with values, or with values or formats); null on a blank sheet. */
function usedArea(sm: SheetModel, valuesOnly: boolean): Area | null {
  const u = sm.used(valuesOnly);
  return u && { sm, r: u.r0, c: u.c0, h: u.r1 - u.r0 + 1, w: u.c1 - u.c0 + 1 };
}

function usedWithin(a: Area, valuesOnly: boolean): Area | null {
  const u = a.sm.used(valuesOnly);
  if (!u) return null;
  const r0 = Math.max(a.r, u.r0),
    c0 = Math.max(a.c, u.c0);
  const r1 = Math.min(a.r + a.h - 1, u.r1),
    c1 = Math.min(a.c + a.w - 1, u.c1);
  if (r1 < r0 || c1 < c0) return null;
  // shrink to the cells actually used inside the intersection
  let rr0 = Infinity,
    cc0 = Infinity,
    rr1 = -1,
    cc1 = -1;
  for (let r = r0; r <= r1; r++) {
    const row = a.sm.rows[r];
    if (!row) continue;
    for (let c = c0; c <= Math.min(c1, row.length - 1); c++) {
      const x = row[c];
      if (!x || (valuesOnly && SheetModel.isEmpty(x))) continue;
      if (r < rr0) rr0 = r;
      if (r > rr1) rr1 = r;
      if (c < cc0) cc0 = c;
      if (c > cc1) cc1 = c;
    }
  }
  return rr1 < 0
    ? null
    : { sm: a.sm, r: rr0, c: cc0, h: rr1 - rr0 + 1, w: cc1 - cc0 + 1 };
}

class FakeRangeFormat {
  private fillProxy: FakeRangeFill | undefined;
  constructor(private readonly range: FakeRange) {}
  get fill(): FakeRangeFill {
    return (this.fillProxy ??= new FakeRangeFill(this.range));
  }
  /** Records a format setting at sync (wb.formats): width, wrap and font are recorded, not rendered. */
  private record(prop: string, value: unknown) {
    this.range.context.enqueue(
      `RangeFormat.${prop}`,
      ACTION_BYTES + jsonBytes(value),
      () => {
        const b = toBox(this.range.area(`RangeFormat.${prop}`));
        this.range.context.wb.formats.push({
          sheet: b.sheet,
          address: boxAddress(b, false),
          prop,
          value,
        });
      },
    );
  }
  set columnWidth(v: number) {
    this.record("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.record("rowHeight", v);
  }
  set wrapText(v: boolean) {
    this.record("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.record("horizontalAlignment", v);
  }
  get font() {
    const rec = (p: string, v: unknown) => this.record(`font.${p}`, v);
    return {
      set bold(v: boolean) {
        rec("bold", v);
      },
      set color(v: string) {
        rec("color", v);
      },
      set italic(v: boolean) {
        rec("italic", v);
      },
    };
  }
  autofitColumns(): void {
    this.record("autofitColumns", true);
  }
}
class FakeRangeFill extends ClientObject {
  constructor(private readonly range: FakeRange) {
    super(range.context, "RangeFill");
    this.scalarProps = ["color"];
  }
  protected override snapshot(p: string): unknown {
    if (p !== "color") return super.snapshot(p);
    const a = this.range.area("RangeFill.color");
    let color: string | null | undefined;
    for (let r = a.r; r < a.r + a.h; r++)
      for (let c = a.c; c < a.c + a.w; c++) {
        const f = a.sm.get(r, c)?.fill ?? "#FFFFFF";
        if (color === undefined) color = f;
        else if (color !== f) return null; // mixed fills load as null
      }
    return color ?? "#FFFFFF";
  }
  get color(): string | null {
    return this.read("color");
  }
  set color(v: string | null) {
    this.set("color", jsonBytes(v), () => {
      const b = toBox(this.range.area("RangeFill.color"));
      this.wb.setFill(b, v);
      this.wb.formats.push({
        sheet: b.sheet,
        address: boxAddress(b, false),
        prop: "fill.color",
        value: v,
      });
    });
  }
  clear(): void {
    this.call("clear", [], () =>
      this.wb.setFill(toBox(this.range.area("RangeFill.clear")), null),
    );
  }
}

// ---- collections ------------------------------------------------------------------------------

/** A proxy kind's constructor: every kind of Resolved proxy takes these arguments. */
type ProxyKind<T, P> = new (
  context: FakeContext,
  where: string,
  resolve: Resolver<T>,
  nullable?: boolean,
) => P;

/** A collection proxy: load("items/name") (or load("name")) loads its items; getCount() is a ClientResult. */
abstract class Collection<T, P extends ClientObject> extends ClientObject {
  private itemsLoaded: P[] | undefined;
  constructor(
    context: FakeContext,
    className: string,
    protected readonly list: () => T[],
    private readonly kind: ProxyKind<T, P>,
  ) {
    super(context, className);
  }
  private child(t: T): P {
    return new this.kind(this.context, `${this._className}.items`, { now: t });
  }
  /** The proxy of an item `find` picks at sync ("TableCollection.getItem"): ItemNotFound when it finds none, or a null object when `nullable`. */
  protected item(method: string, find: () => T | null, nullable = false): P {
    return new this.kind(
      this.context,
      `${this._className}.${method}`,
      find,
      nullable,
    );
  }
  /** The item at an index of the list as it is at sync. */
  protected itemAt(method: string, i: number, nullable = false): P {
    return this.item(method, () => this.list()[i] ?? null, nullable);
  }
  override load(props?: unknown): this {
    const list = propList(props)
      .map((p) => p.replace(/^items\/?/, ""))
      .filter(Boolean);
    this.context.enqueue(
      `${this._className}.load`,
      ACTION_BYTES + jsonBytes(list),
      () => {
        const children = this.list().map((t) => this.child(t));
        let bytes = 2;
        const commits: (() => void)[] = [];
        for (const ch of children) {
          const vals: Record<string, unknown> = {};
          const wanted = list.length
            ? list
            : (ch as unknown as { scalarProps: string[] }).scalarProps;
          for (const p of wanted)
            vals[p] = (
              ch as unknown as { snapshot(p: string): unknown }
            ).snapshot(p);
          bytes += jsonBytes(vals);
          commits.push(() =>
            Object.assign(
              (ch as unknown as { loaded: Record<string, unknown> }).loaded,
              vals,
            ),
          );
        }
        return {
          bytes,
          commit: () => {
            commits.forEach((c) => c());
            this.itemsLoaded = children;
          },
        };
      },
    );
    return this;
  }
  get items(): P[] {
    if (!this.itemsLoaded) throw ERR.notLoaded(`${this._className}.items`);
    return this.itemsLoaded;
  }
  getCount(): ClientResult<number> {
    return this.context.result(
      `${this._className}.getCount`,
      () => this.list().length,
    );
  }
  get count(): number {
    return this.read("count");
  }
}

/** A collection whose items are found by a key: getItem (ItemNotFound) and getItemOrNullObject. */
abstract class KeyedCollection<K, T, P extends ClientObject> extends Collection<
  T,
  P
> {
  protected abstract find(key: K): T | null;
  getItem(key: K): P {
    return this.item("getItem", () => this.find(key));
  }
  getItemOrNullObject(key: K): P {
    return this.item("getItemOrNullObject", () => this.find(key), true);
  }
}

/** Excel.RangeAreas: several rectangles of one sheet (here: what getSpecialCells found). */
export class FakeRangeAreas extends Resolved<Area[]> {
  static override readonly className = "RangeAreas";
  protected override scalarProps = ["address", "areaCount"];
  protected snap(t: Area[], p: string): unknown {
    switch (p) {
      case "areaCount":
        return t.length;
      case "address":
        return t.map((a) => boxAddress(toBox(a))).join(",");
      default:
        throw this.notPart(p);
    }
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get address(): string {
    return this.read("address");
  }
  /** the areas as ranges (a collection: load "items/…") */
  get areas(): FakeRangeAreaCollection {
    return this.kid(
      "areas",
      () =>
        new FakeRangeAreaCollection(this.context, () =>
          this.it("RangeAreas.areas"),
        ),
    );
  }
}

class FakeRangeAreaCollection extends Collection<Area, FakeRange> {
  constructor(context: FakeContext, list: () => Area[]) {
    super(context, "RangeCollection", list, FakeRange);
  }
}

// ---- worksheets -------------------------------------------------------------------------------

export class FakeWorksheet extends Resolved<SheetModel> {
  static override readonly className = "Worksheet";
  protected override readonly checksBounds = true;
  protected override scalarProps = ["name", "id", "position", "visibility"];
  protected override gone(s: SheetModel) {
    return this.wb.sheetList.includes(s)
      ? undefined
      : "The worksheet was deleted.";
  }
  /** The sheet (inside a queued op). */
  sheetModel(where?: string): SheetModel {
    return this.it(where);
  }
  protected snap(s: SheetModel, p: string): unknown {
    switch (p) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.wb.sheetList.indexOf(s);
      case "visibility":
        return "Visible";
      default:
        throw this.cannotLoad(p, "worksheet");
    }
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", jsonBytes(v), () =>
      this.wb.renameSheet(this.sheetModel("Worksheet.name").name, v),
    );
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }

  getRange(address?: string): FakeRange {
    return this.rangeFrom("getRange", (s) => {
      if (address === undefined || address === "")
        return { sm: s, r: 0, c: 0, h: MAX_ROWS, w: MAX_COLS };
      const p = parseAddress(address);
      if (!p) {
        const name = this.wb.names.find(
          (n) => n.name.toLowerCase() === address.toLowerCase(),
        );
        if (name?.box) return toArea(this.wb, name.box);
        throw new FakeError(
          "InvalidArgument",
          `The address '${address}' is not valid.`,
          "Worksheet.getRange",
        );
      }
      if (p.c + p.w > MAX_COLS || p.r + p.h > MAX_ROWS)
        throw new FakeError(
          "InvalidArgument",
          `The address '${address}' is beyond the sheet (${MAX_ROWS} rows × ${MAX_COLS} columns).`,
          "Worksheet.getRange",
        );
      return {
        sm: p.sheet ? this.wb.model(p.sheet) : s,
        r: p.r,
        c: p.c,
        h: p.h,
        w: p.w,
      };
    });
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): FakeRange {
    return this.rangeFrom("getRangeByIndexes", (s) => ({
      sm: s,
      r: startRow,
      c: startColumn,
      h: rowCount,
      w: columnCount,
    }));
  }
  getCell(row: number, column: number): FakeRange {
    return this.rangeFrom("getCell", (s) => ({
      sm: s,
      r: row,
      c: column,
      h: 1,
      w: 1,
    }));
  }
  /** Excel: a blank sheet's used range is A1 (it does not throw). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.rangeFrom(
      "getUsedRange",
      (s) => usedArea(s, !!valuesOnly) ?? { sm: s, r: 0, c: 0, h: 1, w: 1 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.rangeFrom(
      "getUsedRangeOrNullObject",
      (s) => usedArea(s, !!valuesOnly),
      true,
    );
  }
  get tables(): FakeTableCollection {
    return this.kid(
      "tables",
      () =>
        new FakeTableCollection(
          this.context,
          () => {
            const s = this.sheetModel("Worksheet.tables");
            return this.wb.tables.filter((t) => t.sheet === s.name);
          },
          this,
        ),
    );
  }
  get names(): FakeNamedItemCollection {
    return this.kid(
      "names",
      () =>
        new FakeNamedItemCollection(
          this.context,
          () => this.sheetModel("Worksheet.names").id,
        ),
    );
  }
  get customProperties(): FakeWorksheetCustomPropertyCollection {
    return this.kid(
      "customProperties",
      () =>
        new FakeWorksheetCustomPropertyCollection(this.context, () =>
          this.sheetModel("Worksheet.customProperties"),
        ),
    );
  }
  get protection(): FakeWorksheetProtection {
    return this.kid("protection", () => new FakeWorksheetProtection(this));
  }
  get autoFilter() {
    return {
      apply: (
        range: FakeRange | string,
        columnIndex?: number,
        criteria?: Record<string, unknown>,
      ) => {
        const r = typeof range === "string" ? this.getRange(range) : range;
        this.call("autoFilter.apply", [columnIndex, criteria], () => {
          const a = r.area("AutoFilter.apply");
          if (columnIndex !== undefined && criteria)
            this.wb.applyFilter(toBox(a), columnIndex, criteria);
          else this.wb.applyFilter(toBox(a), 0, {});
        });
      },
      clearCriteria: () =>
        this.call("autoFilter.clearCriteria", [], () =>
          this.wb.clearFilter(this.sheetModel().name, false),
        ),
      remove: () =>
        this.call("autoFilter.remove", [], () =>
          this.wb.clearFilter(this.sheetModel().name, true),
        ),
    };
  }
  calculate(markAllDirty: boolean): void {
    this.call("calculate", [markAllDirty], () => {
      this.wb.calculations.push({
        kind: "sheetCalculate",
        sheet: this.sheetModel("Worksheet.calculate").name,
        address: "",
        markAllDirty,
      });
    });
  }
  delete(): void {
    this.call("delete", [], () =>
      this.wb.deleteSheet(this.sheetModel("Worksheet.delete").name),
    );
  }
  activate(): void {
    this.call("activate", [], () => {
      this.wb.activeSheet = this.sheetModel("Worksheet.activate").name;
    });
  }
  private sheetEvent(name: string) {
    return this.event(name, () => this.sheetModel(`Worksheet.${name}`).id);
  }
  get onChanged() {
    return this.sheetEvent("onChanged");
  }
  get onSelectionChanged() {
    return this.sheetEvent("onSelectionChanged");
  }
  get onCalculated() {
    return this.sheetEvent("onCalculated");
  }
  get onFormatChanged() {
    return this.sheetEvent("onFormatChanged");
  }
}

class FakeWorksheetProtection extends ClientObject {
  constructor(private readonly sheet: FakeWorksheet) {
    super(sheet.context, "WorksheetProtection");
    this.scalarProps = ["protected"];
  }
  protected override snapshot(p: string): unknown {
    if (p === "protected")
      return this.sheet.sheetModel("WorksheetProtection.protected").protected;
    return super.snapshot(p);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(_options?: unknown, _password?: string): void {
    this.call("protect", [], () => {
      const s = this.sheet.sheetModel("WorksheetProtection.protect");
      if (s.protected)
        throw new FakeError(
          "InvalidOperation",
          "The worksheet is already protected.",
          "WorksheetProtection.protect",
        );
      s.protected = true;
    });
  }
  unprotect(_password?: string): void {
    this.call("unprotect", [], () => {
      this.sheet.sheetModel("WorksheetProtection.unprotect").protected = false;
    });
  }
}

class FakeWorksheetCollection extends KeyedCollection<
  string,
  SheetModel,
  FakeWorksheet
> {
  constructor(context: FakeContext) {
    super(
      context,
      "WorksheetCollection",
      () => context.wb.sheetList,
      FakeWorksheet,
    );
  }
  protected find(key: string): SheetModel | null {
    return this.wb.findSheet(key) ?? null;
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.item("getActiveWorksheet", () =>
      this.wb.model(this.wb.activeSheet),
    );
  }
  getFirst(): FakeWorksheet {
    return this.itemAt("getFirst", 0);
  }
  add(name?: string): FakeWorksheet {
    return this.item("add", () => {
      let n = name;
      for (let k = this.wb.sheetList.length + 1; !n; k++)
        if (!this.wb.findSheet(`Sheet${k}`)) n = `Sheet${k}`;
      return this.wb.addSheet(n);
    });
  }
  get onChanged() {
    return {
      add: (handler: Handler) => {
        this.wb.handlers.push({ event: "onChanged", handler });
        return { remove: () => undefined };
      },
    };
  }
}

// ---- tables -----------------------------------------------------------------------------------

/** Rows of a table's data body (without header and totals rows; Excel keeps at least one). */
function bodyRows(t: TableModel): number {
  return t.rows - 1 - (t.showTotals ? 1 : 0);
}

/** The rows of a table's totals row; null when it is not shown. */
const totalsRow = (t: TableModel) =>
  t.showTotals ? { r: t.top + t.rows - 1, h: 1 } : null;

/**
 * Table and TableColumn: the ranges of the whole, the header row, the data body and the totals
 * row. Both take the same rows of the table; a column takes its own cells of them.
 */
abstract class TablePart<T> extends Resolved<T> {
  /** the table, and the columns this proxy covers */
  protected abstract cells(x: T): { t: TableModel; c: number; w: number };
  protected part(
    method: string,
    rows: (t: TableModel) => { r: number; h: number } | null,
    nullable = false,
  ): FakeRange {
    return this.rangeFrom(
      method,
      (x) => {
        const { t, c, w } = this.cells(x);
        const span = rows(t);
        return (
          span && { sm: this.wb.model(t.sheet), r: span.r, h: span.h, c, w }
        );
      },
      nullable,
    );
  }
  getRange(): FakeRange {
    return this.part("getRange", (t) => ({ r: t.top, h: t.rows }));
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => ({ r: t.top, h: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => ({
      r: t.top + 1,
      h: Math.max(1, bodyRows(t)),
    }));
  }
  getTotalRowRange(): FakeRange {
    const where = `${this._className}.getTotalRowRange`;
    return this.part("getTotalRowRange", (t) => {
      const rows = totalsRow(t);
      if (!rows)
        throw new FakeError(
          "InvalidOperation",
          "The table has no totals row.",
          where,
        );
      return rows;
    });
  }
}

export class FakeTable extends TablePart<TableModel> {
  static override readonly className = "Table";
  protected override scalarProps = ["name", "id", "showTotals", "showHeaders"];
  protected override gone(t: TableModel) {
    return this.wb.tables.includes(t) ? undefined : "The table was deleted.";
  }
  model(where?: string): TableModel {
    return this.it(where);
  }
  protected snap(t: TableModel, p: string): unknown {
    switch (p) {
      case "name":
        return t.name;
      case "id":
        return t.id;
      case "showTotals":
        return t.showTotals;
      case "showHeaders":
        return true;
      default:
        throw this.cannotLoad(p, "table");
    }
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", jsonBytes(v), () => {
      this.model("Table.name").name = v;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  /** Showing the totals row adds a row below the body; Excel refuses when that row is not empty. */
  set showTotals(v: boolean) {
    this.set("showTotals", 5, () => {
      const t = this.model("Table.showTotals");
      if (v === t.showTotals) return;
      const s = this.wb.model(t.sheet);
      if (v) {
        const r = t.top + t.rows;
        for (let c = t.left; c < t.left + t.cols; c++)
          if (!SheetModel.isEmpty(s.get(r, c)))
            throw new FakeError(
              "InvalidOperation",
              "The totals row cannot be shown: the row below the table is not empty.",
              "Table.showTotals",
            );
        t.rows++;
        t.showTotals = true;
        s.set(r, t.left, { v: "Total" });
      } else {
        const r = t.top + t.rows - 1;
        for (let c = t.left; c < t.left + t.cols; c++) s.set(r, c, undefined);
        t.rows--;
        t.showTotals = false;
      }
    });
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "Table.worksheet", () =>
      this.wb.model(this.model("Table.worksheet").sheet),
    );
  }
  protected cells(t: TableModel) {
    return { t, c: t.left, w: t.cols };
  }
  getTotalRowRangeOrNullObject(): FakeRange {
    return this.part("getTotalRowRangeOrNullObject", totalsRow, true);
  }
  get columns(): FakeTableColumnCollection {
    return this.kid("columns", () => new FakeTableColumnCollection(this));
  }
  get rows() {
    return {
      getCount: () =>
        this.context.result("TableRowCollection.getCount", () => {
          return bodyRows(this.model());
        }),
    };
  }
  delete(): void {
    this.call("delete", [], () => {
      const t = this.model("Table.delete");
      const s = this.wb.model(t.sheet);
      for (let r = t.top; r < t.top + t.rows; r++)
        for (let c = t.left; c < t.left + t.cols; c++) s.set(r, c, undefined);
      this.wb.tables.splice(this.wb.tables.indexOf(t), 1);
    });
  }
  convertToRange(): FakeRange {
    const range = this.getRange();
    this.call("convertToRange", [], () => {
      const t = this.model("Table.convertToRange");
      this.wb.tables.splice(this.wb.tables.indexOf(t), 1);
    });
    return range;
  }
}

export class FakeTableCollection extends KeyedCollection<
  string,
  TableModel,
  FakeTable
> {
  /** sheet: the worksheet whose tables these are (tables.add("A1:B2") goes there); none for workbook.tables */
  constructor(
    context: FakeContext,
    list: () => TableModel[],
    private readonly sheet?: FakeWorksheet,
  ) {
    super(context, "TableCollection", list, FakeTable);
  }
  protected find(key: string): TableModel | null {
    const k = key.toLowerCase();
    return (
      this.list().find((t) => t.name.toLowerCase() === k || t.id === key) ??
      null
    );
  }
  getItemAt(i: number): FakeTable {
    return this.itemAt("getItemAt", i);
  }
  getFirst(): FakeTable {
    return this.itemAt("getFirst", 0);
  }
  getFirstOrNullObject(): FakeTable {
    return this.itemAt("getFirstOrNullObject", 0, true);
  }
  /** tables.add(address or range, hasHeaders): the header row is the first row (Column1… when hasHeaders is false). */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const where = "TableCollection.add";
    const range = typeof address === "string" ? null : address;
    return this.item("add", () => {
      let a: Area;
      if (range) a = range.area(where);
      else {
        const p = parseAddress(address as string);
        if (!p)
          throw new FakeError(
            "InvalidArgument",
            `The address '${address}' is not valid.`,
            where,
          );
        const sm = p.sheet
          ? this.context.wb.model(p.sheet)
          : this.sheet
            ? this.sheet.sheetModel(where)
            : this.context.wb.model(this.context.wb.activeSheet);
        a = { sm, r: p.r, c: p.c, h: p.h, w: p.w };
      }
      const wb = this.context.wb;
      const box = toBox(a);
      if (
        wb.tables.some(
          (t) => t.sheet === box.sheet && overlaps(tableBox(t), box),
        )
      )
        throw new FakeError(
          "InvalidOperation",
          "A table can't overlap another table.",
          where,
        );
      if (a.sm.merges.some((m) => overlaps(m, box)))
        throw new FakeError(
          "InvalidOperation",
          "A table can't overlap a range that contains merged cells.",
          where,
        );
      let top = a.r,
        rows = a.h;
      if (!hasHeaders) {
        // Excel inserts a header row above the data, shifting the data down one row inside the columns
        if (top === 0)
          throw new FakeError(
            "InvalidOperation",
            "The table needs a row above the data for its header.",
            where,
          );
        top -= 1;
        rows += 1;
        for (let j = 0; j < a.w; j++) {
          if (!SheetModel.isEmpty(a.sm.get(top, a.c + j)))
            throw new FakeError(
              "InvalidOperation",
              "The row above the data is not empty.",
              where,
            );
          a.sm.set(top, a.c + j, { v: `Column${j + 1}` });
        }
      } else {
        const seen = new Set<string>();
        for (let j = 0; j < a.w; j++) {
          let h = String(
            wb.valueAt(a.sm.name, top, a.c + j) || `Column${j + 1}`,
          );
          for (let k = 2; seen.has(h.toLowerCase()); k++)
            h = `${String(wb.valueAt(a.sm.name, top, a.c + j)) || "Column"}${k}`;
          seen.add(h.toLowerCase());
          // Excel makes headers text and unique
          a.sm.set(top, a.c + j, {
            ...(a.sm.get(top, a.c + j) ?? {}),
            v: h,
            f: undefined,
          });
        }
      }
      let n = wb.tables.length + 1;
      while (wb.tables.some((t) => t.name === `Table${n}`)) n++;
      return wb.addTable(`Table${n}`, a.sm.name, top, a.c, rows, a.w);
    });
  }
}

/** A table's column: the table and the column's offset in it. */
interface ColumnRef {
  t: TableModel;
  j: number;
}
class FakeTableColumn extends TablePart<ColumnRef> {
  static override readonly className = "TableColumn";
  protected override scalarProps = ["name", "id", "index"];
  protected snap(x: ColumnRef, p: string): unknown {
    switch (p) {
      case "name":
        return String(this.wb.valueAt(x.t.sheet, x.t.top, x.t.left + x.j));
      case "id":
        return x.j + 1;
      case "index":
        return x.j;
      case "values": {
        const out: unknown[][] = [];
        for (let r = x.t.top; r < x.t.top + x.t.rows; r++)
          out.push([this.wb.valueAt(x.t.sheet, r, x.t.left + x.j)]);
        return out;
      }
      default:
        throw this.cannotLoad(p, "table column");
    }
  }
  get name(): string {
    return this.read("name");
  }
  get index(): number {
    return this.read("index");
  }
  get id(): number {
    return this.read("id");
  }
  protected cells({ t, j }: ColumnRef) {
    return { t, c: t.left + j, w: 1 };
  }
  /** Deletes the column's cells inside the table; cells right of it in the table's rows shift left. */
  delete(): void {
    this.call("delete", [], () => {
      const { t, j } = this.it("TableColumn.delete");
      if (t.cols === 1)
        throw new FakeError(
          "InvalidOperation",
          "A table must keep at least one column.",
          "TableColumn.delete",
        );
      this.wb.deleteColumns(
        t.sheet,
        t.left + j,
        1,
        t.top,
        t.rows,
        "TableColumn.delete",
      );
    });
  }
}

class FakeTableColumnCollection extends KeyedCollection<
  string | number,
  ColumnRef,
  FakeTableColumn
> {
  constructor(private readonly table: FakeTable) {
    super(
      table.context,
      "TableColumnCollection",
      () => {
        const t = table.model("TableColumnCollection");
        return Array.from({ length: t.cols }, (_, j) => ({ t, j }));
      },
      FakeTableColumn,
    );
  }
  protected find(key: string | number): ColumnRef | null {
    const t = this.table.model("TableColumnCollection.getItem");
    if (typeof key === "number")
      return key >= 1 && key <= t.cols ? { t, j: key - 1 } : null;
    for (let j = 0; j < t.cols; j++)
      if (
        String(this.wb.valueAt(t.sheet, t.top, t.left + j)).toLowerCase() ===
        key.toLowerCase()
      )
        return { t, j };
    return null;
  }
  getItemAt(index: number): FakeTableColumn {
    return this.item("getItemAt", () => {
      const t = this.table.model();
      return index >= 0 && index < t.cols ? { t, j: index } : null;
    });
  }
  /**
   * Adds a column at `index` (null/-1/undefined: at the end). Like Excel's "Insert Table Column",
   * this inserts cells over the table's rows only: cells right of the insertion point in those
   * rows shift one column right (nothing is overwritten); rows above and below do not move. A
   * shift that would cut through another table or a merged area fails with InsertDeleteConflict.
   */
  add(index?: number | null, values?: unknown, name?: string): FakeTableColumn {
    const where = "TableColumnCollection.add";
    return this.item("add", () => {
      const t = this.table.model(where);
      const j =
        index === undefined || index === null || index === -1 ? t.cols : index;
      if (j < 0 || j > t.cols)
        throw new FakeError(
          "InvalidArgument",
          `The index ${index} is out of range (0–${t.cols}).`,
          where,
        );
      const s = this.wb.model(t.sheet);
      const c = t.left + j;
      if (j === t.cols) {
        // at the end: insert cells right of the table over its rows, then widen the table
        this.wb.insertColumns(t.sheet, c, 1, t.top, t.rows, where);
        t.cols++;
        s.set(t.top, c, { v: name ?? "" });
        if (!name) s.set(t.top, c, { v: freeColumnName(t, s) });
      } else if (j === 0) {
        this.wb.insertColumns(t.sheet, c, 1, t.top, t.rows, where); // moved the table right: take it back
        t.left = c;
        t.cols++;
        const shifted = new Map<number, string>();
        for (const [k, f] of t.calculated) shifted.set(k + 1, f);
        t.calculated = shifted;
        s.set(t.top, c, { v: name ?? freeColumnName(t, s, c) });
      } else {
        this.wb.insertColumns(t.sheet, c, 1, t.top, t.rows, where); // widens the table itself
        s.set(t.top, c, { v: name ?? freeColumnName(t, s, c) });
      }
      this.wb.fixTableHeaders(s, { sheet: t.sheet, r: t.top, c, h: 1, w: 1 });
      if (values !== undefined && values !== null) {
        const grid = Array.isArray(values)
          ? (values as unknown[][])
          : Array.from({ length: t.rows }, () => [values]);
        this.wb.write(
          { sheet: t.sheet, r: t.top, c, h: grid.length, w: 1 },
          grid,
          "values",
          where,
        );
        if (name)
          s.set(t.top, c, {
            ...(s.get(t.top, c) ?? {}),
            v: name,
            f: undefined,
          });
      }
      return { t, j };
    });
  }
}

// ---- conditional formats ------------------------------------------------------------------------

class FakeConditionalFormat extends Resolved<ConditionalFormatRecord> {
  static override readonly className = "ConditionalFormat";
  protected override scalarProps = ["id", "type", "priority", "stopIfTrue"];
  protected override gone(f: ConditionalFormatRecord) {
    return this.wb.conditionalFormats.includes(f)
      ? undefined
      : "The conditional format was deleted.";
  }
  record(where?: string): ConditionalFormatRecord {
    return this.it(where);
  }
  protected snap(f: ConditionalFormatRecord, p: string): unknown {
    switch (p) {
      case "id":
        return f.id;
      case "type":
        return f.type;
      case "priority":
        return this.wb.conditionalFormats
          .filter((x) => x.sheet === f.sheet)
          .indexOf(f);
      case "stopIfTrue":
        return false;
      default:
        throw this.cannotLoad(p, "conditional format");
    }
  }
  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  /** cellValue, custom, containsText, ...: the same rule and format, seen through the type's name */
  private typed(kind: string) {
    const self = this;
    const where = `ConditionalFormat.${kind}`;
    const setColor = (part: "fill" | "font", v: string) =>
      self.set(`${kind}.format.${part}.color`, jsonBytes(v), () => {
        self.record(where).format[part].color = v;
      });
    const format = {
      fill: {
        set color(v: string) {
          setColor("fill", v);
        },
        clear() {
          self.set(`${kind}.format.fill.clear`, 0, () => {
            delete self.record(where).format.fill.color;
          });
        },
      },
      font: {
        set color(v: string) {
          setColor("font", v);
        },
      },
    };
    const ruleProxy = new Proxy({} as Record<string, unknown>, {
      set(_o, key, value) {
        self.set(`${kind}.rule.${String(key)}`, jsonBytes(value), () => {
          self.record(where).rule[String(key)] = value;
        });
        return true;
      },
      get(_o, key) {
        if (key === "load") return () => ruleProxy;
        throw ERR.notLoaded(`ConditionalFormatRule.${String(key)}`);
      },
    });
    return {
      format,
      get rule(): Record<string, unknown> {
        return ruleProxy;
      },
      set rule(v: Record<string, unknown>) {
        self.set(`${kind}.rule`, jsonBytes(v), () => {
          Object.assign(self.record(where).rule, v);
        });
      },
    };
  }
  get cellValue() {
    return this.kid("cellValue", () => this.typed("cellValue"));
  }
  get custom() {
    return this.kid("custom", () => this.typed("custom"));
  }
  get containsText() {
    return this.kid("textComparison", () => this.typed("textComparison"));
  }
  get textComparison() {
    return this.kid("textComparison", () => this.typed("textComparison"));
  }
  get presetCriteria() {
    return this.kid("preset", () => this.typed("preset"));
  }
  get topBottom() {
    return this.kid("topBottom", () => this.typed("topBottom"));
  }
  delete(): void {
    this.call("delete", [], () => {
      const f = this.record("ConditionalFormat.delete");
      this.wb.conditionalFormats.splice(
        this.wb.conditionalFormats.indexOf(f),
        1,
      );
    });
  }
  getRange(): FakeRange {
    return this.rangeFrom("getRange", (f) => {
      if (f.areas.length > 1)
        throw new FakeError(
          "InvalidOperation",
          "The conditional format applies to more than one area: use getRanges().",
          "ConditionalFormat.getRange",
        );
      return { sm: this.wb.model(f.sheet), ...f.areas[0]! };
    });
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      "ConditionalFormat.getRangeOrNullObject",
      () => {
        const f = this.record();
        return f.areas.length === 1
          ? { sm: this.wb.model(f.sheet), ...f.areas[0]! }
          : null;
      },
      true,
    );
  }
  /** The areas as an address list ("A1:A5, A8:A10"), a ClientResult here (Excel returns RangeAreas). */
  getRanges(): { address: ClientResult<string> } {
    return {
      address: this.context.result("ConditionalFormat.getRanges", () =>
        this.record()
          .areas.map((a) => boxAddress(a))
          .join(", "),
      ),
    };
  }
}

class FakeConditionalFormatCollection extends KeyedCollection<
  string,
  ConditionalFormatRecord,
  FakeConditionalFormat
> {
  constructor(
    context: FakeContext,
    private readonly box: () => Box,
  ) {
    super(
      context,
      "ConditionalFormatCollection",
      () => context.wb.conditionalFormatsOn(box()),
      FakeConditionalFormat,
    );
  }
  protected find(id: string): ConditionalFormatRecord | null {
    return this.list().find((f) => f.id === id) ?? null;
  }
  add(type: string): FakeConditionalFormat {
    return this.item("add", () => {
      const b = this.box();
      this.wb.model(b.sheet);
      return this.wb.addConditionalFormat(b, type);
    });
  }
  getItemAt(index: number): FakeConditionalFormat {
    return this.itemAt("getItemAt", index);
  }
  clearAll(): void {
    this.call("clearAll", [], () => this.wb.trimConditionalFormats(this.box()));
  }
}

// ---- names, custom properties ------------------------------------------------------------------

class FakeNamedItem extends Resolved<NameRecord> {
  static override readonly className = "NamedItem";
  protected override scalarProps = [
    "name",
    "type",
    "value",
    "formula",
    "visible",
    "comment",
  ];
  protected snap(n: NameRecord, p: string): unknown {
    const abs = (b: Box) => {
      const a = boxAddress(b);
      return a
        .replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")
        .replace(/(^|[!:])([A-Z]+)(?=:|$)/g, "$1$$$2");
    };
    switch (p) {
      case "name":
        return n.name;
      case "type":
        return n.box ? "Range" : "Error";
      case "value":
        return n.box ? abs(n.box) : "#REF!";
      case "formula":
        return n.box ? `=${abs(n.box)}` : "=#REF!";
      case "visible":
        return true;
      case "comment":
        return n.comment ?? "";
      case "scope":
        return n.scope ? "Worksheet" : "Workbook";
      default:
        throw this.cannotLoad(p, "name");
    }
  }
  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): string {
    return this.read("value");
  }
  get formula(): string {
    return this.read("formula");
  }
  get comment(): string {
    return this.read("comment");
  }
  getRange(): FakeRange {
    return this.rangeFrom("getRange", (n) => {
      if (!n.box)
        throw new FakeError(
          "InvalidReference",
          "The name refers to deleted cells (#REF!).",
          "NamedItem.getRange",
        );
      return toArea(this.wb, n.box);
    });
  }
  getRangeOrNullObject(): FakeRange {
    return this.rangeFrom(
      "getRangeOrNullObject",
      (n) => n.box && toArea(this.wb, n.box),
      true,
    );
  }
  delete(): void {
    this.call("delete", [], () => {
      const n = this.it("NamedItem.delete");
      this.wb.names.splice(this.wb.names.indexOf(n), 1);
    });
  }
}

class FakeNamedItemCollection extends KeyedCollection<
  string,
  NameRecord,
  FakeNamedItem
> {
  /** scope: a worksheet's id (worksheet.names) or undefined (workbook.names) */
  constructor(
    context: FakeContext,
    private readonly scope: () => string | undefined,
  ) {
    super(
      context,
      "NamedItemCollection",
      () => {
        const sc = scope();
        return context.wb.names.filter((n) => n.scope === sc);
      },
      FakeNamedItem,
    );
  }
  protected find(name: string): NameRecord | null {
    return (
      this.list().find((n) => n.name.toLowerCase() === name.toLowerCase()) ??
      null
    );
  }
  add(
    name: string,
    reference: FakeRange | string,
    comment?: string,
  ): FakeNamedItem {
    const where = "NamedItemCollection.add";
    return this.item("add", () => {
      let box: Box;
      if (typeof reference === "string") {
        const p = parseAddress(reference.replace(/^=/, ""));
        if (!p || !p.sheet)
          throw new FakeError(
            "InvalidArgument",
            `The reference '${reference}' is not valid.`,
            where,
          );
        box = {
          sheet: this.wb.model(p.sheet).name,
          r: p.r,
          c: p.c,
          h: p.h,
          w: p.w,
        };
      } else box = toBox(reference.area(where));
      return this.wb.addName(name, box, comment, this.scope(), where);
    });
  }
}

interface PropEntry {
  sm: SheetModel;
  key: string;
}
class FakeWorksheetCustomProperty extends Resolved<PropEntry> {
  static override readonly className = "WorksheetCustomProperty";
  protected override scalarProps = ["key", "value"];
  private entry(where?: string) {
    const e = this.it(where);
    const v = e.sm.customProperties.get(e.key.toLowerCase());
    if (!v)
      throw new FakeError(
        "ItemNotFound",
        "The custom property was deleted.",
        where,
      );
    return v;
  }
  protected snap(_e: PropEntry, p: string): unknown {
    const v = this.entry(`WorksheetCustomProperty.${p}`);
    if (p === "key") return v.key;
    if (p === "value") return v.value;
    throw this.cannotLoad(p, "custom property");
  }
  get key(): string {
    return this.read("key");
  }
  get value(): string {
    return this.read("value");
  }
  set value(v: string) {
    this.set("value", jsonBytes(v), () => {
      this.entry("WorksheetCustomProperty.value").value = String(v);
    });
  }
  delete(): void {
    this.call("delete", [], () => {
      const e = this.it("WorksheetCustomProperty.delete");
      e.sm.customProperties.delete(e.key.toLowerCase());
    });
  }
}

/** worksheet.customProperties (ExcelApi 1.12): keys case-insensitive, at most 255 characters (InvalidArgument). */
class FakeWorksheetCustomPropertyCollection extends KeyedCollection<
  string,
  PropEntry,
  FakeWorksheetCustomProperty
> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(
      context,
      "WorksheetCustomPropertyCollection",
      () => {
        const sm = sheet();
        return [...sm.customProperties.values()].map((v) => ({
          sm,
          key: v.key,
        }));
      },
      FakeWorksheetCustomProperty,
    );
  }
  /** Adds, or overwrites the property with that key (the docs: "This overwrites existing custom properties with that key"). */
  add(key: string, value: string): FakeWorksheetCustomProperty {
    const where = "WorksheetCustomPropertyCollection.add";
    return this.item("add", () => {
      if (typeof key !== "string" || key.length === 0 || key.length > 255)
        throw new FakeError(
          "InvalidArgument",
          `The key must be 1 to 255 characters (got ${typeof key === "string" ? key.length : typeof key}).`,
          where,
        );
      const sm = this.sheet();
      sm.customProperties.set(key.toLowerCase(), { key, value: String(value) });
      return { sm, key };
    });
  }
  protected find(key: string): PropEntry | null {
    const sm = this.sheet();
    const v = sm.customProperties.get(key.toLowerCase());
    return v ? { sm, key: v.key } : null;
  }
}

// ---- the workbook proxy -------------------------------------------------------------------------

export class FakeWorkbookProxy extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  constructor(context: FakeContext) {
    super(context, "Workbook");
    this.worksheets = new FakeWorksheetCollection(context);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, "Workbook.getSelectedRange", () =>
      toArea(this.wb, this.wb.selection),
    );
  }
  get tables(): FakeTableCollection {
    return this.kid(
      "tables",
      () => new FakeTableCollection(this.context, () => this.wb.tables),
    );
  }
  get names(): FakeNamedItemCollection {
    return this.kid(
      "names",
      () => new FakeNamedItemCollection(this.context, () => undefined),
    );
  }
  get application() {
    return {
      calculate: (calculationType: string) =>
        this.call("application.calculate", [calculationType], () => {
          this.wb.calculations.push({
            kind: "applicationCalculate",
            sheet: "",
            address: "",
          });
        }),
      suspendApiCalculationUntilNextSync: () =>
        this.call(
          "application.suspendApiCalculationUntilNextSync",
          [],
          () => undefined,
        ),
    };
  }
  get onSelectionChanged() {
    return this.event("onSelectionChanged");
  }
}

// ---------------------------------------------------------------------------------------------
// Globals: Excel, Office, OfficeExtension, CustomFunctions

/** Installs globals `Excel`, `Office`, `OfficeExtension` and `CustomFunctions` backed by the workbook; returns it. */
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
  target.OfficeExtension = {
    Error: FakeError,
    ClientResult,
    ErrorCodes: {
      propertyNotLoaded: "PropertyNotLoaded",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };
  target.Excel = {
    SpecialCellType: { formulas: "Formulas" },
    ConditionalFormatType: {
      cellValue: "CellValue",
      custom: "Custom",
      containsText: "ContainsText",
      dataBar: "DataBar",
      colorScale: "ColorScale",
      iconSet: "IconSet",
      topBottom: "TopBottom",
      presetCriteria: "PresetCriteria",
    },
    InsertShiftDirection: { right: "Right", down: "Down" },
    DeleteShiftDirection: { left: "Left", up: "Up" },
    ClearApplyTo: {
      all: "All",
      formats: "Formats",
      contents: "Contents",
      hyperlinks: "Hyperlinks",
      removeHyperlinks: "RemoveHyperlinks",
    },
    SortOrientation: { rows: "Rows", columns: "Columns" },
    FilterOn: { values: "Values", custom: "Custom" },
    CalculationType: {
      recalculate: "Recalculate",
      full: "Full",
      fullRebuild: "FullRebuild",
    },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      insertDeleteConflict: "InsertDeleteConflict",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      rangeExceedsLimit: "RangeExceedsLimit",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
    },
    RequestContext: FakeContext,
    run: async (a: unknown, b?: unknown) => {
      const options = (typeof a === "function" ? {} : (a ?? {})) as {
        mergeUndoGroup?: boolean;
        delayForCellEdit?: boolean;
      };
      const batch = (typeof a === "function" ? a : b) as (
        ctx: FakeContext,
      ) => Promise<unknown>;
      wb.runs.push({
        mergeUndoGroup: !!options.mergeUndoGroup,
        ...(options.delayForCellEdit ? { delayForCellEdit: true } : {}),
      });
      if (wb.cellEditMode) {
        if (!options.delayForCellEdit)
          throw new FakeError(
            "InvalidOperationInCellEditMode",
            "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
          );
        while (wb.cellEditMode) await new Promise((r) => setTimeout(r, 5));
      }
      const ctx = new FakeContext(wb);
      const result = await batch(ctx);
      // Excel.run sends what is still queued when the batch function's promise resolves
      if (ctx.pendingActions > 0) await ctx.sync();
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
  const settingsHandlers: unknown[] = [];
  /** a setting as Office keeps it: through JSON (undefined becomes null) */
  const viaJson = (v: unknown): unknown =>
    JSON.parse(JSON.stringify(v) ?? "null");
  target.Office = {
    StartupBehavior: { load: "Load", none: "None" },
    addin: {
      setStartupBehavior: async (b: string) => {
        wb.startupBehavior = b;
      },
      getStartupBehavior: async () => wb.startupBehavior ?? "None",
    },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { SettingsChanged: "settingsChanged" },
    context: {
      displayLanguage: wb.options.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported: (name: string, v?: string) =>
          name === "ExcelApi" && atLeast(v ?? "1.1"),
      },
      document: {
        /**
         * Office.Settings: an in-memory copy (get/set/remove) that saveAsync writes to the
         * document. Values go through JSON, as Office serialises them (a Date or undefined does
         * not survive as such).
         */
        settings: {
          get: (k: string) =>
            wb.settings.has(k) ? viaJson(wb.settings.get(k)) : null,
          set: (k: string, v: unknown) => {
            wb.settings.set(k, viaJson(v));
          },
          remove: (k: string) => {
            wb.settings.delete(k);
          },
          saveAsync: (a?: unknown, b?: unknown) => {
            const cb = (typeof a === "function" ? a : b) as
              ((r: { status: string }) => void) | undefined;
            wb.savedSettings.clear();
            for (const [k, v] of wb.settings)
              wb.savedSettings.set(k, JSON.parse(JSON.stringify(v)));
            setTimeout(() => cb?.({ status: "succeeded" }), 0);
          },
          refreshAsync: (
            cb?: (r: { status: string; value: unknown }) => void,
          ) => {
            wb.settings.clear();
            for (const [k, v] of wb.savedSettings)
              wb.settings.set(k, JSON.parse(JSON.stringify(v)));
            setTimeout(() => cb?.({ status: "succeeded", value: null }), 0);
          },
          addHandlerAsync: (
            _t: string,
            h: unknown,
            cb?: (r: { status: string }) => void,
          ) => {
            settingsHandlers.push(h);
            setTimeout(() => cb?.({ status: "succeeded" }), 0);
          },
        },
      },
    },
  };
  return wb;
}
