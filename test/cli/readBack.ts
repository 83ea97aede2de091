/**
 * Reads a graded file back with a second reader — exceljs's ordinary (non-streaming) workbook
 * reader for .xlsx, iconv-lite and csv-parse's synchronous parser for CSV — into plain JSON:
 * each row's cells, dates as "date:YYYY-MM-DD" with their number format.
 */
import * as fs from "fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

export type Grid = Record<string, unknown[]>;

function plain(cell: ExcelJS.Cell): unknown {
  const v = value(cell);
  const note = cell.note;
  if (!note) return v;
  const text =
    typeof note === "string"
      ? note
      : (note.texts ?? []).map((t) => t.text).join("");
  return { value: v, note: text };
}

function value(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v instanceof Date)
    return `date:${v.toISOString().slice(0, 10)} ${cell.numFmt ?? ""}`.trim();
  if (v && typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v) return { formula: v.formula, result: v.result };
    return JSON.parse(JSON.stringify(v));
  }
  return v ?? null;
}

export async function readXlsx(
  file: string,
  sheet?: string,
): Promise<{ sheets: string[]; rows: Grid }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: Grid = {};
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(plain(row.getCell(c)));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    rows[String(n)] = cells;
  });
  return { sheets: wb.worksheets.map((w) => w.name), rows };
}

export function readCsv(
  file: string,
  encoding: "utf8" | "gb18030",
): { bom: boolean; rows: Grid } {
  const bytes = fs.readFileSync(file);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = iconv.decode(bytes, encoding, { stripBOM: true });
  const records: string[][] = parse(text, { relax_column_count: true });
  const rows: Grid = {};
  records.forEach((r, i) => {
    const cells: unknown[] = r.map((s) => (s === "" ? null : s));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    rows[String(i + 1)] = cells;
  });
  return { bom, rows };
}
