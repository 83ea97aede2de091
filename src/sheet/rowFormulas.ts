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
import { LEADGRADE_ARGS, SETTINGS, sales, type Column } from "../engine/sales";
import type { ArgName } from "../engine/args";
import { formatStageLabel } from "../engine/functions/stageLabel";
import { clipCellText } from "../engine/text";
import type { Stage } from "../engine/tables/intentStages";
import type { MessageKey } from "../engine/cellError";
import type { UnreadNote } from "./summary";
import type { Mapping } from "./columnMapping";
import { OBSERVATION_INPUTS, URGENCY_INPUTS, type InputKey } from "./inputs";
import type { OutputKind } from "./outputs";

export type CellOut = string | number;

export interface RowProblem {
  /** 0-based index among the data rows */
  readonly row: number;
  readonly output: OutputKind;
  readonly message: string;
  /** which error it is (the summary groups "no signal recognised" apart) */
  readonly key?: MessageKey;
}

export interface ComputedOutputs {
  readonly columns: Map<OutputKind, CellOut[]>;
  readonly problems: RowProblem[];
  /** engine results (not text) for the summary: grade letters and stage numbers */
  readonly grades: (string | undefined)[];
  readonly stages: (number | undefined)[];
  /** rows whose notes had no signal recognised, with their notes (listed apart from `problems`) */
  readonly unread: UnreadNote[];
}

/**
 * Text that Excel would read as a formula or error is kept as text (a leading apostrophe), and
 * no text is longer than a cell holds (Excel refuses a longer one: the whole write would fail).
 */
export function asText(s: string): string {
  return clipCellText(/^[=+\-@]/.test(s) ? `'${s}` : s);
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

/**
 * An error value in an input cell (read as "#N/A" by `range.values`; its `valueTypes` says
 * Error). Excel does not call a custom function whose argument is an error: the formula shows
 * that error. The static path does the same, so both modes agree.
 */
export class SheetError {
  constructor(readonly text: string) {}
}

/** The inputs each output's live formula passes, in argument order. */
function inputsOf(kind: OutputKind, mapping: Mapping): InputKey[] {
  const lead = LEADGRADE_ARGS.filter(
    (k) => k !== "siteOpen" || mapping.siteOpen.column !== null,
  );
  const keys: readonly InputKey[] =
    kind === "grade"
      ? lead
      : kind === "intentClass"
        ? ["score"]
        : kind === "stage" || kind === "stageLabel"
          ? OBSERVATION_INPUTS
          : kind === "urgency"
            ? URGENCY_INPUTS
            : kind === "nextFollowUp"
              ? [...OBSERVATION_INPUTS, "lastContact"]
              : [...lead, ...OBSERVATION_INPUTS, ...URGENCY_INPUTS];
  return keys.filter((k) => mapping[k].columns.length > 0);
}

/** Static values for the chosen outputs over the data rows (header row excluded). */
export function computeStatic(
  rowsIn: readonly (readonly unknown[])[],
  mapping: Mapping,
  outputs: readonly OutputKind[],
  lang: Lang,
  criteria?: Criteria,
  today?: number,
): ComputedOutputs {
  const ctx = makeCtx({ criteria, lang });
  // Error cells go to the engine as blanks; the outputs that read them show the error (below).
  const rows = rowsIn.some((r) => r.some((v) => v instanceof SheetError))
    ? rowsIn.map((r) => r.map((v) => (v instanceof SheetError ? null : v)))
    : rowsIn;
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
        problems.push({ row: i, output: kind, message: msg, key: v.key });
        return `${ERROR_TEXT[v.code]} ${msg}`;
      }
      return typeof v === "string" ? asText(String(show(v))) : show(v);
    });
  };

  const leadArgs = () =>
    LEADGRADE_ARGS.map((k) =>
      k === "siteOpen" ? columnOf(rows, mapping, k) : col(k),
    );
  // The pane reads blanks as "" (range.values), so a 0 here is a real stage 0. The engine counts
  // 0 as blank in a row of several inputs (older desktop builds pass blanks as 0): give it only
  // the non-blank cells, and a lone [0] when they are all zeros.
  const observations = () => {
    const cols = OBSERVATION_INPUTS.flatMap((k) => mapping[k].columns);
    return rows.map((r) => {
      const cells = cols.map((c) => r[c] ?? null);
      const filled = cells.filter((v) => v !== null && v !== "");
      if (filled.length === 0) return cells;
      return filled.every((v) => v === 0) ? [0] : filled;
    });
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
                  stages[i] instanceof CellError
                    ? (stages[i] as CellError)
                    : stages[i] === "" // blank notes: no stage, so no follow-up date (not an error)
                      ? ""
                      : v,
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
  if (rows !== rowsIn) {
    for (const kind of outputs) {
      const keys = inputsOf(kind, mapping);
      const cells = columns.get(kind);
      if (!cells) continue;
      rowsIn.forEach((r, i) => {
        for (const k of keys)
          for (const c of mapping[k].columns) {
            const v = r[c];
            // A setting (siteOpen) says how a lead is judged and never makes a row non-blank
            // (the engine's SETTINGS): an error there leaves a blank row blank, as the function does.
            if (cells[i] === "" && SETTINGS.has(k as ArgName)) continue;
            if (v instanceof SheetError) {
              cells[i] = v.text;
              problems.push({ row: i, output: kind, message: v.text });
              return;
            }
          }
      });
    }
  }
  // Notes with no signal are grouped by the summary, not listed one error per row.
  const unread: UnreadNote[] = [];
  if (!(stages instanceof CellError)) {
    const obs = observations();
    stages.forEach((v, i) => {
      if (v instanceof CellError && v.key === "noSignal")
        unread.push({
          row: i,
          text: (obs[i] ?? [])
            .filter(
              (x) => x !== null && x !== undefined && String(x).trim() !== "",
            )
            .map(String)
            .join(" | "),
        });
    });
  }
  // One line per row and message: the stage label repeats the stage's error, the follow-up too.
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    if (p.key === "noSignal") return false;
    const k = `${p.row}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return {
    columns,
    problems: unique,
    unread,
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
  /**
   * How the formulas reference the rows:
   * - `spill` (a plain range): one formula per output column over the whole input columns;
   *   it spills one result per row, so Excel calls each function once per column, and sorting
   *   the data re-sorts the results with it. The cells below the first are left empty.
   * - `table` (inside an Excel table, where spills give #SPILL!): a calculated column with
   *   structured references (`[@[付款能力]]`), one call per row; needs `inputHeader`.
   * - `rows` (default): one formula per row with A1 references.
   */
  readonly layout?: "rows" | "spill" | "table";
  /** the table column name of an absolute sheet column (for `table`) */
  readonly columnHeader?: (column: number) => string | null;
  readonly outputHeader?: (kind: OutputKind) => string | null;
  /**
   * The cell the date-dependent functions count from (e.g. `'评分标准'!$B$2`, refreshed by the
   * pane once a day). Without it URGENCY reads the clock itself. Never TODAY(): it is volatile
   * and would rerun every row on every edit anywhere.
   */
  readonly todayRef?: string;
}

/** A structured reference to this row's cell of a table column: `[@[name]]`, escaped. */
export function structuredRef(name: string): string {
  return `[@[${name.replace(/(['#[\]])/g, "'$1")}]]`;
}

/**
 * Live formulas. They pin no label language (the workbook's language applies, so switching it
 * relabels every result), use nothing Excel 2021 lacks (no HSTACK: observation columns that
 * are not side by side are joined with CHOOSE({1,2},…)), and no volatile TODAY().
 */
export function buildFormulas(
  rowCount: number,
  mapping: Mapping,
  outputs: readonly OutputKind[],
  place: FormulaPlace,
  _lang?: Lang,
): Map<OutputKind, string[]> {
  const out = new Map<OutputKind, string[]>();
  const layout = place.layout ?? "rows";
  const last = place.firstRow + rowCount;
  // `r` is where the row's number goes: each formula is built once per column with a
  // placeholder there, and each row's number put in (no per-row argument lists).
  // A reference to column `col` for row r (rows), or to the whole column of data (spill).
  const ref = (col: number | null, r: string) => {
    if (col === null) return '""';
    const c = columnLetter(col);
    return layout === "spill"
      ? `${c}${place.firstRow + 1}:${c}${last}`
      : `${c}${r}`;
  };
  // One column of this row: its table column (table) or its cells (rows, spill).
  const cell = (col: number, r: string): string => {
    if (layout !== "table") return ref(col, r);
    const h = place.columnHeader?.(col);
    return h === null || h === undefined || h === "" ? '""' : structuredRef(h);
  };
  const input = (k: InputKey, r: string): string => {
    const col = place.inputColumn(k);
    return col === null ? '""' : cell(col, r);
  };
  const obs = (r: string) => {
    // Several note columns are one input: its first column's sheet position places the rest.
    const cols = OBSERVATION_INPUTS.flatMap((k) => {
      const first = place.inputColumn(k);
      const own = mapping[k].columns;
      return first === null
        ? []
        : own.map((c) => first - (own[0] as number) + c);
    });
    if (cols.length === 0) return '""';
    if (cols.length === 1) return cell(cols[0] as number, r);
    const [a, b] = [Math.min(...cols), Math.max(...cols)];
    if (layout !== "table" && b - a === cols.length - 1) {
      return layout === "spill"
        ? `${columnLetter(a)}${place.firstRow + 1}:${columnLetter(b)}${last}`
        : `${columnLetter(a)}${r}:${columnLetter(b)}${r}`;
    }
    const order = cols.map((_, i) => i + 1).join(",");
    return `CHOOSE({${order}},${cols.map((c) => cell(c, r)).join(",")})`;
  };
  const lead = (r: string) =>
    LEADGRADE_ARGS.filter(
      (k) => k !== "siteOpen" || mapping.siteOpen.column !== null,
    )
      .map((k) => input(k, r))
      .join(",");
  const today = place.todayRef ? `,${place.todayRef}` : "";
  const urg = (r: string) =>
    `${URGENCY_INPUTS.map((k) => input(k, r)).join(",")}${today}`;
  const stageRef = (r: string) => {
    const c = place.outputColumn("stage");
    if (c === null) return `SALES.INTENTSTAGE(${obs(r)})`;
    if (layout === "table") {
      const h = place.outputHeader?.("stage");
      return h ? structuredRef(h) : `SALES.INTENTSTAGE(${obs(r)})`;
    }
    // A spilled stage column holds #N/A where no signal was read; Excel may not call a
    // function whose range argument holds an error, so those rows go in blank (the stage
    // column already shows the error).
    return layout === "spill" ? `IFERROR(${ref(c, r)},"")` : ref(c, r);
  };
  const formula = (kind: OutputKind, r: string): string => {
    switch (kind) {
      case "grade":
        return `=SALES.LEADGRADE(${lead(r)})`;
      case "intentClass":
        return `=SALES.INTENTGRADE(${input("score", r)})`;
      case "stage":
        return `=SALES.INTENTSTAGE(${obs(r)})`;
      case "stageLabel":
        return `=SALES.STAGELABEL(${stageRef(r)})`;
      case "urgency":
        return `=SALES.URGENCY(${urg(r)})`;
      case "nextFollowUp": {
        // A blank note has no stage, so no follow-up date (as in the static path), not
        // `#N/A 意向阶段: 必填`; a stage error still shows (`#N/A` = "" is #N/A).
        const s = stageRef(r);
        const c = place.outputColumn("stage");
        const raw = c === null || layout === "table" ? s : ref(c, r);
        return `=IF(${raw}="","",SALES.NEXTFOLLOWUP(${s},${input("lastContact", r)}))`;
      }
      case "explanation": {
        const parts: string[] = [];
        const which = explanationParts(mapping);
        if (which.lead) parts.push(`SALES.WHYLEADGRADE(${lead(r)})`);
        if (which.stage) parts.push(`SALES.WHYINTENTSTAGE(${obs(r)})`);
        if (which.urgency) parts.push(`SALES.WHYURGENCY(${urg(r)})`);
        return parts.length === 0 ? "" : `=${parts.join('&" | "&')}`;
      }
    }
  };
  const ROW = "\u0000";
  for (const kind of outputs) {
    const pieces = formula(kind, ROW).split(ROW);
    const cells = new Array<string>(rowCount);
    for (let i = 0; i < rowCount; i++)
      cells[i] =
        layout === "spill" && i > 0
          ? ""
          : pieces.length === 1
            ? (pieces[0] as string)
            : pieces.join(String(place.firstRow + i + 1));
    out.set(kind, cells);
  }
  return out;
}
