/**
 * The inputs a team's sheet can supply (the SALES functions' arguments, and the columns the
 * pane's tools read: who registered whom and when, amounts, purchases, closings), with what
 * their cells may hold. The header words that name them are in ./tables/headerSynonyms.ts.
 */
import type { ColumnKind } from "./columnProfile";

export type InputKey =
  | "customerName"
  | "company"
  | "phone"
  | "owner"
  | "title"
  | "payment"
  | "satisfaction"
  | "revisits"
  | "calls"
  | "siteVisits"
  | "processAsked"
  | "priceTolerance"
  | "siteOpen"
  | "score"
  | "observations"
  | "lastContact"
  | "timeline"
  | "resources"
  | "decisionLevel"
  | "competition"
  | "registeredAt"
  | "receptionOrder"
  | "amount"
  | "lastPurchase"
  | "closedBy"
  | "closedAt"
  | "conflictRaisedAt"
  | "teamGrade";

export interface InputSpec {
  readonly key: InputKey;
  readonly zh: string;
  readonly en: string;
  /** what its cells may hold: a column holding mostly one of these confirms a header match */
  readonly fits: readonly ColumnKind[];
  /** several columns read together (each row's cells as one observation), e.g. one note column per call */
  readonly multi?: true;
}

const RATING: readonly ColumnKind[] = ["rating", "levels"];
const COUNT_OR_RATING: readonly ColumnKind[] = ["count", "rating"];
const DATE: readonly ColumnKind[] = ["date"];
const WORDS: readonly ColumnKind[] = ["shortTags", "levels", "rating"];

export const INPUTS: readonly InputSpec[] = [
  {
    key: "customerName",
    zh: "客户姓名",
    en: "Customer name",
    fits: ["person"],
  },
  { key: "company", zh: "公司", en: "Company", fits: ["company", "shortTags"] },
  { key: "phone", zh: "电话", en: "Phone", fits: ["phone"] },
  { key: "owner", zh: "负责人", en: "Owner", fits: ["person", "shortTags"] },
  { key: "title", zh: "职位", en: "Title", fits: ["shortTags"] },
  { key: "payment", zh: "付款能力", en: "Payment", fits: RATING },
  { key: "satisfaction", zh: "满意程度", en: "Satisfaction", fits: RATING },
  { key: "revisits", zh: "回访次数", en: "Revisits", fits: COUNT_OR_RATING },
  { key: "calls", zh: "来电频率", en: "Calls", fits: COUNT_OR_RATING },
  {
    key: "siteVisits",
    zh: "工地考察次数",
    en: "Site visits",
    fits: COUNT_OR_RATING,
  },
  {
    key: "processAsked",
    zh: "购买流程询问",
    en: "Process asked",
    fits: COUNT_OR_RATING,
  },
  {
    key: "priceTolerance",
    zh: "价格承受能力",
    en: "Price tolerance",
    fits: RATING,
  },
  { key: "siteOpen", zh: "工地已开放", en: "Site open", fits: ["rating"] },
  { key: "score", zh: "意向得分", en: "Score", fits: ["count", "amount"] },
  {
    key: "observations",
    zh: "跟进记录",
    en: "Observations",
    fits: ["longText", "shortTags", "count", "rating", "levels"],
    multi: true,
  },
  { key: "lastContact", zh: "上次联系", en: "Last contact", fits: DATE },
  {
    key: "timeline",
    zh: "项目时间线",
    en: "Timeline",
    fits: ["date", "count", "shortTags", "rating", "levels"],
  },
  { key: "resources", zh: "资源投入", en: "Resources", fits: WORDS },
  {
    key: "decisionLevel",
    zh: "决策层级",
    en: "Decision level",
    fits: [...WORDS, "person"],
  },
  {
    key: "competition",
    zh: "市场竞争",
    en: "Competition",
    fits: ["levels", "rating"],
  },
  { key: "registeredAt", zh: "登记日期", en: "Registered on", fits: DATE },
  {
    // Same-day registrations are settled by the reception log's order (撞单, seed 002).
    key: "receptionOrder",
    zh: "登记本序号",
    en: "Log order",
    fits: ["count"],
  },
  { key: "amount", zh: "金额", en: "Amount", fits: ["amount", "count"] },
  {
    key: "lastPurchase",
    zh: "最近购买日期",
    en: "Last purchase",
    fits: ["date", "rating"],
  },
  {
    key: "closedBy",
    zh: "成交人",
    en: "Closed by",
    fits: ["person", "shortTags"],
  },
  { key: "closedAt", zh: "成交日期", en: "Closed on", fits: DATE },
  {
    key: "conflictRaisedAt",
    zh: "撞单提出日期",
    en: "Conflict raised on",
    fits: DATE,
  },
  {
    // A class the team already assigned (客户类别 A/B/C, 4S H/A/B/C/F): shown beside our
    // grade, never read as an input, so its "A" is never a yes.
    key: "teamGrade",
    zh: "团队自评等级",
    en: "Team's own grade",
    fits: ["classLetters"],
  },
];

export const INPUT_BY_KEY: ReadonlyMap<InputKey, InputSpec> = new Map(
  INPUTS.map((i) => [i.key, i]),
);

/** The sheet columns that feed URGENCY's first four arguments, in its order. */
export const URGENCY_INPUTS = [
  "timeline",
  "resources",
  "decisionLevel",
  "competition",
] as const satisfies readonly InputKey[];

/** The input read as INTENTSTAGE's observations: one or several columns, read together per row. */
export const OBSERVATION_INPUTS = [
  "observations",
] as const satisfies readonly InputKey[];
