/**
 * Builds the cells of the output columns. Static mode runs the engine over the mapped
 * columns (the same code as the custom functions, so a sheet and a formula agree); live mode
 * writes =SALES.… formulas that reference each row, so a trainer can change a number and
 * watch the grade move.
 */
import { CellError } from "../engine/cellError";
import { makeCtx } from "../engine/ctx";
import type { Criteria } from "../engine/criteria";
import type { Lang } from "../engine/lang";
import { ERROR_TEXT, errorMessage } from "../engine/messages";
import { LEADGRADE_ARGS, sales, type Column } from "../engine/sales";
import { formatStageLabel } from "../engine/functions/stageLabel";
import type { Stage } from "../engine/tables/intentStages";
import type { Mapping } from "./columnMapping";
import { OBSERVATION_INPUTS, URGENCY_INPUTS, type InputKey } from "./inputs";
import type { OutputKind } from "./outputs";

export type CellOut = string | number;

export interface RowProblem {
  /** 0-based index among the data rows */
  readonly row: number;
  readonly output: OutputKind;
  readonly message: string;
}

export interface ComputedOutputs {
  readonly columns: Map<OutputKind, CellOut[]>;
  readonly problems: RowProblem[];
  /** engine results (not text) for the summary: grade letters and stage numbers */
  readonly grades: (string | undefined)[];
  readonly stages: (number | undefined)[];
}

/** Text that Excel would read as a formula or error is kept as text (a leading apostrophe). */
export function asText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

function columnOf(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping,
  key: InputKey,
): unknown[][] | null {
  const c = mapping[key].column;
  return c === null ? null : rows.map((r) => [r[c] ?? null]);
}

/** Which explanations the explanation column joins: those whose inputs are mapped. */
function explanationParts(mapping: Mapping): {
  lead: boolean;
  stage: boolean;
  urgency: boolean;
} {
  const any = (keys: readonly InputKey[]) =>
    keys.some((k) => mapping[k].column !== null);
  return {
    lead: any(LEADGRADE_ARGS.slice(0, 2)),
    stage: any(OBSERVATION_INPUTS),
    urgency: any(URGENCY_INPUTS),
  };
}

/** Static values for the chosen outputs over the data rows (header row excluded). */
export function computeStatic(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping,
  outputs: readonly OutputKind[],
  lang: Lang,
  criteria?: Criteria,
  today?: number,
): ComputedOutputs {
  const ctx = makeCtx({ criteria, lang });
  const n = rows.length;
  const blank = (): unknown[][] => rows.map(() => [null]);
  const col = (k: InputKey) => columnOf(rows, mapping, k) ?? blank();
  const problems: RowProblem[] = [];
  const columns = new Map<OutputKind, CellOut[]>();

  const toCells = (
    kind: OutputKind,
    result: Column,
    show: (v: string | number) => CellOut = (v) => v,
  ): CellOut[] => {
    if (result instanceof CellError) {
      const msg = errorMessage(result, lang);
      for (let i = 0; i < n; i++)
        problems.push({ row: i, output: kind, message: msg });
      return rows.map(() => `${ERROR_TEXT[result.code]} ${msg}`);
    }
    return result.map((v, i) => {
      if (v instanceof CellError) {
        const msg = errorMessage(v, lang);
        problems.push({ row: i, output: kind, message: msg });
        return `${ERROR_TEXT[v.code]} ${msg}`;
      }
      return typeof v === "string" ? asText(String(show(v))) : show(v);
    });
  };

  const leadArgs = () =>
    LEADGRADE_ARGS.map((k) =>
      k === "siteOpen" ? columnOf(rows, mapping, k) : col(k),
    );
  const observations = () => {
    const cols = OBSERVATION_INPUTS.flatMap((k) => mapping[k].columns);
    return rows.map((r) => cols.map((c) => r[c] ?? null));
  };
  const urgencyArgs = () => [
    ...URGENCY_INPUTS.map(col),
    today === undefined ? null : [[today]],
  ];

  let grades: Column = [];
  let stages: Column = [];
  if (outputs.includes("grade") || outputs.includes("explanation"))
    grades = sales.LEADGRADE(leadArgs(), ctx);
  if (
    outputs.some(
      (o) => o === "stage" || o === "stageLabel" || o === "nextFollowUp",
    )
  )
    stages = sales.INTENTSTAGE(observations(), null, ctx);

  for (const kind of outputs) {
    switch (kind) {
      case "grade":
        columns.set(kind, toCells(kind, grades));
        break;
      case "intentClass":
        columns.set(kind, toCells(kind, sales.INTENTGRADE(col("score"), ctx)));
        break;
      case "stage":
        columns.set(kind, toCells(kind, stages));
        break;
      case "stageLabel":
        columns.set(
          kind,
          toCells(kind, stages, (v) =>
            typeof v === "number" ? formatStageLabel(v as Stage, lang) : v,
          ),
        );
        break;
      case "urgency":
        columns.set(kind, toCells(kind, sales.URGENCY(urgencyArgs(), ctx)));
        break;
      case "nextFollowUp": {
        // A row whose stage could not be read shows the stage's own error, listed once (under "stage").
        if (stages instanceof CellError) {
          columns.set(kind, toCells(kind, stages));
          break;
        }
        const stageCol = stages.map((s) => [s instanceof CellError ? null : s]);
        const r = sales.NEXTFOLLOWUP(stageCol, col("lastContact"), ctx);
        columns.set(
          kind,
          toCells(
            kind,
            r instanceof CellError
              ? r
              : r.map((v, i) =>
                  stages[i] instanceof CellError ? (stages[i] as CellError) : v,
                ),
          ),
        );
        break;
      }
      case "explanation": {
        const parts: Column[] = [];
        const which = explanationParts(mapping);
        if (which.lead) parts.push(sales.WHYLEADGRADE(leadArgs(), ctx));
        if (which.stage)
          parts.push(sales.WHYINTENTSTAGE(observations(), null, ctx));
        if (which.urgency) parts.push(sales.WHYURGENCY(urgencyArgs(), ctx));
        const text = rows.map((_, i) =>
          parts
            .map((p) => (p instanceof CellError ? errorMessage(p, lang) : p[i]))
            .filter((x) => x !== "" && x !== undefined)
            .join(" | "),
        );
        columns.set(
          kind,
          text.map((t) => asText(String(t))),
        );
        break;
      }
    }
  }
  // One line per row and message: the stage label repeats the stage's error, the follow-up too.
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const k = `${p.row}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return {
    columns,
    problems: unique,
    grades:
      grades instanceof CellError
        ? []
        : grades.map((g) =>
            typeof g === "string" && g !== "" ? g : undefined,
          ),
    stages:
      stages instanceof CellError
        ? []
        : stages.map((s) => (typeof s === "number" ? s : undefined)),
  };
}

/** A1 column letters for a 0-based column index. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface FormulaPlace {
  /** absolute 0-based sheet row of the first data row */
  readonly firstRow: number;
  /** absolute 0-based sheet column of each mapped input */
  readonly inputColumn: (key: InputKey) => number | null;
  /** absolute 0-based sheet column of each output written */
  readonly outputColumn: (kind: OutputKind) => number | null;
}

/** Live formulas: one per row, referencing that row's cells (robust to sorting, filtering, tables). */
export function buildFormulas(
  rowCount: number,
  mapping: Mapping,
  outputs: readonly OutputKind[],
  place: FormulaPlace,
  lang: Lang,
): Map<OutputKind, string[]> {
  const out = new Map<OutputKind, string[]>();
  const ref = (col: number | null, r: number) =>
    col === null ? '""' : `${columnLetter(col)}${r + 1}`;
  const input = (k: InputKey, r: number) => ref(place.inputColumn(k), r);
  const langArg = `"${lang}"`;
  // The mapped observation columns: one cell, a row range when side by side, else HSTACK —
  // the same cells the static path reads.
  const obs = (r: number) => {
    // Several note columns are one input: its first column's sheet position places the rest.
    const cols = OBSERVATION_INPUTS.flatMap((k) => {
      const first = place.inputColumn(k);
      const own = mapping[k].columns;
      return first === null
        ? []
        : own.map((c) => first - (own[0] as number) + c);
    });
    if (cols.length === 0) return '""';
    if (cols.length === 1) return ref(cols[0] as number, r);
    const [a, b] = [Math.min(...cols), Math.max(...cols)];
    return b - a === cols.length - 1
      ? `${columnLetter(a)}${r + 1}:${columnLetter(b)}${r + 1}`
      : `HSTACK(${cols.map((c) => ref(c, r)).join(",")})`;
  };
  const lead = (r: number) =>
    LEADGRADE_ARGS.filter(
      (k) => k !== "siteOpen" || mapping.siteOpen.column !== null,
    )
      .map((k) => input(k, r))
      .join(",");
  const urg = (r: number) =>
    `${URGENCY_INPUTS.map((k) => input(k, r)).join(",")},TODAY()`;
  const stageRef = (r: number) => {
    const c = place.outputColumn("stage");
    return c === null ? `SALES.INTENTSTAGE(${obs(r)})` : ref(c, r);
  };
  for (const kind of outputs) {
    const cells: string[] = [];
    for (let i = 0; i < rowCount; i++) {
      const r = place.firstRow + i;
      switch (kind) {
        case "grade":
          cells.push(`=SALES.LEADGRADE(${lead(r)})`);
          break;
        case "intentClass":
          cells.push(`=SALES.INTENTGRADE(${input("score", r)})`);
          break;
        case "stage":
          cells.push(`=SALES.INTENTSTAGE(${obs(r)})`);
          break;
        case "stageLabel":
          cells.push(`=SALES.STAGELABEL(${stageRef(r)},${langArg})`);
          break;
        case "urgency":
          cells.push(`=SALES.URGENCY(${urg(r)},${langArg})`);
          break;
        case "nextFollowUp":
          cells.push(
            `=SALES.NEXTFOLLOWUP(${stageRef(r)},${input("lastContact", r)})`,
          );
          break;
        case "explanation": {
          const parts: string[] = [];
          const which = explanationParts(mapping);
          if (which.lead)
            parts.push(
              `SALES.WHYLEADGRADE(${lead(r)}${mapping.siteOpen.column !== null ? "" : ","},${langArg})`,
            );
          if (which.stage)
            parts.push(`SALES.WHYINTENTSTAGE(${obs(r)},,${langArg})`);
          if (which.urgency)
            parts.push(`SALES.WHYURGENCY(${urg(r)},${langArg})`);
          cells.push(parts.length === 0 ? "" : `=${parts.join('&" | "&')}`);
          break;
        }
      }
    }
    out.set(kind, cells);
  }
  return out;
}
