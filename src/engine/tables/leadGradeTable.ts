/**
 * SPEC §2 LEADGRADE — 客户分级评定标准 [seed 002, "客户分级评定标准使用说明"].
 * Rows: how many of the two necessary conditions (支付能力, 个案满意程度) are A.
 * Columns: how many of the five intent indicators are A (k = 5, 3–4, 0–2).
 */
export type Grade = "A" | "B" | "C" | "D" | "E";
export type NecessaryRow = "bothA" | "oneA" | "bothB";
export type IntentBand = "k5" | "k3to4" | "k0to2";

export const LEAD_GRADE_TABLE: {
  [R in NecessaryRow]: { [B in IntentBand]: Grade };
} = {
  bothA: { k5: "A", k3to4: "B", k0to2: "C" },
  oneA: { k5: "C", k3to4: "D", k0to2: "D" },
  bothB: { k5: "E", k3to4: "E", k0to2: "E" },
};

/** Band boundaries [seed 002]: all five at A; three or four; zero to two. */
export const INTENT_BANDS = { all: 5, midFrom: 3 } as const;

export type IntentIndicator =
  "revisits" | "calls" | "siteVisits" | "processAsked" | "priceTolerance";
export const INTENT_INDICATORS: readonly IntentIndicator[] = [
  "revisits",
  "calls",
  "siteVisits",
  "processAsked",
  "priceTolerance",
];

/**
 * [default] A count at or above this is A. The source rates each indicator A or not and gives
 * no numbers; `priceTolerance` has none (a rating or yes/no only).
 */
export const COUNT_THRESHOLDS: {
  [K in Exclude<IntentIndicator, "priceTolerance">]: number;
} = {
  revisits: 3,
  calls: 2,
  siteVisits: 2,
  processAsked: 1,
};

/** The source's words for each input, shown in explanations and the criteria sheet. */
export const LEAD_INPUT_NOTES = {
  payment:
    "客户支付能力：价格匹配度、购房准备程度、房型/楼层转换余地、抵抗信贷风险（如首付提高）的能力",
  satisfaction: "个案满意程度：对产品的认知度与迎合度、对个案的忠诚度",
  revisits: "回访次数：熟悉程度、购买意向强弱、迫切程度、准备程度",
  calls: "主动来电询问频率：重视度、迫切度",
  siteVisits:
    "工地考察次数：熟悉度、意向强弱、开盘/解筹选房准备度（工地未开放时可酌情减弱该项权重）",
  processAsked: "购买流程询问：意向强弱、开盘/解筹选房准备度",
  priceTolerance:
    "价格变化心里承受能力：支付能力、满意程度、选房成功率、迫切程度、对市场的信心",
} as const;
