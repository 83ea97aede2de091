import type { Stage } from "./intentStages";

/**
 * SPEC §7 STATUS — 客户状态 [seed 000]: the states, and [default] the mapping from a stage.
 */
export type Status =
  "rejecting" | "potential" | "attentive" | "intending" | "deciding" | "loyal";

export const STATUS_LABELS: { [S in Status]: { zh: string; en: string } } = {
  rejecting: { zh: "排斥型", en: "Rejecting" },
  potential: { zh: "潜在客户", en: "Potential" },
  attentive: { zh: "关注型", en: "Attentive" },
  intending: { zh: "意向型", en: "Intending" },
  deciding: { zh: "决策型", en: "Deciding" },
  loyal: { zh: "忠诚客户", en: "Loyal" },
};

/** [default] stage → status. */
export const STATUS_BY_STAGE: { [S in Stage]: Status } = {
  [-1]: "rejecting",
  0: "potential",
  1: "attentive",
  2: "intending",
  3: "deciding",
  4: "deciding",
  5: "loyal",
};
