/**
 * SPEC §8 URGENCY — 客户紧急程度 [seed 004]. The source names the levels, the four criteria
 * and a scoring model (评分模型) but gives no numbers: every number and word list here is
 * [default], editable in the workbook.
 */
export type UrgencyLevel = "high" | "medium" | "low";
export type UrgencyCriterion =
  "timeline" | "resources" | "decisionLevel" | "competition";
export const URGENCY_CRITERIA: readonly UrgencyCriterion[] = [
  "timeline",
  "resources",
  "decisionLevel",
  "competition",
];

export const URGENCY_LABELS: {
  [L in UrgencyLevel]: { zh: string; en: string };
} = {
  high: { zh: "高", en: "High" },
  medium: { zh: "中", en: "Medium" },
  low: { zh: "低", en: "Low" },
};

/** [seed 004] what each level means. */
export const URGENCY_MEANINGS: {
  [L in UrgencyLevel]: { zh: string; en: string };
} = {
  high: {
    zh: "需求非常迫切，通常伴随时间限制或外部压力（市场竞争、资源短缺）",
    en: "a pressing need, usually a deadline or outside pressure (competition, shortage)",
  },
  medium: {
    zh: "对推进有一定期望，但没有明确的时间限制",
    en: "expects progress, no firm deadline",
  },
  low: {
    zh: "并不急迫，可能处于信息收集阶段",
    en: "not urgent, still gathering information",
  },
};

/** [seed 004] the follow-up strategy per level. */
export const URGENCY_STRATEGIES: {
  [L in UrgencyLevel]: { zh: string; en: string };
} = {
  high: {
    zh: "积极主动跟进，及时解决客户的问题，提供具有吸引力的方案",
    en: "follow up proactively, answer fast, make an attractive offer",
  },
  medium: {
    zh: "持续关注与沟通，定期回访与信息共享",
    en: "regular visits and shared information",
  },
  low: {
    zh: "长线策略，提供行业洞察和市场信息",
    en: "long-term approach, industry insight and market information",
  },
};

/** [seed 004] influencing factors: shown as guidance, not scored. */
export const URGENCY_FACTORS = {
  zh: ["行业特性", "客户财务状况", "竞争对手动向", "政策法规变化"],
  en: [
    "industry",
    "customer finances",
    "competitor moves",
    "policy and regulation",
  ],
} as const;

/** [default] timeline: days to the deadline → points (≤ 30 or passed → 3, ≤ 90 → 2, later → 1). */
export const TIMELINE_POINTS = {
  within30: { maxDays: 30, points: 3 },
  within90: { maxDays: 90, points: 2 },
  later: { points: 1 },
  hasDeadline: 2, // "has a deadline", yes-like
  none: 0,
  /** a number of days left is read in this range; a larger number is a date serial */
  daysRange: 3650,
} as const;

/** [default] deadline words read before yes/no. */
export const TIMELINE_WORDS: { phrase: string; points: number }[] = [
  ...[
    "有截止日期",
    "有期限",
    "有deadline",
    "有最后期限",
    "has a deadline",
    "deadline",
  ].map((phrase) => ({ phrase, points: 2 })),
  ...["无截止日期", "没有期限", "无期限", "no deadline", "none"].map(
    (phrase) => ({ phrase, points: 0 }),
  ),
];

/** [default] level words, longest match first: 2 / 1 / 0 points. */
export const LEVEL_WORDS: { phrase: string; points: number }[] = [
  ...["高", "强", "大", "激烈", "high", "strong", "fierce"].map((phrase) => ({
    phrase,
    points: 2,
  })),
  ...["中", "一般", "有些", "部分", "medium", "some", "partial"].map(
    (phrase) => ({ phrase, points: 1 }),
  ),
  ...["低", "弱", "小", "无", "low", "weak", "none"].map((phrase) => ({
    phrase,
    points: 0,
  })),
  // negated level words, matched before the word inside them
  ...["不高", "不强", "不大", "不激烈", "not high", "not strong"].map(
    (phrase) => ({ phrase, points: 0 }),
  ),
];

/** [default] criterion words, read before level words. */
export const CRITERION_WORDS: {
  [C in Exclude<UrgencyCriterion, "timeline">]: {
    phrase: string;
    points: number;
  }[];
} = {
  resources: [
    ...["已分配", "已批", "已立项", "预算已批", "allocated", "approved"].map(
      (phrase) => ({ phrase, points: 2 }),
    ),
    ...["申请中", "partial"].map((phrase) => ({ phrase, points: 1 })),
    ...["未分配", "none"].map((phrase) => ({ phrase, points: 0 })),
  ],
  decisionLevel: [
    ...[
      "高层",
      "老板",
      "总经理",
      "董事长",
      "董事",
      "ceo",
      "senior",
      "executive",
    ].map((phrase) => ({ phrase, points: 2 })),
    ...["中层", "部门负责人", "经理", "manager", "middle"].map((phrase) => ({
      phrase,
      points: 1,
    })),
    ...["基层", "none"].map((phrase) => ({ phrase, points: 0 })),
  ],
  competition: [],
};

/** [default] yes-like → 2, no-like → 0 (after the word lists). */
export const YES_NO_POINTS = { yes: 2, no: 0 } as const;

/** [default] total 0–9 → level. */
export const URGENCY_LEVEL_MIN = { high: 6, medium: 3 } as const;
