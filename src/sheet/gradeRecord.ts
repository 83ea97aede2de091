/**
 * What the workbook remembers about the grade tool, per sheet (keyed by the sheet's id, which
 * survives renames; a replaced sheet has a new id and starts afresh). Stored settings are
 * untrusted input — a colleague's older add-in, a hand-edited file — so every read goes through
 * this schema: anything malformed is dropped with a message, never used.
 * zod/mini (zod's tree-shakable functional API): the same checks as full zod in a fraction of the
 * task pane's bundle.
 */
import * as z from "zod/mini";
import type { OutputKind } from "./outputs";
import { OUTPUTS } from "./outputs";

export const GRADE_SETTING = "SALES.grade.v1";
/** Largest stored record per sheet (JSON characters); a larger revert is kept in the pane only. */
export const STORE_LIMIT = 1_000_000;

const kinds = OUTPUTS.map((o) => o.kind) as [OutputKind, ...OutputKind[]];
const Kind = z.enum(kinds);
const str = (max: number) => z.string().check(z.maxLength(max));
const Kinds = z.array(Kind).check(z.maxLength(OUTPUTS.length));
const Cell = z.union([str(32767), z.number(), z.boolean()]);

/** A saved input choice: the header text and which of the equal headers it was (0-based). */
const SavedColumn = z.object({
  h: str(1000),
  n: z.int().check(z.minimum(0), z.maximum(16383)),
});

const Written = z.record(str(8), z.int().check(z.minimum(1)));

/** One of the add-in's colour rules, to put back on cancel or revert. */
const OwnRule = z.object({
  kind: z.enum(["grade", "nextFollowUp"]),
  /** A1 address of the range the rule applies to, without the sheet */
  address: str(100),
});

const RevertRow = z.object({
  /** row identity (see rowKey) */
  k: str(20),
  /** fingerprint of what the apply wrote, per column of `kinds` */
  w: z.array(str(8)),
  /** what each cell held before, when not empty */
  b: z.optional(z.array(Cell)),
  /** number format before, when not General */
  f: z.optional(z.array(str(255))),
});

export const RevertRecordSchema = z.object({
  at: str(40),
  kinds: Kinds,
  /** each output column's header cell before the apply */
  header: z.array(Cell),
  /** outputs whose table columns the apply added (removed by revert when untouched) */
  added: Kinds,
  rows: z.array(RevertRow),
  /** the add-in's colour rules before the apply */
  rules: z.array(OwnRule),
  /** what the add-in had written to these columns before (ownership after a revert) */
  prev: z.optional(z.partialRecord(Kind, Written)),
});
export type RevertRecord = z.infer<typeof RevertRecordSchema>;

export const SheetRecordSchema = z.object({
  mapping: z.optional(
    z.record(str(40), z.array(SavedColumn).check(z.maxLength(100))),
  ),
  outputs: z.optional(Kinds),
  live: z.optional(z.boolean()),
  /** per output column, what the add-in last wrote there */
  written: z.optional(z.partialRecord(Kind, Written)),
  /** per row (by identity), what the add-in last wrote in each of `kinds`: "key:fp,fp,…" */
  cells: z.optional(
    z.object({
      kinds: Kinds,
      rows: z.array(str(200)),
    }),
  ),
  revert: z.optional(RevertRecordSchema),
  /** ids of the add-in's own conditional-format rules (the user's are never touched) */
  rules: z.optional(z.array(str(100)).check(z.maxLength(1000))),
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
