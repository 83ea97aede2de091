/**
 * SPEC §11 Duplicate leads — 撞单判定 [seed 002, "撞单/恶意撞单客户判定标准"]. Two reps register the
 * same customer; these rules say whose customer it is. The numbers and the wording of each rule
 * are data: the decision logic (src/duplicates/ownership.ts) looks them up and cites them.
 */
export type DuplicateRule =
  | "firstComplete"
  | "sameDayLog"
  | "closedWithinWindow"
  | "closedAfterWindow"
  | "sameRep"
  | "incomplete";

/**
 * [seed 002] "如果A是在七天内或当时发现的 … 规A所有；如果是七天后发现的 … 算交车业代的".
 * Within 7 days, day 7 included, the first rep keeps the account; from day 8 the closer does.
 */
export const CLAIM_WINDOW_DAYS = 7;

/**
 * What a "complete registration" holds [seed 002 lists 客户名称、联系方式 … 业代、日期]: we require
 * the customer's name or company, a phone, the rep and the registration date — the fields a
 * sheet can check. A row without them cannot claim the customer.
 */
export const COMPLETE_FIELDS = [
  "customer",
  "phone",
  "owner",
  "registeredAt",
] as const;
export type CompleteField = (typeof COMPLETE_FIELDS)[number];

export const COMPLETE_FIELD_LABELS: {
  [F in CompleteField]: { zh: string; en: string };
} = {
  customer: { zh: "客户姓名或公司", en: "customer name or company" },
  phone: { zh: "电话", en: "phone" },
  owner: { zh: "负责人", en: "owner" },
  registeredAt: { zh: "登记日期", en: "registration date" },
};

/** Each rule as the pane and the sheet state it (the source's wording first). */
export const DUPLICATE_RULES: {
  [R in DuplicateRule]: { zh: string; en: string };
} = {
  firstComplete: {
    zh: "以登记完整客户资料的时间先后为准",
    en: "whoever registered the customer's complete details first",
  },
  sameDayLog: {
    zh: "同一天登记的，以来电（店）登记本的先后为准",
    en: "registered the same day: the reception log's order decides",
  },
  closedWithinWindow: {
    zh: "他人成交，首位登记人在七天内（含第7天）或当时提出：提成和客户归首位登记人",
    en: "another rep closed and the first rep raised it within 7 days (day 7 included) or at the time: commission and account go to the first rep",
  },
  closedAfterWindow: {
    zh: "他人成交，七天后（第8天起）才提出：提成和客户归成交人",
    en: "another rep closed and it was raised after 7 days (day 8 on): commission and account go to the rep who closed",
  },
  sameRep: {
    zh: "同一负责人重复登记，无争议",
    en: "the same rep registered it twice: no dispute",
  },
  incomplete: {
    zh: "资料不完整，无法判定",
    en: "details incomplete: cannot decide",
  },
};
