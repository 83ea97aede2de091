/**
 * Rows of an export, one at a time, whatever the file: an .xlsx sheet through exceljs's
 * streaming reader (nothing but the current row and the shared strings in memory), or a
 * CSV in UTF-8 or GB18030 through iconv-lite and csv-parse. Each row carries its values
 * as the engine reads them (dates as Excel serials) and the original cells to copy.
 */
import * as fs from "fs";
import { parse as parseCsv } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { CliError, fsProblem } from "./cliError";
import { SheetError } from "../sheet/rowFormulas";
import { formulaValue } from "./sheetFormulas";
import {
  date1904Of,
  formulasOf,
  WorkbookPartMissed,
  xlsxReader,
} from "./xlsxReader";

export type FileKind = "xlsx" | "csv";
export type CsvEncoding = "utf8" | "gb18030";

/** One row: `values` for the engine, `cells` to copy into the graded file (same length). */
export interface SourceRow {
  /** 1-based sheet row number (rows may be skipped in an .xlsx: empty rows are not stored) */
  readonly number: number;
  readonly values: unknown[];
  readonly cells: CopyCell[];
}

/** What is copied: the value as stored (formulas, rich text and links kept) and its number format. */
export interface CopyCell {
  readonly value: ExcelJS.CellValue;
  readonly numFmt?: string;
  /** a comment on the cell (.xlsx only): why an output cell holds an error value */
  readonly note?: string;
}

/** A sheet of a workbook, in tab order; a hidden one (hidden or very hidden) is never the default. */
export interface SheetInfo {
  readonly name: string;
  readonly hidden: boolean;
}

export interface Source {
  readonly kind: FileKind;
  readonly sheetName: string;
  /** the workbook's sheets (an .xlsx) */
  readonly sheets?: readonly SheetInfo[];
  readonly encoding?: CsvEncoding;
  rows(): AsyncIterable<SourceRow>;
}

const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86400000;

/** A JS date as exceljs gives it (UTC midnight of the cell's date) to an Excel serial. */
export function serialFromDate(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** An exceljs cell value as the engine reads a cell: a number, text, a boolean, an error, or null. */
export function engineValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
    return v;
  if (v instanceof Date) return serialFromDate(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText))
      return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return engineValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("hyperlink" in v && "text" in v)
      return engineValue((v as { text: ExcelJS.CellValue }).text);
    // An error value is an error, as the pane reads it (valueTypes "Error"): the outputs that
    // read it show that error, in live and static mode alike.
    if ("error" in v)
      return new SheetError(String((v as { error: string }).error));
  }
  return null;
}

/** What the graded copy stores for a cell: a shared formula (whose master may be elsewhere) becomes its result. */
function copyValue(v: ExcelJS.CellValue): ExcelJS.CellValue {
  if (v && typeof v === "object" && "sharedFormula" in v)
    return (v as { result?: ExcelJS.CellValue }).result ?? null;
  return v;
}

/** Which kind of file this is, from its first bytes (the extension only breaks a tie). */
export async function sniff(file: string): Promise<FileKind> {
  let fd: fs.promises.FileHandle;
  try {
    fd = await fs.promises.open(file, "r");
  } catch (e) {
    throw fsProblem(e, file);
  }
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await fd.read(head, 0, 8, 0).catch((e: unknown) => {
      throw fsProblem(e, file);
    });
    const b = head.subarray(0, bytesRead);
    if (b[0] === 0x50 && b[1] === 0x4b) return "xlsx";
    if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
      throw new CliError({ code: "oldXls", file });
    if (/\.(xlsx|xlsm)$/i.test(file))
      throw new CliError({ code: "notWorkbook", file });
    // Text: a CSV. Binary bytes (NUL) are not.
    if (b.includes(0) && !(b[0] === 0xff && b[1] === 0xfe))
      throw new CliError({ code: "notWorkbook", file });
    return "csv";
  } finally {
    await fd.close();
  }
}

export async function openSource(
  file: string,
  opts: { sheet?: string; encoding?: CsvEncoding },
): Promise<Source> {
  const kind = await sniff(file);
  if (kind === "csv") {
    const encoding = opts.encoding ?? (await detectEncoding(file));
    return {
      kind,
      sheetName: sheetNameOf(file),
      encoding,
      rows: () => csvRows(file, encoding),
    };
  }
  const sheets = await xlsxSheets(file);
  const names = sheets.map((s) => s.name);
  if (names.length === 0)
    throw new CliError({ code: "badWorkbook", file, reason: "no worksheet" });
  const wanted =
    opts.sheet ?? (sheets.find((s) => !s.hidden) ?? sheets[0])!.name;
  if (!names.includes(wanted))
    throw new CliError({
      code: "noSheet",
      file,
      sheet: wanted,
      sheets: names,
    });
  return {
    kind,
    sheetName: wanted,
    sheets,
    rows: () => xlsxRows(file, wanted),
  };
}

function sheetNameOf(file: string): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  // Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]
  return base.replace(/[:\\/?*[\]]/g, "_").slice(0, 31) || "Sheet1";
}

function workbookReader(file: string): ExcelJS.stream.xlsx.WorkbookReader {
  return xlsxReader(file, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
}

const badWorkbook = (file: string, e: unknown) =>
  e instanceof CliError
    ? e
    : new CliError({
        code: "badWorkbook",
        file,
        reason: String((e as Error)?.message ?? e).slice(0, 120),
      });

/** Reads a workbook again when exceljs's zip pass missed its workbook part (a race, issue #3064). */
const READ_ATTEMPTS = 5;

/** The sheets in tab order, read from xl/workbook.xml only (the worksheets are not parsed). */
async function xlsxSheets(file: string): Promise<SheetInfo[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const sheets = await xlsxSheetsOnce(file);
      if (sheets.length > 0 || attempt === READ_ATTEMPTS) return sheets;
    } catch (e) {
      if (!(e instanceof WorkbookPartMissed) || attempt === READ_ATTEMPTS)
        throw badWorkbook(file, e);
    }
  }
}

async function xlsxSheetsOnce(file: string): Promise<SheetInfo[]> {
  const reader = workbookReader(file);
  // Parse entries until the workbook part has been read; worksheets are skipped (drained).
  const r = reader as unknown as {
    parse(): AsyncIterable<{ eventType: string }>;
    model?: { sheets?: { name: string; state?: string }[] };
  };
  for await (const ev of r.parse()) {
    if (r.model?.sheets) break;
    void ev;
  }
  return (r.model?.sheets ?? []).map((s) => ({
    name: s.name,
    hidden: s.state === "hidden" || s.state === "veryHidden",
  }));
}

async function* xlsxRows(
  file: string,
  sheet: string,
): AsyncIterable<SourceRow> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const row of xlsxRowsOnce(file, sheet)) {
        yielded = true;
        yield row;
      }
      return;
    } catch (e) {
      if (
        !(e instanceof WorkbookPartMissed) ||
        yielded ||
        attempt === READ_ATTEMPTS
      )
        throw badWorkbook(file, e);
    }
  }
}

async function* xlsxRowsOnce(
  file: string,
  sheet: string,
): AsyncIterable<SourceRow> {
  const reader = workbookReader(file);
  let found = false;
  for await (const ws of reader) {
    const name = (ws as unknown as { name?: string }).name;
    if (name !== sheet) continue;
    found = true;
    const scan = formulasOf(ws);
    const date1904 = date1904Of(reader);
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      const values: unknown[] = [];
      const cells: CopyCell[] = [];
      const formulas = scan?.takeRow(row.number);
      const n = row.cellCount;
      for (let c = 1; c <= n; c++) {
        const cell = row.getCell(c);
        const numFmt = cell.numFmt;
        // a formula cell as the XML has it (exceljs's streaming reader loses its shared
        // formula, an error or boolean result, a date result's type)
        const raw = formulas?.get(c);
        const v = raw ? formulaValue(raw, numFmt, date1904) : cell.value;
        values.push(engineValue(v));
        cells.push(
          numFmt && numFmt !== "General"
            ? { value: copyValue(v), numFmt }
            : { value: copyValue(v) },
        );
      }
      yield { number: row.number, values, cells };
    }
    break;
  }
  if (!found)
    throw new CliError({
      code: "badWorkbook",
      file,
      reason: `sheet "${sheet}" has no data part`,
    });
}

/** UTF-8 (with or without BOM) when the first 64 KB decode as UTF-8; else GB18030, as Chinese CRMs export. */
export async function detectEncoding(file: string): Promise<CsvEncoding> {
  let sample: Buffer;
  try {
    const fd = await fs.promises.open(file, "r");
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await fd.read(buf, 0, buf.length, 0);
      sample = buf.subarray(0, bytesRead);
    } finally {
      await fd.close();
    }
  } catch (e) {
    throw fsProblem(e, file);
  }
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return "utf8";
  // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut <= sample.length; cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(
        sample.subarray(0, sample.length - cut),
      );
      return "utf8";
    } catch {
      // try a shorter sample
    }
  }
  return "gb18030";
}

/**
 * A CSV field as Excel types it when it opens the file, for plain numbers only: an optional
 * minus, digits, an optional decimal part ("46340" → 46340, "-2.5" → -2.5). Kept as text, unlike
 * Excel: a number with a leading zero ("00123", "0123": codes lose their zeros otherwise) and
 * an integer of 11 or more digits (phone numbers, IDs: "13812345678"). Everything else stays
 * text too (thousands separators, percentages, exponents, currency, surrounding spaces); the
 * engine reads those texts itself. An empty field is an empty cell.
 */
export function csvValue(s: string): string | number | null {
  if (s === "") return null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  const digits = s.replace(/^-/, "");
  if (/^0\d/.test(digits)) return s;
  if (/^\d{11,}$/.test(digits)) return s;
  return Number(s);
}

async function* csvRows(
  file: string,
  encoding: CsvEncoding,
): AsyncIterable<SourceRow> {
  const input = fs.createReadStream(file);
  const parser = parseCsv({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const opened = new Promise<void>((resolve, reject) => {
    input.once("open", () => resolve());
    input.once("error", reject);
  });
  try {
    await opened;
  } catch (e) {
    throw fsProblem(e, file);
  }
  input.on("error", (e) => parser.destroy(e));
  input.pipe(iconv.decodeStream(encoding, { stripBOM: true })).pipe(parser);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number++;
      const values: unknown[] = record.map(csvValue);
      yield {
        number,
        values,
        cells: values.map((v) => ({ value: v as ExcelJS.CellValue })),
      };
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError({
      code: "badWorkbook",
      file,
      reason: String((e as Error)?.message ?? e).slice(0, 120),
    });
  }
}
