/**
 * Which output cells are the add-in's: ownership by content. The add-in remembers, per output
 * column, a fingerprint of every cell it wrote (a count per fingerprint, so the record stays
 * small and follows rows when the user sorts). A target cell is the user's when its content is
 * not one the add-in wrote there: the pane stops and asks before touching it.
 *
 * Fingerprints are taken from what `range.formulas` reads back. A live formula's references to
 * rows are reduced to their offsets, so the same formula on another row (after a sort) or after a column
 * insertion (references shifted) is still recognised.
 */
import type { OutputKind } from "./outputs";

/** 32-bit FNV-1a, base 36: short enough to keep one per distinct written cell. */
export function hash32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_.])/g;

/**
 * A cell's content as read through `formulas` on sheet row `row` (0-based), with each relative
 * reference reduced to its row offset from the cell ("@0", "@5"; column letters dropped): a
 * formula moved by a sort (Excel keeps the offsets) or shifted by an inserted column keeps its
 * fingerprint. Empty content gives "".
 */
export function normalised(content: unknown, row: number): string {
  if (content === null || content === undefined || content === "") return "";
  if (typeof content !== "string")
    return `${typeof content}:${String(content)}`;
  if (!content.startsWith("=")) return `s:${content}`;
  // Quoted strings are kept as they are; references are masked outside them.
  return content
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (m, _a, _c, b: string, n: string) =>
            b === "$" ? m : `@${Number(n) - (row + 1)}`,
          ),
    )
    .join('"');
}

/**
 * A formula moved `delta` rows (as Excel moves one when sorting or copying): relative row
 * references shift, absolute ones ($3) and text in quotes stay.
 */
export function shiftRows(content: RestoreCell, delta: number): RestoreCell {
  if (delta === 0 || typeof content !== "string" || !content.startsWith("="))
    return content;
  return content
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (m, a: string, c: string, b: string, n: string) =>
            b === "$" ? m : `${a}${c}${b}${Number(n) + delta}`,
          ),
    )
    .join('"');
}

export function fingerprint(content: unknown, row: number): string {
  const n = normalised(content, row);
  return n === "" ? "" : hash32(n);
}

/** What the add-in wrote to one column: fingerprint → how many cells. */
export type WrittenSet = Record<string, number>;

export function writtenSet(fps: readonly string[]): WrittenSet {
  const out: WrittenSet = {};
  for (const f of fps) if (f !== "") out[f] = (out[f] ?? 0) + 1;
  return out;
}

/**
 * Indexes of the cells (of one target column) that are not the add-in's: empty cells are free;
 * a cell whose fingerprint the add-in never wrote is the user's; when a fingerprint now appears
 * more often than it was written (the user typed the same text as a grade elsewhere), every
 * cell holding it is listed — the add-in cannot tell which one was typed.
 * `written` null: the column is not known to be the add-in's, every non-empty cell is the user's.
 */
export function foreignCells(
  fps: readonly string[],
  written: WrittenSet | null,
): number[] {
  const out: number[] = [];
  if (!written) {
    fps.forEach((f, i) => f !== "" && out.push(i));
    return out;
  }
  const seen: Record<string, number> = {};
  for (const f of fps) if (f !== "") seen[f] = (seen[f] ?? 0) + 1;
  fps.forEach((f, i) => {
    if (f === "") return;
    if ((written[f] ?? 0) < (seen[f] ?? 0)) out.push(i);
  });
  return out;
}

/**
 * A row's identity: its non-empty cells outside the add-in's columns, in order, and apart its
 * first non-empty cell (usually the lead's name or id). The first survives sorting and inserted
 * empty columns; the second also survives edits to the row's other inputs. `full.first`.
 */
export function rowKey(cells: readonly unknown[]): string {
  const filled = cells
    .filter((v) => v !== "" && v !== null && v !== undefined)
    .map((v) => `${typeof v}:${String(v)}`);
  return `${hash32(filled.join("\u0001"))}.${hash32(filled[0] ?? "")}`;
}

/**
 * What to write through `range.formulas` to put a cell back exactly: a formula as is; text with
 * a leading apostrophe (else Excel would turn `00123`, `2026-11-25` or `TRUE` into a number, a
 * date or a boolean); numbers, booleans and error constants as they read.
 */
export type RestoreCell = string | number | boolean;

export function restoreCell(formula: unknown, valueType: unknown): RestoreCell {
  if (formula === null || formula === undefined || formula === "") return "";
  if (typeof formula === "number" || typeof formula === "boolean")
    return formula;
  const s = String(formula);
  if (s.startsWith("=")) return s;
  if (valueType === "Error") return s;
  if (valueType === "Double" && s !== "" && !Number.isNaN(Number(s)))
    return Number(s);
  if (valueType === "Boolean") return s.toUpperCase() === "TRUE";
  return `'${s}`;
}

/**
 * Text Excel would parse into something else when written (a number, a date, a boolean, an
 * error, a formula): written with a leading apostrophe so it stays the text it is.
 */
export function needsQuote(s: string): boolean {
  const t = s.trim();
  if (t === "") return false;
  if (/^[=+\-@']/.test(s)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (
    /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!)$/i.test(
      t,
    )
  )
    return true;
  if (/^[$¥￥]?\(?[\d.,]+\)?%?$/.test(t)) return true;
  if (/^\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return true;
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(t)) return true;
  return false;
}

export function asWrittenText(s: string): string {
  return needsQuote(s) ? `'${s}` : s;
}

/** One cell the pane stops at: absolute 0-based row and column, and what it holds. */
export interface Conflict {
  readonly row: number;
  readonly column: number;
  readonly content: string;
  /** the output column it is in; "header" for a header cell; "moved" for a cell that adding table columns would shift right */
  readonly output: OutputKind | "header" | "moved";
}

/** How the user answered "these cells are yours": the cells, as they were when asked. */
export interface ConflictAnswer {
  readonly choice: "overwrite" | "skip";
  /** `${row},${column}` → the content seen when asked; anything else found stops again */
  readonly cells: ReadonlyMap<string, string>;
}

export const cellId = (row: number, column: number): string =>
  `${row},${column}`;

/** The add-in's per-row record: each row's identity and what was written in each column. */
export interface CellRecord {
  readonly kinds: readonly OutputKind[];
  readonly rows: readonly string[];
}

export function encodeRow(key: string, fps: readonly string[]): string {
  return `${key}:${fps.join(",")}`;
}

function decodeRow(s: string): { k: string; w: string[] } {
  const i = s.indexOf(":");
  return { k: s.slice(0, i), w: s.slice(i + 1).split(",") };
}

/**
 * Pairs current rows with recorded rows: by identity first (a sort moves rows), then by
 * position for rows whose identity changed (their inputs were edited). `keys[i]` is the current
 * row's key; result[i] is the recorded row index or undefined.
 */
export function matchRows(
  keys: readonly string[],
  recorded: readonly string[],
): (number | undefined)[] {
  const used = new Set<number>();
  const match: (number | undefined)[] = keys.map(() => undefined);
  const pass = (part: (k: string) => string) => {
    const byKey = new Map<string, number[]>();
    recorded.forEach((k, s) => {
      if (used.has(s)) return;
      const l = byKey.get(part(k)) ?? [];
      l.push(s);
      byKey.set(part(k), l);
    });
    keys.forEach((k, i) => {
      if (match[i] !== undefined) return;
      const l = byKey.get(part(k));
      while (l && l.length > 0) {
        const s = l.shift() as number;
        if (!used.has(s)) {
          match[i] = s;
          used.add(s);
          break;
        }
      }
    });
  };
  pass((k) => k); // the whole row: moved by a sort
  pass((k) => k.slice(k.indexOf(".") + 1)); // its first cell: inputs edited since
  keys.forEach((_, i) => {
    if (match[i] === undefined && i < recorded.length && !used.has(i)) {
      match[i] = i;
      used.add(i);
    }
  });
  return match;
}

/**
 * The user's cells in one column: rows matched to the record are the add-in's exactly when
 * they hold what was written on that row; other rows fall back to content counts.
 */
export function foreignInColumn(
  fps: readonly string[],
  keys: readonly string[],
  kind: OutputKind,
  written: WrittenSet | null,
  record: CellRecord | undefined,
): number[] {
  const byCount = new Set(foreignCells(fps, written));
  const j = record ? record.kinds.indexOf(kind) : -1;
  if (!record || j < 0 || written === null) return [...byCount];
  const rows = record.rows.map(decodeRow);
  const match = matchRows(
    keys,
    rows.map((r) => r.k),
  );
  const out: number[] = [];
  fps.forEach((f, i) => {
    if (f === "") return;
    const s = match[i];
    if (s === undefined) {
      if (byCount.has(i)) out.push(i);
    } else if ((rows[s]?.w[j] ?? "") !== f) out.push(i);
  });
  return out;
}
