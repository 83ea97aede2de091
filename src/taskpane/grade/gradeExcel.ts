/*
 * The grade tool's Excel.run calls (the only module of the tool that talks to Excel).
 *
 * Every apply reads what it needs inside its own Excel.run — the inputs and every target
 * cell — decides from that read alone, snapshots the targets, then writes in byte-budget
 * chunks. Any failure or a cancel puts every target back (table columns and colour rules
 * included) before the run ends. Output columns are found by worksheet-scoped names (they
 * follow renames, sorts, inserted and deleted columns; a replaced sheet has none), checked
 * against the header text.
 */
import { fold } from "../../engine/text";
import { todaySerial } from "../../engine/read";
import { currentCriteria } from "../../functions/host";
import { MAX_REQUEST_BYTES } from "../../sheet/chunking";
import { type Mapping } from "../../sheet/columnMapping";
import type { RevertRecord, SheetRecord } from "../../sheet/gradeRecord";
import { detectHeaderRow } from "../../sheet/headerRow";
import {
  OUTPUTS,
  OUTPUT_BY_KIND,
  headersOf,
  type OutputKind,
} from "../../sheet/outputs";
import {
  asWrittenText,
  cellId,
  encodeRow,
  fingerprint,
  foreignInColumn,
  matchRows,
  shiftRows,
  type CellRecord,
  restoreCell,
  rowKey,
  writtenSet,
  type Conflict,
  type ConflictAnswer,
  type RestoreCell,
  type WrittenSet,
} from "../../sheet/ownership";
import { placeColumns } from "../../sheet/placement";
import {
  buildFormulas,
  computeStatic,
  SheetError,
  type ComputedOutputs,
} from "../../sheet/rowFormulas";
import type { Lang } from "../../engine/lang";
import {
  newStats,
  planWrite,
  queueChunk,
  readGrid,
  type ColumnsWrite,
  type Grid,
  type ReadStats,
} from "../office/ranges";
import {
  findOwnRules,
  queueOwnRules,
  rulesSupported,
  topLeftOf,
  type FoundRule,
} from "../office/ownRules";

export type DataSource = "table" | "region" | "used";

/** The worksheet-scoped name that marks an output column. */
export const columnName = (kind: OutputKind): string => `SalesQ_${kind}`;

const EXCEL_ROWS = 1048576;
const EXCEL_COLUMNS = 16384;

/** Undo grouping exists from ExcelApi 1.20; older builds get the pane's own revert. */
function runOptions(): Excel.RunOptions {
  const merge =
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.20") === true;
  return merge ? { mergeUndoGroup: true } : {};
}

export interface Block {
  readonly sheetId: string;
  readonly sheetName: string;
  readonly source: DataSource;
  readonly tableName?: string;
  readonly address: string;
  /** absolute 0-based header row, first column, width; data rows below the header (totals row excluded) */
  readonly headerRow: number;
  readonly left: number;
  readonly width: number;
  readonly dataRows: number;
  /** the column right of everything used on the sheet */
  readonly usedRight: number;
  /** the header row over [left, max(left+width, usedRight)) */
  readonly headers: readonly unknown[];
  /** the add-in's output columns, found by name and checked against the header */
  readonly own: ReadonlyMap<OutputKind, number>;
}

export interface FoundData extends Block {
  /** the block's first rows as read (header detection) */
  readonly top: number;
  readonly headerIndex: number;
  /** the first data rows (up to SAMPLE_ROWS): the column mapping judges columns by them too */
  readonly sample: Grid;
  /** the row above the headers (a merged group row names the plain sub-headers under it) */
  readonly groups?: readonly unknown[];
}

/** Data rows the scan reads to judge what each column holds. */
export const SAMPLE_ROWS = 200;

interface Located {
  sheet: Excel.Worksheet;
  table: Excel.Table | null;
  block: Block;
}

/** Resolves the output columns' names: 2 requests. */
async function namedColumns(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
): Promise<Map<OutputKind, number>> {
  const out = new Map<OutputKind, number>();
  if (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.4") === false
  )
    return out;
  const items = OUTPUTS.map((o) => ({
    kind: o.kind,
    item: sheet.names.getItemOrNullObject(columnName(o.kind)),
  }));
  for (const x of items) x.item.load("name");
  await context.sync();
  const ranges = items
    .filter((x) => !x.item.isNullObject)
    .map((x) => {
      const r = x.item.getRangeOrNullObject();
      r.load("columnIndex,columnCount");
      return { kind: x.kind, r };
    });
  if (ranges.length === 0) return out;
  await context.sync();
  for (const { kind, r } of ranges)
    if (!r.isNullObject && r.columnCount === 1) out.set(kind, r.columnIndex);
  return out;
}

/**
 * One of the output's headers (either language); in a table, Excel makes a header that repeats
 * another unique by adding a number ("意向阶段2"), which is still the add-in's.
 */
export function isOwnHeader(kind: OutputKind, h: unknown): boolean {
  const f = fold(String(h ?? ""));
  return headersOf(kind)
    .map(fold)
    .some(
      (x) => f === x || (f.startsWith(x) && /^\d+$/.test(f.slice(x.length))),
    );
}

/** Output columns whose header still is one of the output's headers (either language). */
function checkedOwn(
  named: ReadonlyMap<OutputKind, number>,
  headers: readonly unknown[],
  left: number,
): Map<OutputKind, number> {
  const own = new Map<OutputKind, number>();
  for (const [kind, col] of named) {
    const h = headers[col - left];
    if (h !== undefined && isOwnHeader(kind, h)) own.set(kind, col);
  }
  return own;
}

/**
 * Finds the block: a table by name, else the region around an anchor cell (the header row's
 * first cell), else the used range. Reads the header row across the used width and resolves
 * the output columns.
 */
async function locate(
  context: Excel.RequestContext,
  where:
    | { sheetId: string; tableName?: string; headerRow: number; left: number }
    | "selection",
  stats: ReadStats,
): Promise<{
  located: Located;
  firstRows: Grid;
  headerIndex: number;
  top: number;
  totals: number;
} | null> {
  let sheet: Excel.Worksheet;
  let table: Excel.Table | null = null;
  let source: DataSource;
  let range: Excel.Range;
  const used = () => {
    const u = sheet.getUsedRangeOrNullObject(true);
    u.load("rowIndex,rowCount,columnIndex,columnCount");
    return u;
  };
  let usedRange: Excel.Range;
  let headerRowFixed: number | undefined;
  if (where === "selection") {
    sheet = context.workbook.worksheets.getActiveWorksheet();
    const selection = context.workbook.getSelectedRange();
    const tables = selection.getTables(false);
    const tableCount = tables.getCount();
    const region = selection.getSurroundingRegion();
    region.load("rowCount,columnCount");
    usedRange = used();
    await context.sync();
    stats.syncs++;
    // A ClientResult needs only the sync above, no load(); the lint rule cannot tell it from a proxy.
    // eslint-disable-next-line office-addins/load-object-before-read
    if (tableCount.value > 0) {
      table = tables.getFirst();
      source = "table";
      range = table.getRange();
    } else if (region.rowCount * region.columnCount > 1) {
      source = "region";
      range = region;
    } else if (!usedRange.isNullObject) {
      source = "used";
      range = usedRange;
    } else return null;
  } else {
    const ws = context.workbook.worksheets.getItemOrNullObject(where.sheetId);
    ws.load("name");
    await context.sync();
    stats.syncs++;
    if (ws.isNullObject) throw new PaneError("sheetGone");
    sheet = ws;
    usedRange = used();
    headerRowFixed = where.headerRow;
    if (where.tableName) {
      const t = sheet.tables.getItemOrNullObject(where.tableName);
      t.load("name");
      await context.sync();
      stats.syncs++;
      if (t.isNullObject) throw new PaneError("tableGone");
      table = t;
      source = "table";
      range = t.getRange();
    } else {
      source = "region";
      range = sheet
        .getRangeByIndexes(where.headerRow, where.left, 1, 1)
        .getSurroundingRegion();
    }
  }
  sheet.load("name,id");
  range.load("address,rowIndex,columnIndex,rowCount,columnCount");
  if (table) table.load("name,showTotals");
  await context.sync();
  stats.syncs++;
  const totals = table?.showTotals ? 1 : 0;
  const top = range.rowIndex;
  const left = range.columnIndex;
  const width = range.columnCount;
  const blockRows = range.rowCount - totals;
  const usedRight = usedRange.isNullObject
    ? left + width
    : Math.max(usedRange.columnIndex + usedRange.columnCount, left + width);
  // The first rows, to find the header row (a table's header is its first row).
  const firstRows = (
    await readGrid(
      context,
      sheet,
      top,
      left,
      Math.min(6, blockRows),
      width,
      ["values"],
      stats,
    )
  ).values;
  const headerIndex =
    headerRowFixed !== undefined
      ? Math.max(0, Math.min(headerRowFixed - top, blockRows - 1))
      : table
        ? 0
        : detectHeaderRow(firstRows);
  const headerRow = top + headerIndex;
  const headers =
    (
      await readGrid(
        context,
        sheet,
        headerRow,
        left,
        1,
        usedRight - left,
        ["values"],
        stats,
      )
    ).values[0] ?? [];
  const named = await namedColumns(context, sheet);
  stats.syncs += 2;
  return {
    totals,
    located: {
      sheet,
      table,
      block: {
        sheetId: sheet.id,
        sheetName: sheet.name,
        source: source!,
        tableName: table?.name,
        address: range.address,
        headerRow,
        left,
        width,
        dataRows: Math.max(0, blockRows - headerIndex - 1),
        usedRight,
        headers,
        own: checkedOwn(named, headers, left),
      },
    },
    firstRows,
    headerIndex,
    top,
  };
}

/** A failure the pane explains in the user's words. */
export class PaneError extends Error {
  constructor(
    readonly reason: "sheetGone" | "tableGone" | "columnGone" | "mixedTable",
    readonly detail = "",
  ) {
    super(`${reason}${detail ? `: ${detail}` : ""}`);
  }
}

/** The data around the selection: block, header row, the add-in's columns. Reads only the first rows. */
export async function findData(): Promise<FoundData | null> {
  return Excel.run(async (context) => {
    const stats = newStats();
    const r = await locate(context, "selection", stats);
    if (!r) return null;
    const b = r.located.block;
    const sample = (
      await readGrid(
        context,
        r.located.sheet,
        b.headerRow + 1,
        b.left,
        Math.min(SAMPLE_ROWS, b.dataRows),
        b.width,
        ["values"],
        stats,
      )
    ).values;
    const groups =
      r.headerIndex > 0 ? r.firstRows[r.headerIndex - 1] : undefined;
    return { ...b, top: r.top, headerIndex: r.headerIndex, sample, groups };
  });
}

/** An input choice that survives moved columns and duplicate headers: header text and which one. */
export interface InputColumn {
  readonly h: string;
  readonly n: number;
}

/** Where each input is now: for each saved column, the n-th block column (not the add-in's) whose header is h. */
export function resolveInputs(
  saved: Partial<Record<string, readonly InputColumn[]>>,
  headers: readonly unknown[],
  width: number,
  left: number,
  own: ReadonlySet<number>,
): { columns: Record<string, number[]>; missing: string[] } {
  const columns: Record<string, number[]> = {};
  const missing: string[] = [];
  for (const [key, list] of Object.entries(saved))
    for (const c of list ?? []) {
      let seen = 0;
      let found = -1;
      for (let j = 0; j < width; j++) {
        if (own.has(left + j)) continue;
        if (fold(String(headers[j] ?? "")) === fold(c.h)) {
          if (seen === c.n) {
            found = j;
            break;
          }
          seen++;
        }
      }
      if (found < 0) missing.push(c.h);
      else (columns[key] ??= []).push(found);
    }
  return { columns, missing };
}

export interface ApplyRequest {
  readonly sheetId: string;
  readonly tableName?: string;
  readonly headerRow: number;
  readonly left: number;
  /** the inputs, by header text and occurrence */
  readonly inputs: Partial<Record<string, readonly InputColumn[]>>;
  /** the mapping template (which keys exist); columns come from `inputs` at apply time */
  readonly mapping: Mapping;
  readonly outputs: readonly OutputKind[];
  readonly live: boolean;
  readonly lang: Lang;
  readonly today?: number;
  /** live formulas: the cell the date-dependent functions count from */
  readonly todayRef?: string;
  /** fresh columns right of everything used (outside any table) */
  readonly placeAfterUsed?: boolean;
  /** what the add-in last wrote per output column */
  readonly written: Partial<Record<OutputKind, WrittenSet>>;
  /** what the add-in last wrote, per row */
  readonly cells?: CellRecord;
  /** ids of the add-in's own colour rules */
  readonly ruleIds?: readonly string[];
  readonly answer?: ConflictAnswer;
  readonly maxBytes?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly cancelled?: () => boolean;
}

export interface Written {
  readonly columns: ReadonlyMap<OutputKind, number>;
  readonly written: Partial<Record<OutputKind, WrittenSet>>;
  readonly cells: CellRecord;
  readonly revert: RevertRecord;
  /** ids of the add-in's colour rules now */
  readonly ruleIds: readonly string[];
  readonly computed: ComputedOutputs | null;
  /** the team's own grade column's cells (the summary compares), when mapped */
  readonly team?: readonly unknown[];
  readonly firstRow: number;
  readonly rows: number;
  readonly block: Block;
}

/** The ranges of the outputs that carry the add-in's colour rules (grade, next follow-up). */
function ruleRangesOf(
  sheet: Excel.Worksheet,
  kinds: readonly OutputKind[],
  columns: readonly number[],
  firstRow: number,
  n: number,
): { kind: "grade" | "nextFollowUp"; range: Excel.Range }[] {
  return kinds
    .map((k, j) => ({ k, j }))
    .filter(({ k }) => k === "grade" || k === "nextFollowUp")
    .map(({ k, j }) => ({
      kind: k as "grade" | "nextFollowUp",
      range: sheet.getRangeByIndexes(
        firstRow,
        columns[j] as number,
        Math.max(1, n),
        1,
      ),
    }));
}

export type ApplyResult =
  | ({ readonly status: "done"; readonly stats: ReadStats } & Written)
  | {
      readonly status: "conflict";
      readonly conflicts: readonly Conflict[];
      readonly total: number;
    }
  | { readonly status: "cancelled" }
  | {
      readonly status: "failed";
      readonly cell: string;
      readonly message: string;
    };

/** Sheet address of a cell (0-based). */
export function a1(row: number, col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** Input cells as the engine reads them: an error cell (valueTypes "Error") becomes a SheetError. */
function withErrors(values: Grid, types: Grid): Grid {
  return values.map((row, i) =>
    row.map((v, j) =>
      types[i]?.[j] === "Error" ? new SheetError(String(v)) : v,
    ),
  );
}

interface TargetRead {
  formulas: Grid;
  valueTypes: Grid;
  numberFormat: Grid;
}

/** Reads the target columns (header row + data rows) with their snapshot properties. */
async function readTargets(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  headerRow: number,
  rows: number,
  columns: readonly number[],
  stats: ReadStats,
): Promise<TargetRead> {
  const out: TargetRead = {
    formulas: Array.from({ length: rows + 1 }, () => []),
    valueTypes: Array.from({ length: rows + 1 }, () => []),
    numberFormat: Array.from({ length: rows + 1 }, () => []),
  };
  for (const col of columns) {
    const g = await readGrid(
      context,
      sheet,
      headerRow,
      col,
      rows + 1,
      1,
      ["formulas", "valueTypes", "numberFormat"],
      stats,
    );
    for (let i = 0; i <= rows; i++) {
      out.formulas[i]!.push(g.formulas[i]?.[0] ?? "");
      out.valueTypes[i]!.push(g.valueTypes[i]?.[0] ?? "Empty");
      out.numberFormat[i]!.push(g.numberFormat[i]?.[0] ?? "General");
    }
  }
  return out;
}

/** The content to put back for every target cell (header row first), as `formulas` writes it. */
function restoreGrid(t: TargetRead): {
  cells: RestoreCell[][];
  formats: string[][];
} {
  return {
    cells: t.formulas.map((row, i) =>
      row.map((f, j) => restoreCell(f, t.valueTypes[i]?.[j])),
    ),
    formats: t.numberFormat.map((row) =>
      row.map((f) => String(f ?? "General")),
    ),
  };
}

/** Writes back rows [0, upTo) of a snapshot (header row = row 0) on the given columns. */
async function putBack(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  headerRow: number,
  columns: readonly number[],
  snap: { cells: RestoreCell[][]; formats: string[][] },
  upTo: number,
  maxBytes: number,
  stats: ReadStats,
): Promise<void> {
  const w: ColumnsWrite = {
    columns,
    top: headerRow,
    rows: snap.cells.slice(0, upTo),
    as: "formulas",
    numberFormat: snap.formats.slice(0, upTo),
  };
  // A chunk Excel refuses (a merged or protected cell inside it refused our write as well)
  // is put back in halves, then cell by cell; a single cell that refuses is left as it is:
  // it refused the apply's write too, so it still holds the user's content.
  const put = async (v: ColumnsWrite, start: number, count: number) => {
    try {
      const bytes = queueChunk(sheet, v, start, count);
      stats.largestRequest = Math.max(stats.largestRequest, bytes);
      await context.sync();
      stats.syncs++;
    } catch {
      stats.syncs++;
      if (count > 1) {
        const half = Math.floor(count / 2);
        await put(v, start, half);
        await put(v, start + half, count - half);
      } else if (v.columns.length > 1) {
        for (let j = 0; j < v.columns.length; j++)
          await put(
            {
              columns: [v.columns[j] as number],
              top: v.top,
              rows: v.rows.map((r) => [r[j] ?? ""]),
              as: v.as,
              numberFormat: (v.numberFormat as string[][]).map((r) => [
                r[j] ?? "General",
              ]),
            },
            start,
            1,
          );
      }
    }
  };
  for (const chunk of planWrite(w, maxBytes))
    await put(w, chunk.start, chunk.count);
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Removes the add-in's rules now on the columns and puts back the ones found before; returns the ids now. */
async function restoreRules(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  ruleRanges: { kind: "grade" | "nextFollowUp"; range: Excel.Range }[],
  ownIds: ReadonlySet<string>,
  before: readonly { kind: "grade" | "nextFollowUp"; address: string }[],
): Promise<string[]> {
  if (!rulesSupported()) return [];
  const now = await findOwnRules(context, ruleRanges, ownIds);
  for (const r of now) r.rule.delete();
  const added: Excel.ConditionalFormat[] = [];
  for (const b of before) {
    const { row, col } = topLeftOf(b.address);
    added.push(...queueOwnRules(sheet.getRange(b.address), b.kind, row, col));
  }
  await context.sync();
  return added.map((cf) => cf.id);
}

/** The lead block a request names, where it is now; the sheet gone is the pane's error. */
async function locateOrFail(
  context: Excel.RequestContext,
  req: {
    sheetId: string;
    tableName?: string;
    headerRow: number;
    left: number;
  },
  stats: ReadStats,
) {
  const found = await locate(
    context,
    {
      sheetId: req.sheetId,
      tableName: req.tableName,
      headerRow: req.headerRow,
      left: req.left,
    },
    stats,
  );
  if (!found) throw new PaneError("sheetGone");
  return found;
}

/**
 * The apply: reads, decides, snapshots, writes — or stops with the cells that are the user's.
 */
export async function applyGrades(req: ApplyRequest): Promise<ApplyResult> {
  const stats = newStats();
  const maxBytes = req.maxBytes ?? MAX_REQUEST_BYTES;
  const outputs = OUTPUTS.map((o) => o.kind).filter((k) =>
    req.outputs.includes(k),
  );
  if (outputs.length === 0) throw new Error("choose at least one output");
  return Excel.run(runOptions(), async (context) => {
    const found = await locateOrFail(context, req, stats);
    const { sheet, table, block } = found.located;
    const ownCols = new Set(block.own.values());

    // Inputs where they are now (columns may have moved); never the add-in's own columns.
    const resolved = resolveInputs(
      req.inputs,
      block.headers,
      block.width,
      block.left,
      ownCols,
    );
    if (resolved.missing.length > 0)
      throw new PaneError("columnGone", resolved.missing.join("、"));
    const mapping: Mapping = Object.fromEntries(
      Object.keys(req.mapping).map((k) => [
        k,
        {
          column: resolved.columns[k]?.[0] ?? null,
          columns: resolved.columns[k] ?? [],
          confidence: resolved.columns[k] ? 1 : 0,
          reason: null,
        },
      ]),
    ) as unknown as Mapping;

    // Placement: a table's outputs all inside it (table columns) or all outside, never mixed.
    const tableRight = block.left + block.width;
    const existing = new Map(
      [...block.own].filter(([k]) => outputs.includes(k)),
    );
    const inside = [...existing.values()].filter((c) => c < tableRight).length;
    let inTable = false;
    let keep = existing;
    if (table) {
      if (req.placeAfterUsed) keep = new Map();
      else if (inside === existing.size) inTable = true;
      else if (inside > 0)
        keep = new Map([...existing].filter(([, c]) => c >= tableRight)); // outside ones stay outside
    }
    const start = req.placeAfterUsed
      ? block.usedRight
      : inTable
        ? tableRight
        : Math.max(tableRight, ...[...block.own.values()].map((c) => c + 1));
    const placement = placeColumns(outputs, keep, start);
    const columns = outputs.map((k) => placement.get(k) as number);
    const added = inTable ? outputs.filter((k) => !keep.has(k)) : [];

    // Read now: the data rows and every target cell.
    const firstRow = block.headerRow + 1;
    const n = block.dataRows;
    const data = await readGrid(
      context,
      sheet,
      firstRow,
      block.left,
      n,
      block.width,
      ["values", "valueTypes"],
      stats,
    );
    const targets = await readTargets(
      context,
      sheet,
      block.headerRow,
      n,
      columns,
      stats,
    );
    const rows = withErrors(data.values, data.valueTypes);

    // What to write, from this read only.
    let computed: ComputedOutputs | null = null;
    let cells: Map<OutputKind, (string | number)[]>;
    const live = (layout: "rows" | "spill" | "table") =>
      buildFormulas(
        n,
        mapping,
        outputs,
        {
          firstRow,
          inputColumn: (k) =>
            mapping[k].column === null
              ? null
              : block.left + (mapping[k].column as number),
          outputColumn: (kind) => placement.get(kind) ?? null,
          layout,
          columnHeader: (col) => String(block.headers[col - block.left] ?? ""),
          outputHeader: (kind) =>
            OUTPUT_BY_KIND.get(kind)?.header[req.lang] ?? null,
          todayRef: req.todayRef,
        },
        req.lang,
      );
    if (req.live) {
      // Inside an Excel table spills give #SPILL!: calculated columns there; one spilling
      // formula per column on a plain range.
      cells = live(inTable ? "table" : "spill");
      computed = computeStatic(
        rows,
        mapping,
        outputs,
        req.lang,
        currentCriteria(),
        req.today ?? todaySerial(),
      );
    } else {
      computed = computeStatic(
        rows,
        mapping,
        outputs,
        req.lang,
        currentCriteria(),
        req.today ?? todaySerial(),
      );
      cells = computed.columns;
    }
    const header = outputs.map((k) => OUTPUT_BY_KIND.get(k)!.header[req.lang]);
    const body: (string | number)[][] = [];
    for (let i = 0; i < n; i++)
      body.push(outputs.map((k) => cells.get(k)?.[i] ?? ""));

    // Whose cells are they? Content the add-in did not write is the user's.
    const inputCols = (row: readonly unknown[]) =>
      row.filter(
        (_, j) =>
          !ownCols.has(block.left + j) && !columns.includes(block.left + j),
      );
    const keys = data.values.map((row) => rowKey(inputCols(row)));
    const conflicts: Conflict[] = [];
    outputs.forEach((kind, j) => {
      const col = columns[j] as number;
      const ours = block.own.get(kind) === col;
      const h = targets.formulas[0]?.[j];
      if (!ours && h !== "" && h !== null && h !== undefined)
        conflicts.push({
          row: block.headerRow,
          column: col,
          content: String(h),
          // a new table column is inserted there: what the cell holds moves right
          output: inTable && added.includes(kind) ? "moved" : "header",
        });
      const fps = targets.formulas
        .slice(1)
        .map((row, i) => fingerprint(row[j], firstRow + i));
      for (const i of foreignInColumn(
        fps,
        keys,
        kind,
        ours ? (req.written[kind] ?? {}) : null,
        req.cells,
      ))
        conflicts.push({
          row: firstRow + i,
          column: col,
          content: String(targets.formulas[i + 1]?.[j] ?? ""),
          output: inTable && added.includes(kind) ? "moved" : kind,
        });
    });
    // Table columns are added by inserting cells right of the table over its rows: the user's
    // cells there would move. That is asked about too.
    if (
      table &&
      added.length > 0 &&
      block.usedRight > tableRight + added.length
    ) {
      const w = block.usedRight - tableRight - added.length;
      const right = await readGrid(
        context,
        sheet,
        block.headerRow,
        tableRight + added.length,
        n + 1 + (found.totals ? 1 : 0),
        w,
        ["formulas"],
        stats,
      );
      right.formulas.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== "" && v !== null && v !== undefined)
            conflicts.push({
              row: block.headerRow + i,
              column: tableRight + added.length + j,
              content: String(v),
              output: "moved",
            });
        }),
      );
    }
    // The user's conditional formats there would move too (an insert shifts formats with cells).
    if (table && added.length > 0 && rulesSupported()) {
      const ownIds = new Set(req.ruleIds ?? []);
      const cfs = sheet.getRangeByIndexes(
        block.headerRow,
        tableRight,
        n + 1 + (found.totals ? 1 : 0),
        EXCEL_COLUMNS - tableRight,
      ).conditionalFormats;
      cfs.load("items/id");
      await context.sync();
      stats.syncs++;
      const theirs = cfs.items.filter((cf) => !ownIds.has(cf.id));
      const at = theirs.map((cf) => {
        const r = cf.getRangeOrNullObject();
        r.load("address,rowIndex,columnIndex");
        return r;
      });
      if (at.length > 0) {
        await context.sync();
        stats.syncs++;
      }
      for (const r of at)
        if (!r.isNullObject)
          conflicts.push({
            row: r.rowIndex,
            column: r.columnIndex,
            content: `⟨${r.address.replace(/^.*!/, "")}⟩`,
            output: "moved",
          });
    }
    const skip = new Set<string>();
    if (conflicts.length > 0) {
      const a = req.answer;
      const unanswered = conflicts.filter(
        (c) => a?.cells.get(cellId(c.row, c.column)) !== c.content,
      );
      if (!a || unanswered.length > 0)
        return {
          status: "conflict",
          conflicts: unanswered.slice(0, 200),
          total: unanswered.length,
        };
      // Cells that adding table columns would move cannot be skipped: ask again (the way on
      // is to overwrite, i.e. let them move, or to use empty columns further right).
      if (a.choice === "skip" && conflicts.some((c) => c.output === "moved"))
        return {
          status: "conflict",
          conflicts: conflicts
            .filter((c) => c.output === "moved")
            .slice(0, 200),
          total: conflicts.filter((c) => c.output === "moved").length,
        };
      if (a.choice === "skip")
        for (const c of conflicts) skip.add(cellId(c.row, c.column));
    }
    // A skipped cell inside a spill would block it (#SPILL!): then one formula per row.
    if (req.live && !inTable && skip.size > 0) {
      cells = live("rows");
      body.length = 0;
      for (let i = 0; i < n; i++)
        body.push(outputs.map((k) => cells.get(k)?.[i] ?? ""));
    }

    // Snapshot of every target before the first write (kept until the run ends, and for revert).
    const snap = restoreGrid(targets);
    const ruleRanges = ruleRangesOf(sheet, outputs, columns, firstRow, n);
    const ownIds = new Set(req.ruleIds ?? []);
    const rulesBefore: FoundRule[] = await findOwnRules(
      context,
      ruleRanges,
      ownIds,
    );
    let ruleIds: string[] = [...ownIds];
    const rulesBeforeRec = rulesBefore.map((r) => ({
      kind: r.kind,
      address: r.address,
    }));

    let writtenRows = 0; // snapshot rows (header = 0) that may have been written
    let addedCount = 0;
    const undo = async () => {
      // Added table columns go first, by position (they were added at the table's end; a
      // header may repeat the user's, so never by name).
      if (table && addedCount > 0) {
        for (let i = addedCount - 1; i >= 0; i--)
          table.columns.getItemAt(block.width + i).delete();
        await context.sync();
        addedCount = 0;
      }
      if (writtenRows > 0)
        await putBack(
          context,
          sheet,
          block.headerRow,
          columns,
          snap,
          writtenRows,
          maxBytes,
          stats,
        );
    };
    let failedAt = "";
    try {
      // Table columns first (a table's outputs are table columns, added at its right end).
      if (table && added.length > 0) {
        for (const k of added) {
          failedAt = a1(block.headerRow, placement.get(k) as number);
          table.columns.add(
            undefined,
            undefined,
            OUTPUT_BY_KIND.get(k)!.header[req.lang],
          );
          addedCount++;
        }
        await context.sync();
      }
      // Header cells, then the body in byte-budget chunks.
      const headerWrite: ColumnsWrite = {
        columns: columns.filter((c) => !skip.has(cellId(block.headerRow, c))),
        top: block.headerRow,
        rows: [
          header.filter(
            (_, j) => !skip.has(cellId(block.headerRow, columns[j] as number)),
          ),
        ],
        as: "values",
      };
      writtenRows = 1;
      failedAt = a1(block.headerRow, columns[0] as number);
      if (headerWrite.columns.length > 0) {
        queueChunk(sheet, headerWrite, 0, 1);
        await context.sync();
        stats.syncs++;
      }
      const writeBody = body.map((row, i) =>
        row.map((v, j) =>
          skip.has(cellId(firstRow + i, columns[j] as number))
            ? (snap.cells[i + 1]?.[j] ?? "")
            : req.live || typeof v !== "string"
              ? v
              : asWrittenText(v),
        ),
      );
      const formats = outputs.map((k) => OUTPUT_BY_KIND.get(k)?.numberFormat);
      const bodyWrite: ColumnsWrite = {
        columns,
        top: firstRow,
        rows: writeBody,
        // Skipped cells are written back exactly as they were (a formulas write of the snapshot).
        as: "formulas",
        numberFormat:
          skip.size > 0
            ? writeBody.map((row, i) =>
                row.map((_, j) =>
                  skip.has(cellId(firstRow + i, columns[j] as number))
                    ? String(snap.formats[i + 1]?.[j] ?? "General")
                    : (formats[j] ??
                      String(snap.formats[i + 1]?.[j] ?? "General")),
                ),
              )
            : formats,
      };
      let done = 0;
      for (const chunk of planWrite(bodyWrite, maxBytes)) {
        if (req.cancelled?.()) {
          await undo();
          return { status: "cancelled" };
        }
        writtenRows = 1 + chunk.start + chunk.count;
        failedAt = `${a1(firstRow + chunk.start, Math.min(...columns))}:${a1(firstRow + chunk.start + chunk.count - 1, Math.max(...columns))}`;
        const bytes = queueChunk(sheet, bodyWrite, chunk.start, chunk.count);
        stats.largestRequest = Math.max(stats.largestRequest, bytes);
        // One request per chunk is the point: each stays under the byte budget.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        stats.syncs++;
        done += chunk.count;
        req.onProgress?.(done, n);
      }
      if (req.cancelled?.()) {
        await undo();
        return { status: "cancelled" };
      }
      // Colour codes: the add-in's own rules replaced, the user's left alone.
      if (rulesSupported() && n > 0 && ruleRanges.length > 0) {
        failedAt = "";
        for (const r of rulesBefore) r.rule.delete();
        const added: Excel.ConditionalFormat[] = [];
        for (const { kind, range } of ruleRanges)
          added.push(
            ...queueOwnRules(
              range,
              kind,
              firstRow,
              placement.get(kind) as number,
            ),
          );
        await context.sync();
        stats.syncs++;
        const gone = new Set(rulesBefore.map((r) => r.id));
        ruleIds = [
          ...ruleIds.filter((id) => !gone.has(id)),
          ...added.map((cf) => cf.id),
        ];
      }
    } catch (e) {
      const message = describe(e);
      try {
        await undo();
        await restoreRules(
          context,
          sheet,
          ruleRanges,
          new Set(ruleIds),
          rulesBeforeRec,
        );
      } catch (e2) {
        return {
          status: "failed",
          cell: failedAt,
          message: `${message}; ${describe(e2)}`,
        };
      }
      return { status: "failed", cell: failedAt, message };
    }

    // What was written, for ownership and revert.
    const fpRows = body.map((row, i) =>
      row.map((v, j) =>
        skip.has(cellId(firstRow + i, columns[j] as number))
          ? ""
          : fingerprint(v, firstRow + i),
      ),
    );
    const written: Partial<Record<OutputKind, WrittenSet>> = {};
    outputs.forEach(
      (k, j) => (written[k] = writtenSet(fpRows.map((r) => r[j] as string))),
    );
    const revert: RevertRecord = {
      at: new Date().toISOString(),
      kinds: outputs,
      header: snap.cells[0] ?? [],
      added,
      rules: rulesBeforeRec,
      rows: fpRows.map((w, i) => {
        const b = snap.cells[i + 1] ?? [];
        const f = (snap.formats[i + 1] ?? []).map(String);
        return {
          k: keys[i] as string,
          w,
          ...(b.some((x) => x !== "") ? { b } : {}),
          ...(f.some((x) => x !== "General") ? { f } : {}),
        };
      }),
    };
    return {
      status: "done",
      stats,
      columns: placement,
      written,
      cells: {
        kinds: outputs,
        rows: fpRows.map((w, i) => encodeRow(keys[i] as string, w)),
      },
      revert,
      ruleIds,
      computed,
      team:
        mapping.teamGrade?.column === null || mapping.teamGrade === undefined
          ? undefined
          : data.values.map((row) => row[mapping.teamGrade.column as number]),
      firstRow,
      rows: n,
      block,
    };
  });
}

/** Marks the output columns with worksheet-scoped names (a request of its own: names are not undoable everywhere). */
export async function nameColumns(
  sheetId: string,
  columns: ReadonlyMap<OutputKind, number>,
  drop: readonly OutputKind[] = [],
): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetId);
    const kinds = [...columns.keys(), ...drop];
    const items = kinds.map((k) =>
      sheet.names.getItemOrNullObject(columnName(k)),
    );
    for (const it of items) it.load("name");
    await context.sync();
    for (const it of items) if (!it.isNullObject) it.delete();
    for (const [kind, col] of columns)
      sheet.names.add(
        columnName(kind),
        sheet.getRangeByIndexes(0, col, EXCEL_ROWS, 1),
        "Sales Qualify output column",
      );
    await context.sync();
  });
}

export interface RevertRequest {
  readonly sheetId: string;
  readonly tableName?: string;
  readonly headerRow: number;
  readonly left: number;
  readonly record: RevertRecord;
  readonly ruleIds?: readonly string[];
  /** also put back cells edited since the apply (the user said so) */
  readonly overwriteEdited?: boolean;
  readonly maxBytes?: number;
}

export interface RevertResult {
  readonly restored: number;
  /** cells changed since the apply: kept (unless overwriteEdited) */
  readonly edited: readonly Conflict[];
  /** output kinds whose columns are no longer the add-in's after the revert */
  readonly released: readonly OutputKind[];
  readonly ruleIds: readonly string[];
  readonly stats: ReadStats;
}

/**
 * Revert: puts back only cells that still hold what the apply wrote, on the rows they were
 * written to (found by their content, so a sort since does not misplace them); lists the others.
 */
export async function revertGrades(req: RevertRequest): Promise<RevertResult> {
  const stats = newStats();
  const maxBytes = req.maxBytes ?? MAX_REQUEST_BYTES;
  const rec = req.record;
  return Excel.run(runOptions(), async (context) => {
    const found = await locateOrFail(context, req, stats);
    const { sheet, table, block } = found.located;
    const kinds = rec.kinds.filter((k) => block.own.has(k));
    const columns = kinds.map((k) => block.own.get(k) as number);
    const at = kinds.map((k) => rec.kinds.indexOf(k));
    const firstRow = block.headerRow + 1;
    const n = block.dataRows;
    const data = await readGrid(
      context,
      sheet,
      firstRow,
      block.left,
      n,
      block.width,
      ["values"],
      stats,
    );
    const targets = await readTargets(
      context,
      sheet,
      block.headerRow,
      n,
      columns,
      stats,
    );
    const ownCols = new Set(block.own.values());
    const keyOf = (row: readonly unknown[]) =>
      rowKey(row.filter((_, j) => !ownCols.has(block.left + j)));

    // Rows: by identity first (a sort since), then by position.
    const match = matchRows(
      data.values.map((row) => keyOf(row)),
      rec.rows.map((r) => r.k),
    );

    const edited: Conflict[] = [];
    const put: { row: number; col: number; v: RestoreCell; f: string }[] = [];
    columns.forEach((col, j) => {
      const a = at[j] as number;
      // Header: back only if it still is the add-in's header.
      put.push({
        row: block.headerRow,
        col,
        v: rec.header[a] ?? "",
        f: "General",
      });
      for (let i = 0; i < n; i++) {
        const cur = targets.formulas[i + 1]?.[j];
        const fp = fingerprint(cur, firstRow + i);
        const s = match[i];
        const r = s === undefined ? undefined : rec.rows[s];
        const wrote = r?.w[a] ?? "";
        // What was there, moved with its row (a formula's own-row references follow it).
        const back = r ? shiftRows(r.b?.[a] ?? "", i - (s as number)) : "";
        if (r && fp === wrote) {
          put.push({
            row: firstRow + i,
            col,
            v: back,
            f: r.f?.[a] ?? "General",
          });
        } else if (fp !== "") {
          if (req.overwriteEdited && r)
            put.push({
              row: firstRow + i,
              col,
              v: back,
              f: r.f?.[a] ?? "General",
            });
          else
            edited.push({
              row: firstRow + i,
              column: col,
              content: String(cur ?? ""),
              output: kinds[j] as OutputKind,
            });
        }
      }
    });
    // Table columns the apply added: deleted from the right end while nothing in them is the
    // user's now (deleting one left of a kept column would move the user's cells). A kept one
    // keeps the add-in's header (a table header cannot be blank) and stays the add-in's.
    const released: OutputKind[] = [];
    const deleting: { k: OutputKind; col: number }[] = [];
    const keptTable = new Set<number>();
    if (table) {
      const addedCols = rec.added
        .map((k) => ({ k, j: kinds.indexOf(k) }))
        .filter(({ j }) => j >= 0)
        .map(({ k, j }) => ({ k, col: columns[j] as number }))
        .filter(
          ({ col }) => col >= block.left && col < block.left + block.width,
        )
        .sort((a, b) => b.col - a.col);
      // A user's conditional format on a column keeps it too (deleting it would delete the rule).
      const ownIds = new Set(req.ruleIds ?? []);
      const userRuled = new Set<number>();
      if (rulesSupported() && addedCols.length > 0) {
        const probes = addedCols.map(({ col }) => {
          const c = sheet.getRangeByIndexes(
            block.headerRow,
            col,
            n + 1,
            1,
          ).conditionalFormats;
          c.load("items/id");
          return { col, c };
        });
        await context.sync();
        stats.syncs++;
        for (const { col, c } of probes)
          if (c.items.some((cf) => !ownIds.has(cf.id))) userRuled.add(col);
      }
      let end = block.left + block.width - 1;
      for (const x of addedCols) {
        if (
          x.col === end &&
          !edited.some((e) => e.column === x.col) &&
          !userRuled.has(x.col)
        ) {
          deleting.push(x);
          end--;
        } else keptTable.add(x.col);
      }
    }
    const deletedCols = new Set(deleting.map((d) => d.col));
    // A column still holding cells the user edited keeps the add-in's header: it stays the
    // add-in's column (the next apply asks about those cells; "put these back too" finds it).
    const editedCols = new Set(edited.map((e) => e.column));
    const writes = put.filter(
      (p) =>
        !deletedCols.has(p.col) &&
        !(
          p.row === block.headerRow &&
          (keptTable.has(p.col) || editedCols.has(p.col))
        ),
    );
    put.length = 0;
    put.push(...writes);
    if (table && deleting.length > 0) {
      for (const { k, col } of deleting) {
        table.columns.getItemAt(col - block.left).delete();
        released.push(k);
      }
      await context.sync();
      stats.syncs++;
    }
    // Sparse write: one column at a time, rows grouped in runs of the same write.
    for (const col of columns) {
      const mine = put
        .filter((p) => p.col === col)
        .sort((x, y) => x.row - y.row);
      if (mine.length === 0) continue;
      const top = mine[0]!.row;
      const bottom = mine[mine.length - 1]!.row;
      const rows: RestoreCell[][] = [];
      const fmts: string[][] = [];
      const skip = new Set<number>();
      const byRow = new Map(mine.map((p) => [p.row, p]));
      for (let r = top; r <= bottom; r++) {
        const p = byRow.get(r);
        rows.push([p?.v ?? ""]);
        fmts.push([p?.f ?? "General"]);
        if (!p) skip.add(r - top);
      }
      const w: ColumnsWrite = {
        columns: [col],
        top,
        rows,
        as: "formulas",
        numberFormat: fmts,
        skip,
      };
      for (const chunk of planWrite(w, maxBytes)) {
        queueChunk(sheet, w, chunk.start, chunk.count);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        stats.syncs++;
      }
    }
    for (const [j, k] of kinds.entries()) {
      const a = at[j] as number;
      const h = rec.header[a];
      const stillOurs =
        (typeof h === "string" && isOwnHeader(k, h)) ||
        keptTable.has(columns[j] as number) ||
        editedCols.has(columns[j] as number);
      if (!stillOurs && !released.includes(k)) released.push(k);
    }
    const ruleRanges = ruleRangesOf(sheet, kinds, columns, firstRow, n);
    const ownIds = new Set(req.ruleIds ?? []);
    const now = await findOwnRules(context, ruleRanges, ownIds);
    const recreated = await restoreRules(
      context,
      sheet,
      ruleRanges,
      ownIds,
      rec.rules,
    );
    const gone = new Set(now.map((r) => r.id));
    const ruleIds = [...ownIds].filter((id) => !gone.has(id)).concat(recreated);
    return { restored: put.length, edited, released, ruleIds, stats };
  });
}

/** Selects a row of the sheet (the summary's "click to select the row"). */
export async function selectRow(
  sheetId: string,
  row: number,
  left: number,
  width: number,
): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets
      .getItem(sheetId)
      .getRangeByIndexes(row, left, 1, width)
      .select();
    await context.sync();
  });
}

export type { SheetRecord };
export { EXCEL_ROWS };
