/**
 * The SALES functions over whole ranges (SPEC §0), pure and host-free: each takes the raw
 * arguments as Excel passes them (2-D arrays, scalars, null when omitted) and returns one
 * result per lead — a value, `""` for a blank row, or a CellError — or a single CellError
 * when the arguments' shapes do not fit. `src/functions/functions.ts` maps these to what a cell shows.
 */
import type { ArgName } from "./args";
import { CellError, errorTextOf, inputError, valueError } from "./cellError";
import { withTrace, joinTrace, type Ctx } from "./ctx";
import { clipCellText } from "./text";
import { ERROR_TEXT, errorMessage } from "./messages";
import { blankish, isBlankCell, readYesNo } from "./read";
import {
  checkOneColumn,
  column,
  isGrid,
  leadCount,
  rows,
  type Grid,
} from "./spill";
import { leadGrade } from "./functions/leadGrade";
import { intentGrade } from "./functions/intentGrade";
import { answerColumns, readScoreSheet, scoreRow } from "./functions/score";
import { headerStage, intentStage, memoByText } from "./functions/intentStage";
import { nextFollowUp } from "./functions/nextFollowUp";
import { stageLabel } from "./functions/stageLabel";
import { status } from "./functions/status";
import { nextAction } from "./functions/nextAction";
import { todayOf, todayReader, urgencyLevel } from "./functions/urgency";
import { roleFocus, roleLabel } from "./functions/role";
import {
  activity,
  activityLabel,
  valueTierLabel,
  valueTierRanker,
} from "./functions/customerType";
import { URGENCY_LABELS } from "./tables/urgencyModel";
import type { Stage } from "./tables/intentStages";

export type Cell = string | number | CellError;
export type Column = Cell[] | CellError;

/** LEADGRADE's arguments in order (SPEC §0); the task pane's inputs share these names. */
export const LEADGRADE_ARGS = [
  "payment",
  "satisfaction",
  "revisits",
  "calls",
  "siteVisits",
  "processAsked",
  "priceTolerance",
  "siteOpen",
] as const satisfies readonly ArgName[];

/** URGENCY's arguments in order (SPEC §0). */
export const URGENCY_ARGS = [
  "timeline",
  "resources",
  "decisionLevel",
  "competition",
  "today",
] as const satisfies readonly ArgName[];

/** Arguments that set how a lead is judged rather than describe it: they never make a row non-blank. */
export const SETTINGS: ReadonlySet<ArgName> = new Set<ArgName>([
  "siteOpen",
  "today",
]);

/** The shape of a call's leads, checked once: how many, and how to tell a blank row. */
interface Shape {
  readonly n: number;
  /** the lead inputs given as ranges when some but not all are; undefined otherwise */
  readonly blankIn: readonly Grid[] | undefined;
  readonly empty: (v: unknown) => boolean;
  /** the inputs, when one of them holds an error value (checked row by row); else undefined */
  readonly withErrors: readonly (readonly [ArgName, unknown])[] | undefined;
}

/** True when an argument (a cell or a range) holds an error value anywhere. */
function holdsError(v: unknown): boolean {
  if (!isGrid(v)) return errorTextOf(v) !== undefined;
  for (const r of v)
    for (const x of r)
      if (typeof x === "object" && x !== null && errorTextOf(x) !== undefined)
        return true;
  return false;
}

/** The first error value in a whole argument (criteria, headers, a population), named. */
function gridError(arg: ArgName, v: unknown): CellError | undefined {
  if (!isGrid(v)) return inputError(arg, v);
  for (const r of v)
    for (const x of r) {
      const e = inputError(arg, x);
      if (e) return e;
    }
  return undefined;
}

/**
 * The first error value among row i's inputs, in argument order: it is the row's result,
 * as Excel passes `#N/A` in a formula's input through to its result.
 */
function rowError(
  args: readonly (readonly [ArgName, unknown])[],
  i: number,
): CellError | undefined {
  for (const [name, v] of args) {
    if (!isGrid(v)) {
      const e = inputError(name, v);
      if (e) return e;
      continue;
    }
    const r = v.length > 1 ? v[i] : v[0];
    if (r)
      for (const x of r) {
        const e = inputError(name, x);
        if (e) return e;
      }
  }
  return undefined;
}

/**
 * Checks shapes: one-column arguments are one column, ranges are of one height. A row is
 * blank — `""` without calling the engine — when every lead input given as a range is blank
 * there; single cells broadcast to every row and so do not make an unused row of a table
 * non-blank. When every lead input is a range, the engine function's own blank test covers it.
 */
function shapeOf(
  oneColumn: readonly (readonly [ArgName, unknown])[],
  wholeRow: readonly (readonly [ArgName, unknown])[],
  /** false: the caller finds error values row by row itself (`withErrors` is then every input) */
  scanErrors = true,
): Shape | CellError {
  const bad = checkOneColumn(oneColumn);
  if (bad) return bad;
  const n = leadCount([...oneColumn, ...wholeRow]);
  if (n instanceof CellError) return n;
  const data = [...oneColumn, ...wholeRow].filter(
    ([name]) => !SETTINGS.has(name),
  );
  const tall = data
    .filter(([, v]) => isGrid(v) && v.length > 1)
    .map(([, v]) => v as Grid);
  const broadcast = tall.length > 0 && tall.length < data.length;
  // A 0 reads as blank only in rows of several inputs (office-js #4702; see read.ts blankish).
  const width = data.reduce(
    (w, [, v]) => w + (isGrid(v) ? (v[0]?.length ?? 1) : 1),
    0,
  );
  const all = [...oneColumn, ...wholeRow];
  return {
    n,
    blankIn: broadcast ? tall : undefined,
    empty: width >= 2 ? blankish : isBlankCell,
    withErrors:
      !scanErrors || all.some(([, v]) => holdsError(v)) ? all : undefined,
  };
}

function isBlankRow(shape: Shape, i: number): boolean {
  const grids = shape.blankIn;
  if (grids === undefined) return false;
  for (const g of grids) {
    const r = g[i];
    if (r) for (const v of r) if (!shape.empty(v)) return false;
  }
  return true;
}

/** A row's input error, or undefined (a row without errors; the common case costs one test). */
function errorIn(shape: Shape, i: number): CellError | undefined {
  return shape.withErrors === undefined
    ? undefined
    : rowError(shape.withErrors, i);
}

/**
 * Checks shapes, then calls `row(i, ctx)` once per lead that is not a blank row (see shapeOf)
 * and whose inputs hold no error value (the row's result is then that error, via `asError`).
 */
function perLead(
  oneColumn: readonly (readonly [ArgName, unknown])[],
  wholeRow: readonly (readonly [ArgName, unknown])[],
  ctx: Ctx,
  row: (i: number, ctx: Ctx) => Cell,
  asError: (e: CellError) => Cell = (e) => e,
): Column {
  const shape = shapeOf(oneColumn, wholeRow);
  if (shape instanceof CellError) return shape;
  const out: Cell[] = new Array(shape.n);
  for (let i = 0; i < shape.n; i++) {
    if (isBlankRow(shape, i)) {
      out[i] = "";
      continue;
    }
    const e = errorIn(shape, i);
    out[i] = e ? asError(e) : row(i, ctx);
  }
  return out;
}

/**
 * A one-column argument for a direct loop (LEADGRADE, URGENCY): its range when it has
 * several rows, else undefined and `one` holds the single value it broadcasts.
 */
interface Arg {
  readonly tall: Grid | undefined;
  readonly one: unknown;
}

function argOf(v: unknown): Arg {
  return isGrid(v) && v.length > 1
    ? { tall: v, one: undefined }
    : { tall: undefined, one: column(v)(0) };
}

/** A value that may be an error value (Excel hands errors over as objects); null is not. */
function isObject(v: unknown): boolean {
  return typeof v === "object" && v !== null;
}

/** Row i of an argument: `column(v)(i)` without a closure call per row. */
function at(a: Arg, i: number): unknown {
  return a.tall === undefined ? a.one : a.tall[i]?.[0];
}

/** The same, but each lead's result is its explanation: value — every rule that fired. */
function explained(
  oneColumn: readonly (readonly [ArgName, unknown])[],
  wholeRow: readonly (readonly [ArgName, unknown])[],
  ctx: Ctx,
  row: (i: number, ctx: Ctx) => Cell,
  show: (v: string | number, ctx: Ctx) => string = (v) => String(v),
): Column {
  const asText = (e: CellError) =>
    `${ERROR_TEXT[e.code]} ${errorMessage(e, ctx.lang)}`;
  return perLead(
    oneColumn,
    wholeRow,
    ctx,
    (i) => {
      const t = withTrace(ctx);
      const v = row(i, t);
      if (v === "") return "";
      const head = v instanceof CellError ? asText(v) : show(v, ctx);
      const lines = t.trace ?? [];
      return clipCellText(
        lines.length > 0 ? `${head} — ${joinTrace(ctx, lines)}` : head,
      );
    },
    asText,
  );
}

function leadGradeArgs(a: readonly unknown[]): [ArgName, unknown][] {
  return LEADGRADE_ARGS.map((n, k) => [n, a[k]] as [ArgName, unknown]);
}

function leadGradeRow(a: readonly unknown[]): (i: number, ctx: Ctx) => Cell {
  // By name, not a.map: an argument list may leave the optional siteOpen out.
  const [p, s, r, c, v, q, t, o] = LEADGRADE_ARGS.map((_, k) => column(a[k]));
  return (i, ctx) =>
    leadGrade(p!(i), s!(i), r!(i), c!(i), v!(i), q!(i), t!(i), o!(i), ctx);
}

function stageRow(
  observations: unknown,
  headers: unknown,
  ctx: Ctx,
): ((i: number, ctx: Ctx) => Cell) | CellError {
  const obs = rows(observations);
  let columnStages: (Stage | undefined)[] | undefined;
  if (!isBlankArg(headers)) {
    const h = rows(headers)(0);
    const width = isGrid(observations) ? (observations[0]?.length ?? 0) : 1;
    if (h.length !== width)
      return valueError("tooManyAnswers", {
        arg: "headers",
        detail: `${h.length} ≠ ${width}`,
      });
    columnStages = h.map((x) => headerStage(x, ctx));
  }
  // One column of text without signal headers: repeated notes are read once (adaptive memo).
  const once = memoByText((text) => intentStage([text], columnStages, ctx));
  return (i, c) => {
    const r = obs(i);
    const v = r[0];
    return r.length === 1 && typeof v === "string" && c.trace === undefined
      ? once(v)
      : intentStage(r, columnStages, c);
  };
}

function urgencyRow(a: readonly unknown[]): (i: number, ctx: Ctx) => Cell {
  const [tl, rs, dl, cp, td] = URGENCY_ARGS.map((_, k) => column(a[k]));
  const todayIsRange = isGrid(a[4]) && (a[4] as unknown[]).length > 1;
  const shared = todayReader(td!(0));
  return (i, ctx) =>
    urgencyLevel(
      tl!(i),
      rs!(i),
      dl!(i),
      cp!(i),
      todayIsRange ? todayOf(td!(i)) : shared,
      ctx,
    );
}

/** URGENCY's cell: the level's label in the context's language; blanks and errors as they are. */
export function urgencyLabel(v: Cell, ctx: Ctx): Cell {
  // Named reads, not URGENCY_LABELS[v][lang]: a lookup by a varying key is the slow kind.
  const l =
    v === "high"
      ? URGENCY_LABELS.high
      : v === "medium"
        ? URGENCY_LABELS.medium
        : v === "low"
          ? URGENCY_LABELS.low
          : undefined;
  return l === undefined ? v : ctx.lang === "zh" ? l.zh : l.en;
}

const urgencyArgs = (a: readonly unknown[]): [ArgName, unknown][] =>
  URGENCY_ARGS.map((n, k) => [n, a[k]] as [ArgName, unknown]);

function isBlankArg(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (isGrid(v))
    return (
      v.length === 0 ||
      (v.length === 1 && (v[0]?.length ?? 0) <= 1 && isBlankCell(v[0]?.[0]))
    );
  return isBlankCell(v);
}

function stageText(f: (stage: unknown, ctx: Ctx) => string | CellError) {
  return (stage: unknown, ctx: Ctx): Column => {
    const s = column(stage);
    return perLead([["stage", stage]], [], ctx, (i, c) => f(s(i), c));
  };
}

export const sales = {
  /** A direct loop (no closure per row): the range form users fill a whole column with. */
  LEADGRADE(args: readonly unknown[], ctx: Ctx): Column {
    // No scan of the whole sheet for error values: leadGrade answers a CellError for any
    // row holding one (an error value is neither blank nor readable, whatever the argument),
    // so the row's inputs are searched, in argument order, only on that path.
    const shape = shapeOf(leadGradeArgs(args), [], false);
    if (shape instanceof CellError) return shape;
    const [p, s, r, c, v, q, t, o] = LEADGRADE_ARGS.map((_, k) =>
      argOf(args[k]),
    ) as Arg[] as [Arg, Arg, Arg, Arg, Arg, Arg, Arg, Arg];
    const out: Cell[] = new Array(shape.n);
    for (let i = 0; i < shape.n; i++) {
      if (isBlankRow(shape, i)) {
        out[i] = "";
        continue;
      }
      const g = leadGrade(
        at(p, i),
        at(s, i),
        at(r, i),
        at(c, i),
        at(v, i),
        at(q, i),
        at(t, i),
        at(o, i),
        ctx,
      );
      out[i] = g instanceof CellError ? (errorIn(shape, i) ?? g) : g;
    }
    return out;
  },
  WHYLEADGRADE(args: readonly unknown[], ctx: Ctx): Column {
    return explained(leadGradeArgs(args), [], ctx, leadGradeRow(args));
  },
  INTENTGRADE(score: unknown, ctx: Ctx): Column {
    const s = column(score);
    return perLead([["score", score]], [], ctx, (i, c) => intentGrade(s(i), c));
  },
  WHYINTENTGRADE(score: unknown, ctx: Ctx): Column {
    const s = column(score);
    return explained([["score", score]], [], ctx, (i, c) =>
      intentGrade(s(i), c),
    );
  },
  SCORE(
    answers: unknown,
    criteria: unknown,
    headers: unknown,
    asPercent: unknown,
    ctx: Ctx,
  ): Column {
    if (!isGrid(criteria))
      return valueError("badCriteriaRow", {
        arg: "criteria",
        value: criteria,
        detail: "1",
      });
    const bad =
      gridError("criteria", criteria) ??
      gridError("headers", headers) ??
      gridError("asPercent", asPercent);
    if (bad) return bad;
    const sheet = readScoreSheet(criteria);
    if (sheet instanceof CellError) return sheet;
    let pct = false;
    if (!isBlankArg(asPercent)) {
      const raw = column(asPercent)(0);
      const yn = readYesNo(raw, ctx.c);
      if (yn === undefined)
        return valueError("unreadable", {
          arg: "asPercent",
          value: raw,
          expected: "yesNo",
        });
      pct = yn;
    }
    const width = isGrid(answers) ? (answers[0]?.length ?? 0) : 1;
    const cols = answerColumns(
      sheet,
      width,
      isBlankArg(headers) ? undefined : rows(headers)(0),
    );
    if (cols instanceof CellError) return cols;
    const a = rows(answers);
    return perLead([], [["answers", answers]], ctx, (i, c) =>
      scoreRow(sheet, cols, a(i), pct, c),
    );
  },
  INTENTSTAGE(observations: unknown, headers: unknown, ctx: Ctx): Column {
    const row =
      gridError("headers", headers) ?? stageRow(observations, headers, ctx);
    return row instanceof CellError
      ? row
      : perLead([], [["observations", observations]], ctx, row);
  },
  WHYINTENTSTAGE(observations: unknown, headers: unknown, ctx: Ctx): Column {
    const row =
      gridError("headers", headers) ?? stageRow(observations, headers, ctx);
    return row instanceof CellError
      ? row
      : explained([], [["observations", observations]], ctx, row);
  },
  NEXTFOLLOWUP(stage: unknown, lastContact: unknown, ctx: Ctx): Column {
    const s = column(stage);
    const d = column(lastContact);
    return perLead(
      [
        ["stage", stage],
        ["lastContact", lastContact],
      ],
      [],
      ctx,
      (i, c) => nextFollowUp(s(i), d(i), c),
    );
  },
  STAGELABEL: stageText(stageLabel),
  STATUS: stageText(status),
  NEXTACTION: stageText(nextAction),
  /** A direct loop, like LEADGRADE's; a `today` range is read row by row. */
  URGENCY(args: readonly unknown[], ctx: Ctx): Column {
    // Error values are looked for row by row among the row's own values (no whole-sheet scan).
    const shape = shapeOf(urgencyArgs(args), [], false);
    if (shape instanceof CellError) return shape;
    const [tl, rs, dl, cp, td] = URGENCY_ARGS.map((_, k) => argOf(args[k])) as [
      Arg,
      Arg,
      Arg,
      Arg,
      Arg,
    ];
    const shared = todayReader(td.one);
    const out: Cell[] = new Array(shape.n);
    for (let i = 0; i < shape.n; i++) {
      if (isBlankRow(shape, i)) {
        out[i] = "";
        continue;
      }
      const a = at(tl, i);
      const b = at(rs, i);
      const d = at(dl, i);
      const e = at(cp, i);
      const f = td.tall === undefined ? undefined : at(td, i);
      // A row whose lead inputs are blank stays blank, whatever `today` holds (an error too).
      if (blankish(a) && blankish(b) && blankish(d) && blankish(e)) {
        out[i] = "";
        continue;
      }
      if (
        isObject(a) ||
        isObject(b) ||
        isObject(d) ||
        isObject(e) ||
        isObject(f) ||
        (td.tall === undefined && isObject(td.one))
      ) {
        const err = errorIn(shape, i);
        if (err) {
          out[i] = err;
          continue;
        }
      }
      const v = urgencyLevel(
        a,
        b,
        d,
        e,
        td.tall === undefined ? shared : todayOf(f),
        ctx,
      );
      out[i] = urgencyLabel(v, ctx);
    }
    return out;
  },
  WHYURGENCY(args: readonly unknown[], ctx: Ctx): Column {
    return explained(urgencyArgs(args), [], ctx, urgencyRow(args), (v, c) =>
      typeof v === "string" && v in URGENCY_LABELS
        ? URGENCY_LABELS[v as keyof typeof URGENCY_LABELS][c.lang]
        : String(v),
    );
  },
  ROLE(title: unknown, ctx: Ctx): Column {
    const t = column(title);
    return perLead([["title", title]], [], ctx, (i, c) => roleLabel(t(i), c));
  },
  ROLEFOCUS(role: unknown, ctx: Ctx): Column {
    const r = column(role);
    return perLead([["role", role]], [], ctx, (i, c) => roleFocus(r(i), c));
  },
  VALUETIER(amount: unknown, allAmounts: unknown, ctx: Ctx): Column {
    const bad = gridError("allAmounts", allAmounts);
    if (bad) return bad;
    const population = isGrid(allAmounts) ? allAmounts : [[allAmounts]];
    const rank = valueTierRanker(population, ctx);
    if (rank instanceof CellError) return rank;
    const a = column(amount);
    return perLead([["amount", amount]], [], ctx, (i, c) => {
      const t = rank(a(i));
      return t === "" || t instanceof CellError ? t : valueTierLabel(t, c);
    });
  },
  ACTIVITY(lastPurchase: unknown, today: unknown, ctx: Ctx): Column {
    const p = column(lastPurchase);
    const td = column(today);
    const shared = todayReader(td(0));
    const todayIsRange = isGrid(today) && today.length > 1;
    return perLead(
      [
        ["lastPurchase", lastPurchase],
        ["today", today],
      ],
      [],
      ctx,
      (i, c) => {
        const a = activity(p(i), todayIsRange ? todayReader(td(i)) : shared, c);
        return a === "" || a instanceof CellError ? a : activityLabel(a, c);
      },
    );
  },
};
