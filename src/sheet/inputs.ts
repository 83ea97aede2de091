/**
 * The inputs a team's sheet can supply (SPEC §2–§11) and the header words that name them, in
 * Chinese and English. Mapping headers to inputs is driven by this table alone.
 */
export type InputKey =
  | "name"
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
  | "notes"
  | "stage"
  | "lastContact"
  | "deadline"
  | "resources"
  | "decisionLevel"
  | "competition"
  // duplicate leads (撞单, SPEC §11): who registered when, who closed, when the claim was raised
  | "registeredAt"
  | "receptionOrder"
  | "closedBy"
  | "closedAt"
  | "conflictRaisedAt";

export interface InputSpec {
  readonly key: InputKey;
  readonly zh: string;
  readonly en: string;
  /** header words, matched after folding (case, full-width); the first is the label's own */
  readonly synonyms: readonly string[];
}

export const INPUTS: readonly InputSpec[] = [
  {
    key: "name",
    zh: "客户姓名",
    en: "Name",
    synonyms: [
      "客户姓名",
      "客户名称",
      "姓名",
      "客户",
      "联系人",
      "name",
      "customer",
      "contact",
      "lead",
    ],
  },
  {
    key: "company",
    zh: "公司",
    en: "Company",
    synonyms: [
      "公司",
      "公司名称",
      "单位",
      "企业",
      "company",
      "organization",
      "account",
    ],
  },
  {
    key: "phone",
    zh: "电话",
    en: "Phone",
    synonyms: [
      "电话",
      "手机",
      "手机号",
      "联系电话",
      "电话号码",
      "phone",
      "mobile",
      "tel",
      "telephone",
    ],
  },
  {
    key: "owner",
    zh: "负责人",
    en: "Owner",
    synonyms: [
      "负责人",
      "销售",
      "业务员",
      "置业顾问",
      "跟进人",
      "归属",
      "owner",
      "rep",
      "sales rep",
      "assigned to",
    ],
  },
  {
    key: "title",
    zh: "职位",
    en: "Title",
    synonyms: [
      "职位",
      "职务",
      "岗位",
      "title",
      "job title",
      "position",
      "role",
    ],
  },
  {
    key: "payment",
    zh: "付款能力",
    en: "Payment",
    synonyms: [
      "付款能力",
      "支付能力",
      "客户支付能力",
      "购买力",
      "payment",
      "payment ability",
      "ability to pay",
    ],
  },
  {
    key: "satisfaction",
    zh: "满意程度",
    en: "Satisfaction",
    synonyms: ["个案满意程度", "满意程度", "满意度", "satisfaction"],
  },
  {
    key: "revisits",
    zh: "回访次数",
    en: "Revisits",
    synonyms: ["回访次数", "回访", "复访", "revisits", "return visits"],
  },
  {
    key: "calls",
    zh: "来电频率",
    en: "Calls",
    synonyms: [
      "主动来电询问频率",
      "来电频率",
      "来电次数",
      "来电",
      "calls",
      "inbound calls",
    ],
  },
  {
    key: "siteVisits",
    zh: "工地考察次数",
    en: "Site visits",
    synonyms: [
      "工地考察次数",
      "工地考察",
      "看房次数",
      "考察次数",
      "site visits",
      "site visit",
    ],
  },
  {
    key: "processAsked",
    zh: "购买流程询问",
    en: "Process asked",
    synonyms: [
      "购买流程询问",
      "流程询问",
      "询问流程",
      "process asked",
      "asked process",
      "buying process",
    ],
  },
  {
    key: "priceTolerance",
    zh: "价格承受能力",
    en: "Price tolerance",
    synonyms: [
      "价格变化心里承受能力",
      "价格变化心理承受能力",
      "价格承受能力",
      "价格承受",
      "price tolerance",
    ],
  },
  {
    key: "siteOpen",
    zh: "工地已开放",
    en: "Site open",
    synonyms: ["工地已开放", "工地开放", "site open"],
  },
  {
    key: "score",
    zh: "意向得分",
    en: "Score",
    synonyms: ["意向得分", "得分", "评分", "分数", "score", "points"],
  },
  {
    key: "notes",
    zh: "跟进记录",
    en: "Notes",
    synonyms: [
      "跟进记录",
      "跟进情况",
      "备注",
      "沟通记录",
      "记录",
      "notes",
      "follow-up notes",
      "comments",
      "remarks",
    ],
  },
  {
    key: "stage",
    zh: "意向阶段",
    en: "Stage",
    synonyms: ["意向阶段", "阶段", "stage", "intent stage"],
  },
  {
    key: "lastContact",
    zh: "上次联系",
    en: "Last contact",
    synonyms: [
      "上次联系",
      "最近联系",
      "最后联系时间",
      "上次跟进",
      "联系日期",
      "last contact",
      "last contacted",
      "last touch",
    ],
  },
  {
    key: "deadline",
    zh: "截止日期",
    en: "Deadline",
    synonyms: [
      "截止日期",
      "项目时间线",
      "时间线",
      "期限",
      "deadline",
      "timeline",
      "due date",
    ],
  },
  {
    key: "resources",
    zh: "资源投入",
    en: "Resources",
    synonyms: ["资源投入", "资源", "预算", "resources", "budget"],
  },
  {
    key: "decisionLevel",
    zh: "决策层级",
    en: "Decision level",
    synonyms: [
      "决策层级",
      "决策层",
      "决策人",
      "decision level",
      "decision maker level",
    ],
  },
  {
    key: "competition",
    zh: "市场竞争",
    en: "Competition",
    synonyms: ["市场竞争", "竞争", "竞争程度", "competition", "competitors"],
  },
  {
    key: "registeredAt",
    zh: "登记日期",
    en: "Registered",
    synonyms: [
      "登记日期",
      "登记时间",
      "录入日期",
      "建档日期",
      "registered",
      "registered at",
      "registration date",
    ],
  },
  {
    key: "receptionOrder",
    zh: "登记本序号",
    en: "Log order",
    synonyms: [
      "登记本序号",
      "接待序号",
      "接待顺序",
      "登记序号",
      "log order",
      "reception order",
      "log no",
    ],
  },
  {
    key: "closedBy",
    zh: "成交人",
    en: "Closed by",
    synonyms: ["成交人", "成交业代", "签单人", "closed by", "closer"],
  },
  {
    key: "closedAt",
    zh: "成交日期",
    en: "Closed on",
    synonyms: [
      "成交日期",
      "签单日期",
      "成交时间",
      "closed on",
      "closed at",
      "close date",
    ],
  },
  {
    key: "conflictRaisedAt",
    zh: "撞单提出日期",
    en: "Claim raised",
    synonyms: [
      "撞单提出日期",
      "撞单提出",
      "提出日期",
      "申诉日期",
      "claim raised",
      "raised on",
      "conflict raised",
    ],
  },
];

export const INPUT_BY_KEY: ReadonlyMap<InputKey, InputSpec> = new Map(
  INPUTS.map((i) => [i.key, i]),
);

/** The sheet columns that feed URGENCY's first four arguments, in its order (deadline → timeline). */
export const URGENCY_INPUTS = [
  "deadline",
  "resources",
  "decisionLevel",
  "competition",
] as const satisfies readonly InputKey[];

/** The sheet columns read together as INTENTSTAGE's observations. */
export const OBSERVATION_INPUTS = [
  "notes",
  "stage",
] as const satisfies readonly InputKey[];
