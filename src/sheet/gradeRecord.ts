/**
 * What the workbook remembers about the grade tool, per sheet (keyed by the sheet's id, which
 * survives renames; a replaced sheet has a new id and starts afresh). Stored settings are
 * untrusted input — a colleague's older add-in, a hand-edited file — so every read goes through
 * this schema: anything malformed is dropped with a message, never used.
 * A small hand-written validator (src/sheet/validate.ts): full zod added ~430 KB to the pane.
 */
import * as v from "./validate";
import type { OutputKind } from "./outputs";
import { OUTPUTS } from "./outputs";

export const GRADE_SETTING = "SALES.grade.v1";
/** Largest stored record per sheet (JSON characters); a larger revert is kept in the pane only. */
export const STORE_LIMIT = 1_000_000;

const kinds = OUTPUTS.map((o) => o.kind) as [OutputKind, ...OutputKind[]];
const Kind = v.oneOf(kinds);
const Kinds = v.array(Kind, OUTPUTS.length);
const Cell = v.cell(32767);

/** A saved input choice: the header text and which of the equal headers it was (0-based). */
const SavedColumn = v.object({
  h: v.string(1000),
  n: v.int(0, 16383),
});

const Written = v.record(v.string(8), v.int(1));

/** One of the add-in's colour rules, to put back on cancel or revert. */
const OwnRule = v.object({
  kind: v.oneOf(["grade", "nextFollowUp"] as const),
  /** A1 address of the range the rule applies to, without the sheet */
  address: v.string(100),
});

const RevertRow = v.object({
  /** row identity (see rowKey) */
  k: v.string(20),
  /** fingerprint of what the apply wrote, per column of `kinds` */
  w: v.array(v.string(8)),
  /** what each cell held before, when not empty */
  b: v.optional(v.array(Cell)),
  /** number format before, when not General */
  f: v.optional(v.array(v.string(255))),
});

export const RevertRecordSchema = v.object({
  at: v.string(40),
  kinds: Kinds,
  /** each output column's header cell before the apply */
  header: v.array(Cell),
  /** outputs whose table columns the apply added (removed by revert when untouched) */
  added: Kinds,
  rows: v.array(RevertRow),
  /** the add-in's colour rules before the apply */
  rules: v.array(OwnRule),
  /** what the add-in had written to these columns before (ownership after a revert) */
  prev: v.optional(v.partialRecord(Kind, Written)),
});
export type RevertRecord = v.Infer<typeof RevertRecordSchema>;

export const SheetRecordSchema = v.object({
  mapping: v.optional(v.record(v.string(40), v.array(SavedColumn, 100))),
  outputs: v.optional(Kinds),
  live: v.optional(v.boolean()),
  /** per output column, what the add-in last wrote there */
  written: v.optional(v.partialRecord(Kind, Written)),
  /** per row (by identity), what the add-in last wrote in each of `kinds`: "key:fp,fp,…" */
  cells: v.optional(
    v.object({
      kinds: Kinds,
      rows: v.array(v.string(200)),
    }),
  ),
  revert: v.optional(RevertRecordSchema),
  /** ids of the add-in's own conditional-format rules (the user's are never touched) */
  rules: v.optional(v.array(v.string(100), 1000)),
});
export type SheetRecord = v.Infer<typeof SheetRecordSchema>;

export interface Parsed {
  readonly records: Record<string, SheetRecord>;
  /** what was ignored and why (shown in the pane) */
  readonly problems: string[];
}

/** Parses the stored setting; each sheet's record on its own, so one bad record costs only itself. */
export function parseGradeSetting(raw: unknown): Parsed {
  const records: Record<string, SheetRecord> = {};
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { records, problems };
  if (typeof raw !== "object" || Array.isArray(raw))
    return { records, problems: [`${GRADE_SETTING}: not an object`] };
  for (const [sheetId, value] of Object.entries(
    raw as Record<string, unknown>,
  )) {
    const r = SheetRecordSchema.safeParse(value);
    if (r.success) records[sheetId] = r.data;
    else
      problems.push(
        `${GRADE_SETTING}[${sheetId.slice(0, 40)}]: ${r.error.issues
          .slice(0, 2)
          .map((i) => `${i.path.join(".")} ${i.message}`)
          .join("; ")}`,
      );
  }
  return { records, problems };
}

/** The record as stored: without its revert when that would pass the size bound. */
export function boundedRecord(r: SheetRecord): {
  record: SheetRecord;
  revertStored: boolean;
} {
  if (JSON.stringify(r).length <= STORE_LIMIT)
    return { record: r, revertStored: r.revert !== undefined };
  const { revert: _dropped, ...withCells } = r;
  void _dropped;
  if (JSON.stringify(withCells).length <= STORE_LIMIT)
    return { record: withCells, revertStored: false };
  // Then the per-row record (ownership falls back to content counts per column).
  const { cells: _cells, ...rest } = withCells;
  void _cells;
  if (JSON.stringify(rest).length <= STORE_LIMIT)
    return { record: rest, revertStored: false };
  // Even the ownership record is too big: keep the smaller columns' records; the others' cells
  // will be asked about before the next write (safe, never silent).
  const written = { ...(rest.written ?? {}) };
  const bySize = (Object.keys(written) as OutputKind[]).sort(
    (a, b) =>
      Object.keys(written[b] ?? {}).length -
      Object.keys(written[a] ?? {}).length,
  );
  for (const k of bySize) {
    delete written[k];
    if (JSON.stringify({ ...rest, written }).length <= STORE_LIMIT) break;
  }
  return { record: { ...rest, written }, revertStored: false };
}
