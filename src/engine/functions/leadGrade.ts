/** SPEC §2 LEADGRADE — 客户分级评定标准 [seed 002]. */
import type { ArgName } from "../args";
import { CellError, naError, numError, valueError } from "../cellError";
import { say, tag, type Ctx } from "../ctx";
import { blankish, isBlankCell, readLoose, readYesNo } from "../read";
import type {
  Grade,
  IntentBand,
  IntentIndicator,
  NecessaryRow,
} from "../tables/leadGradeTable";
import { showValue } from "../text";
import { ARG_LABELS } from "../args";

type Rating = "A" | "B";

/** A necessary condition: yes-like/A → A, no-like/B → B; blank → #N/A. */
function readNecessary(
  value: unknown,
  arg: ArgName,
  ctx: Ctx,
): Rating | CellError {
  // A text read before (the common case): one lookup. A remembered miss may be a blank.
  if (typeof value === "string" && ctx.trace === undefined) {
    const hit = ctx.c.yesNoMemo.get(value);
    if (hit === true) return "A";
    if (hit === false) return "B";
  }
  if (isBlankCell(value)) return naError("missing", { arg });
  const yes = readYesNo(value, ctx.c);
  if (yes === undefined)
    return valueError("unreadable", { arg, value, expected: "rating" });
  const r: Rating = yes ? "A" : "B";
  if (ctx.trace) why.necessary(ctx, arg, r, value);
  return r;
}

/** [default] The largest count a sheet can mean (visits, calls): beyond it a value is a typo. */
export const MAX_COUNT = 10000;

/**
 * An intent indicator is A or not. A rating or yes/no: yes-like/A → A. A number (counts only;
 * not priceTolerance) [default]: A at or above its threshold. Blank → not A (nothing observed).
 * The common cells (a whole count in range, a text read before as a rating) take a short path
 * small enough to be inlined; every other cell, and every explained one, the full reading.
 */
function readIndicator(
  value: unknown,
  arg: IntentIndicator,
  threshold: number | undefined,
  ctx: Ctx,
): boolean | CellError {
  if (ctx.trace === undefined) {
    if (typeof value === "number") {
      if (
        threshold !== undefined &&
        value >= 0 &&
        value <= MAX_COUNT &&
        Number.isInteger(value)
      )
        return value >= threshold;
    } else if (typeof value === "string") {
      const loose = ctx.c.looseMemo.get(value);
      if (
        loose !== undefined &&
        loose.yn !== undefined &&
        (threshold === undefined || loose.num === undefined)
      )
        return loose.yn;
    }
  }
  return readIndicatorFully(value, arg, threshold, ctx);
}

function readIndicatorFully(
  value: unknown,
  arg: IntentIndicator,
  threshold: number | undefined,
  ctx: Ctx,
): boolean | CellError {
  // Numbers and texts first (what sheets hold), then blanks: one type test per cell.
  let n: number | undefined;
  let yes: boolean | undefined;
  if (typeof value === "number") {
    if (threshold !== undefined) n = Number.isFinite(value) ? value : undefined;
    else yes = value === 1 ? true : value === 0 ? false : undefined;
  } else if (typeof value === "string") {
    // A text read before is remembered (and is not blank): one lookup on the common path.
    const loose =
      ctx.c.looseMemo.get(value) ??
      (isBlankCell(value) ? undefined : readLoose(value, ctx.c));
    if (loose === undefined) {
      if (ctx.trace) why.blankIndicator(ctx, arg);
      return false;
    }
    if (threshold !== undefined) n = loose.num;
    yes = loose.yn;
  } else if (typeof value === "boolean") {
    yes = value;
  } else if (isBlankCell(value)) {
    if (ctx.trace) why.blankIndicator(ctx, arg);
    return false;
  }
  if (n !== undefined && threshold !== undefined) {
    if (n < 0 || n > MAX_COUNT || !Number.isInteger(n))
      return numError("outOfRange", { arg, value, expected: "count" });
    const a = n >= threshold;
    if (ctx.trace) why.count(ctx, arg, n, threshold, a);
    return a;
  }
  if (yes === undefined) {
    return valueError("unreadable", {
      arg,
      value,
      expected: threshold === undefined ? "rating" : "ratingOrCount",
    });
  }
  if (ctx.trace) why.rating(ctx, arg, yes, value);
  return yes;
}

/**
 * The lead grade A–E, `""` for a blank row, or the error of the first unreadable input.
 * Arguments are positional (one call per row, no allocation on the hot path).
 */
export function leadGrade(
  payment: unknown,
  satisfaction: unknown,
  revisits: unknown,
  calls: unknown,
  siteVisits: unknown,
  processAsked: unknown,
  priceTolerance: unknown,
  siteOpen: unknown,
  ctx: Ctx,
): Grade | "" | CellError {
  // A row is blank only if payment is (the common, filled row costs one test here).
  if (
    blankish(payment) &&
    blankish(satisfaction) &&
    blankish(revisits) &&
    blankish(calls) &&
    blankish(siteVisits) &&
    blankish(processAsked) &&
    blankish(priceTolerance)
  ) {
    return "";
  }
  const p = readNecessary(payment, "payment", ctx);
  if (p instanceof CellError) return p;
  const s = readNecessary(satisfaction, "satisfaction", ctx);
  if (s instanceof CellError) return s;

  let open = true;
  if (!isBlankCell(siteOpen)) {
    const o = readYesNo(siteOpen, ctx.c);
    if (o === undefined)
      return valueError("unreadable", {
        arg: "siteOpen",
        value: siteOpen,
        expected: "yesNo",
      });
    open = o;
  }

  const th = ctx.criteria.leadGrade.countThresholds;
  let k = 0;
  const r = readIndicator(revisits, "revisits", th.revisits, ctx);
  if (r instanceof CellError) return r;
  if (r) k++;
  const c = readIndicator(calls, "calls", th.calls, ctx);
  if (c instanceof CellError) return c;
  if (c) k++;
  const v = readIndicator(siteVisits, "siteVisits", th.siteVisits, ctx);
  if (v instanceof CellError) return v;
  if (v) {
    k++;
  } else if (!open && ctx.criteria.leadGrade.siteClosedCountsAsA) {
    // The source: while the site is not open, the inspection item's weight may be reduced.
    k++;
    if (ctx.trace) why.siteClosed(ctx);
  }
  const q = readIndicator(processAsked, "processAsked", th.processAsked, ctx);
  if (q instanceof CellError) return q;
  if (q) k++;
  const t = readIndicator(priceTolerance, "priceTolerance", undefined, ctx);
  if (t instanceof CellError) return t;
  if (t) k++;

  // Named property reads, not table[row][band]: a lookup by a varying key is the slow kind.
  const lg = ctx.criteria.leadGrade;
  const both = p === "A" && s === "A";
  const one = !both && (p === "A" || s === "A");
  const cells = both ? lg.table.bothA : one ? lg.table.oneA : lg.table.bothB;
  const grade =
    k >= lg.bands.all
      ? cells.k5
      : k >= lg.bands.midFrom
        ? cells.k3to4
        : cells.k0to2;
  if (ctx.trace) {
    const row: NecessaryRow = both ? "bothA" : one ? "oneA" : "bothB";
    const band: IntentBand =
      k >= lg.bands.all ? "k5" : k >= lg.bands.midFrom ? "k3to4" : "k0to2";
    why.grade(ctx, row, k, band, grade);
  }
  return grade;
}

/**
 * The explanation lines (WHYLEADGRADE). Apart from the rules and called only when a trace is
 * asked for, so the rules capture nothing and allocate nothing for them.
 */
const why = {
  necessary(ctx: Ctx, arg: ArgName, r: Rating, value: unknown): void {
    say(
      ctx,
      `${ARG_LABELS[arg].zh} = ${r}（${showValue(value)}）`,
      `${arg} = ${r} (${showValue(value)})`,
    );
  },
  blankIndicator(ctx: Ctx, arg: IntentIndicator): void {
    say(ctx, `${ARG_LABELS[arg].zh}：空 → 非A`, `${arg}: blank → not A`);
  },
  count(
    ctx: Ctx,
    arg: IntentIndicator,
    n: number,
    threshold: number,
    a: boolean,
  ): void {
    const d = tag.default(ctx.lang);
    const label = ARG_LABELS[arg];
    say(
      ctx,
      `${label.zh} = ${n} ${a ? "≥" : "<"} ${threshold} ${d} → ${a ? "A" : "非A"}`,
      `${arg} = ${n} ${a ? "≥" : "<"} ${threshold} ${d} → ${a ? "A" : "not A"}`,
    );
  },
  rating(ctx: Ctx, arg: IntentIndicator, yes: boolean, value: unknown): void {
    say(
      ctx,
      `${ARG_LABELS[arg].zh} = ${yes ? "A" : "非A"}（${showValue(value)}）`,
      `${arg} = ${yes ? "A" : "not A"} (${showValue(value)})`,
    );
  },
  siteClosed(ctx: Ctx): void {
    const d = tag.default(ctx.lang);
    say(
      ctx,
      `工地未开放：工地考察次数按 A 计 ${d}`,
      `site not open: siteVisits counts as A ${d}`,
    );
  },
  grade(
    ctx: Ctx,
    row: NecessaryRow,
    k: number,
    band: IntentBand,
    grade: Grade,
  ): void {
    const nA = row === "bothA" ? 2 : row === "oneA" ? 1 : 0;
    const seed = tag.seed("002", ctx.lang);
    const bandText = band === "k5" ? "5" : band === "k3to4" ? "3–4" : "0–2";
    say(
      ctx,
      `必要条件 ${nA} 个为A，意向程度 ${k}/5 个为A（${bandText}）→ ${grade}级 ${seed}`,
      `necessary conditions at A: ${nA}, intent indicators at A: ${k}/5 (${bandText}) → grade ${grade} ${seed}`,
    );
  },
};
