/**
 * Text folding shared by every reader and word matcher (SPEC §1): full-width forms are
 * folded to ASCII (`Ａ`→`A`, `８`→`8`, `￥`→`¥`, ideographic space → space), surrounding
 * white space is trimmed, Latin letters are lower-cased.
 */
import { errorTextOf } from "./cellError";

const ASCII = /^[\x20-\x7e]*$/;

const foldCache = new Map<string, string>();

export function fold(text: string): string {
  // Pure ASCII skips NFKC (the hot path); NFKC folds the full-width block (U+FF01–U+FF5E)
  // and U+3000. Sheets repeat their words, so folded non-ASCII text is cached.
  if (ASCII.test(text)) return text.trim().toLowerCase();
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = text.normalize("NFKC").trim().toLowerCase();
    if (foldCache.size > 50000) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}

/** True for a value Excel or a user means as "nothing here": null, undefined, "" or white space. */
export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  if (value.length === 0) return true;
  // Fast path: text that starts with a visible ASCII character is not blank (no trim, no allocation).
  const c = value.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return value.trim() === ""; // trim() also removes U+3000, the ideographic space
}

/** Escape a word for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const clip = (t: string) => (t.length > 60 ? t.slice(0, 57) + "…" : t);

/**
 * Shows a cell value in a message: text in quotes, the rest as Excel would print it; an
 * error value as its text (`#N/A`). Never `[object Object]`, whatever a host hands over.
 */
export function showValue(value: unknown): string {
  if (typeof value === "string") return `"${clip(value)}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return '""';
  if (typeof value === "number" || typeof value === "bigint")
    return String(value);
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return "(function)";
  const err = errorTextOf(value);
  if (err !== undefined) return err;
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? "(invalid date)"
      : value.toISOString().slice(0, 10);
  if (Array.isArray(value))
    return clip(
      `[${value.slice(0, 5).map(showValue).join(", ")}${value.length > 5 ? ", …" : ""}]`,
    );
  try {
    const json = JSON.stringify(value);
    if (json !== undefined && json !== "{}") return clip(json);
  } catch {
    // a cycle or a getter that throws: fall through to the type's name
  }
  const name = (value as { constructor?: { name?: unknown } }).constructor
    ?.name;
  return typeof name === "string" && name !== "" && name !== "Object"
    ? `(${name})`
    : "(object)";
}

/** The most characters an Excel cell holds (a longer text is refused by Excel). */
export const CELL_TEXT_MAX = 32767;

/** A text cut to what a cell holds, ending in `…` when cut (never inside a surrogate pair). */
export function clipCellText(text: string): string {
  if (text.length <= CELL_TEXT_MAX) return text;
  let end = CELL_TEXT_MAX - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // do not split a pair
  return `${text.slice(0, end)}…`;
}
