/*
 * The criteria sheet's Office.js part: the one module that calls Excel.run for it. Insert
 * (never over an existing sheet), reset (an explicit, confirmed action), read, write the check
 * column and the today cell, add a team word — and recalculate the SALES cells of the workbook
 * when the criteria or the label language change.
 *
 * Why a recalculation of the SALES cells: the functions read the criteria through the shared
 * runtime, which Excel does not record as a dependency, so nothing reruns by itself. Only the
 * cells whose formula calls SALES.* are asked to recalculate (setDirty, ExcelApi 1.9; calculate
 * on 1.6–1.8), never the whole workbook (application.calculate would rerun every formula of
 * every open workbook and show #BUSY! meanwhile). A formula a user typed by hand is found the
 * same way, by its text.
 */
import {
  CHECK_COL,
  CRITERIA_SHEET_NAME,
  TODAY_ROW,
  WIDTH,
  addSignalWord,
  buildCriteriaSheet,
  criteriaSheetStyle,
  mergeCheckColumn,
} from "../../criteria/criteriaSheet";
import { salesCellRuns } from "../../criteria/salesCells";
import type { Lang } from "../../engine/lang";
import type { Stage } from "../../engine/tables/intentStages";
import { READ_CELLS } from "../office/ranges";

const NAMES = [CRITERIA_SHEET_NAME.zh, CRITERIA_SHEET_NAME.en];
/** bytes of formula text per response: under Excel on the web's 5 MB with room to spare */
const RESPONSE_BYTES = 3 * 1024 * 1024;

interface Box {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}
const boxOf = (r: Excel.Range): Box => ({
  row: r.rowIndex,
  column: r.columnIndex,
  rows: r.rowCount,
  columns: r.columnCount,
});

function supports(version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    !!Office.context?.requirements?.isSetSupported("ExcelApi", version)
  );
}

/** The criteria sheet of this workbook (either language's name), loaded, or null. */
async function findSheet(
  context: Excel.RequestContext,
): Promise<Excel.Worksheet | null> {
  const candidates = NAMES.map((n) =>
    context.workbook.worksheets.getItemOrNullObject(n),
  );
  for (const c of candidates) c.load("name,id");
  await context.sync();
  return candidates.find((c) => !c.isNullObject) ?? null;
}

export interface CriteriaSheetValues {
  readonly name: string;
  /** stable across renames; a sheet deleted and inserted again has a new one */
  readonly id: string;
  readonly values: unknown[][];
}

/** Reads the criteria sheet (columns A–G from row 1), or null when the workbook has none. */
export async function readCriteriaSheet(): Promise<CriteriaSheetValues | null> {
  return Excel.run(async (context) => {
    const sheet = await findSheet(context);
    if (!sheet) return null;
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    await context.sync();
    if (used.isNullObject)
      return { name: sheet.name, id: sheet.id, values: [] };
    const rows = used.rowIndex + used.rowCount;
    const range = sheet.getRangeByIndexes(0, 0, rows, WIDTH);
    range.load("values");
    await context.sync();
    return { name: sheet.name, id: sheet.id, values: range.values };
  });
}

export type InsertOutcome = {
  readonly name: string;
  readonly created: boolean;
};

/**
 * Inserts the criteria sheet with the documented defaults, or — when the workbook already has
 * one — only activates it: nothing a trainer edited is overwritten by "insert".
 */
export async function insertCriteriaSheet(
  lang: Lang,
  today: number,
): Promise<InsertOutcome> {
  return Excel.run(async (context) => {
    const existing = await findSheet(context);
    if (existing) {
      existing.activate();
      await context.sync();
      return { name: existing.name, created: false };
    }
    const sheet = context.workbook.worksheets.add(CRITERIA_SHEET_NAME[lang]);
    writeDefaults(sheet, lang, today);
    sheet.activate();
    await context.sync();
    return { name: CRITERIA_SHEET_NAME[lang], created: true };
  });
}

function writeDefaults(sheet: Excel.Worksheet, lang: Lang, today: number) {
  const rows = buildCriteriaSheet(lang, today);
  sheet.getRangeByIndexes(0, 0, rows.length, WIDTH).values = rows;
  sheet.getRangeByIndexes(TODAY_ROW, 1, 1, 1).numberFormat = [["yyyy-mm-dd"]];
  const style = criteriaSheetStyle(rows);
  for (const r of style.titles)
    sheet.getRangeByIndexes(r, 0, 1, 1).format.font.bold = true;
  for (const r of style.headers) {
    const h = sheet.getRangeByIndexes(r, 0, 1, WIDTH);
    h.format.font.bold = true;
    h.format.fill.color = "#F2F2F2";
  }
  for (const [r, c] of style.percent)
    sheet.getRangeByIndexes(r, c, 1, 1).numberFormat = [["0%"]];
  style.widths.forEach((w, c) => {
    const col = sheet.getRangeByIndexes(0, c, rows.length, 1);
    col.format.columnWidth = w;
    col.format.wrapText = c === 2 || c === 4 || c === CHECK_COL;
  });
}

/**
 * Reset to the documented defaults: the sheet's cells (team words included) are replaced.
 * The pane asks for a second click first; this is the only call that overwrites the sheet.
 */
export async function resetCriteriaSheet(
  lang: Lang,
  today: number,
): Promise<InsertOutcome> {
  return Excel.run(async (context) => {
    const sheet = await findSheet(context);
    if (!sheet) {
      await context.sync();
      return insertCriteriaSheet(lang, today);
    }
    const used = sheet.getUsedRangeOrNullObject();
    used.load("rowIndex,rowCount,columnIndex,columnCount");
    await context.sync();
    if (!used.isNullObject) {
      const h = used.rowIndex + used.rowCount;
      const w = Math.max(WIDTH, used.columnIndex + used.columnCount);
      sheet.getRangeByIndexes(0, 0, h, w).values = Array.from(
        { length: h },
        () => new Array<string>(w).fill(""),
      );
    }
    writeDefaults(sheet, lang, today);
    await context.sync();
    return { name: sheet.name, created: false };
  });
}

/**
 * Writes the check column where it differs from what the sheet shows (the pane's own write
 * triggers the sheet's change event; an unchanged column is not written again, so it stops).
 */
export async function writeCheckColumn(
  name: string,
  current: readonly (readonly unknown[])[],
  check: readonly string[],
): Promise<boolean> {
  const next = mergeCheckColumn(current, check);
  if (!next) return false;
  await Excel.run(async (context) => {
    context.workbook.worksheets
      .getItem(name)
      .getRangeByIndexes(0, CHECK_COL, next.length, 1).values = next.map(
      (x) => [x],
    );
    await context.sync();
  });
  return true;
}

/** Puts today's date in the today cell when it holds another date (the daily refresh). */
export async function refreshToday(
  name: string,
  current: unknown,
  today: number,
): Promise<boolean> {
  if (current === today) return false;
  await Excel.run(async (context) => {
    context.workbook.worksheets
      .getItem(name)
      .getRangeByIndexes(TODAY_ROW, 1, 1, 1).values = [[today]];
    await context.sync();
  });
  return true;
}

/**
 * "Treat this phrase as stage N": adds it to the sheet's team words (the unread-notes group
 * calls this). Returns false when the workbook has no criteria sheet.
 */
export async function addTeamWord(
  phrase: string,
  stage: Stage | null,
  lang: Lang,
): Promise<boolean> {
  const sheet = await readCriteriaSheet();
  if (!sheet) return false;
  const write = addSignalWord(sheet.values, phrase, stage, lang);
  if (!write) return false;
  await Excel.run(async (context) => {
    context.workbook.worksheets
      .getItem(sheet.name)
      .getRangeByIndexes(write.row, 0, 1, write.values.length).values = [
      write.values,
    ];
    await context.sync();
  });
  return true;
}

/**
 * Asks Excel to recalculate every cell whose formula calls SALES.* — and no other — on every
 * sheet. Formulas are read in chunks under the response limit. Returns the cells asked.
 */
export async function recalcSalesCells(): Promise<number> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const used = sheets.items.map((s) => {
      const u = s.getUsedRangeOrNullObject();
      u.load("rowIndex,columnIndex,rowCount,columnCount");
      return { sheet: s, used: u };
    });
    await context.sync();
    const v19 = supports("1.9");
    // Where to look: the formula cells only (ExcelApi 1.9: a sheet of values costs nothing
    // more), else the whole used range.
    const blocks: { sheet: Excel.Worksheet; box: Box }[] = [];
    if (v19) {
      const special = used
        .filter(({ used: u }) => !u.isNullObject)
        .map(({ sheet, used: u }) => {
          const f = u.getSpecialCellsOrNullObject(
            Excel.SpecialCellType.formulas,
          );
          f.load("areaCount");
          return { sheet, f };
        });
      await context.sync();
      const withFormulas = special.filter(({ f }) => !f.isNullObject);
      if (withFormulas.length === 0) return 0; // values only: nothing to recalculate
      for (const { f } of withFormulas)
        f.areas.load(
          "items/rowIndex,items/columnIndex,items/rowCount,items/columnCount",
        );
      await context.sync();
      for (const { sheet, f } of withFormulas)
        for (const a of f.areas.items) blocks.push({ sheet, box: boxOf(a) });
    } else {
      for (const { sheet, used: u } of used)
        if (!u.isNullObject) blocks.push({ sheet, box: boxOf(u) });
    }
    // Requests sized by bytes, not cells: formula text can be long (an explanation formula is
    // hundreds of bytes) and Excel on the web rejects a response over 5 MB. A block's first
    // read assumes the longest formula Excel allows (8,192 characters); after it, the block's
    // own longest formula (UTF-8: at most 3 bytes a character, JSON escapes included) sizes
    // its next reads — a column of formulas is written alike.
    const FIRST_GUESS = 8192 * 3 + 8;
    const perCell = blocks.map(() => FIRST_GUESS);
    let cells = 0;
    let b = 0;
    let done = 0; // rows of blocks[b] already read
    while (b < blocks.length) {
      const batch: {
        part: Excel.Range;
        box: Box;
        sheet: Excel.Worksheet;
        block: number;
      }[] = [];
      let bytes = 0;
      let count = 0;
      while (b < blocks.length) {
        const { sheet, box } = blocks[b] as (typeof blocks)[number];
        const rowBytes = (perCell[b] as number) * box.columns;
        const fit = Math.min(
          box.rows - done,
          Math.floor((RESPONSE_BYTES - bytes) / rowBytes),
          Math.floor((READ_CELLS - count) / box.columns),
        );
        const rows = batch.length === 0 ? Math.max(1, fit) : fit;
        if (rows < 1) break;
        const part = sheet.getRangeByIndexes(
          box.row + done,
          box.column,
          rows,
          box.columns,
        );
        part.load("formulas");
        batch.push({
          part,
          box: { ...box, row: box.row + done, rows },
          sheet,
          block: b,
        });
        bytes += rows * rowBytes;
        count += rows * box.columns;
        done += rows;
        if (done >= box.rows) {
          b++;
          done = 0;
        }
      }
      // One request per batch keeps each response under Excel on the web's 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const { part, box, sheet, block } of batch) {
        let longest = 0;
        for (const row of part.formulas)
          for (const f of row)
            if (typeof f === "string" && f.length > longest) longest = f.length;
        perCell[block] = Math.max(16, longest * 3 + 8);
        for (const run of salesCellRuns(part.formulas, box.row, box.column)) {
          const r = sheet.getRangeByIndexes(run.row, run.column, run.rows, 1);
          if (v19) r.setDirty();
          else r.calculate();
          cells += run.rows;
        }
      }
    }
    if (cells > 0) await context.sync();
    return cells;
  });
}
