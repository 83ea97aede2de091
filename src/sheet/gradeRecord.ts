/**
 * What the workbook remembers about the grade tool, per sheet (keyed by the sheet's id, which
 * survives renames; a replaced sheet has a new id and starts afresh). Stored settings are
 * untrusted input — a colleague's older add-in, a hand-edited file — so every read goes through
 * this schema: anything malformed is dropped with a message, never used.
 */
import { z } from "zod";
import type { OutputKind } from "./outputs";
import { OUTPUTS } from "./outputs";

export const GRADE_SETTING = "SALES.grade.v1";
/** Largest stored record per sheet (JSON characters); a larger revert is kept in the pane only. */
export const STORE_LIMIT = 1_000_000;

const kinds = OUTPUTS.map((o) => o.kind) as [OutputKind, ...OutputKind[]];
const Kind = z.enum(kinds);
const Cell = z.union([z.string().max(32767), z.number(), z.boolean()]);

/** A saved input choice: the header text and which of the equal headers it was (0-based). */
const SavedColumn = z.object({
  h: z.string().max(1000),
  n: z.number().int().min(0).max(16383),
});

const Written = z.record(z.string().max(8), z.number().int().min(1));

/** One of the add-in's colour rules, to put back on cancel or revert. */
const OwnRule = z.object({
  kind: z.enum(["grade", "nextFollowUp"]),
  /** A1 address of the range the rule applies to, without the sheet */
  address: z.string().max(100),
});

const RevertRow = z.object({
  /** row identity (see rowKey) */
  k: z.string().max(20),
  /** fingerprint of what the apply wrote, per column of `kinds` */
  w: z.array(z.string().max(8)),
  /** what each cell held before, when not empty */
  b: z.array(Cell).optional(),
  /** number format before, when not General */
  f: z.array(z.string().max(255)).optional(),
});

export const RevertRecordSchema = z.object({
  at: z.string().max(40),
  kinds: z.array(Kind).max(OUTPUTS.length),
  /** each output column's header cell before the apply */
  header: z.array(Cell),
  /** outputs whose table columns the apply added (removed by revert when untouched) */
  added: z.array(Kind).max(OUTPUTS.length),
  rows: z.array(RevertRow),
  /** the add-in's colour rules before the apply */
  rules: z.array(OwnRule),
  /** what the add-in had written to these columns before (ownership after a revert) */
  prev: z.partialRecord(Kind, Written).optional(),
});
export type RevertRecord = z.infer<typeof RevertRecordSchema>;

export const SheetRecordSchema = z.object({
  mapping: z
    .record(z.string().max(40), z.array(SavedColumn).max(100))
    .optional(),
  outputs: z.array(Kind).max(OUTPUTS.length).optional(),
  live: z.boolean().optional(),
  /** per output column, what the add-in last wrote there */
  written: z.partialRecord(Kind, Written).optional(),
  /** per row (by identity), what the add-in last wrote in each of `kinds`: "key:fp,fp,…" */
  cells: z
    .object({
      kinds: z.array(Kind).max(OUTPUTS.length),
      rows: z.array(z.string().max(200)),
    })
    .optional(),
  revert: RevertRecordSchema.optional(),
  /** ids of the add-in's own conditional-format rules (the user's are never touched) */
  rules: z.array(z.string().max(100)).max(1000).optional(),
});
export type SheetRecord = z.infer<typeof SheetRecordSchema>;

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
