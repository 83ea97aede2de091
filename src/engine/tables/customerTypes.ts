/**
 * SPEC §10 Customer type — 客户类型 [seed 001]: by value contribution and by purchase
 * behaviour. The source gives no numbers; the cut-offs are [default].
 */
export type ValueTier = "high" | "mid" | "low";
export type Activity = "potential" | "active" | "lapsed";

export const VALUE_TIER_LABELS: {
  [T in ValueTier]: { zh: string; en: string };
} = {
  high: { zh: "高价值", en: "High value" },
  mid: { zh: "中价值", en: "Medium value" },
  low: { zh: "低价值", en: "Low value" },
};

export const ACTIVITY_LABELS: { [A in Activity]: { zh: string; en: string } } =
  {
    potential: { zh: "潜在", en: "Potential" },
    active: { zh: "活跃", en: "Active" },
    lapsed: { zh: "流失", en: "Lapsed" },
  };

/** [default] top 20 % of amounts → high, next 30 % → mid, rest → low. */
export const VALUE_TIER_SHARES = { high: 0.2, mid: 0.3 } as const;

/** [default] last purchase within this many days → active, older → lapsed. */
export const ACTIVE_WITHIN_DAYS = 180;

/** [default] words for "no purchase" (besides the no-like words of SPEC §1). */
export const NO_PURCHASE_WORDS: readonly string[] = [
  "none",
  "never",
  "未购买",
  "从未购买",
  "没买过",
  "无购买",
];
