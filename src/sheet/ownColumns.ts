/**
 * Which existing columns the command line may write its outputs into. A file carries no record
 * of what the add-in wrote (the pane keeps one, sheet/ownership.ts; a CSV cannot), so a column
 * is taken as the add-in's own only by what it holds: its header is one of an output's headers
 * (either language, or one the command line gave an added column: `客户等级 (2)`), and every
 * non-blank cell below the header is what the add-in writes there — the value computed for that
 * row now, or a value of the output's own kind (a grade letter A–E, a stage −1…5, a stage label,
 * an urgency level, an explanation that starts as its explanations do, an error it writes).
 * A follow-up date counts only when it is the date computed for that row now: a team's own
 * dates look like any other date. A formula is never the add-in's (it writes values only).
 * Any other column is the user's: the outputs go into a new column beside the data instead.
 */
import { fold } from "../engine/text";
import { readDate } from "../engine/read";
import { STAGES } from "../engine/tables/intentStages";
import { URGENCY_LABELS } from "../engine/tables/urgencyModel";
import { formatStageLabel } from "../engine/functions/stageLabel";
import { headersOf, OUTPUTS, type OutputKind } from "./outputs";
import { SheetError, type CellOut } from "./rowFormulas";

/** A cell holding a formula (the caller marks it: values alone do not say so). */
export const FORMULA_CELL: unique symbol = Symbol("formula cell");

const ERROR_CODE = /^#(N\/A|VALUE!|NUM!|DIV\/0!|REF!|NAME\?|NULL!)$/;
/** An error the add-in writes as text (a CSV has no error values): the code, a space, its message. */
const ERROR_TEXT = /^#(N\/A|VALUE!|NUM!|DIV\/0!|REF!|NAME\?|NULL!) \S/;
const STAGE_LABELS = new Set(
  STAGES.flatMap((s) => [formatStageLabel(s, "zh"), formatStageLabel(s, "en")]),
);
const URGENCY_WORDS = Object.values(URGENCY_LABELS).flatMap((l) => [
  l.zh,
  l.en,
]);
const EXPLANATION_START = new RegExp(
  `^(?:[A-E]|-?[0-5]|${URGENCY_WORDS.join("|")}) — `,
);

/** The output whose column this header names, or undefined (`意向阶段`, `Intent stage`, `意向阶段 (2)`, `意向阶段2`). */
export function outputOfHeader(h: unknown): OutputKind | undefined {
  if (typeof h !== "string") return undefined;
  const f = fold(h);
  for (const o of OUTPUTS)
    for (const name of headersOf(o.kind).map(fold))
      if (
        f === name ||
        (f.startsWith(name) &&
          /^\s*(\(\s*\d+\s*\)|\d+)$/.test(f.slice(name.length)))
      )
        return o.kind;
  return undefined;
}

const blank = (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The text without the apostrophe a CSV copy puts before text Excel would read as a formula. */
const unquoted = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);

function sameAsNow(
  kind: OutputKind,
  v: unknown,
  now: CellOut | undefined,
): boolean {
  if (now === undefined || now === "") return false;
  if (kind === "nextFollowUp" && typeof now === "number")
    return readDate(v) === now;
  if (typeof v === "string" && typeof now === "string")
    return unquoted(v) === unquoted(now);
  return v === now;
}

/** A value of the output's own kind, whatever the row (not for follow-up dates: see above). */
function ownKindOfValue(kind: OutputKind, v: unknown): boolean {
  if (v instanceof SheetError) return ERROR_CODE.test(v.text);
  if (typeof v === "string" && ERROR_TEXT.test(v)) return true;
  const s = typeof v === "string" ? unquoted(v.trim()) : undefined;
  switch (kind) {
    case "grade":
      return s !== undefined && /^[A-E]$/.test(s);
    case "intentClass":
      return s !== undefined && /^[A-D]$/.test(s);
    case "stage": {
      const n = typeof v === "number" ? v : s !== undefined ? Number(s) : NaN;
      return Number.isInteger(n) && n >= -1 && n <= 5;
    }
    case "stageLabel":
      return s !== undefined && STAGE_LABELS.has(s);
    case "urgency":
      return s !== undefined && URGENCY_WORDS.includes(s);
    case "explanation":
      return s !== undefined && EXPLANATION_START.test(s);
    case "nextFollowUp":
      return false;
  }
}

/** Is this cell (of a column headed like `kind`) one the add-in wrote? `now`: what it computes for the row now. */
export function isOwnCell(
  kind: OutputKind,
  v: unknown,
  now: CellOut | undefined,
): boolean {
  if (blank(v)) return true;
  if (v === FORMULA_CELL || typeof v === "boolean") return false;
  return sameAsNow(kind, v, now) || ownKindOfValue(kind, v);
}

/**
 * The ownership of the columns named like outputs, judged over the data rows as they stream by.
 * A column stays the add-in's while every cell seen is; one cell of the user's makes it theirs.
 */
export class OwnColumns {
  /** column → output, for the columns still taken as the add-in's */
  private readonly ours = new Map<number, OutputKind>();
  private readonly filled = new Set<number>();
  /** column → output, every column named like an output (never read as an input) */
  readonly named: ReadonlyMap<number, OutputKind>;

  constructor(headers: readonly unknown[]) {
    const named = new Map<number, OutputKind>();
    headers.forEach((h, c) => {
      const kind = outputOfHeader(h);
      if (kind) named.set(c, kind);
    });
    this.named = named;
    for (const [c, k] of named) this.ours.set(c, k);
  }

  /** Outputs whose columns are still undecided (the caller computes their values for `check`). */
  pending(): OutputKind[] {
    return [...new Set(this.ours.values())];
  }

  /** Data rows' values (formulas marked FORMULA_CELL) and, per output, what it computes for them now. */
  check(
    rows: readonly (readonly unknown[])[],
    now: ReadonlyMap<OutputKind, readonly CellOut[]>,
  ): void {
    for (const [c, kind] of [...this.ours]) {
      const computed = now.get(kind);
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i]?.[c];
        if (!blank(v)) this.filled.add(c);
        if (!isOwnCell(kind, v, computed?.[i])) {
          this.ours.delete(c);
          break;
        }
      }
    }
  }

  /**
   * Where each output goes among the existing columns: the add-in's own column of that output
   * (one holding values before one that is empty), or none (a new column is added).
   */
  targets(): Map<OutputKind, number> {
    const out = new Map<OutputKind, number>();
    for (const [c, kind] of this.ours) {
      const had = out.get(kind);
      if (had === undefined || (!this.filled.has(had) && this.filled.has(c)))
        out.set(kind, c);
    }
    return out;
  }

  /** The columns named like an output that hold the user's cells. */
  foreign(): Map<number, OutputKind> {
    const out = new Map<number, OutputKind>();
    for (const [c, k] of this.named) if (!this.ours.has(c)) out.set(c, k);
    return out;
  }
}

/**
 * A header for an added column that no header of the row repeats: the output's own, or with a
 * number when a user's column already bears it (`客户等级 (2)`).
 */
export function freshHeader(name: string, headers: readonly unknown[]): string {
  const taken = new Set(headers.map((h) => fold(String(h ?? ""))));
  if (!taken.has(fold(name))) return name;
  for (let n = 2; ; n++) {
    const h = `${name} (${n})`;
    if (!taken.has(fold(h))) return h;
  }
}
