/** SPEC §3 INTENTGRADE — 客户意向程度判断指标 [seed 002]. */
import { CellError, numError, valueError } from "../cellError";
import { note, tag, type Ctx } from "../ctx";
import { isBlankCell, readNumber } from "../read";
import { INTENT_CLASS_TRAITS, type IntentClass } from "../tables/intentClasses";
import { fold } from "../text";

/** A score on the 0–100 scale. Text "85%" means 85 points here (a percent of the maximum). */
function readScore(value: unknown): number | undefined {
  if (typeof value === "string" && fold(value).endsWith("%")) {
    const n = readNumber(value);
    return n === undefined ? undefined : Math.round(n * 100 * 1e9) / 1e9;
  }
  return readNumber(value);
}

export function intentGrade(
  score: unknown,
  ctx: Ctx,
): IntentClass | "" | CellError {
  if (isBlankCell(score)) return "";
  const n = readScore(score);
  if (n === undefined || typeof score === "boolean") {
    return valueError("unreadable", {
      arg: "score",
      value: score,
      expected: "number",
    });
  }
  // A number strictly between 0 and 1 is what a cell formatted as a percentage holds
  // (85% is 0.85): the score is in points, so ask for 85 rather than grade 0.85 points D.
  if (typeof score === "number" && n > 0 && n < 1)
    return numError("outOfRange", {
      arg: "score",
      value: score,
      expected: "scorePoints",
    });
  if (n < 0 || n > 100)
    return numError("outOfRange", {
      arg: "score",
      value: score,
      expected: "score",
    });
  const min = ctx.criteria.intentClassMin;
  const cls: IntentClass =
    n >= min.A ? "A" : n >= min.B ? "B" : n >= min.C ? "C" : "D";
  if (ctx.trace) {
    const seed = tag.seed("002", ctx.lang);
    const rule =
      cls === "A"
        ? `≥ ${min.A}`
        : cls === "B"
          ? `≥ ${min.B}`
          : cls === "C"
            ? `${min.C} – <${min.B}`
            : `< ${min.C}`;
    const t = INTENT_CLASS_TRAITS[cls];
    if (ctx.trace)
      note(
        ctx,
        () => `得分 ${n} ${rule} → ${cls}类 ${seed}：${t.summary}`,
        () => `score ${n} ${rule} → class ${cls} ${seed}: ${t.summaryEn}`,
      );
    const traits = t.traits.map((x, i) => `${i + 1}. ${x}`).join(" ");
    if (ctx.trace)
      note(
        ctx,
        () => `特征：${traits}`,
        () => `traits (source text): ${traits}`,
      );
  }
  return cls;
}
