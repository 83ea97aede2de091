/**
 * exceljs's streaming workbook reader, repaired where it loses what the user wrote.
 *
 * Text: exceljs 4.4.0 decodes each chunk of a decompressed part on its own
 * (lib/utils/parse-sax.js calls `TextDecoder.decode(chunk)` without `{stream: true}`): a
 * multi-byte UTF-8 character (any Chinese character, an emoji) split across two chunks became
 * two U+FFFD. The reader is given text instead of bytes: the parts it receives as streams are
 * set to UTF-8 (Node's StringDecoder keeps a split character for the next chunk), and the
 * worksheets' chunk iterators go through a streaming TextDecoder; exceljs passes text through.
 *
 * Formulas: the same worksheet text also feeds a FormulaScan (sheetFormulas.ts), chunk by chunk
 * before exceljs parses it, for the formula cells exceljs reads wrong; `formulasOf(worksheet)`.
 */
import { TextDecoder } from "util";
import ExcelJS from "exceljs";
import { FormulaScan } from "./sheetFormulas";

type Chunks = AsyncIterable<Buffer | string>;
type Worksheet = ExcelJS.stream.xlsx.WorksheetReader;
type Emitted = { eventType: string; value: unknown };
interface ReaderInternals {
  _parseRels(entry: NodeJS.ReadableStream): unknown;
  _parseWorkbook(entry: NodeJS.ReadableStream): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  _parseStyles(entry: NodeJS.ReadableStream): unknown;
  _parseWorksheet(iterator: Chunks, sheetNo: string): Iterable<Emitted>;
  _parseHyperlinks(iterator: Chunks, sheetNo: string): unknown;
  properties?: { model?: { date1904?: boolean } };
}

const ENTRY_PARTS = [
  "_parseRels",
  "_parseWorkbook",
  "_parseSharedStrings",
  "_parseStyles",
] as const;

/** Bytes to text, a character split between chunks kept whole; each piece shown to `see` first. */
export async function* utf8Text(
  chunks: Chunks,
  see: (text: string) => void = () => {},
): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const s =
      typeof chunk === "string"
        ? chunk
        : decoder.decode(chunk, { stream: true });
    if (s) {
      see(s);
      yield s;
    }
  }
  const rest = decoder.decode();
  if (rest) {
    see(rest);
    yield rest;
  }
}

/**
 * exceljs's single streaming pass over the zip sometimes ends without delivering its last
 * entry (exceljs issue #3064: `Cannot read properties of undefined (reading 'sheets')`); exceljs
 * writes xl/workbook.xml last, so the sheets' names are lost. Reading the file again gets it.
 */
export class WorkbookPartMissed extends Error {
  constructor() {
    super(
      "the workbook part (xl/workbook.xml) was not delivered by the zip reader",
    );
  }
}

const scans = new WeakMap<object, FormulaScan>();

/** The formula cells of a worksheet this reader emitted (fed as exceljs parses it). */
export function formulasOf(ws: Worksheet): FormulaScan | undefined {
  return scans.get(ws);
}

/** Whether the workbook counts dates from 1904 (known once its workbook part has been read). */
export function date1904Of(
  reader: ExcelJS.stream.xlsx.WorkbookReader,
): boolean {
  return Boolean(
    (reader as unknown as ReaderInternals).properties?.model?.date1904,
  );
}

export function xlsxReader(
  file: string,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, options);
  const r = reader as unknown as ReaderInternals;
  // If exceljs renames these, fail loudly rather than read damaged text again.
  for (const m of [
    ...ENTRY_PARTS,
    "_parseWorksheet",
    "_parseHyperlinks",
  ] as const)
    if (typeof r[m] !== "function")
      throw new Error(
        `exceljs's WorkbookReader has no ${m}: see src/cli/xlsxReader.ts`,
      );
  for (const m of ENTRY_PARTS) {
    const original = r[m].bind(reader);
    r[m] = (entry: NodeJS.ReadableStream) => {
      entry.setEncoding("utf8");
      return original(entry);
    };
  }
  const parseWorksheet = r._parseWorksheet.bind(reader);
  r._parseWorksheet = function* (iterator: Chunks, sheetNo: string) {
    if (!(reader as unknown as { model?: object }).model)
      throw new WorkbookPartMissed();
    // A worksheet whose part came before the shared strings is parked by exceljs in a temp
    // file and handed over as a read stream; when the caller skips that sheet (not the one
    // wanted), exceljs deletes the file at once, sometimes before the stream has opened it.
    // The stream's open error then had no listener and ended the process (uncaught ENOENT).
    // A sheet that is read still gets any error of its stream through the iteration.
    const stream = iterator as unknown as {
      on?: (e: string, f: () => void) => void;
    };
    if (typeof stream.on === "function") stream.on("error", () => {});
    const scan = new FormulaScan();
    for (const ev of parseWorksheet(
      utf8Text(iterator, (s) => scan.feed(s)),
      sheetNo,
    )) {
      if (ev.eventType === "worksheet" && ev.value) scans.set(ev.value, scan);
      yield ev;
    }
  };
  const parseHyperlinks = r._parseHyperlinks.bind(reader);
  r._parseHyperlinks = (iterator: Chunks, sheetNo: string) =>
    parseHyperlinks(utf8Text(iterator), sheetNo);
  return reader;
}
