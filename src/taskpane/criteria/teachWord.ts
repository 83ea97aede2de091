/*
 * "Treat this phrase as stage N" beside each group of unread notes: the phrase goes into the
 * criteria sheet's team words (inserting the sheet first when the workbook has none), the
 * functions read it, and the SALES cells recalculate. Text only through textContent.
 */
import type { Lang } from "../../engine/lang";
import { todaySerial } from "../../engine/read";
import { STAGES, type Stage } from "../../engine/tables/intentStages";
import { formatStageLabel } from "../../engine/functions/stageLabel";
import { addTeamWord, insertCriteriaSheet } from "./criteriaWorkbook";
import { loadCriteria, loadWithDocument } from "./criteriaSync";

const WORDS = {
  zh: {
    prompt: "当作阶段…",
    neutral: "不计（中性）",
    done: (p: string, s: string) => `已把“${p}”加入评分标准的团队用语：${s}。`,
  },
  en: {
    prompt: "Treat as stage…",
    neutral: "neutral (counts for nothing)",
    done: (p: string, s: string) =>
      `Added "${p}" to the criteria sheet's team words: ${s}.`,
  },
} as const;

/** Adds the phrase as that stage and makes every SALES result use it. */
export async function teachPhrase(
  phrase: string,
  stage: Stage | null,
  lang: Lang,
): Promise<void> {
  if (!(await addTeamWord(phrase, stage, lang))) {
    await insertCriteriaSheet(lang, todaySerial());
    await addTeamWord(phrase, stage, lang);
  }
  await loadCriteria({ recalc: "always" });
  await loadWithDocument();
}

/** The control: a select of the stages; choosing one teaches the phrase. */
export function teachControl(
  phrase: string,
  lang: Lang,
  say: (text: string) => void,
): HTMLSelectElement {
  const w = WORDS[lang];
  const select = document.createElement("select");
  select.className = "teach";
  const option = (value: string, text: string) => {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  };
  select.append(
    option("", w.prompt),
    ...STAGES.map((s) => option(String(s), formatStageLabel(s, lang))),
    option("neutral", w.neutral),
  );
  select.addEventListener("change", () => {
    const v = select.value;
    if (v === "") return;
    const stage = v === "neutral" ? null : (Number(v) as Stage);
    select.disabled = true;
    void teachPhrase(phrase, stage, lang)
      .then(() =>
        say(
          w.done(
            phrase,
            stage === null ? w.neutral : formatStageLabel(stage, lang),
          ),
        ),
      )
      .catch((e) => say(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        select.disabled = false;
      });
  });
  return select;
}
