/**
 * One record per data row for the managers' and admins' tools (report, follow-ups due,
 * duplicates): the inputs the mapping found, and the graded results — read from the add-in's
 * own output columns when the sheet has them (by header, either language), else computed by
 * the same engine the functions use. Pure: the pane and the command line share it.
 */
import type { Lang } from "../engine/lang";
import { readDate, readNumber } from "../engine/read";
import { FOLLOW_UP_DAYS } from "../engine/tables/followUpCadence";
import { isStage, type Stage } from "../engine/tables/intentStages";
import type { Grade } from "../engine/tables/leadGradeTable";
import type { IntentClass } from "../engine/tables/intentClasses";
import {
  URGENCY_LABELS,
  type UrgencyLevel,
} from "../engine/tables/urgencyModel";
import { readStage } from "../engine/functions/stageRead";
import { fold, isBlankCell } from "../engine/text";
import type { Mapping } from "./columnMapping";
import type { InputKey } from "./inputs";
import { OUTPUTS, headersOf, type OutputKind } from "./outputs";
import { computeStatic } from "./rowFormulas";
import type { Criteria } from "../engine/criteria";

export interface LeadRow {
  /** 0-based index among the data rows (below the header) */
  readonly index: number;
  /** every cell of the row is blank (an unused table row): the tools skip it */
  readonly blank: boolean;
  readonly name: string;
  readonly company: string;
  readonly phone: string;
  readonly owner: string;
  readonly grade?: Grade;
  readonly intentClass?: IntentClass;
  readonly stage?: Stage;
  readonly urgency?: UrgencyLevel;
  readonly nextFollowUp?: number;
  readonly lastContact?: number;
  readonly registeredAt?: number;
  readonly receptionOrder?: number;
  readonly closedBy: string;
  readonly closedAt?: number;
  readonly raisedAt?: number;
}

/** Where each graded result came from: the sheet's own column (its header), computed, or absent. */
export type ResultSource = { column: number } | "computed" | "absent";

export interface LeadRows {
  readonly rows: readonly LeadRow[];
  readonly sources: Readonly<Record<ResultKind, ResultSource>>;
}

const RESULT_KINDS = [
  "grade",
  "intentClass",
  "stage",
  "urgency",
  "nextFollowUp",
] as const satisfies readonly OutputKind[];
export type ResultKind = (typeof RESULT_KINDS)[number];

/** The column of the block whose header is one of this output's headers (either language). */
export function outputColumn(
  headers: readonly unknown[],
  kind: OutputKind,
): number | null {
  const names = headersOf(kind).map(fold);
  const i = headers.findIndex(
    (h) => typeof h === "string" && names.includes(fold(h)),
  );
  return i >= 0 ? i : null;
}

const MESSY_SPACE = /\s\s|[\t\n\r\u3000]/;
/** Trimmed, inner white space runs as one space (the regex only runs where there is one). */
function text(v: unknown): string {
  if (isBlankCell(v)) return "";
  const t = String(v).trim();
  return MESSY_SPACE.test(t) ? t.replace(/\s+/g, " ") : t;
}

function gradeOf(v: unknown): Grade | undefined {
  const s = fold(text(v)).toUpperCase();
  return s === "A" || s === "B" || s === "C" || s === "D" || s === "E"
    ? s
    : undefined;
}

function classOf(v: unknown): IntentClass | undefined {
  const g = gradeOf(v);
  return g === "E" ? undefined : g;
}

function stageOf(v: unknown): Stage | undefined {
  if (isBlankCell(v)) return undefined;
  const s = readStage(v, "stage");
  return typeof s === "number" && isStage(s) ? s : undefined;
}

const URGENCY_BY_WORD = new Map<string, UrgencyLevel>();
for (const [level, l] of Object.entries(URGENCY_LABELS) as [
  UrgencyLevel,
  { zh: string; en: string },
][]) {
  URGENCY_BY_WORD.set(fold(l.zh), level);
  URGENCY_BY_WORD.set(fold(l.en), level);
}
function urgencyOf(v: unknown): UrgencyLevel | undefined {
  return URGENCY_BY_WORD.get(fold(text(v)));
}

/** Outputs the engine can compute from the mapped inputs. */
function computable(mapping: Mapping, kind: OutputKind): boolean {
  const o = OUTPUTS.find((x) => x.kind === kind);
  if (!o) return false;
  const has = (k: InputKey) => mapping[k]?.column != null;
  return (
    o.needsAll.every(
      (k) => RESULT_KINDS.includes(k as ResultKind) || has(k as InputKey),
    ) &&
    (o.needsAny.length === 0 || o.needsAny.some(has))
  );
}

/**
 * @param headers the block's header cells
 * @param rows the data rows below the header
 * @param today the date next follow-ups are computed against when the sheet has none (tests pin it)
 */
export function readLeadRows(
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  mapping: Mapping,
  lang: Lang,
  today?: number,
  criteria?: Criteria,
): LeadRows {
  const sources = {} as Record<ResultKind, ResultSource>;
  const toCompute: OutputKind[] = [];
  for (const kind of RESULT_KINDS) {
    const c = outputColumn(headers, kind);
    if (c !== null) sources[kind] = { column: c };
    else if (computable(mapping, kind)) {
      sources[kind] = "computed";
      toCompute.push(kind);
    } else sources[kind] = "absent";
  }
  const computed =
    toCompute.length > 0
      ? computeStatic(rows, mapping, toCompute, lang, criteria, today).columns
      : new Map<OutputKind, unknown[]>();
  const result = (kind: ResultKind, i: number): unknown => {
    const s = sources[kind];
    if (s === "absent") return undefined;
    if (s === "computed") return computed.get(kind)?.[i];
    return rows[i]?.[s.column];
  };
  const input = (k: InputKey, row: readonly unknown[]): unknown => {
    const c = mapping[k]?.column;
    return c === null || c === undefined ? undefined : row[c];
  };
  const out: LeadRow[] = [];
  rows.forEach((row, i) => {
    const stage = stageOf(result("stage", i));
    const lastContact = readDate(input("lastContact", row));
    let nextFollowUp = readDate(result("nextFollowUp", i));
    // Graded sheets without a follow-up column still have a cadence: last contact + interval (SPEC §6).
    if (
      nextFollowUp === undefined &&
      stage !== undefined &&
      lastContact !== undefined
    ) {
      const days = FOLLOW_UP_DAYS[stage];
      if (days !== null) nextFollowUp = lastContact + days;
    }
    const order = input("receptionOrder", row);
    out.push({
      index: i,
      blank: row.every(isBlankCell),
      name: text(input("customerName", row)),
      company: text(input("company", row)),
      phone: text(input("phone", row)),
      owner: text(input("owner", row)),
      grade: gradeOf(result("grade", i)),
      intentClass: classOf(result("intentClass", i)),
      stage,
      urgency: urgencyOf(result("urgency", i)),
      nextFollowUp,
      lastContact,
      registeredAt: readDate(input("registeredAt", row)),
      receptionOrder:
        typeof order === "boolean" ? undefined : readNumber(order),
      closedBy: text(input("closedBy", row)),
      closedAt: readDate(input("closedAt", row)),
      raisedAt: readDate(input("conflictRaisedAt", row)),
    });
  });
  return { rows: out, sources };
}
