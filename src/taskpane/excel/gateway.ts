/*
 * The only module that talks to Excel (imperative shell). It loads once, hands plain arrays
 * to the pure core, and writes whole 2-D arrays: the number of context.sync() calls does not
 * grow with rows except for the byte-budget chunks that keep each request under 4 MB.
 */
import { chunkRows, MAX_REQUEST_BYTES } from "../../sheet/chunking";
import {
  findConflicts,
  type Conflict,
  type SheetRegistry,
} from "../../sheet/placement";
import type { OutputKind } from "../../sheet/outputs";
import { columnLetter } from "../../sheet/rowFormulas";

export type DataSource = "table" | "region" | "used";

export interface FoundData {
  readonly sheetName: string;
  readonly source: DataSource;
  readonly tableName?: string;
  readonly address: string;
  /** absolute 0-based position and size of the block, header row included */
  readonly top: number;
  readonly left: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly values: unknown[][];
  /** the column right of everything used on the sheet */
  readonly usedRight: number;
}

/**
 * Cells per read request. A response over 5 MB is rejected by Excel on the web (PLATFORM.md);
 * what a cell holds is not known before reading it, so reads are cut by cell count: 100,000
 * cells of ordinary lead data (names, phones, short notes) stay well under that.
 */
export const READ_CELLS = 100000;

type Grid = unknown[][];

/**
 * Reads a block in row chunks, one request each, the results joined in order: its values, or
 * (for the snapshot taken before a write) its formulas and number formats.
 */
async function readChunked(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: number,
  cols: number,
  what: "values" | "snapshot",
): Promise<{
  values: Grid;
  formulas: Grid;
  numberFormat: Grid;
  syncs: number;
}> {
  const out = {
    values: [] as Grid,
    formulas: [] as Grid,
    numberFormat: [] as Grid,
    syncs: 0,
  };
  const step = Math.max(1, Math.floor(READ_CELLS / Math.max(1, cols)));
  for (let start = 0; start < rows; start += step) {
    const range = sheet.getRangeByIndexes(
      top + start,
      left,
      Math.min(step, rows - start),
      cols,
    );
    if (what === "values") range.load("values");
    else range.load("formulas,numberFormat");
    // One request per chunk keeps each response under Excel on the web's limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    out.syncs++;
    if (what === "values") out.values.push(...range.values);
    else {
      out.formulas.push(...range.formulas);
      out.numberFormat.push(...range.numberFormat);
    }
  }
  return out;
}

/** The table if the selection is in one, else the region around the selection, else the used range. */
export async function findData(): Promise<FoundData | null> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const selection = context.workbook.getSelectedRange();
    const tables = selection.getTables(false);
    const tableCount = tables.getCount();
    const region = selection.getSurroundingRegion();
    const used = sheet.getUsedRangeOrNullObject(true);
    sheet.load("name");
    region.load("rowCount,columnCount");
    used.load("rowCount,columnIndex,columnCount");
    await context.sync();

    let block: Excel.Range;
    let source: DataSource;
    // A ClientResult needs only the sync above, no load(); the lint rule cannot tell it from a proxy.
    // eslint-disable-next-line office-addins/load-object-before-read
    const table = tableCount.value > 0 ? tables.getFirst() : undefined;
    if (table) {
      table.load("name");
      block = table.getRange();
      source = "table";
    } else if (region.rowCount * region.columnCount > 1) {
      block = region;
      source = "region";
    } else if (!used.isNullObject) {
      block = used;
      source = "used";
    } else {
      return null;
    }
    block.load("address,rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const values = await readChunked(
      context,
      sheet,
      block.rowIndex,
      block.columnIndex,
      block.rowCount,
      block.columnCount,
      "values",
    );
    return {
      sheetName: sheet.name,
      source,
      tableName: table?.name,
      address: block.address,
      top: block.rowIndex,
      left: block.columnIndex,
      rowCount: block.rowCount,
      columnCount: block.columnCount,
      values: values.values,
      usedRight: used.isNullObject
        ? block.columnIndex + block.columnCount
        : Math.max(
            used.columnIndex + used.columnCount,
            block.columnIndex + block.columnCount,
          ),
    };
  });
}

export interface ColumnWrite {
  readonly kind: OutputKind;
  /** absolute 0-based column */
  readonly column: number;
  readonly header: string;
  /** one cell per data row: a formula (live) or a value (static) */
  readonly cells: readonly (string | number)[];
  readonly numberFormat?: string;
}

export interface ApplyRequest {
  readonly sheetName: string;
  readonly tableName?: string;
  /** absolute 0-based row of the header and of the first data row */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly rowCount: number;
  readonly writes: readonly ColumnWrite[];
  readonly live: boolean;
  /** columns already ours (may be overwritten without asking) */
  readonly owned: ReadonlySet<number>;
  /** write even over conflicts (the user said so) */
  readonly force?: boolean;
  readonly maxBytes?: number;
  /** columns to colour-code (grades, due follow-ups), in the same undo step */
  readonly colours?: {
    readonly grade: number | null;
    readonly followUp: number | null;
  };
  readonly onProgress?: (done: number, total: number) => void;
  readonly cancelled?: () => boolean;
}

/** Everything needed to put the target cells back exactly as they were. */
export interface Snapshot {
  readonly sheetName: string;
  readonly top: number;
  readonly left: number;
  readonly formulas: unknown[][];
  readonly numberFormat: unknown[][];
  readonly tableName?: string;
  readonly addedTableColumns: readonly string[];
}

export type ApplyResult =
  | {
      readonly status: "done";
      readonly snapshot: Snapshot;
      readonly syncs: number;
    }
  | { readonly status: "conflict"; readonly conflicts: Conflict[] }
  | { readonly status: "cancelled"; readonly syncs: number };

/** Undo grouping exists from ExcelApi 1.20; older builds get the pane's own revert. */
function runOptions(): Excel.RunOptions {
  const merge =
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.20") === true;
  return merge ? { mergeUndoGroup: true } : {};
}

function contiguous(cols: readonly number[]): boolean {
  const s = [...cols].sort((a, b) => a - b);
  return s.every((c, i) => i === 0 || c === (s[i - 1] as number) + 1);
}

/** Writes the output columns; stops with the conflicts when a target cell is not the add-in's. */
export async function applyOutputs(req: ApplyRequest): Promise<ApplyResult> {
  const cols = req.writes.map((w) => w.column);
  if (cols.length === 0) throw new Error("nothing to write");
  if (!contiguous(cols)) throw new Error("output columns must be side by side");
  const left = Math.min(...cols);
  const width = cols.length;
  const ordered = [...req.writes].sort((a, b) => a.column - b.column);
  const height = req.firstRow - req.headerRow + req.rowCount;

  return Excel.run(runOptions(), async (context) => {
    let syncs = 0;
    const sheet = context.workbook.worksheets.getItem(req.sheetName);
    const target = await readChunked(
      context,
      sheet,
      req.headerRow,
      left,
      height,
      width,
      "snapshot",
    );
    syncs += target.syncs;

    const snapshot: Snapshot = {
      sheetName: req.sheetName,
      top: req.headerRow,
      left,
      formulas: target.formulas,
      numberFormat: target.numberFormat,
      tableName: req.tableName,
      addedTableColumns: [],
    };
    if (!req.force) {
      const conflicts = findConflicts(
        target.formulas,
        req.headerRow,
        cols.slice().sort((a, b) => a - b),
        req.owned,
      );
      if (conflicts.length > 0) return { status: "conflict", conflicts };
    }

    // In an Excel table, outputs become table columns (added once, by header).
    const added: string[] = [];
    if (req.tableName) {
      const table = sheet.tables.getItem(req.tableName);
      const headers = table.getHeaderRowRange();
      headers.load("values,columnIndex,columnCount");
      await context.sync();
      syncs++;
      const tableRight = headers.columnIndex + headers.columnCount;
      for (const w of ordered) {
        if (w.column >= tableRight) {
          table.columns.add(undefined, undefined, w.header);
          added.push(w.header);
        }
      }
    }

    // Header row, then the body in byte-budget chunks: one sync per chunk.
    const headerCells = sheet.getRangeByIndexes(req.headerRow, left, 1, width);
    headerCells.values = [ordered.map((w) => w.header)];
    const body: (string | number)[][] = [];
    for (let i = 0; i < req.rowCount; i++)
      body.push(ordered.map((w) => w.cells[i] ?? ""));
    // Number formats only where one is needed (the date column), sent with the same chunk.
    const formatted = ordered
      .map((w, j) => ({ j, format: w.numberFormat }))
      .filter((x): x is { j: number; format: string } => !!x.format);
    const formatBytes = formatted.reduce((b, x) => b + x.format.length + 6, 0);
    const chunks = chunkRows(
      body,
      req.maxBytes ?? MAX_REQUEST_BYTES,
      () => formatBytes,
    );
    let done = 0;
    for (const chunk of chunks) {
      if (req.cancelled?.()) {
        await restore(context, snapshot);
        return { status: "cancelled", syncs: syncs + 1 };
      }
      const range = sheet.getRangeByIndexes(
        req.firstRow + chunk.start,
        left,
        chunk.count,
        width,
      );
      const rows = body.slice(chunk.start, chunk.start + chunk.count);
      if (req.live) range.formulas = rows;
      else range.values = rows;
      for (const { j, format } of formatted) {
        sheet.getRangeByIndexes(
          req.firstRow + chunk.start,
          left + j,
          chunk.count,
          1,
        ).numberFormat = rows.map(() => [format]);
      }
      // One request per chunk is the point: each stays under the byte budget (PLATFORM.md).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      done += chunk.count;
      req.onProgress?.(done, req.rowCount);
    }
    if (req.colours) {
      queueColours(
        context,
        req.sheetName,
        req.firstRow,
        req.rowCount,
        req.colours.grade,
        req.colours.followUp,
      );
      await context.sync();
      syncs++;
    }
    return {
      status: "done",
      snapshot: { ...snapshot, addedTableColumns: added },
      syncs,
    };
  });
}

/**
 * Colour codes on the grade column and due follow-ups (ExcelApi 1.6), queued on the apply's own
 * context so they belong to the same undo step.
 */
function queueColours(
  context: Excel.RequestContext,
  sheetName: string,
  firstRow: number,
  rowCount: number,
  gradeColumn: number | null,
  followUpColumn: number | null,
): void {
  if (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.6") === false
  )
    return;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  if (gradeColumn !== null) {
    const range = sheet.getRangeByIndexes(firstRow, gradeColumn, rowCount, 1);
    range.conditionalFormats.clearAll();
    const fills: [string, string][] = [
      ["A", "#C6EFCE"],
      ["B", "#E2F0D9"],
      ["C", "#FFF2CC"],
      ["D", "#FCE4D6"],
      ["E", "#F8CBAD"],
    ];
    for (const [grade, fill] of fills) {
      const cf = range.conditionalFormats.add(
        Excel.ConditionalFormatType.cellValue,
      );
      cf.cellValue.format.fill.color = fill;
      cf.cellValue.rule = { formula1: `="${grade}"`, operator: "EqualTo" };
    }
  }
  if (followUpColumn !== null) {
    const range = sheet.getRangeByIndexes(
      firstRow,
      followUpColumn,
      rowCount,
      1,
    );
    range.conditionalFormats.clearAll();
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    const cell = `${columnLetter(followUpColumn)}${firstRow + 1}`;
    cf.custom.rule.formula = `=AND(ISNUMBER(${cell}),${cell}<=TODAY())`;
    cf.custom.format.fill.color = "#F8CBAD";
    cf.custom.format.font.color = "#9C0006";
  }
}

/** Puts back every value, formula and number format the last apply replaced. */
export async function revert(
  snapshot: Snapshot,
  maxBytes = MAX_REQUEST_BYTES,
): Promise<number> {
  return Excel.run(runOptions(), async (context) =>
    restore(context, snapshot, maxBytes),
  );
}

async function restore(
  context: Excel.RequestContext,
  snapshot: Snapshot,
  maxBytes = MAX_REQUEST_BYTES,
): Promise<number> {
  let syncs = 0;
  const sheet = context.workbook.worksheets.getItem(snapshot.sheetName);
  if (snapshot.tableName && snapshot.addedTableColumns.length > 0) {
    const table = sheet.tables.getItem(snapshot.tableName);
    // Added at the end in order, so removed last-first.
    for (const name of [...snapshot.addedTableColumns].reverse())
      table.columns.getItem(name).delete();
  }
  const width = snapshot.formulas[0]?.length ?? 0;
  const rows = snapshot.formulas.map((r, i) => [
    ...r,
    ...(snapshot.numberFormat[i] ?? []),
  ]);
  for (const chunk of chunkRows(rows, maxBytes)) {
    const range = sheet.getRangeByIndexes(
      snapshot.top + chunk.start,
      snapshot.left,
      chunk.count,
      width,
    );
    range.conditionalFormats.clearAll();
    range.formulas = snapshot.formulas.slice(
      chunk.start,
      chunk.start + chunk.count,
    ) as string[][];
    range.numberFormat = snapshot.numberFormat.slice(
      chunk.start,
      chunk.start + chunk.count,
    ) as string[][];
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }
  return syncs;
}

/** Selects a row of the sheet (the summary's "click to select the row"). */
export async function selectRow(
  sheetName: string,
  row: number,
  left: number,
  width: number,
): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets
      .getItem(sheetName)
      .getRangeByIndexes(row, left, 1, width)
      .select();
    await context.sync();
  });
}

const REGISTRY_KEY = "SALES.sheets";

/** The workbook remembers, per sheet, the columns the add-in owns and the column mapping. */
/** The workbook's own header words (setting SALES.headerWords), untrusted: parsed by the mapping. */
export function readHeaderWords(): unknown {
  return Office.context.document.settings.get(HEADER_WORDS_KEY) ?? null;
}
export const HEADER_WORDS_KEY = "SALES.headerWords";

/** Stores the workbook's own header words (what the user taught by mapping columns by hand). */
export async function saveHeaderWords(words: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(HEADER_WORDS_KEY, words);
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
}

export function readRegistry(sheetName: string): SheetRegistry | undefined {
  if (typeof Office === "undefined") return undefined;
  const all = Office.context.document.settings.get(REGISTRY_KEY) as Record<
    string,
    SheetRegistry
  > | null;
  return all?.[sheetName];
}

export async function saveRegistry(
  sheetName: string,
  registry: SheetRegistry,
): Promise<void> {
  if (typeof Office === "undefined") return;
  const settings = Office.context.document.settings;
  const all =
    (settings.get(REGISTRY_KEY) as Record<string, SheetRegistry> | null) ?? {};
  settings.set(REGISTRY_KEY, { ...all, [sheetName]: registry });
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
}
