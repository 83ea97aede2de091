/*
 * The grade tool's flow, apart from the DOM: find the data, propose a mapping, apply the chosen
 * outputs (live formulas or static values), stop and ask when a target cell is the user's,
 * summarise, revert. The pure core (src/sheet) decides; gradeExcel talks to Excel; what the
 * workbook remembers goes through the schema in sheet/gradeRecord.
 */
import type { Lang } from "../../engine/lang";
import { fold } from "../../engine/text";
import {
  assignColumn,
  learnWords,
  parseWorkbookWords,
  type Mapping,
  type WordsIssue,
  type WorkbookWords,
} from "../../sheet/columnMapping";
import { findColumns } from "../../sheet/sheetColumns";
import {
  boundedRecord,
  GRADE_SETTING,
  parseGradeSetting,
  type RevertRecord,
  type SheetRecord,
} from "../../sheet/gradeRecord";
import type { InputKey } from "../../sheet/inputs";
import {
  OUTPUTS,
  availableOutputs,
  type OutputKind,
} from "../../sheet/outputs";
import type { ConflictAnswer } from "../../sheet/ownership";
import { summarise, type Summary } from "../../sheet/summary";
import { readSetting, writeSetting } from "../office/settings";
import {
  applyGrades,
  findData,
  nameColumns,
  resolveInputs,
  revertGrades,
  type ApplyResult,
  type FoundData,
  type InputColumn,
  type RevertResult,
} from "./gradeExcel";

/** The workbook's own header words (a setting kept by the column mapping; untrusted, parsed there). */
export const HEADER_WORDS_KEY = "SALES.headerWords";

export interface Scan {
  readonly data: FoundData;
  /** the block's header cells (block-relative columns) */
  readonly headers: readonly unknown[];
  readonly rowCount: number;
  readonly mapping: Mapping;
  readonly record: SheetRecord | undefined;
  /** absolute columns of the block that are the add-in's outputs (never inputs) */
  readonly ownedInBlock: ReadonlySet<number>;
  /** stored settings that were ignored, and why */
  readonly settingsProblems: readonly string[];
  /** the workbook's own header words (taught by mapping columns by hand) */
  readonly words: WorkbookWords;
  /** entries of the stored words that could not be read (skipped) */
  readonly wordIssues: readonly WordsIssue[];
}

function loadRecords() {
  return parseGradeSetting(readSetting(GRADE_SETTING));
}

export async function scan(): Promise<Scan | null> {
  const data = await findData();
  if (!data) return null;
  const { records, problems } = loadRecords();
  const record = records[data.sheetId];
  const headers = data.headers.slice(0, data.width);
  const own = new Set(data.own.values());
  // The header row and the first rows below it judge each column; the add-in's own columns are never inputs.
  const { words, issues: wordIssues } = parseWorkbookWords(
    readSetting(HEADER_WORDS_KEY),
  );
  let { mapping } = findColumns([data.groups ?? [], headers, ...data.sample], {
    headerRow: 1,
    exclude: new Set([...own].map((c) => c - data.left)),
    words,
  });
  if (record?.mapping) {
    const { columns } = resolveInputs(
      record.mapping,
      headers,
      data.width,
      data.left,
      own,
    );
    for (const [key, cols] of Object.entries(columns)) {
      mapping = assignColumn(mapping, key as InputKey, cols);
      // Remembered, not picked by hand today: shown as such, and not learned as a new word.
      const m = mapping[key as InputKey];
      mapping[key as InputKey] = {
        ...m,
        reason: { kind: "header", effect: "remembered" },
      };
    }
  }
  return {
    data,
    headers,
    rowCount: data.dataRows,
    mapping,
    record,
    ownedInBlock: own,
    settingsProblems: problems,
    words,
    wordIssues,
  };
}

/** Outputs whose inputs are mapped (the others are shown disabled, with the reason). */
export { availableOutputs };

/** Each mapped input as header text + which of the equal headers (so duplicates keep the choice). */
export function inputsOf(
  mapping: Mapping,
  headers: readonly unknown[],
  own: ReadonlySet<number>,
  left: number,
) {
  const out: Partial<Record<string, InputColumn[]>> = {};
  for (const [key, choice] of Object.entries(mapping))
    for (const c of choice.columns) {
      const h = String(headers[c] ?? "");
      let n = 0;
      for (let j = 0; j < c; j++)
        if (!own.has(left + j) && fold(String(headers[j] ?? "")) === fold(h))
          n++;
      (out[key] ??= []).push({ h, n });
    }
  return out;
}

export interface ApplyOptions {
  readonly outputs: readonly OutputKind[];
  readonly live: boolean;
  readonly lang: Lang;
  /** put every output in fresh columns right of everything used (outside any table) */
  readonly placeAfterUsed?: boolean;
  /** the user's answer to the last "these cells are yours" */
  readonly answer?: ConflictAnswer;
  readonly onProgress?: (done: number, total: number) => void;
  readonly cancelled?: () => boolean;
  readonly maxBytes?: number;
  /** the date urgency and follow-ups count from (tests pin it); default today */
  readonly today?: number;
  /** live formulas: the criteria sheet's today cell (`'评分标准'!$B$2`), when the workbook has one */
  readonly todayRef?: string;
}

export type ApplyOutcome =
  | {
      readonly status: "done";
      readonly summary: Summary;
      readonly columns: ReadonlyMap<OutputKind, number>;
      readonly firstRow: number;
      readonly syncs: number;
      readonly largestRequest: number;
      readonly largestResponse: number;
      /** false when the revert snapshot was too big to keep in the workbook (kept in the pane only) */
      readonly revertStored: boolean;
    }
  // conflict, cancelled, failed: as the Office.js part reports them
  | Exclude<ApplyResult, { readonly status: "done" }>;

/** Reverts kept in the pane when too big for the workbook, by sheet id. */
const pendingReverts = new Map<string, RevertRecord>();

async function saveRecord(
  sheetId: string,
  record: SheetRecord,
): Promise<boolean> {
  const { records } = loadRecords();
  const { record: kept, revertStored } = boundedRecord(record);
  await writeSetting(GRADE_SETTING, { ...records, [sheetId]: kept });
  return revertStored;
}

export async function apply(
  s: Scan,
  mapping: Mapping,
  opts: ApplyOptions,
): Promise<ApplyOutcome> {
  const d = s.data;
  const r = await applyGrades({
    sheetId: d.sheetId,
    tableName: d.source === "table" ? d.tableName : undefined,
    headerRow: d.headerRow,
    left: d.left,
    inputs: inputsOf(mapping, s.headers, s.ownedInBlock, d.left),
    mapping,
    outputs: opts.outputs,
    live: opts.live,
    lang: opts.lang,
    today: opts.today,
    todayRef: opts.todayRef,
    placeAfterUsed: opts.placeAfterUsed,
    written: loadRecords().records[d.sheetId]?.written ?? {},
    cells: loadRecords().records[d.sheetId]?.cells,
    ruleIds: loadRecords().records[d.sheetId]?.rules,
    answer: opts.answer,
    maxBytes: opts.maxBytes,
    onProgress: opts.onProgress,
    cancelled: opts.cancelled,
  });
  if (r.status !== "done") return r;
  // Names for the columns written; the record of what was written; the revert snapshot.
  const previous = loadRecords().records[d.sheetId];
  const moved = OUTPUTS.map((o) => o.kind).filter(
    (k) => d.own.has(k) && !r.columns.has(k) && opts.placeAfterUsed,
  );
  await nameColumns(d.sheetId, r.columns, moved);
  // Headers the user mapped by hand are remembered for the whole workbook.
  const learned = learnWords(s.words, mapping, s.headers);
  if (learned) await writeSetting(HEADER_WORDS_KEY, learned);
  const record: SheetRecord = {
    mapping: inputsOf(mapping, s.headers, s.ownedInBlock, d.left) as Record<
      string,
      InputColumn[]
    >,
    outputs: [...r.columns.keys()],
    live: opts.live,
    written: { ...(previous?.written ?? {}), ...r.written },
    cells: { kinds: [...r.cells.kinds], rows: [...r.cells.rows] },
    rules: [...r.ruleIds],
    revert: {
      ...r.revert,
      prev: Object.fromEntries(
        r.revert.kinds
          .filter((k) => previous?.written?.[k])
          .map((k) => [k, previous?.written?.[k]]),
      ),
    },
  };
  const revertStored = await saveRecord(d.sheetId, record);
  if (revertStored) pendingReverts.delete(d.sheetId);
  else pendingReverts.set(d.sheetId, r.revert);
  const c = r.computed;
  return {
    status: "done",
    summary: summarise(
      r.rows,
      c?.grades ?? [],
      c?.stages ?? [],
      c?.problems ?? [],
      r.team,
      c?.unread,
    ),
    columns: r.columns,
    firstRow: r.firstRow,
    syncs: r.stats.syncs,
    largestRequest: r.stats.largestRequest,
    largestResponse: r.stats.largestResponse,
    revertStored,
  };
}

/** The revert available for the scanned sheet: the workbook's, else the one kept in the pane. */
export function revertFor(s: Scan): RevertRecord | undefined {
  return (
    pendingReverts.get(s.data.sheetId) ??
    loadRecords().records[s.data.sheetId]?.revert
  );
}

export async function revert(
  s: Scan,
  overwriteEdited = false,
): Promise<RevertResult | null> {
  const rec = revertFor(s);
  if (!rec) return null;
  const d = s.data;
  const result = await revertGrades({
    sheetId: d.sheetId,
    tableName: d.source === "table" ? d.tableName : undefined,
    headerRow: d.headerRow,
    left: d.left,
    record: rec,
    ruleIds: loadRecords().records[d.sheetId]?.rules,
    overwriteEdited,
  });
  const stored = loadRecords().records[d.sheetId] ?? {};
  const written = { ...(stored.written ?? {}) };
  for (const k of rec.kinds) {
    const before = rec.prev?.[k];
    if (before && !result.released.includes(k)) written[k] = before;
    else delete written[k];
  }
  // The edited cells stay; the next apply asks about them (they are no longer the add-in's).
  // The per-row record described the apply being reverted: ownership falls back to content counts.
  const { revert: _done, cells: _cells, ...rest } = stored;
  void _done;
  void _cells;
  await saveRecord(d.sheetId, { ...rest, written, rules: [...result.ruleIds] });
  // Cells edited since were kept: the same revert stays at hand for "put these back too".
  if (result.edited.length > 0 && !overwriteEdited)
    pendingReverts.set(d.sheetId, rec);
  else pendingReverts.delete(d.sheetId);
  if (result.released.length > 0)
    await nameColumns(d.sheetId, new Map(), result.released);
  return result;
}

/** Forgets what only the pane held (a revert too big for the workbook): as closing the pane does. */
export function forgetPaneMemory(): void {
  pendingReverts.clear();
}
