/**
 * Grades an export headless: finds the header row (as the pane does), maps the columns with
 * the pane's mapping module (or a saved mapping), computes the chosen outputs as static
 * values with the pane's own code (src/sheet/rowFormulas.ts), and writes a copy with the
 * outputs in the add-in's columns right of the data. Rows stream through in chunks: memory
 * holds one chunk, not the sheet.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { Lang } from "../engine/lang";
import { fold } from "../engine/text";
import {
  inputNamed,
  mappingToSave,
  proposeMapping,
  restoreMapping,
  unusedColumns,
  type Mapping,
  type SavedMapping,
  type UnusedColumn,
} from "../sheet/columnMapping";
import { detectHeader, type HeaderRows } from "../sheet/headerRow";
import { isFooterRow } from "../sheet/footerRows";
import { INPUT_BY_KEY, type InputKey } from "../sheet/inputs";
import {
  OUTPUTS,
  OUTPUT_BY_KIND,
  availableOutputs,
  type OutputKind,
} from "../sheet/outputs";
import { placeColumns } from "../sheet/placement";
import { FORMULA_CELL, OwnColumns, freshHeader } from "../sheet/ownColumns";
import { columnLetter } from "../sheet/rowFormulas";
import { computeStatic, type CellOut } from "../sheet/rowFormulas";
import { pipelineReport } from "../report/pipelineReport";
import { reportLayout } from "../report/reportLayout";
import { readLeadRows, type LeadRow } from "../sheet/leadRows";
import {
  DUPLICATE_COLUMNS,
  DUPLICATE_HEADERS,
  findDuplicates,
} from "../duplicates/findDuplicates";
import { CliError } from "./cliError";
import { openSink } from "./sinks";
import {
  dateFromSerial,
  openSource,
  type CopyCell,
  type CsvEncoding,
  type FileKind,
  type Source,
  type SourceRow,
} from "./sources";

/** Rows graded per engine call: large enough to amortise, small enough to stream. */
export const CHUNK_ROWS = 4096;
/** The header row is looked for among the first rows (exports put a few lines of metadata on top). */
export const HEADER_LOOKAHEAD = 20;
/** Rows read ahead so the mapping can judge each column's cells, as the pane does (they are graded too). */
const CONTENT_LOOKAHEAD = 400;
/** Rows read from each sheet when looking for the one that holds the leads. */
const LOOK_FOR_LEADS = HEADER_LOOKAHEAD + 20;

export interface GradeOptions {
  readonly input: string;
  readonly output?: string;
  readonly sheet?: string;
  readonly encoding?: CsvEncoding;
  readonly mappingFile?: string;
  readonly saveMappingFile?: string;
  /** the header row's number on the sheet (1-based), when the user gives it */
  readonly headerRow?: number;
  readonly outputs?: readonly OutputKind[];
  readonly lang: Lang;
  /** Excel serial of the date urgency and follow-ups count from */
  readonly today: number;
  readonly force?: boolean;
  /** add the report's count tables as a sheet (.xlsx output only) */
  readonly report?: boolean;
  /** add the duplicate-lead columns (group, proposed owner, reason); reads the whole sheet first */
  readonly duplicates?: boolean;
  /** rows per engine call (tests vary it; the result must not depend on it) */
  readonly chunkRows?: number;
  readonly onProgress?: (rows: number) => void;
  readonly onMapping?: (m: MappingReport) => void;
  /** one line the user should read (a column kept as theirs, an output not produced) */
  readonly onNotice?: (line: string) => void;
}

export interface MappingReport {
  readonly sheet: string;
  readonly headerRow: number;
  /** the header's last row (below headerRow when a sub-header row completes it) */
  readonly headerRowLast: number;
  readonly columns: { input: InputKey; header: string; column: number }[];
  readonly outputs: OutputKind[];
  /** the header row's cells and the columns they name that are not read, each with why */
  readonly headers: readonly unknown[];
  readonly unused: readonly UnusedColumn[];
}

export interface GradeResult {
  readonly output: string;
  /** data rows below the header, blank rows not counted */
  readonly rows: number;
  /** blank rows between the header and the last data row (absent from an .xlsx or empty in a CSV) */
  readonly blankRows: number;
  /** totals and footer rows (合计, 制表人：…, a row of sums): copied, not graded */
  readonly footerRows: number;
  readonly grades: Record<string, number>;
  readonly stages: Record<string, number>;
  readonly rowsWithProblems: number;
}

export function defaultOutputPath(input: string, kind: FileKind): string {
  const ext = kind === "xlsx" ? ".xlsx" : ".csv";
  const base = path.basename(input).replace(/\.[^.]*$/, "");
  return path.join(path.dirname(input), `${base}.graded${ext}`);
}

function kindOfOutput(file: string, fallback: FileKind): FileKind {
  if (/\.xlsx$/i.test(file)) return "xlsx";
  if (/\.csv$/i.test(file)) return "csv";
  return fallback;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([
      fs.promises.stat(a),
      fs.promises.stat(b),
    ]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** A saved mapping: input key → header text. Untrusted: every key and value is checked. */
export async function readMappingFile(file: string): Promise<SavedMapping> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new CliError({ code: "mappingNotFound", file });
    throw new CliError({
      code: "badMappingFile",
      file,
      reason: code ?? String(e),
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CliError({
      code: "mappingNotJson",
      file,
      detail: String((e as Error).message ?? e),
    });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new CliError({ code: "mappingNotObject", file });
  const out: SavedMapping = {};
  for (const [name, v] of Object.entries(json)) {
    // An input by its key or by the name users see (付款能力, Payment).
    const k = inputNamed(name);
    if (!k)
      throw new CliError({ code: "mappingUnknownInput", file, input: name });
    // Observations may name several columns: a list of headers.
    const several =
      INPUT_BY_KEY.get(k as InputKey)?.multi === true && Array.isArray(v);
    const names: unknown[] = several ? (v as unknown[]) : [v];
    if (
      names.length === 0 ||
      names.some((n) => typeof n !== "string" || n.trim() === "")
    )
      throw new CliError({ code: "mappingBadValue", file, input: name });
    out[k as InputKey] = several ? (names as string[]) : (v as string);
  }
  return out;
}

const blankCell = (c: CopyCell | undefined): boolean =>
  c === undefined ||
  c.value === null ||
  c.value === undefined ||
  (typeof c.value === "string" && c.value === "");

const isFormula = (c: CopyCell | undefined): boolean =>
  typeof c?.value === "object" &&
  c.value !== null &&
  ("formula" in c.value || "sharedFormula" in c.value);

/** Each cell's formula text, where it holds one. */
const formulasOf = (r: SourceRow): (string | undefined)[] =>
  r.cells.map((c) =>
    isFormula(c)
      ? String(
          (c.value as { formula?: string; sharedFormula?: string }).formula ??
            (c.value as { sharedFormula?: string }).sharedFormula,
        )
      : undefined,
  );

const isFooter = (r: SourceRow): boolean =>
  isFooterRow(r.values, r.cells.some(isFormula) ? formulasOf(r) : []);

/** What a row is graded on: a totals or footer row is graded as a blank row (its outputs stay blank). */
const gradedValues = (r: SourceRow): readonly unknown[] =>
  isFooter(r) ? [] : r.values;

/** A row's values for the ownership check: a formula is marked as one (its result alone would not say). */
const checkedValues = (r: SourceRow): readonly unknown[] =>
  r.cells.some(isFormula)
    ? r.values.map((v, j) => (isFormula(r.cells[j]) ? FORMULA_CELL : v))
    : r.values;

/** Excel's error values, as the outputs' error cells begin ("#N/A 没有识别到…"). */
const ERROR_CELL =
  /^(#N\/A|#VALUE!|#NUM!|#REF!|#DIV\/0!|#NAME\?|#NULL!|#SPILL!|#CALC!)(?: ([\s\S]*))?$/;

function outputCell(
  kind: OutputKind,
  v: CellOut | undefined,
  target: FileKind,
  isProblem = false,
): CopyCell {
  if (v === undefined || v === "") return { value: null };
  if (kind === "nextFollowUp" && typeof v === "number")
    return target === "xlsx"
      ? { value: dateFromSerial(v), numFmt: "yyyy-mm-dd" }
      : { value: dateFromSerial(v) };
  // An error: in an .xlsx a real error value (ISERROR is true, formulas over the column see
  // the error), its message in the cell's comment. A CSV has no error values: the text stays.
  const err = isProblem && typeof v === "string" ? ERROR_CELL.exec(v) : null;
  if (err && target === "xlsx")
    return err[2]
      ? {
          value: { error: err[1] as ExcelJS.CellErrorValue["error"] },
          note: err[2],
        }
      : { value: { error: err[1] as ExcelJS.CellErrorValue["error"] } };
  // The pane writes text that Excel would read as a formula with a leading apostrophe
  // (asText). An .xlsx cell is typed as text already; a CSV keeps the apostrophe, so Excel
  // does not run it as a formula when the file is opened.
  if (typeof v === "string" && target === "xlsx" && /^'[=+\-@]/.test(v))
    return { value: v.slice(1) };
  return { value: v };
}

/** The header's rows: the user's --header-row, else the row with a saved mapping's headers, else found. */
function findHeaderRows(
  head: readonly SourceRow[],
  o: GradeOptions,
  saved: SavedMapping | undefined,
): HeaderRows {
  const values = head.map((r) => r.values);
  if (o.headerRow === undefined)
    return detectHeader(values, {
      lookAt: HEADER_LOOKAHEAD,
      headerTexts: Object.values(saved ?? {}).flat(),
    });
  const row = head.findIndex((r) => r.number === o.headerRow);
  if (row < 0 || values[row]?.every((v) => v === null || v === ""))
    throw new CliError({
      code: "headerRowBlank",
      file: o.input,
      row: o.headerRow,
    });
  return detectHeader(values, { row });
}

/** The first rows of a source (at most n), its reader closed after. */
async function firstRows(source: Source, n: number): Promise<SourceRow[]> {
  const it = source.rows()[Symbol.asyncIterator]();
  const rows: SourceRow[] = [];
  try {
    while (rows.length < n) {
      const r = await it.next();
      if (r.done) break;
      rows.push(r.value);
    }
  } finally {
    await it.return?.();
  }
  return rows;
}

/** A lead list starts here: a header row naming two inputs or more, with a row below it. */
function looksLikeLeads(rows: readonly SourceRow[]): boolean {
  const values = rows.map((r) => r.values);
  const h = detectHeader(values, { lookAt: HEADER_LOOKAHEAD });
  const below = values.slice(h.row + h.rows);
  const mapping = proposeMapping(h.headers, { rows: below, groups: h.groups });
  const sure = Object.values(mapping).filter(
    (c) => c.column !== null && c.confidence >= 0.5,
  ).length;
  return sure >= 2 && below.some((r) => r.some((v) => v !== null && v !== ""));
}

/**
 * The sheet to grade: the one named by --sheet; else the first visible sheet (never a hidden
 * one, such as a list of dropdown values) where a lead list starts; else the first visible one
 * (whose own problem is then reported, naming the sheets).
 */
async function chooseSource(o: GradeOptions): Promise<Source> {
  const first = await openSource(o.input, {
    sheet: o.sheet,
    encoding: o.encoding,
  });
  if (o.sheet !== undefined || !first.sheets) return first;
  // One visible sheet: it is the one (no need to read it twice).
  if (first.sheets.filter((s) => !s.hidden).length < 2) return first;
  for (const s of first.sheets) {
    if (s.hidden) continue;
    const source =
      s.name === first.sheetName
        ? first
        : await openSource(o.input, { sheet: s.name });
    if (looksLikeLeads(await firstRows(source, LOOK_FOR_LEADS))) return source;
  }
  return first;
}

/** One line naming each output not produced and the columns it lacks. */
function notProduced(
  absent: readonly { kind: OutputKind; header: Record<Lang, string> }[],
  missing: (k: OutputKind) => { all: string[]; any: string[] },
  lang: Lang,
): string {
  const parts = absent.map((x) => {
    const m = missing(x.kind);
    // "any one of" a single column is that column
    if (m.any.length === 1) m.all.push(...m.any.splice(0));
    const all = m.all.map((n) => (lang === "zh" ? `“${n}”` : `"${n}"`));
    const any = m.any.map((n) => (lang === "zh" ? `“${n}”` : `"${n}"`));
    const why =
      lang === "zh"
        ? [
            all.length ? `缺少列${all.join("、")}` : "",
            any.length ? `缺少${any.join("、")}中的任一列` : "",
          ]
        : [
            all.length ? `no column ${all.join(", ")}` : "",
            any.length ? `none of the columns ${any.join(", ")}` : "",
          ];
    const text = why.filter((w) => w !== "").join(lang === "zh" ? "，" : "; ");
    return lang === "zh"
      ? `${x.header.zh}（${text}）`
      : `${x.header.en} (${text})`;
  });
  return lang === "zh"
    ? `未输出：${parts.join("；")}`
    : `not produced: ${parts.join("; ")}`;
}

export async function gradeFile(o: GradeOptions): Promise<GradeResult> {
  const source = await chooseSource(o);
  const sheetNames = source.sheets?.map((s) => s.name);
  /** A problem with the sheet itself, naming the workbook's sheets. */
  const sheetProblem = (code: "emptySheet" | "noData") =>
    new CliError({
      code,
      file: o.input,
      sheet: source.sheetName,
      sheets: sheetNames,
    });
  const outKind = o.output ? kindOfOutput(o.output, source.kind) : source.kind;
  const output = o.output ?? defaultOutputPath(o.input, source.kind);
  if (o.report && outKind !== "xlsx")
    throw new CliError({
      code: "usage",
      detail:
        o.lang === "zh"
          ? "--report 只能写入 .xlsx 文件（用 --out <文件.xlsx>）"
          : "--report needs an .xlsx output (use --out <file.xlsx>)",
    });
  if (await sameFile(o.input, output))
    throw new CliError({ code: "sameAsInput", file: output });
  if (!o.force && fs.existsSync(output))
    throw new CliError({ code: "outputExists", file: output });
  const saved = o.mappingFile
    ? await readMappingFile(o.mappingFile)
    : undefined;

  let it = source.rows()[Symbol.asyncIterator]();
  const head: SourceRow[] = [];
  /** every row of the sheet is in `head` */
  let complete = false;
  // One row more than searched: a sub-header row may complete the last one.
  while (
    head.length <= HEADER_LOOKAHEAD ||
    (o.headerRow !== undefined &&
      (head[head.length - 1]?.number ?? 0) <= o.headerRow)
  ) {
    const r = await it.next();
    if (r.done) {
      complete = true;
      break;
    }
    head.push(r.value);
  }
  if (
    head.length === 0 ||
    head.every((r) => r.values.every((v) => v === null || v === ""))
  )
    throw sheetProblem("emptySheet");

  const header = findHeaderRows(head, o, saved);
  const headerIndex = header.row;
  const headerRow = head[headerIndex] as SourceRow;
  const headers = header.headers;
  // Data starts below the header's rows (two with a group row over sub-headers).
  const dataFrom = headerIndex + header.rows;
  // The cells below the header are judged with it (as in the pane): read a few hundred rows ahead.
  while (!complete && head.length < dataFrom + CONTENT_LOOKAHEAD) {
    const r = await it.next();
    if (r.done) {
      complete = true;
      break;
    }
    head.push(r.value);
  }
  // Columns named like an output: never inputs; written into only when they are ours (below).
  const own = new OwnColumns(headers);
  // The duplicate columns of an earlier run (by header, either language): reused, never inputs.
  const dupOwned = DUPLICATE_COLUMNS.map((c) => {
    const names = [DUPLICATE_HEADERS[c].zh, DUPLICATE_HEADERS[c].en].map(fold);
    return headers.findIndex((h) => names.includes(fold(String(h ?? ""))));
  });
  const ownedSet = new Set([
    ...own.named.keys(),
    ...dupOwned.filter((c) => c >= 0),
  ]);
  const inputHeaders = headers.map((h, j) => (ownedSet.has(j) ? "" : h));
  const mappingOptions = {
    rows: head.slice(dataFrom).map((r) => r.values),
    exclude: ownedSet,
    groups: header.groups,
  };
  let mapping: Mapping;
  if (saved) {
    const folded = inputHeaders.map((h) => fold(String(h ?? "")));
    for (const [key, value] of Object.entries(saved) as [
      InputKey,
      string | string[],
    ][])
      for (const header of Array.isArray(value) ? value : [value])
        if (!folded.includes(fold(header)))
          throw new CliError({
            code: "mappingHeaderMissing",
            file: o.mappingFile as string,
            input: key,
            header,
          });
    mapping = restoreMapping(saved, inputHeaders, mappingOptions);
  } else {
    mapping = proposeMapping(inputHeaders, mappingOptions);
    const sure = Object.values(mapping).some(
      (c) => c.column !== null && c.confidence >= 0.5,
    );
    if (!sure)
      throw new CliError({
        code: "noHeader",
        file: o.input,
        sheet: source.sheetName,
        rows: HEADER_LOOKAHEAD,
        row: o.headerRow,
        sheets: sheetNames,
      });
  }

  const available = availableOutputs(mapping);
  // The inputs an output lacks, by name: every one it needs all of, or its list of "any one of".
  const missingInputs = (kind: OutputKind) => {
    const spec = OUTPUT_BY_KIND.get(kind)!;
    const all = spec.needsAll.filter(
      (k) =>
        !OUTPUT_BY_KIND.has(k as OutputKind) &&
        mapping[k as InputKey].column === null,
    ) as InputKey[];
    const any = spec.needsAny.some((k) => mapping[k].column !== null)
      ? []
      : spec.needsAny;
    const name = (k: InputKey) => INPUT_BY_KEY.get(k)?.[o.lang] ?? k;
    return { all: all.map(name), any: any.map(name) };
  };
  let outputs: OutputKind[];
  // Said once the sheet is known to hold rows to grade.
  let notice: string | undefined;
  if (o.outputs && o.outputs.length > 0) {
    for (const kind of o.outputs)
      if (!available.includes(kind)) {
        const m = missingInputs(kind);
        throw new CliError({
          code: "unmapped",
          output: OUTPUT_BY_KIND.get(kind)!.header[o.lang],
          needs: [...m.all, ...m.any],
        });
      }
    outputs = OUTPUTS.map((x) => x.kind).filter((k) => o.outputs!.includes(k));
  } else {
    outputs = available;
    if (outputs.length === 0)
      throw new CliError({
        code: "nothingToGrade",
        headers: headers.filter((h) => h !== null && h !== "").map(String),
      });
    const absent = OUTPUTS.filter((x) => !available.includes(x.kind));
    if (absent.length > 0) notice = notProduced(absent, missingInputs, o.lang);
  }

  // Duplicates need every row before the first is written: the rest of the sheet is read now.
  if (o.duplicates && !complete) {
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      head.push(r.value);
    }
    complete = true;
  }
  // Where the data ends (any cell of any row, header or not) and which columns named like an
  // output are ours: the whole sheet is read once before the copy is written, unless it is all
  // in `head` already. Memory still holds one chunk.
  let lastUsed = -1;
  const see = (r: SourceRow) => {
    for (let j = r.cells.length - 1; j > lastUsed; j--)
      if (!blankCell(r.cells[j])) {
        lastUsed = j;
        break;
      }
  };
  const check = (rows: readonly SourceRow[]) => {
    const pending = own.pending();
    if (pending.length === 0 || rows.length === 0) return;
    const kinds = pending.filter((k) => available.includes(k));
    const now =
      kinds.length > 0
        ? computeStatic(
            rows.map((r) => r.values),
            mapping,
            kinds,
            o.lang,
            undefined,
            o.today,
          ).columns
        : new Map<OutputKind, CellOut[]>();
    own.check(rows.map(checkedValues), now);
  };
  const filled = (r: SourceRow) =>
    r.cells.some((c) => !blankCell(c)) && !isFooter(r);
  let anyData = head.slice(dataFrom).some(filled);
  head.forEach(see);
  check(head.slice(dataFrom));
  if (!complete) {
    let part: SourceRow[] = [];
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      see(r.value);
      if (!anyData) anyData = filled(r.value);
      if (own.pending().length === 0) continue;
      part.push(r.value);
      if (part.length >= (o.chunkRows ?? CHUNK_ROWS)) {
        check(part);
        part = [];
      }
    }
    check(part);
    // The second reading, for the copy: the rows already held are skipped.
    it = source.rows()[Symbol.asyncIterator]();
    for (let k = 0; k < head.length; k++) await it.next();
  }
  // A header with nothing below it (an instructions sheet, an empty template): nothing to grade.
  if (!anyData) throw sheetProblem("noData");
  if (notice) o.onNotice?.(notice);
  const targets = own.targets();
  const columns = placeColumns(
    outputs,
    new Map([...targets].filter(([k]) => outputs.includes(k))),
    Math.max(lastUsed + 1, 0),
  );
  // A new column's header: the output's, numbered when a user's column already bears it.
  const addedHeaders = new Map<OutputKind, string>();
  const foreign = own.foreign();
  for (const kind of outputs) {
    if (targets.has(kind)) continue;
    const header = freshHeader(
      OUTPUT_BY_KIND.get(kind)!.header[o.lang],
      headers,
    );
    addedHeaders.set(kind, header);
    const theirs = [...foreign].find(([, k]) => k === kind)?.[0];
    if (theirs !== undefined)
      o.onNotice?.(
        o.lang === "zh"
          ? `“${String(headers[theirs])}”列（${columnLetter(theirs)}）中有不是本工具写入的内容，原样保留；${OUTPUT_BY_KIND.get(kind)!.header.zh}写入新列“${header}”（${columnLetter(columns.get(kind)!)}）`
          : `the column "${String(headers[theirs])}" (${columnLetter(theirs)}) holds cells this tool did not write: kept as they are; ${OUTPUT_BY_KIND.get(kind)!.header.en} goes to a new column "${header}" (${columnLetter(columns.get(kind)!)})`,
      );
  }
  const placement = { columns };
  o.onMapping?.({
    sheet: source.sheetName,
    headerRow: headerRow.number,
    headerRowLast: (head[dataFrom - 1] as SourceRow).number,
    // Every column read, observations' several included.
    columns: (
      Object.entries(mapping) as [InputKey, { columns: readonly number[] }][]
    ).flatMap(([input, c]) =>
      c.columns.map((column) => ({
        input,
        header: String(headers[column] ?? ""),
        column,
      })),
    ),
    outputs,
    headers,
    unused: unusedColumns(inputHeaders, mapping, mappingOptions),
  });
  if (o.saveMappingFile)
    try {
      await fs.promises.writeFile(
        o.saveMappingFile,
        JSON.stringify(mappingToSave(mapping, headers), null, 2) + "\n",
      );
    } catch (e) {
      throw new CliError({
        code: "cannotWrite",
        file: o.saveMappingFile,
        reason: (e as NodeJS.ErrnoException).code ?? String(e),
      });
    }

  const sink = await openSink(
    output,
    outKind,
    source.sheetName,
    source.encoding,
  );
  const grades: Record<string, number> = {};
  const stages: Record<string, number> = {};
  let rowsWithProblems = 0;
  let dataRows = 0;
  let blankRows = 0;
  let footerRows = 0;
  const leads: LeadRow[] = [];
  // Blank rows count only when a data row follows (trailing ones are not rows of the list).
  // An .xlsx does not store empty rows: the gaps in row numbers are blank rows too.
  let pendingBlank = 0;
  let lastNumber = (head[dataFrom - 1] as SourceRow).number;
  const countRow = (r: SourceRow) => {
    pendingBlank += Math.max(0, r.number - lastNumber - 1);
    lastNumber = r.number;
    if (r.values.every((v) => v === null || v === "")) pendingBlank++;
    else if (isFooter(r)) footerRows++;
    else {
      dataRows++;
      blankRows += pendingBlank;
      pendingBlank = 0;
    }
  };
  const width = Math.max(
    headers.length,
    lastUsed + 1,
    ...[...placement.columns.values()].map((c) => c + 1),
  );
  let dupCells: (readonly [string, string, string])[] = [];
  let dupAt = dupOwned.every((c) => c >= 0)
    ? dupOwned
    : DUPLICATE_COLUMNS.map((_, k) => width + k);
  let dupHeaders = DUPLICATE_COLUMNS.map((c) => DUPLICATE_HEADERS[c][o.lang]);
  if (o.duplicates) {
    const data = head.slice(dataFrom);
    const leadRows = readLeadRows(
      inputHeaders,
      data.map(gradedValues),
      mapping,
      o.lang,
      o.today,
    );
    dupCells = findDuplicates(leadRows.rows, {
      lang: o.lang,
      today: o.today,
      hasLogColumn: mapping.receptionOrder.column !== null,
      rowNumber: (i) => (data[i] as SourceRow).number,
    }).cells.slice();
    // An earlier run's duplicate columns are rewritten only when every cell in them is what
    // this run writes there: an admin who typed a decision into 建议归属 keeps it, and this
    // run's columns go beside them, numbered (`建议归属 (2)`).
    if (dupOwned.every((c) => c >= 0)) {
      const edited = dupOwned.findIndex((col, k) =>
        data.some((r, i) => {
          const v = r.cells[col]?.value;
          const shown = v === null || v === undefined ? "" : String(v);
          return shown !== "" && shown !== (dupCells[i]?.[k] ?? "");
        }),
      );
      if (edited >= 0) {
        dupAt = DUPLICATE_COLUMNS.map((_, k) => width + k);
        dupHeaders = dupHeaders.map((h) => freshHeader(h, headers));
        const col = dupOwned[edited] as number;
        o.onNotice?.(
          o.lang === "zh"
            ? `“${String(headers[col])}”列（${columnLetter(col)}）中有不是本工具写入的内容，原样保留；撞单结果写入新列（${columnLetter(width)}–${columnLetter(width + 2)}）`
            : `the column "${String(headers[col])}" (${columnLetter(col)}) holds cells this tool did not write: kept as they are; the duplicate results go to new columns (${columnLetter(width)}–${columnLetter(width + 2)})`,
        );
      }
    }
  }
  const withOutputs = (
    r: SourceRow,
    out: Map<OutputKind, CopyCell>,
    dup?: readonly string[],
  ) => {
    const cells: (CopyCell | undefined)[] = r.cells.slice();
    // Our earlier outputs are replaced in place; a header already there is kept.
    for (const [kind, col] of placement.columns)
      if (out.has(kind)) cells[col] = out.get(kind);
    cells.length = Math.max(cells.length, width);
    if (dup)
      dupAt.forEach((col, k) => {
        cells[col] = dup[k] ? { value: dup[k] as string } : undefined;
      });
    return cells;
  };
  let dataIndex = 0;

  try {
    for (const r of head.slice(0, headerIndex))
      await sink.writeRow(r.number, r.cells);
    const headerCells = new Map<OutputKind, CopyCell>();
    for (const [kind, header] of addedHeaders)
      headerCells.set(kind, { value: header });
    await sink.writeRow(
      headerRow.number,
      withOutputs(
        headerRow,
        headerCells,
        o.duplicates ? dupHeaders : undefined,
      ),
    );

    // A sub-header row is copied as it is.
    for (const r of head.slice(headerIndex + 1, dataFrom))
      await sink.writeRow(r.number, r.cells);
    let chunk: SourceRow[] = head.slice(dataFrom);
    const flush = async () => {
      if (chunk.length === 0) return;
      const values = chunk.map(gradedValues);
      const computed = computeStatic(
        values,
        mapping,
        outputs,
        o.lang,
        undefined,
        o.today,
      );
      for (const g of computed.grades)
        if (g !== undefined) grades[g] = (grades[g] ?? 0) + 1;
      for (const s of computed.stages)
        if (s !== undefined) stages[String(s)] = (stages[String(s)] ?? 0) + 1;
      rowsWithProblems += new Set(computed.problems.map((p) => p.row)).size;
      const problemAt = new Set(
        computed.problems.map((p) => `${p.row}:${p.output}`),
      );
      for (let i = 0; i < chunk.length; i++) {
        const out = new Map<OutputKind, CopyCell>();
        for (const kind of outputs)
          out.set(
            kind,
            outputCell(
              kind,
              computed.columns.get(kind)?.[i],
              outKind,
              problemAt.has(`${i}:${kind}`),
            ),
          );
        await sink.writeRow(
          (chunk[i] as SourceRow).number,
          withOutputs(
            chunk[i] as SourceRow,
            out,
            o.duplicates ? (dupCells[dataIndex] ?? ["", "", ""]) : undefined,
          ),
        );
        dataIndex++;
      }
      chunk.forEach(countRow);
      // The report's rows, from the same pure module as the pane (our old columns not read).
      if (o.report)
        for (const l of readLeadRows(
          inputHeaders,
          values,
          mapping,
          o.lang,
          o.today,
        ).rows)
          leads.push(l);
      o.onProgress?.(dataRows);
      chunk = [];
    };
    for (;;) {
      if (chunk.length >= (o.chunkRows ?? CHUNK_ROWS)) await flush();
      const r = await it.next();
      if (r.done) break;
      chunk.push(r.value);
    }
    await flush();
    if (o.report && sink.addSheet) {
      const layout = reportLayout(pipelineReport(leads), o.lang, {
        today: o.today,
        source: source.sheetName,
      });
      const cells: { row: number; column: number; cell: CopyCell }[] = [];
      for (const b of [...layout.blocks, layout.gradeByStage])
        b.values.forEach((line, i) =>
          line.forEach((v, j) =>
            cells.push({
              row: b.row + i,
              column: b.column + j,
              cell:
                i > 0 && typeof v === "number" && b.percentColumns?.includes(j)
                  ? { value: v, numFmt: "0%" }
                  : { value: v },
            }),
          ),
        );
      const name =
        layout.sheetName === source.sheetName
          ? `${layout.sheetName} (2)`
          : layout.sheetName;
      await sink.addSheet(name, cells);
    }
    await sink.finish();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  return {
    output,
    rows: dataRows,
    blankRows,
    footerRows,
    grades,
    stages,
    rowsWithProblems,
  };
}
