/** SPEC §8 URGENCY — 客户紧急程度 [seed 004]; the scoring numbers are [default]. */
import { ARG_LABELS } from "../args";
import { CellError, numError, valueError } from "../cellError";
import { say, tag, type Ctx } from "../ctx";
import {
  MAX_SERIAL,
  blankish,
  isBlankCell,
  readDate,
  readNumber,
  readYesNo,
  remember,
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
import type { PointsMatcher } from "../wordMatcher";

/** `today` is read only when a date needs it; omitted → the current date (the one clock read). */
export type TodayReader = () => number | CellError;

/**
 * `today` for one lead: the date, the error of an unreadable one (returned only when a date
 * needs it), or for an omitted one a reader of the clock (read only when a date needs it).
 * Unlike `todayReader` it allocates nothing for a readable or omitted `today`.
 */
export type Today = number | CellError | TodayReader;

const CLOCK: TodayReader = () => todaySerial();

export function todayOf(today: unknown): Today {
  if (isBlankCell(today)) return CLOCK;
  return (
    readDate(today) ??
    valueError("unreadable", { arg: "today", value: today, expected: "date" })
  );
}

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
  today: Today,
  ctx: Ctx,
): number | CellError {
  const t = ctx.criteria.urgency.timeline;
  // A blank (or the 0 older desktop builds send for one, office-js #4702) is "no deadline".
  if (blankish(value)) {
    if (ctx.trace) why.blankTimeline(ctx, t.none);
    return t.none;
  }
  // A text that is not a date reads the same points every time under these criteria.
  const memo = ctx.c.timelineTextPoints;
  if (typeof value === "string" && ctx.trace === undefined) {
    const hit = memo.get(value);
    if (hit !== undefined) return hit;
  }
  let days: number | undefined;
  let serial: number | undefined;
  if (typeof value === "boolean") {
    const p = value ? t.hasDeadline : t.none;
    if (ctx.trace) why.timelineValue(ctx, value, p);
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
    serial = date ?? Math.floor(n as number);
    const now = typeof today === "function" ? today() : today;
    if (now instanceof CellError) return now;
    days = serial - now;
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
    if (ctx.trace) why.days(ctx, serial, days, p);
    else if (serial === undefined && typeof value === "string")
      remember(memo, value, p);
    return p;
  }
  const words = ctx.c.timelineWords.all(String(value));
  if (words.length > 0) {
    const w = words[0]!;
    if (ctx.trace) why.word(ctx, "timeline", w.phrase, w.payload);
    else if (typeof value === "string") remember(memo, value, w.payload);
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
  if (ctx.trace) why.timelineValue(ctx, value, p);
  else if (typeof value === "string") remember(memo, value, p);
  return p;
}

/** Criterion and level words first (so 一般 is 1 here, not no-like), then yes-like 2 / no-like 0. */
function levelPoints(
  value: unknown,
  arg: "resources" | "decisionLevel" | "competition",
  words: PointsMatcher,
  ctx: Ctx,
): number | CellError {
  // A text read before: its points under these criteria, one lookup.
  const text = typeof value === "string" && ctx.trace === undefined;
  if (text) {
    const hit = words.read.get(value);
    if (hit !== undefined) return hit;
  }
  if (isBlankCell(value) || value === 0) {
    if (ctx.trace) why.blankLevel(ctx, arg);
    return 0;
  }
  if (typeof value === "string") {
    const best = words.highest(value);
    if (best) {
      if (ctx.trace) why.word(ctx, arg, best.phrase, best.payload);
      else if (text) remember(words.read, value, best.payload);
      return best.payload;
    }
  }
  const yes = readYesNo(value, ctx.c);
  if (yes === undefined)
    return valueError("unreadable", { arg, value, expected: "level" });
  const yn = ctx.criteria.urgency.yesNo;
  const p = yes ? yn.yes : yn.no;
  if (ctx.trace) why.levelValue(ctx, arg, value, p);
  else if (text) remember(words.read, value as string, p);
  return p;
}

export function urgencyLevel(
  timeline: unknown,
  resources: unknown,
  decisionLevel: unknown,
  competition: unknown,
  today: Today,
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
  // Each criterion's own words by name (a lookup by a varying key is the slow kind).
  const lw = ctx.c.levelWords;
  const b = levelPoints(resources, "resources", lw.resources, ctx);
  if (b instanceof CellError) return b;
  const c = levelPoints(decisionLevel, "decisionLevel", lw.decisionLevel, ctx);
  if (c instanceof CellError) return c;
  const e = levelPoints(competition, "competition", lw.competition, ctx);
  if (e instanceof CellError) return e;
  const total = a + b + c + e;
  const min = ctx.criteria.urgency.levelMin;
  const level: UrgencyLevel =
    total >= min.high ? "high" : total >= min.medium ? "medium" : "low";
  if (ctx.trace) why.level(ctx, total, level);
  return level;
}

type Criterion = "timeline" | "resources" | "decisionLevel" | "competition";

/**
 * The explanation lines (WHYURGENCY). Apart from the scoring and called only when a trace is
 * asked for, so the scoring captures nothing and formats no date for them.
 */
const why = {
  blankTimeline(ctx: Ctx, p: number): void {
    const d = tag.default(ctx.lang);
    say(ctx, `项目时间线：空 → ${p} 分 ${d}`, `timeline: blank → ${p} ${d}`);
  },
  timelineValue(ctx: Ctx, value: unknown, p: number): void {
    const d = tag.default(ctx.lang);
    say(
      ctx,
      `项目时间线：${showValue(value)} → ${p} 分 ${d}`,
      `timeline: ${showValue(value)} → ${p} ${d}`,
    );
  },
  /** `serial` is the deadline's date when the timeline was a date (shown), else undefined. */
  days(ctx: Ctx, serial: number | undefined, days: number, p: number): void {
    const d = tag.default(ctx.lang);
    const how = serial === undefined ? "" : ymdFromSerial(serial);
    say(
      ctx,
      `项目时间线：${how ? how + "，" : ""}距截止 ${days} 天 → ${p} 分 ${d}`,
      `timeline: ${how ? how + ", " : ""}${days} days to the deadline → ${p} ${d}`,
    );
  },
  word(ctx: Ctx, arg: Criterion, phrase: string, p: number): void {
    const d = tag.default(ctx.lang);
    say(
      ctx,
      `${ARG_LABELS[arg].zh}：“${phrase}” → ${p} 分 ${d}`,
      `${arg}: "${phrase}" → ${p} ${d}`,
    );
  },
  blankLevel(ctx: Ctx, arg: Criterion): void {
    const d = tag.default(ctx.lang);
    say(ctx, `${ARG_LABELS[arg].zh}：空 → 0 分 ${d}`, `${arg}: blank → 0 ${d}`);
  },
  levelValue(ctx: Ctx, arg: Criterion, value: unknown, p: number): void {
    const d = tag.default(ctx.lang);
    say(
      ctx,
      `${ARG_LABELS[arg].zh}：${showValue(value)} → ${p} 分 ${d}`,
      `${arg}: ${showValue(value)} → ${p} ${d}`,
    );
  },
  level(ctx: Ctx, total: number, level: UrgencyLevel): void {
    const min = ctx.criteria.urgency.levelMin;
    const d = tag.default(ctx.lang);
    const s = tag.seed("004", ctx.lang);
    say(
      ctx,
      `合计 ${total}/9（≥${min.high} 高，${min.medium}–${min.high - 1} 中，其余低）${d} → ${URGENCY_LABELS[level].zh}：${URGENCY_MEANINGS[level].zh} ${s}`,
      `total ${total}/9 (≥${min.high} high, ${min.medium}–${min.high - 1} medium, else low) ${d} → ${URGENCY_LABELS[level].en}: ${URGENCY_MEANINGS[level].en} ${s}`,
    );
    say(
      ctx,
      `跟进策略：${URGENCY_STRATEGIES[level].zh}`,
      `follow-up: ${URGENCY_STRATEGIES[level].en}`,
    );
  },
};
