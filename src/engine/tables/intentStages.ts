/**
 * SPEC §5 INTENTSTAGE — 客户意向判断及提升模型 [seed 002]: stages −1…5, their names,
 * the signals (表征) that place a lead in each, and the advice for moving up a stage.
 */
export type Stage = -1 | 0 | 1 | 2 | 3 | 4 | 5;
export const STAGES: readonly Stage[] = [-1, 0, 1, 2, 3, 4, 5];

export function isStage(n: number): n is Stage {
  return Number.isInteger(n) && n >= -1 && n <= 5;
}

export const STAGE_NAMES: { [S in Stage]: { zh: string; en: string } } = {
  [-1]: { zh: "拒绝", en: "refused" },
  0: { zh: "不拒绝", en: "not refusing" },
  1: { zh: "有互动", en: "interacts" },
  2: { zh: "评估价值", en: "evaluates" },
  3: { zh: "考虑成交", en: "considers a deal" },
  4: { zh: "确定成交", en: "deal confirmed" },
  5: { zh: "已成交", en: "won" },
};

export const STAGE_DEFINITIONS: { [S in Stage]: { zh: string; en: string } } = {
  [-1]: { zh: "客户拒绝", en: "refuses" },
  0: {
    zh: "客户不拒绝/不了解产品",
    en: "does not refuse / does not understand the offering",
  },
  1: {
    zh: "客户愿意听商务人员介绍，有互动",
    en: "willing to listen, interacts",
  },
  2: {
    zh: "客户主动了解产品，评估产品的价值",
    en: "actively learns about the product, evaluates its value",
  },
  3: { zh: "客户考虑成交", en: "considers closing" },
  4: { zh: "客户确定可以成交", en: "confirmed to close" },
  5: { zh: "已签约、已付款（E类）", en: "signed, paid (class E)" },
};

/**
 * The signal vocabulary lives in ./stageSignals.ts (concepts with their Chinese and English
 * forms). `SIGNAL_WORDS` is its flat list of single forms, one stage each, for callers that
 * want the words without the reader.
 */
export { SIGNAL_WORDS, type SignalWord } from "./stageSignals";

/** How to move a lead from each stage to the next [seed 002, "推动客户意向提升的主要方法"]. */
export const NEXT_ACTIONS: { [S in Stage]: { zh: string; en: string } } = {
  [-1]: {
    zh: "推动从拒绝到阶段0：坚持，每隔一段时间打电话沟通；设计好的开场白；体现自己的专业性，赢得客户信任",
    en: "From refused to stage 0: persist and call again every so often; prepare a good opening; show expertise to earn trust",
  },
  0: {
    zh: "推动从阶段0到阶段1：对客户的抱怨、牢骚表示理解，了解并分析抱怨的具体情况；不给客户施加压力，制造轻松的氛围",
    en: "From stage 0 to 1: acknowledge complaints, find out and analyse what lies behind them; no pressure, keep it relaxed",
  },
  1: {
    zh: "推动从阶段1到阶段2：建立和客户的信任；灵活使用工具，促使客户需求点明确化",
    en: "From stage 1 to 2: build trust; use the tools flexibly so that the customer's need becomes explicit",
  },
  2: {
    zh: "推动从阶段2到阶段3：对产品有充分的了解和自信；抓住客户的关键需求点，有效回答客户的问题；明确决策人情况",
    en: "From stage 2 to 3: know the product well and with confidence; answer the key need effectively; make the decision-maker clear",
  },
  3: {
    zh: "推动从阶段3到阶段4：明确决策人情况；解决客户的客观问题，让客户没有借口不签单；采取各种方式试探成交；让客户急起来，采取一系列逼单技巧",
    en: "From stage 3 to 4: clear the decision-maker; solve the objective problems so there is no excuse not to sign; test the close in every way; create urgency",
  },
  4: {
    zh: "推动成交：3天以内联系一次，试探成交，确定成交时间及金额",
    en: "Close: contact within 3 days, test the close, fix the signing date and the amount",
  },
  5: {
    zh: "E类客户维护：与客户做朋友，建立信任的朋友关系；大胆提出转介绍要求",
    en: "Won (class E): keep the relationship as friends; ask boldly for referrals",
  },
};

/** Pipeline shape [seed 002, partly lost]: share of tracked leads expected at these stages. */
export const PIPELINE_SHAPE = [
  { stages: [0] as readonly Stage[], minShare: 0.15, maxShare: 0.25 },
  { stages: [3, 4] as readonly Stage[], minShare: 0.15, maxShare: 0.25 },
] as const;

/** When to drop a lead from the tracked list [seed 002]. */
export const DROP_RULES = {
  zh: [
    "多次联系，但客户意向一直没有提升，且无法了解影响客户的主要原因，譬如客户委婉拒绝",
    "多次联系都无法找到负责人",
    "犯了严重错误，失去了客户的信任",
    "逼单过急，客户反感",
  ],
  en: [
    "intent never rises over many contacts and the reason is unknown (polite refusal)",
    "the person in charge cannot be reached after many tries",
    "a serious mistake cost the customer's trust",
    "the customer was pushed too hard",
  ],
} as const;
