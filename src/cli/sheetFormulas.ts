/**
 * The formula cells of a worksheet, read from its XML beside exceljs's streaming reader, which
 * loses what the graded copy needs (exceljs 4.4.0, lib/stream/xlsx/worksheet-reader.js): it
 * drops the `<f>` element's attributes, so a formula filled down (a shared formula:
 * `<f t="shared" si="0"/>` on every cell below the first) arrives as `{formula: ""}`, which
 * exceljs then stores as text; it parses every cached result as a number, so an error result
 * (`#N/A` from a VLOOKUP) or a boolean is lost, and a date result stays a serial.
 *
 * Here each formula cell gets its own formula text (a shared one translated from its first
 * cell, as Excel does for that row) and its cached result typed as Excel stores it.
 */
import type ExcelJS from "exceljs";

/** What the XML says of one formula cell. */
export interface RawFormulaCell {
  /** the formula, translated for this cell; undefined when it cannot be known (kept as its result) */
  readonly formula?: string;
  /** an array formula's range (`<f t="array" ref="…">`) */
  readonly arrayRef?: string;
  /** the cell's `t` attribute: "e" error, "str" text, "b" boolean, else a number */
  readonly type?: string;
  /** the cached result as written, decoded */
  readonly cached?: string;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const ADDRESS = /^([A-Za-z]{1,3})(\d+)$/;

function decodeAddress(a: string): { row: number; col: number } {
  const m = ADDRESS.exec(a);
  if (!m) throw new Error(`not a cell address: ${a}`);
  return { col: columnNumber(m[1] as string), row: Number(m[2]) };
}

// Outside strings, quoted sheet names and [structured references]: a cell (A1, $A$1), a whole
// column range (A:C) or a whole row range (1:3), not part of a longer name, a number or a
// function name (LOG10( ), nor a sheet name (Sheet1!).
const REF =
  /(^|[^A-Za-z0-9_.$\\])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+)|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d+):(\$?)(\d+))(?![A-Za-z0-9_.(!])/g;

function shiftPlain(text: string, dr: number, dc: number): string {
  const col = (abs: string, l: string) => {
    const n = columnNumber(l);
    return abs ? n : n + dc;
  };
  const row = (abs: string, r: string) => (abs ? Number(r) : Number(r) + dr);
  const okCol = (n: number) => n >= 1 && n <= MAX_COL;
  const okRow = (n: number) => n >= 1 && n <= MAX_ROW;
  return text.replace(REF, (all: string, lead: string, ...g: string[]) => {
    const [ca, cl, ra, rn, c1a, c1, c2a, c2, r1a, r1, r2a, r2] = g as string[];
    if (cl !== undefined) {
      if (columnNumber(cl) > MAX_COL || Number(rn) > MAX_ROW) return all; // a name, not a cell
      const c = col(ca as string, cl);
      const r = row(ra as string, rn as string);
      if (!okCol(c) || !okRow(r)) return `${lead}#REF!`;
      return `${lead}${ca}${letters(c)}${ra}${r}`;
    }
    if (c1 !== undefined) {
      if (columnNumber(c1) > MAX_COL || columnNumber(c2 as string) > MAX_COL)
        return all;
      const a = col(c1a as string, c1);
      const b = col(c2a as string, c2 as string);
      if (!okCol(a) || !okCol(b)) return `${lead}#REF!`;
      return `${lead}${c1a}${letters(a)}:${c2a}${letters(b)}`;
    }
    const a = row(r1a as string, r1 as string);
    const b = row(r2a as string, r2 as string);
    if (!okRow(a) || !okRow(b)) return `${lead}#REF!`;
    return `${lead}${r1a}${a}:${r2a}${b}`;
  });
}

/**
 * A formula moved from one cell to another as Excel fills it: relative references shift by the
 * rows and columns between the two cells, absolute ones ($A$1) stay; text in quotes, quoted sheet
 * names and structured references ([@列]) are left alone; a reference pushed off the sheet
 * becomes #REF!.
 */
export function translateFormula(
  formula: string,
  from: string,
  to: string,
): string {
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  const dr = b.row - a.row;
  const dc = b.col - a.col;
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  let plainStart = 0;
  let i = 0;
  const flush = (end: number) => {
    out += shiftPlain(formula.slice(plainStart, end), dr, dc);
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      flush(i);
      let j = i + 1;
      for (; j < formula.length; j++)
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      out += formula.slice(i, j + 1);
      i = plainStart = j + 1;
    } else if (ch === "[") {
      flush(i);
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = plainStart = j + 1;
    } else i++;
  }
  flush(formula.length);
  return out;
}

const XML_ENTITY = /&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g;
function xmlText(s: string): string {
  return s.replace(XML_ENTITY, (_all, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
        );
    }
  });
}

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** Where an `<f` at i opens the formula element (`<f>`, `<f …>`, `<f/>`), not another tag. */
function isFormulaTag(s: string, i: number): boolean {
  const next = s[i + 2];
  return next === ">" || next === " " || next === "/";
}

/**
 * Fed the worksheet's XML text as it streams (in the same chunks exceljs parses, each before
 * exceljs sees it), it keeps the formula cells of the rows exceljs has not yet handed out.
 */
export class FormulaScan {
  private rest = "";
  private readonly masters = new Map<
    string,
    { formula: string; address: string }
  >();
  private readonly rows = new Map<number, Map<number, RawFormulaCell>>();

  feed(text: string): void {
    const s = this.rest + text;
    let pos = 0;
    for (;;) {
      let f = s.indexOf("<f", pos);
      while (f >= 0 && f + 2 < s.length && !isFormulaTag(s, f))
        f = s.indexOf("<f", f + 2);
      if (f < 0 || f + 2 >= s.length) break;
      const start = s.lastIndexOf("<c ", f);
      const end = s.indexOf("</c>", f);
      if (start < pos) {
        pos = f + 2; // not in a cell: nothing of ours
        continue;
      }
      if (end < 0) {
        this.rest = s.slice(start); // the cell ends in the next chunk
        return;
      }
      this.cell(s.slice(start, end));
      pos = end + 4;
    }
    // keep an unfinished cell (or a tag cut in two) for the next chunk
    const open = s.lastIndexOf("<c ");
    const keep =
      open >= pos && s.indexOf("</c>", open) < 0
        ? open
        : Math.max(pos, s.length - 3);
    this.rest = s.slice(keep);
  }

  private cell(xml: string): void {
    const open = xml.indexOf(">");
    const cAttrs = xml.slice(3, open);
    const address = attr(cAttrs, "r");
    const fm = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(xml);
    if (!address || !fm) return;
    const fAttrs = fm[1] ?? "";
    const text = xmlText(fm[2] ?? "");
    const vm = /<v(?:\s[^>]*)?>([^<]*)<\/v>/.exec(xml);
    const kind = attr(fAttrs, "t");
    let formula: string | undefined = text || undefined;
    let arrayRef: string | undefined;
    if (kind === "shared") {
      const si = attr(fAttrs, "si") ?? "";
      if (text) this.masters.set(si, { formula: text, address });
      else {
        const master = this.masters.get(si);
        formula = master
          ? translateFormula(master.formula, master.address, address)
          : undefined;
      }
    } else if (kind === "array") arrayRef = attr(fAttrs, "ref");
    else if (kind === "dataTable") formula = undefined; // a what-if table: its results only
    const { row, col } = decodeAddress(address);
    const raw: RawFormulaCell = {
      formula,
      arrayRef,
      type: attr(cAttrs, "t"),
      cached: vm ? xmlText(vm[1] ?? "") : undefined,
    };
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    cells.set(col, raw);
  }

  /** The formula cells of a row, by 1-based column, handed out once. */
  takeRow(row: number): Map<number, RawFormulaCell> | undefined {
    const cells = this.rows.get(row);
    this.rows.delete(row);
    return cells;
  }
}

/** A number format that shows a date or time, by exceljs's rule (so formula results read as other cells). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** The cached result as exceljs would give a plain cell holding it. */
function result(
  raw: RawFormulaCell,
  numFmt: string | undefined,
  date1904: boolean,
): ExcelJS.CellValue {
  const v = raw.cached;
  if (v === undefined) return null;
  switch (raw.type) {
    case "e":
      return { error: v } as ExcelJS.CellErrorValue;
    case "str":
    case "inlineStr":
      return v;
    case "b":
      return v !== "0";
    default: {
      const n = Number(v);
      if (v === "" || !Number.isFinite(n)) return v;
      if (!isDateFormat(numFmt)) return n;
      // as exceljs reads a date cell: UTC midnight of the day (1904 system: 1462 days later)
      return new Date(
        Math.round((n + (date1904 ? 1462 : 0) - 25569) * 86400000),
      );
    }
  }
}

/** The value to copy: the formula with its cached result, or the result alone when the formula is unknown. */
export function formulaValue(
  raw: RawFormulaCell,
  numFmt: string | undefined,
  date1904: boolean,
): ExcelJS.CellValue {
  const r = result(raw, numFmt, date1904);
  if (raw.formula === undefined) return r;
  const v: Record<string, unknown> = { formula: raw.formula };
  if (r !== null) v.result = r;
  if (raw.arrayRef) {
    v.shareType = "array";
    v.ref = raw.arrayRef;
  }
  return v as unknown as ExcelJS.CellFormulaValue;
}
