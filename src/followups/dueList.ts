/**
 * Follow-ups due (待跟进): the leads whose next follow-up date (SPEC §6) is today or past,
 * grouped by owner, each with its stage, days overdue (0 = due today) and the stage's advice
 * (NEXTACTION, SPEC §5). Most overdue first within an owner; owners with most due first.
 */
import type { Lang } from "../engine/lang";
import { formatStageLabel } from "../engine/functions/stageLabel";
import { NEXT_ACTIONS, type Stage } from "../engine/tables/intentStages";
import type { LeadRow } from "../sheet/leadRows";

export interface DueItem {
  readonly index: number;
  readonly customer: string;
  readonly stage?: Stage;
  readonly nextFollowUp: number;
  readonly overdueDays: number;
}

export interface OwnerDue {
  /** "" = no owner */
  readonly owner: string;
  readonly items: readonly DueItem[];
}

export function dueList(rows: readonly LeadRow[], today: number): OwnerDue[] {
  const byOwner = new Map<string, DueItem[]>();
  for (const r of rows) {
    if (r.blank || r.nextFollowUp === undefined || r.nextFollowUp > today)
      continue;
    let list = byOwner.get(r.owner);
    if (!list) byOwner.set(r.owner, (list = []));
    list.push({
      index: r.index,
      customer: [r.name, r.company].filter((x) => x !== "").join(" · "),
      stage: r.stage,
      nextFollowUp: r.nextFollowUp,
      overdueDays: today - r.nextFollowUp,
    });
  }
  for (const list of byOwner.values())
    list.sort((a, b) => b.overdueDays - a.overdueDays || a.index - b.index);
  return [...byOwner.entries()]
    .map(([owner, items]) => ({ owner, items }))
    .sort(
      (a, b) =>
        b.items.length - a.items.length ||
        (a.owner === ""
          ? 1
          : b.owner === ""
            ? -1
            : a.owner.localeCompare(b.owner, "zh-CN")),
    );
}

export const DUE_SHEET: Record<Lang, string> = {
  zh: "待跟进",
  en: "Follow-ups due",
};

const H = {
  zh: ["负责人", "行号", "客户", "意向阶段", "下次跟进", "逾期天数", "建议"],
  en: [
    "Owner",
    "Row",
    "Customer",
    "Intent stage",
    "Next follow-up",
    "Days overdue",
    "Advice",
  ],
} as const;
export const NO_OWNER: Record<Lang, string> = {
  zh: "（未分配）",
  en: "(no owner)",
};

export function stageAdvice(stage: Stage | undefined, lang: Lang): string {
  return stage === undefined ? "" : NEXT_ACTIONS[stage][lang];
}

/** The list as sheet rows (header first) for the morning meeting; the date as a serial (the writer formats column 5 as a date). */
export function dueSheetRows(
  due: readonly OwnerDue[],
  lang: Lang,
  rowNumber: (index: number) => number,
): (string | number)[][] {
  const out: (string | number)[][] = [[...H[lang]]];
  for (const g of due)
    for (const d of g.items)
      out.push([
        g.owner === "" ? NO_OWNER[lang] : g.owner,
        rowNumber(d.index),
        d.customer,
        d.stage === undefined ? "" : formatStageLabel(d.stage, lang),
        d.nextFollowUp,
        d.overdueDays,
        stageAdvice(d.stage, lang),
      ]);
  return out;
}
