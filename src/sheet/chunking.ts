/**
 * Splits a write of many rows into requests under a byte budget. Excel on the web rejects a
 * request over 5 MB (PLATFORM.md); we keep each under 4 MB by measuring what is sent (JSON
 * length of the row, as UTF-8), not by a fixed row count — a column of long explanations
 * needs smaller chunks than a column of grades.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** room left for the request's own envelope (addresses, property names) */
const ENVELOPE = 64 * 1024;

export interface Chunk {
  readonly start: number;
  readonly count: number;
  readonly bytes: number;
}

/** no character past U+007F: one UTF-8 byte each */
const NON_ASCII = /[\u0080-\uffff]/;

export function utf8Length(s: string): number {
  // Grades, numbers, formulas: one byte per character, checked by one native scan.
  if (!NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n +=
      c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** Greedy chunks of consecutive rows; `extraPerRow` adds bytes sent alongside each row (number formats). */
export function chunkRows(
  rows: readonly (readonly unknown[])[],
  maxBytes = MAX_REQUEST_BYTES,
  extraPerRow: (i: number) => number = () => 0,
): Chunk[] {
  const budget = maxBytes - ENVELOPE;
  const chunks: Chunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const b = utf8Length(JSON.stringify(rows[i])) + 1 + extraPerRow(i);
    if (b > budget)
      throw new Error(
        `row ${i + 1} alone is ${b} bytes, over the ${budget}-byte request budget`,
      );
    if (bytes + b > budget && i > start) {
      chunks.push({ start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rows.length > start)
    chunks.push({ start, count: rows.length - start, bytes });
  return chunks;
}
