/** SPEC §3 INTENTGRADE — 客户意向程度判断指标 [seed 002]. */
export type IntentClass = "A" | "B" | "C" | "D";

/** Lowest score of each class [seed 002]: A ≥ 90, B ≥ 70, C 60–<70, D < 60. */
export const INTENT_CLASS_MIN: { [C in Exclude<IntentClass, "D">]: number } = {
  A: 90,
  B: 70,
  C: 60,
};

/** The source's qualitative traits per class (9/8/4/4), read aloud by trainers. */
export const INTENT_CLASS_TRAITS: {
  [C in IntentClass]: {
    summary: string;
    summaryEn: string;
    traits: readonly string[];
  };
} = {
  A: {
    summary: "意向很强烈，整体得分90分以上，随时可以发生购买行为",
    summaryEn: "very strong intent, score 90 or more, may buy at any moment",
    traits: [
      "有购买力和即时首付能力，收入高，是项目规律性的目标客户群",
      "对楼盘区域没有大的抗性，对区域未来充满信心",
      "对单价和总价均无抗性",
      "喜欢楼盘的几个方面或者重要一点，其关注的恰恰是项目唯一性和稀缺性的",
      "相信购买后能够带来较大利益，相信楼盘畅销；相信开发商的实力和信誉，认为购买没有风险",
      "购买入住后会较大的提高生活品质，改变自己的生活方式，对购买有信心，看房时候表现喜欢的冲动",
      "决策人没有大的疑虑，家人意见一致",
      "锁定房源，担心调价和房源售出",
      "可以随时定房，但是缺少鼓励和再次比较",
    ],
  },
  B: {
    summary:
      "意向较强，整体得分70分以上，通过培养、鼓动以及客户方面对比，随时与家人商量后购买",
    summaryEn:
      "strong intent, score 70 or more; buys after nurturing, comparison and family discussion",
    traits: [
      "有购买力，通过筹措有首付能力",
      "对楼盘区域没有大的抗性，对区域未来充满信心",
      "对单价、总价有一定抗性，但是通过对比可以消化",
      "喜欢楼盘的几个方面或者重要一点",
      "相信购买后能够带来较大利益，相信楼盘畅销；相信开发商的实力和信誉，认为购买没有风险",
      "购买入住后会较大的提高生活品质，改变自己的生活方式，对购买有信心",
      "需要与家人商量",
      "通过比较、鼓动可以购买",
    ],
  },
  C: {
    summary: "购买指数60分—70分",
    summaryEn: "score 60 to under 70",
    traits: [
      "有一定购买力，或者购买力不强，但是购房针对性不强，到现场目标不明确",
      "需要与决策人或者家人商量",
      "对区域有一定抗性",
      "对现在购买有很多疑虑，对单价、总价有一定抗性",
    ],
  },
  D: {
    summary: "购买指数60分以下",
    summaryEn: "score under 60",
    traits: [
      "购买力不强，不是楼盘的阶层客户层",
      "对区域、价格、部分等均有抗性",
      "看房没有目标或者与楼盘标准不合",
      "随便看看或者近期不急买房子",
    ],
  },
};
