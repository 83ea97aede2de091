/**
 * exceljs's streaming workbook reader with its text decoded safely.
 *
 * exceljs 4.4.0 decodes each chunk of a decompressed part on its own (lib/utils/parse-sax.js
 * calls `TextDecoder.decode(chunk)` without `{stream: true}`): a multi-byte UTF-8 character
 * (any Chinese character, an emoji) split across two chunks becomes two U+FFFD. The reader is
 * given text instead of bytes: the parts it receives as streams are set to UTF-8 (Node's
 * StringDecoder keeps a split character for the next chunk), and the worksheets' chunk
 * iterators go through a streaming TextDecoder. exceljs passes text through untouched.
 */
import { TextDecoder } from "util";
import ExcelJS from "exceljs";

type Chunks = AsyncIterable<Buffer | string>;
interface ReaderInternals {
  _parseRels(entry: NodeJS.ReadableStream): unknown;
  _parseWorkbook(entry: NodeJS.ReadableStream): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  _parseStyles(entry: NodeJS.ReadableStream): unknown;
  _parseWorksheet(iterator: Chunks, sheetNo: string): unknown;
  _parseHyperlinks(iterator: Chunks, sheetNo: string): unknown;
}

const ENTRY_PARTS = [
  "_parseRels",
  "_parseWorkbook",
  "_parseSharedStrings",
  "_parseStyles",
] as const;
const ITERATOR_PARTS = ["_parseWorksheet", "_parseHyperlinks"] as const;

/** Bytes to text, a character split between chunks kept whole. */
export async function* utf8Text(chunks: Chunks): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const s =
      typeof chunk === "string"
        ? chunk
        : decoder.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

export function utf8WorkbookReader(
  file: string,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, options);
  const r = reader as unknown as ReaderInternals;
  // If exceljs renames these, fail loudly rather than read damaged text again.
  for (const m of [...ENTRY_PARTS, ...ITERATOR_PARTS])
    if (typeof r[m] !== "function")
      throw new Error(
        `exceljs's WorkbookReader has no ${m}: see src/cli/utf8Reader.ts`,
      );
  for (const m of ENTRY_PARTS) {
    const original = r[m].bind(reader);
    r[m] = (entry: NodeJS.ReadableStream) => {
      entry.setEncoding("utf8");
      return original(entry);
    };
  }
  for (const m of ITERATOR_PARTS) {
    const original = r[m].bind(reader);
    r[m] = (iterator: Chunks, sheetNo: string) =>
      original(utf8Text(iterator), sheetNo);
  }
  return reader;
}
