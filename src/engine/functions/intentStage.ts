/** SPEC §5 INTENTSTAGE — 客户意向判断及提升模型 [seed 002]. */
import { CellError, naError, numError } from "../cellError";
import { note, tag, type Ctx } from "../ctx";
import { blankish, isBlankCell, readYesNo } from "../read";
import {
  NEXT_ACTIONS,
  STAGE_NAMES,
  isStage,
  type Stage,
} from "../tables/intentStages";
import { fold, showValue } from "../text";
import { STAGE_MENTION } from "./stageRead";

/** The stage a header names (its first signal or stage mention), or undefined when it names none. */
export function headerStage(header: unknown, ctx: Ctx): Stage | undefined {
  if (typeof header !== "string" || isBlankCell(header)) return undefined;
  const f = fold(header);
  STAGE_MENTION.lastIndex = 0;
  const m = STAGE_MENTION.exec(f);
  if (m && isStage(Number(m[1]))) return Number(m[1]) as Stage;
  for (const w of ctx.c.signals.all(header))
    if (w.payload !== null) return w.payload;
  return undefined;
}

const WHOLE_INT = /^-?\d+$/;

interface Tally {
  won: boolean;
  best: number; // highest positive stage 0–4, or -1 when none
  refused: boolean;
}

function add(t: Tally, s: Stage, why: string, ctx: Ctx): void {
  if (s === 5) t.won = true;
  else if (s === -1) t.refused = true;
  else if (s > t.best) t.best = s;
  if (ctx.trace)
    note(
      ctx,
      () => `${why} → 阶段${s} ${STAGE_NAMES[s].zh}`,
      () => `${why} → stage ${s} ${STAGE_NAMES[s].en}`,
    );
}

interface Found {
  readonly stage: Stage;
  readonly why: string;
}

/** What a text says, worked out once per distinct text and criteria (notes repeat a lot). */
const scanned = new WeakMap<
  object,
  Map<string, readonly Found[] | CellError>
>();

/** Free text: a whole-cell stage number, stage mentions (`阶段3`), vocabulary signals longest first. */
function scanText(text: string, ctx: Ctx): readonly Found[] | CellError {
  let memo = scanned.get(ctx.c);
  if (!memo) scanned.set(ctx.c, (memo = new Map()));
  const hit = memo.get(text);
  if (hit) return hit;
  const found: Found[] = [];
  let result: readonly Found[] | CellError = found;
  const f = fold(text);
  if (WHOLE_INT.test(f)) {
    const n = Number(f);
    result = isStage(n)
      ? [{ stage: n, why: showValue(text) }]
      : numError("outOfRange", {
          arg: "observations",
          value: text,
          expected: "stage",
        });
  } else {
    STAGE_MENTION.lastIndex = 0;
    for (let m = STAGE_MENTION.exec(f); m !== null; m = STAGE_MENTION.exec(f)) {
      const n = Number(m[1]);
      if (!isStage(n)) {
        result = numError("outOfRange", {
          arg: "observations",
          value: text,
          expected: "stage",
        });
        break;
      }
      found.push({ stage: n, why: `“${m[0]}”` });
    }
    if (result === found) {
      for (const w of ctx.c.signals.all(text))
        if (w.payload !== null)
          found.push({ stage: w.payload, why: `“${w.phrase}”` });
    }
  }
  if (memo.size > 20000) memo.clear();
  memo.set(text, result);
  return result;
}

/**
 * The intent stage of one lead from its row of observations: won (5) if any won signal; else
 * the highest positive stage (0–4); else −1 if a refusal; else #N/A. `columnStages[j]` is the
 * signal named by column j's header, if any: a yes-like mark there is that signal.
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

  const t: Tally = { won: false, best: -1, refused: false };
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (isBlankCell(v)) continue;
    const hs = columnStages?.[j];
    if (hs !== undefined) {
      const yes = readYesNo(v, ctx.c);
      if (yes === true) {
        add(t, hs, ctx.trace ? `${showValue(v)}@${hs}` : "", ctx);
        continue;
      }
      if (yes === false) continue;
    }
    if (typeof v === "number") {
      if (!isStage(v))
        return numError("outOfRange", {
          arg: "observations",
          value: v,
          expected: "stage",
        });
      add(t, v, ctx.trace ? String(v) : "", ctx);
    } else if (typeof v === "string") {
      const found = scanText(v, ctx);
      if (found instanceof CellError) return found;
      for (const x of found) add(t, x.stage, x.why, ctx);
    }
  }

  let stage: Stage;
  if (t.won) stage = 5;
  else if (t.best >= 0) stage = t.best as Stage;
  else if (t.refused) stage = -1;
  else {
    const first = row.find((v) => !isBlankCell(v));
    return naError("noSignal", { arg: "observations", value: first });
  }
  if (ctx.trace) {
    const seed = tag.seed("002", ctx.lang);
    const rule =
      stage === 5
        ? { zh: "有成交信号", en: "a won signal" }
        : stage >= 0
          ? { zh: "取最高的正向信号", en: "the highest positive signal" }
          : { zh: "只有拒绝信号", en: "refusal signals only" };
    note(
      ctx,
      () => `结果：阶段${stage} ${STAGE_NAMES[stage].zh}（${rule.zh}）${seed}`,
      () =>
        `result: stage ${stage} ${STAGE_NAMES[stage].en} (${rule.en}) ${seed}`,
    );
    if (ctx.trace)
      note(
        ctx,
        () => `下一步：${NEXT_ACTIONS[stage].zh}`,
        () => `next: ${NEXT_ACTIONS[stage].en}`,
      );
  }
  return stage;
}
