import type { Lang } from "./lang";

/** Readable words for the `expected` detail of a message, per language. */
export const EXPECTED = {
  rating: { zh: "A/B、是/否", en: "A/B or yes/no" },
  ratingOrCount: { zh: "A/B、是/否或次数", en: "A/B, yes/no or a count" },
  yesNo: { zh: "是/否", en: "yes/no" },
  number: { zh: "数字", en: "a number" },
  date: { zh: "日期，如 2026-11-25", en: "a date such as 2026-11-25" },
  timeline: {
    zh: "日期、剩余天数或有/无截止日期",
    en: "a date, days left, or yes/no for a deadline",
  },
  level: {
    zh: "高/中/低、是/否或标准用词",
    en: "high/medium/low, yes/no or a criterion word",
  },
  stage: { zh: "-1 到 5 的阶段", en: "a stage from -1 to 5" },
  score: { zh: "0 到 100", en: "0 to 100" },
  count: { zh: "0 到 10000 的整数", en: "a whole number from 0 to 10,000" },
  scorePoints: {
    zh: "0 到 100 分；0.85 这样的小数像是百分比，请输入 85",
    en: "points from 0 to 100; 0.85 looks like a percentage: enter 85",
  },
  days: { zh: "-3650 到 3650 天，或日期", en: "-3650 to 3650 days, or a date" },
  role: {
    zh: "决策者、影响者、使用者、采购者或教练",
    en: "decision maker, influencer, user, buyer or coach",
  },
  language: { zh: "zh 或 en", en: "zh or en" },
} as const satisfies Record<string, Record<Lang, string>>;

export type ExpectedKey = keyof typeof EXPECTED;
