/** SPEC §9 ROLE — 客户角色 [seed 003]: the buyer roles and what each cares about. */
export type Role = "decisionMaker" | "influencer" | "user" | "buyer" | "coach";
export const ROLES: readonly Role[] = [
  "decisionMaker",
  "influencer",
  "user",
  "buyer",
  "coach",
];

export const ROLE_LABELS: { [R in Role]: { zh: string; en: string } } = {
  decisionMaker: { zh: "决策者", en: "Decision maker" },
  influencer: { zh: "影响者", en: "Influencer" },
  user: { zh: "使用者", en: "User" },
  buyer: { zh: "采购者", en: "Buyer" },
  coach: { zh: "教练", en: "Coach" },
};

/** [seed 003] what each role cares about. */
export const ROLE_FOCUS: { [R in Role]: { zh: string; en: string } } = {
  decisionMaker: {
    zh: "采购对公司整体战略和财务的影响",
    en: "strategy and financial impact",
  },
  influencer: { zh: "专业意见和建议", en: "expert opinion and advice" },
  user: { zh: "产品的易用性和支持", en: "usability and support" },
  buyer: {
    zh: "价格、合同条款和供应商的信誉",
    en: "price, contract terms and supplier reputation",
  },
  coach: {
    zh: "内部流程和关键决策者的偏好",
    en: "internal process and the decision maker's preferences",
  },
};

/**
 * [default] job-title keywords → role (SPEC §9's table, then English titles; editable). The
 * first keyword in a title decides; at one position the longest keyword wins, and Latin
 * keywords match whole words only (`it` is not found in `edit`).
 */
const keywords = (role: Role, words: readonly string[]) =>
  words.map((keyword) => ({ keyword, role }));

export const ROLE_KEYWORDS: { keyword: string; role: Role }[] = [
  ...keywords("decisionMaker", [
    "总经理",
    "董事长",
    "ceo",
    "老板",
    "chief executive officer",
    "general manager",
    "managing director",
    "president",
    "chairman",
    "founder",
    "owner",
    "boss",
    "cfo",
    "chief financial officer",
  ]),
  ...keywords("buyer", [
    "采购",
    "procurement",
    "purchasing",
    "purchaser",
    "purchase",
    "buyer",
    "sourcing",
    "chief procurement officer",
  ]),
  ...keywords("influencer", [
    "工程师",
    "技术",
    "专家",
    "顾问",
    "cto",
    "chief technology officer",
    "head of it",
    "it",
    "engineer",
    "engineering",
    "technical",
    "architect",
    "specialist",
    "expert",
    "consultant",
    "advisor",
    "adviser",
  ]),
  ...keywords("user", ["操作员", "使用", "user", "end user", "operator"]),
  ...keywords("coach", ["教练", "coach", "内线", "champion", "insider"]),
];
