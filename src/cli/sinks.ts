/**
 * The graded copy, written row by row: an .xlsx through exceljs's streaming writer (each row
 * committed as soon as it is written), or a CSV in the input's encoding (UTF-8 with a BOM so
 * Excel opens it right, or GB18030). The file is written under a temporary name beside the
 * target and renamed at the end, so a failed run leaves no half-written file.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { fsProblem } from "./cliError";
import type { CopyCell, CsvEncoding, FileKind } from "./sources";

export interface Sink {
  /** cells by 0-based column; `undefined` leaves a cell empty */
  writeRow(
    number: number,
    cells: readonly (CopyCell | undefined)[],
  ): Promise<void>;
  /**
   * Another sheet after the graded one (.xlsx only; call after the last writeRow): cells by
   * 0-based row and column.
   */
  addSheet?(
    name: string,
    cells: readonly { row: number; column: number; cell: CopyCell }[],
  ): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

function tempNameFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.partial`,
  );
}

/** The temporary files being written, for an interrupted run to remove. */
const open = new Map<string, { out: fs.WriteStream; target: string }>();

/**
 * Removes every temporary file still being written, at once (Ctrl-C or a kill: the process is
 * about to exit, nothing asynchronous will run). Returns the targets left unwritten, and those
 * already complete (renamed into place just before the signal).
 */
export function removePartialFiles(): {
  unwritten: string[];
  complete: string[];
} {
  const unwritten: string[] = [];
  const complete: string[] = [];
  for (const [temp, { out, target }] of open) {
    try {
      const fd = (out as unknown as { fd?: number | null }).fd;
      if (typeof fd === "number") fs.closeSync(fd);
    } catch {
      // already closed
    }
    if (!fs.existsSync(temp)) complete.push(target);
    else {
      fs.rmSync(temp, { force: true });
      unwritten.push(target);
    }
  }
  open.clear();
  return { unwritten, complete };
}

async function replace(temp: string, target: string): Promise<void> {
  try {
    await fs.promises.rename(temp, target);
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    throw fsProblem(e, target, true);
  } finally {
    open.delete(temp);
  }
}

async function discard(temp: string, out: fs.WriteStream): Promise<void> {
  out.destroy();
  await fs.promises.rm(temp, { force: true });
  open.delete(temp);
}

export async function openSink(
  target: string,
  kind: FileKind,
  sheetName: string,
  encoding: CsvEncoding = "utf8",
): Promise<Sink> {
  const temp = tempNameFor(target);
  const out = fs.createWriteStream(temp);
  await new Promise<void>((resolve, reject) => {
    out.once("open", () => resolve());
    out.once("error", (e) => reject(fsProblem(e, target, true)));
  });
  open.set(temp, { out, target });
  return kind === "xlsx"
    ? xlsxSink(out, temp, target, sheetName)
    : csvSink(out, temp, target, encoding);
}

function xlsxSink(
  out: fs.WriteStream,
  temp: string,
  target: string,
  sheetName: string,
): Sink {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheetName);
  // exceljs's worksheet stream writes into the zip's deflate stream without waiting for it
  // (nor does the zip wait for the file): on a large sheet the whole uncompressed XML piles up
  // in memory. Wait while anything downstream holds more than a few MB.
  const HIGH = 8 * 1024 * 1024;
  type Streamish = {
    writableLength?: number;
    readableLength?: number;
    _writableState?: { length: number };
    _readableState?: { length: number };
  };
  // archiver's streams come from readable-stream 2, which has no writableLength: read the state.
  const held = (x: Streamish | undefined) =>
    x === undefined
      ? 0
      : (x.writableLength ?? x._writableState?.length ?? 0) +
        (x.readableLength ?? x._readableState?.length ?? 0);
  const buffered = () => {
    const sheetStream = (ws as unknown as { stream?: { pipes?: Streamish[] } })
      .stream;
    const zip = (wb as unknown as { zip?: Streamish }).zip;
    return (
      (sheetStream?.pipes ?? []).reduce((n, p) => n + held(p), 0) +
      held(zip) +
      out.writableLength
    );
  };
  let sinceCheck = 0;
  let committed = false;
  return {
    async addSheet(name, cells) {
      if (!committed) ws.commit();
      committed = true;
      const extra = wb.addWorksheet(name);
      const byRow = new Map<number, typeof cells>();
      for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
      for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
        const row = extra.getRow(r + 1);
        for (const c of byRow.get(r) ?? []) {
          const cell = row.getCell(c.column + 1);
          cell.value = c.cell.value;
          if (c.cell.numFmt) cell.numFmt = c.cell.numFmt;
        }
        row.commit();
      }
      extra.commit();
    },
    async writeRow(number, cells) {
      if (++sinceCheck >= 256) {
        sinceCheck = 0;
        while (buffered() > HIGH) await new Promise((r) => setTimeout(r, 2));
      }
      const row = ws.getRow(number);
      cells.forEach((c, i) => {
        if (c === undefined || c.value === null || c.value === undefined)
          return;
        const cell = row.getCell(i + 1);
        cell.value = c.value;
        if (c.numFmt) cell.numFmt = c.numFmt;
        if (c.note) cell.note = c.note;
      });
      row.commit();
      // exceljs's streaming writer keeps every formula cell written (for a later cell sharing
      // its formula); the copy writes each cell's own formula, so none is needed again.
      (ws as unknown as { _formulae?: object })._formulae = {};
    },
    async finish() {
      if (!committed) ws.commit();
      await wb.commit();
      await replace(temp, target);
    },
    async abort() {
      await discard(temp, out);
    },
  };
}

/**
 * A date as a CSV copy writes it: `yyyy-mm-dd`, with `hh:mm` (and `:ss`) when it has a time of
 * day, a time alone (a serial below 1) as `hh:mm`; Excel reads each back as the same value.
 */
export function csvDate(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000).toISOString();
  const day = t.slice(0, 10);
  const time = t.slice(11, 19).replace(/:00$/, "");
  if (day === "1899-12-30") return time; // serial 0.x: a time of day only
  return time === "00:00" ? day : `${day} ${time}`;
}

/** The text of a copied cell: rich text joined, a link's text, a formula's result, an error's code. */
function cellText(v: ExcelJS.CellValue): { text: string; isText: boolean } {
  if (v === null || v === undefined) return { text: "", isText: false };
  if (v instanceof Date) return { text: csvDate(v), isText: false };
  // as Excel writes a boolean in a CSV (and reads TRUE/FALSE back as one)
  if (typeof v === "boolean")
    return { text: v ? "TRUE" : "FALSE", isText: false };
  if (typeof v === "string") return { text: v, isText: true };
  if (typeof v !== "object") return { text: String(v), isText: false };
  if ("richText" in v && Array.isArray(v.richText))
    return { text: v.richText.map((t) => t.text).join(""), isText: true };
  if ("error" in v) return { text: String(v.error), isText: false };
  if ("formula" in v || "sharedFormula" in v)
    return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in v) return cellText((v as { text: ExcelJS.CellValue }).text);
  return { text: "", isText: false };
}

/**
 * One CSV field. Text that Excel would run as a formula when it opens the file (it begins with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so Excel shows it as text;
 * numbers, dates and error codes are never changed. Then RFC 4180 quoting: a field with a comma,
 * quote, line break or edge space is quoted.
 */
export function csvField(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  const c = cellText(v);
  const s = c.isText && /^[=+\-@\t\r]/.test(c.text) ? `'${c.text}` : c.text;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvSink(
  out: fs.WriteStream,
  temp: string,
  target: string,
  encoding: CsvEncoding,
): Sink {
  const encoder = iconv.encodeStream(encoding, { addBOM: encoding === "utf8" });
  encoder.pipe(out);
  let failed: unknown;
  out.on("error", (e) => (failed = e));
  const write = (s: string) =>
    new Promise<void>((resolve) => {
      if (encoder.write(s)) resolve();
      else encoder.once("drain", () => resolve());
    });
  return {
    async writeRow(_number, cells) {
      if (failed) throw fsProblem(failed, target, true);
      await write(cells.map((c) => csvField(c?.value)).join(",") + "\r\n");
    },
    async finish() {
      await new Promise<void>((resolve, reject) => {
        out.once("finish", () => resolve());
        out.once("error", (e) => reject(fsProblem(e, target, true)));
        encoder.end();
      });
      await replace(temp, target);
    },
    async abort() {
      encoder.unpipe(out);
      await discard(temp, out);
    },
  };
}
