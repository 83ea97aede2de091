import type { Lang } from "./lang";

/** Every argument name a message can name, with its label in each language (SPEC §12). */
export const ARG_LABELS = {
  payment: { zh: "付款能力", en: "payment" },
  satisfaction: { zh: "个案满意程度", en: "satisfaction" },
  revisits: { zh: "回访次数", en: "revisits" },
  calls: { zh: "主动来电询问频率", en: "calls" },
  siteVisits: { zh: "工地考察次数", en: "siteVisits" },
  processAsked: { zh: "购买流程询问", en: "processAsked" },
  priceTolerance: { zh: "价格变化心理承受能力", en: "priceTolerance" },
  siteOpen: { zh: "工地已开放", en: "siteOpen" },
  score: { zh: "得分", en: "score" },
  answers: { zh: "答案", en: "answers" },
  criteria: { zh: "评分标准", en: "criteria" },
  headers: { zh: "表头", en: "headers" },
  asPercent: { zh: "按百分比", en: "asPercent" },
  observations: { zh: "跟进记录", en: "observations" },
  stage: { zh: "意向阶段", en: "stage" },
  lastContact: { zh: "上次联系日期", en: "lastContact" },
  timeline: { zh: "项目时间线", en: "timeline" },
  resources: { zh: "资源投入", en: "resources" },
  decisionLevel: { zh: "决策层级", en: "decisionLevel" },
  competition: { zh: "市场竞争", en: "competition" },
  today: { zh: "今天", en: "today" },
  title: { zh: "职位", en: "title" },
  role: { zh: "角色", en: "role" },
  amount: { zh: "金额", en: "amount" },
  allAmounts: { zh: "全部金额", en: "allAmounts" },
  lastPurchase: { zh: "最近购买日期", en: "lastPurchase" },
  language: { zh: "语言", en: "language" },
} as const satisfies Record<string, Record<Lang, string>>;

export type ArgName = keyof typeof ARG_LABELS;
