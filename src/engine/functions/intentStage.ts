/** SPEC §5 INTENTSTAGE — 客户意向判断及提升模型 [seed 002]. */
import { CellError, naError, numError } from "../cellError";
import { say, tag, type Ctx } from "../ctx";
import { READING_TEXT, STAGE_RULE_TEXT, type ReadingLine } from "../messages";
import { addStage, decide, type Reading, type Tally } from "../noteReader";
import { blankish, isBlankCell, readYesNo } from "../read";
import {
  NEXT_ACTIONS,
  STAGE_NAMES,
  isStage,
  type Stage,
} from "../tables/intentStages";
import { fold, showValue } from "../text";
import type { Lang } from "../lang";

const stageText = (s: Stage, lang: Lang) =>
  lang === "zh"
    ? `阶段${s} ${STAGE_NAMES[s].zh}`
    : `stage ${s} ${STAGE_NAMES[s].en}`;

/** The stage a header names (a stage mention or the signals it reads as), or undefined. */
export function headerStage(header: unknown, ctx: Ctx): Stage | undefined {
  if (typeof header !== "string" || isBlankCell(header)) return undefined;
  const t = fresh();
  // a header names a signal, it does not ask about one: `已签约？` is the won signal
  ctx.c.stageReader.read(header.replace(/[?？]\s*$/, ""), t);
  if (t.badMention !== undefined) return undefined;
  return decide(t) ?? undefined;
}

/** A whole cell that is a stage number (`3`, `-1`); longer numbers are phones, amounts, ids. */
const WHOLE_INT = /^-?\d{1,2}$/;
const isStageLike = (n: number) => Number.isInteger(n) && Math.abs(n) < 100;

function fresh(): Tally {
  return { won: false, best: -1, refused: false, badMention: undefined };
}

function readingLine(r: Reading, lang: Lang): string {
  const p: ReadingLine = {
    text: r.text,
    concept: r.concept.label[lang],
    stage: r.stage === null ? "" : stageText(r.stage, lang),
    marker: r.marker ?? "",
  };
  const kind =
    r.why === undefined
      ? "found"
      : r.why === "negated" && r.stage !== null
        ? "negatedTurned"
        : r.why;
  return READING_TEXT[kind][lang](p);
}

const headerMarkLine = (v: unknown, j: number, hs: Stage, lang: Lang) =>
  READING_TEXT.headerMark[lang]({
    text: showValue(v),
    concept: String(j + 1),
    stage: stageText(hs, lang),
    marker: "",
  });

/**
 * The explanation's lines. Called only under `if (ctx.trace)`, with the values as arguments:
 * no closure captures `intentStage`'s locals, so reading without explaining allocates nothing
 * for the explanation (see `say` in ../ctx.ts).
 */
const why = {
  reading(ctx: Ctx, r: Reading): void {
    say(ctx, readingLine(r, "zh"), readingLine(r, "en"));
  },
  headerMark(ctx: Ctx, v: unknown, j: number, hs: Stage): void {
    say(ctx, headerMarkLine(v, j, hs, "zh"), headerMarkLine(v, j, hs, "en"));
  },
  stageNumber(ctx: Ctx, written: string, n: Stage): void {
    say(
      ctx,
      `${written} → ${stageText(n, "zh")}`,
      `${written} → ${stageText(n, "en")}`,
    );
  },
  result(ctx: Ctx, stage: Stage, refused: boolean): void {
    const seed = tag.seed("002", ctx.lang);
    const rule =
      stage === 5
        ? STAGE_RULE_TEXT.won
        : stage >= 0
          ? refused
            ? STAGE_RULE_TEXT.highestOverRefusal
            : STAGE_RULE_TEXT.highest
          : STAGE_RULE_TEXT.refusal;
    say(
      ctx,
      `结果：${stageText(stage, "zh")}（${rule.zh}）${seed}`,
      `result: ${stageText(stage, "en")} (${rule.en}) ${seed}`,
    );
    say(
      ctx,
      `下一步：${NEXT_ACTIONS[stage].zh}`,
      `next: ${NEXT_ACTIONS[stage].en}`,
    );
  },
};

// One tally reused for every row when no explanation is asked for (the reader is allocation-light).
const shared = fresh();

/**
 * The intent stage of one lead from its row of observations: won (5) if any won signal that
 * is not negated; else the highest positive stage (0–4); else −1 if a refusal; else #N/A.
 * `columnStages[j]` is the signal named by column j's header, if any: a yes-like mark there
 * is that signal.
 */
export function intentStage(
  row: readonly unknown[],
  columnStages: readonly (Stage | undefined)[] | undefined,
  ctx: Ctx,
): Stage | "" | CellError {
  const empty = row.length >= 2 ? blankish : isBlankCell;
  let blank = true;
  for (const v of row) if (!empty(v)) blank = false;
  if (blank) return "";

  const t = ctx.trace ? fresh() : shared;
  t.won = false;
  t.best = -1;
  t.refused = false;
  t.badMention = undefined;
  const readings: Reading[] | undefined = ctx.trace ? [] : undefined;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (isBlankCell(v)) continue;
    const hs = columnStages?.[j];
    if (hs !== undefined) {
      const yes = readYesNo(v, ctx.c);
      if (yes === true) {
        addStage(t, hs);
        if (ctx.trace) why.headerMark(ctx, v, j, hs);
        continue;
      }
      if (yes === false) continue;
    }
    if (typeof v === "number") {
      if (!isStageLike(v)) continue; // a phone, an amount, a date serial: not a stage
      if (!isStage(v))
        return numError("outOfRange", {
          arg: "observations",
          value: v,
          expected: "stage",
        });
      addStage(t, v);
      if (ctx.trace) why.stageNumber(ctx, String(v), v);
    } else if (typeof v === "string") {
      // A cell that is only a whole number is a stage number (SPEC §5: `3`).
      // (only short cells can be one: notes skip the fold, which caches and allocates)
      const f = v.length <= 6 ? fold(v) : "";
      if (f !== "" && WHOLE_INT.test(f)) {
        const n = Number(f);
        if (!isStage(n))
          return numError("outOfRange", {
            arg: "observations",
            value: v,
            expected: "stage",
          });
        addStage(t, n);
        if (ctx.trace) why.stageNumber(ctx, showValue(v), n);
        continue;
      }
      ctx.c.stageReader.read(v, t, readings);
      if (t.badMention !== undefined)
        return numError("outOfRange", {
          arg: "observations",
          value: v,
          expected: "stage",
        });
      if (readings) {
        for (const r of readings) why.reading(ctx, r);
        readings.length = 0;
      }
    }
  }

  const stage = decide(t);
  if (stage === null) {
    const first = row.find((v) => !isBlankCell(v));
    return naError("noSignal", { arg: "observations", value: first });
  }
  if (ctx.trace) why.result(ctx, stage, t.refused);
  return stage;
}

/**
 * Reads repeated notes once per call — where it helps. A column of tags (`已签约`, `A类`) repeats
 * a few texts over and over; free-text notes are all different, and a memo would only cost
 * them a hash, an insertion and garbage. So the memo watches its own hit rate and switches
 * itself off after `PROBE` lookups when fewer than a quarter were hits.
 */
export function memoByText<T>(read: (text: string) => T): (text: string) => T {
  const PROBE = 4096;
  let memo: Map<string, T> | undefined = new Map();
  let lookups = 0;
  let hits = 0;
  return (text) => {
    if (memo === undefined) return read(text);
    lookups++;
    const hit = memo.get(text);
    if (hit !== undefined) {
      hits++;
      return hit;
    }
    const v = read(text);
    if (lookups === PROBE && hits * 4 < PROBE) memo = undefined;
    else if (memo.size < 65536) memo.set(text, v);
    return v;
  };
}
