/** SPEC §8 URGENCY — 客户紧急程度 [seed 004]; the scoring numbers are [default]. */
import { ARG_LABELS, type ArgName } from "../args";
import { CellError, numError, valueError } from "../cellError";
import { note, tag, type Ctx } from "../ctx";
import {
  MAX_SERIAL,
  blankish,
  isBlankCell,
  readDate,
  readNumber,
  readYesNo,
  todaySerial,
  ymdFromSerial,
} from "../read";
import {
  URGENCY_LABELS,
  URGENCY_MEANINGS,
  URGENCY_STRATEGIES,
  type UrgencyLevel,
} from "../tables/urgencyModel";
import { showValue } from "../text";

/** `today` is read only when a date needs it; omitted → the current date (the one clock read). */
export type TodayReader = () => number | CellError;

export function todayReader(today: unknown): TodayReader {
  let cached: number | CellError | undefined;
  return () => {
    if (cached === undefined) {
      if (isBlankCell(today)) cached = todaySerial();
      else
        cached =
          readDate(today) ??
          valueError("unreadable", {
            arg: "today",
            value: today,
            expected: "date",
          });
    }
    return cached;
  };
}

function daysPoints(days: number, ctx: Ctx): number {
  const t = ctx.criteria.urgency.timeline;
  return days <= t.within30.maxDays
    ? t.within30.points
    : days <= t.within90.maxDays
      ? t.within90.points
      : t.later.points;
}

function timelinePoints(
  value: unknown,
  today: TodayReader,
  ctx: Ctx,
): number | CellError {
  const t = ctx.criteria.urgency.timeline;
  const d = tag.default(ctx.lang);
  // A blank (or the 0 older desktop builds send for one, office-js #4702) is "no deadline".
  if (blankish(value)) {
    if (ctx.trace)
      note(
        ctx,
        () => `项目时间线：空 → ${t.none} 分 ${d}`,
        () => `timeline: blank → ${t.none} ${d}`,
      );
    return t.none;
  }
  let days: number | undefined;
  let how = "";
  if (typeof value === "boolean") {
    const p = value ? t.hasDeadline : t.none;
    if (ctx.trace)
      note(
        ctx,
        () => `项目时间线：${showValue(value)} → ${p} 分 ${d}`,
        () => `timeline: ${showValue(value)} → ${p} ${d}`,
      );
    return p;
  }
  const date = typeof value === "string" ? readDate(value) : undefined;
  const n = date === undefined ? readNumber(value) : undefined;
  if (date !== undefined || (n !== undefined && n > t.daysRange)) {
    if (n !== undefined && n > MAX_SERIAL)
      return numError("outOfRange", {
        arg: "timeline",
        value,
        expected: "days",
      });
    const serial = date ?? Math.floor(n as number);
    const now = today();
    if (now instanceof CellError) return now;
    days = serial - now;
    how = ymdFromSerial(serial);
  } else if (n !== undefined) {
    if (n < -t.daysRange)
      return numError("outOfRange", {
        arg: "timeline",
        value,
        expected: "days",
      });
    days = n;
  }
  if (days !== undefined) {
    const p = daysPoints(days, ctx);
    const dd = days;
    note(
      ctx,
      () =>
        `项目时间线：${how ? how + "，" : ""}距截止 ${dd} 天 → ${p} 分 ${d}`,
      () =>
        `timeline: ${how ? how + ", " : ""}${dd} days to the deadline → ${p} ${d}`,
    );
    return p;
  }
  const words = ctx.c.timelineWords.all(String(value));
  if (words.length > 0) {
    const w = words[0]!;
    if (ctx.trace)
      note(
        ctx,
        () => `项目时间线：“${w.phrase}” → ${w.payload} 分 ${d}`,
        () => `timeline: "${w.phrase}" → ${w.payload} ${d}`,
      );
    return w.payload;
  }
  const yes = readYesNo(value, ctx.c);
  if (yes === undefined)
    return valueError("unreadable", {
      arg: "timeline",
      value,
      expected: "timeline",
    });
  const p = yes ? t.hasDeadline : t.none;
  if (ctx.trace)
    note(
      ctx,
      () => `项目时间线：${showValue(value)} → ${p} 分 ${d}`,
      () => `timeline: ${showValue(value)} → ${p} ${d}`,
    );
  return p;
}

/** Criterion and level words first (so 一般 is 1 here, not no-like), then yes-like 2 / no-like 0. */
function levelPoints(
  value: unknown,
  arg: "resources" | "decisionLevel" | "competition",
  ctx: Ctx,
): number | CellError {
  const d = tag.default(ctx.lang);
  const label = ARG_LABELS[arg as ArgName];
  if (isBlankCell(value) || value === 0) {
    if (ctx.trace)
      note(
        ctx,
        () => `${label.zh}：空 → 0 分 ${d}`,
        () => `${arg}: blank → 0 ${d}`,
      );
    return 0;
  }
  if (typeof value === "string") {
    let best: { phrase: string; payload: number } | undefined;
    for (const w of ctx.c.levelWords[arg].all(value))
      if (!best || w.payload > best.payload) best = w;
    if (best) {
      const b = best;
      if (ctx.trace)
        note(
          ctx,
          () => `${label.zh}：“${b.phrase}” → ${b.payload} 分 ${d}`,
          () => `${arg}: "${b.phrase}" → ${b.payload} ${d}`,
        );
      return b.payload;
    }
  }
  const yes = readYesNo(value, ctx.c);
  if (yes === undefined)
    return valueError("unreadable", { arg, value, expected: "level" });
  const yn = ctx.criteria.urgency.yesNo;
  const p = yes ? yn.yes : yn.no;
  if (ctx.trace)
    note(
      ctx,
      () => `${label.zh}：${showValue(value)} → ${p} 分 ${d}`,
      () => `${arg}: ${showValue(value)} → ${p} ${d}`,
    );
  return p;
}

export function urgencyLevel(
  timeline: unknown,
  resources: unknown,
  decisionLevel: unknown,
  competition: unknown,
  today: TodayReader,
  ctx: Ctx,
): UrgencyLevel | "" | CellError {
  if (
    blankish(timeline) &&
    blankish(resources) &&
    blankish(decisionLevel) &&
    blankish(competition)
  )
    return "";
  const a = timelinePoints(timeline, today, ctx);
  if (a instanceof CellError) return a;
  const b = levelPoints(resources, "resources", ctx);
  if (b instanceof CellError) return b;
  const c = levelPoints(decisionLevel, "decisionLevel", ctx);
  if (c instanceof CellError) return c;
  const e = levelPoints(competition, "competition", ctx);
  if (e instanceof CellError) return e;
  const total = a + b + c + e;
  const min = ctx.criteria.urgency.levelMin;
  const level: UrgencyLevel =
    total >= min.high ? "high" : total >= min.medium ? "medium" : "low";
  if (ctx.trace) {
    const d = tag.default(ctx.lang);
    const s = tag.seed("004", ctx.lang);
    note(
      ctx,
      () =>
        `合计 ${total}/9（≥${min.high} 高，${min.medium}–${min.high - 1} 中，其余低）${d} → ${URGENCY_LABELS[level].zh}：${URGENCY_MEANINGS[level].zh} ${s}`,
      () =>
        `total ${total}/9 (≥${min.high} high, ${min.medium}–${min.high - 1} medium, else low) ${d} → ${URGENCY_LABELS[level].en}: ${URGENCY_MEANINGS[level].en} ${s}`,
    );
    if (ctx.trace)
      note(
        ctx,
        () => `跟进策略：${URGENCY_STRATEGIES[level].zh}`,
        () => `follow-up: ${URGENCY_STRATEGIES[level].en}`,
      );
  }
  return level;
}
