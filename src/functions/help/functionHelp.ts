/**
 * The one table of help for the SALES functions beyond their English JSDoc: the Chinese
 * description of every function and parameter (the build writes functions.zh.json from it,
 * which the manifest serves to zh-CN, zh-TW and zh-HK), and the rules, examples and defaults
 * of each function's help page in both languages. Numbers come from the engine's tables, so a
 * changed default changes the help with it. test/functions/help.test.ts checks completeness
 * against the generated metadata.
 */
import { COUNT_THRESHOLDS } from "../../engine/tables/leadGradeTable";
import { INTENT_CLASS_MIN } from "../../engine/tables/intentClasses";
import { FOLLOW_UP_DAYS } from "../../engine/tables/followUpCadence";
import {
  TIMELINE_POINTS,
  URGENCY_LEVEL_MIN,
} from "../../engine/tables/urgencyModel";
import {
  ACTIVE_WITHIN_DAYS,
  VALUE_TIER_SHARES,
} from "../../engine/tables/customerTypes";

export type FunctionId =
  | "LEADGRADE"
  | "WHYLEADGRADE"
  | "INTENTGRADE"
  | "WHYINTENTGRADE"
  | "SCORE"
  | "INTENTSTAGE"
  | "WHYINTENTSTAGE"
  | "NEXTFOLLOWUP"
  | "STAGELABEL"
  | "STATUS"
  | "NEXTACTION"
  | "URGENCY"
  | "WHYURGENCY"
  | "ROLE"
  | "ROLEFOCUS"
  | "VALUETIER"
  | "ACTIVITY";

/** Chinese descriptions of parameters, by parameter name (a name means the same in every function). */
export const ZH_PARAMS: Record<string, string> = {
  payment: "客户支付能力：A/B、是/否 或 yes/no（必要条件）。",
  satisfaction: "个案满意程度：A/B、是/否 或 yes/no（必要条件）。",
  revisits: `回访次数：A/是，或次数（${COUNT_THRESHOLDS.revisits} 次及以上记为 A，默认值）。空白记为非 A。`,
  calls: `主动来电询问频率：A/是，或次数（${COUNT_THRESHOLDS.calls} 次及以上记为 A，默认值）。`,
  siteVisits: `工地考察次数：A/是，或次数（${COUNT_THRESHOLDS.siteVisits} 次及以上记为 A，默认值）。`,
  processAsked: `购买流程询问：A/是，或次数（${COUNT_THRESHOLDS.processAsked} 次及以上记为 A，默认值）。`,
  priceTolerance: "价格变化心理承受能力：A/B 或 是/否。",
  siteOpen:
    "工地是否已开放：默认 TRUE；为 FALSE 时工地考察一项按 A 计（默认规则）。",
  language: "标签语言：“zh” 或 “en”；省略时用工作簿的标签语言。",
  score: "得分，0 到 100（例如 SALES.SCORE 按百分比得出的结果）。",
  answers: "答案：每行一位客户，每列一个评分项。",
  criteria:
    "评分标准表：每行“评分项 · 选项 · 分值”（可带表头）；选项可写成门槛，如 ≥8000 或 8000以上。",
  headers: "表头行：给出后按名称匹配，而不是按列的顺序。",
  asPercent:
    "按百分比：TRUE 时返回得分占满分的百分比，可直接交给 SALES.INTENTGRADE。",
  observations:
    "跟进记录：每行一位客户，可以是备注、标签、阶段（如 阶段3）或打勾的信号列。",
  stage: "意向阶段 −1 到 5（数字、阶段3 或阶段名称）。",
  lastContact: "上次联系日期。",
  timeline: "项目时间线：截止日期、剩余天数，或 是/否（有无截止日期）。",
  resources: "资源投入：已分配/申请中/未分配、高/中/低 或 是/否。",
  decisionLevel: "决策层级：高层/老板、中层/经理、基层 或 是/否。",
  competition: "市场竞争：激烈/一般/无、高/中/低 或 是/否。",
  today: "计算所用的今天日期；省略时为当前日期（写 TODAY() 可每天自动更新）。",
  title: "联系人的职位，例如 采购经理 或 CTO。",
  role: "角色名称（决策者、Influencer 等）或职位。",
  amount: "该客户的金额（购买额、合同额）。",
  allAmounts: "全部客户的金额，用于排名。",
  lastPurchase: "最近一次购买日期，或 无/none。",
};

export interface PageText {
  /** the rules the function applies, in the user's words */
  readonly rules: readonly string[];
  /** formula → result */
  readonly examples: readonly (readonly [string, string])[];
  /** numbers and choices that are ours, not the source's */
  readonly defaults: readonly string[];
}

export interface FunctionHelp {
  readonly zh: { readonly description: string } & PageText;
  readonly en: PageText;
  /** the section of docs/methodology.md (anchor) with this function's table */
  readonly method: string;
}

const stageDays = (s: -1 | 0 | 1 | 2 | 3 | 4 | 5) => FOLLOW_UP_DAYS[s];
const pct = (x: number) => `${Math.round(x * 100)}%`;

const LEAD_RULES_ZH = [
  "必要条件两项（支付能力、满意程度）都为 A，意向五项全 A → A；3–4 项 A → B；0–2 项 A → C。",
  "必要条件只有一项为 A：意向五项全 A → C，否则 → D。",
  "必要条件两项都不是 A → E。",
];
const LEAD_RULES_EN = [
  "Both necessary conditions (payment ability, satisfaction) at A: all five intent indicators at A → A; three or four → B; none to two → C.",
  "One necessary condition at A: all five indicators at A → C, otherwise D.",
  "Neither at A → E.",
];
const LEAD_DEFAULTS_ZH = [
  `次数换算为 A 的门槛：回访 ≥ ${COUNT_THRESHOLDS.revisits}、来电 ≥ ${COUNT_THRESHOLDS.calls}、工地考察 ≥ ${COUNT_THRESHOLDS.siteVisits}、流程询问 ≥ ${COUNT_THRESHOLDS.processAsked}（原文只评 A/非 A，不给次数）。`,
  "工地未开放（siteOpen = FALSE）时工地考察按 A 计。",
];
const LEAD_DEFAULTS_EN = [
  `Counts that make an indicator A: revisits ≥ ${COUNT_THRESHOLDS.revisits}, calls ≥ ${COUNT_THRESHOLDS.calls}, site visits ≥ ${COUNT_THRESHOLDS.siteVisits}, process asked ≥ ${COUNT_THRESHOLDS.processAsked} (the source rates A or not and gives no counts).`,
  "With the site closed (siteOpen = FALSE) site visits count as A.",
];
const URG_RULES_ZH = [
  `时间线：距截止 ≤ ${TIMELINE_POINTS.within30.maxDays} 天或已过期 ${TIMELINE_POINTS.within30.points} 分，≤ ${TIMELINE_POINTS.within90.maxDays} 天 ${TIMELINE_POINTS.within90.points} 分，更晚 ${TIMELINE_POINTS.later.points} 分；“有截止日期” ${TIMELINE_POINTS.hasDeadline} 分，无 ${TIMELINE_POINTS.none} 分。`,
  "资源投入、决策层级、市场竞争：高 2 分，中 1 分，低 0 分。",
  `合计 0–9 分：≥ ${URGENCY_LEVEL_MIN.high} 高，${URGENCY_LEVEL_MIN.medium}–${URGENCY_LEVEL_MIN.high - 1} 中，其余低。`,
];
const URG_RULES_EN = [
  `Timeline: ${TIMELINE_POINTS.within30.maxDays} days or less (or passed) ${TIMELINE_POINTS.within30.points} points, up to ${TIMELINE_POINTS.within90.maxDays} days ${TIMELINE_POINTS.within90.points}, later ${TIMELINE_POINTS.later.points}; "has a deadline" ${TIMELINE_POINTS.hasDeadline}, none ${TIMELINE_POINTS.none}.`,
  "Resources, decision level, competition: high 2 points, medium 1, low 0.",
  `Total 0–9: ${URGENCY_LEVEL_MIN.high} or more High, ${URGENCY_LEVEL_MIN.medium}–${URGENCY_LEVEL_MIN.high - 1} Medium, else Low.`,
];
const URG_DEFAULTS_ZH = [
  "原文只给出等级、四项标准和“评分模型”的做法，没有分值：以上全部分值与词表都是我们的默认值。",
];
const URG_DEFAULTS_EN = [
  "The source names the levels, the four criteria and a scoring model but no numbers: every points value and word list above is our default.",
];
const STAGE_RULES_ZH = [
  "在备注中找各阶段的表征（如“询问价格”→ 阶段3，“已签约”→ 阶段5，“不感兴趣”→ 阶段-1），取最高的正向阶段；只有拒绝信号时为 -1。",
  "也可以直接写阶段（3、阶段3），或在以信号为表头的列里打勾。",
];
const STAGE_RULES_EN = [
  'Finds the signals of each stage in the notes (e.g. "asked the price" → stage 3, "signed" → stage 5, "not interested" → stage −1) and takes the highest positive stage; only refusals give −1.',
  "A stage may also be written directly (3, Stage 3), or ticked in columns headed by a signal.",
];
const STAGE_DEFAULTS_ZH = [
  "信号词表中的近义词和英文词是我们的补充，原文只列出中文表征。",
];
const STAGE_DEFAULTS_EN = [
  "Synonyms and English words in the signal vocabulary are ours; the source lists the Chinese signs only.",
];

export const FUNCTION_HELP: { [F in FunctionId]: FunctionHelp } = {
  LEADGRADE: {
    method: "lead-grade",
    zh: {
      description:
        "客户分级 A–E：由两项必要条件（支付能力、满意程度）和五项意向指标评定。给出区域时每行一个等级，空行留空。",
      rules: LEAD_RULES_ZH,
      examples: [
        ['=SALES.LEADGRADE("是","是",4,2,"A","是","A")', "A"],
        ['=SALES.LEADGRADE("A","B",3,2,2,1,"A")', "C（必要条件只有一项为 A）"],
        [
          "=SALES.LEADGRADE(B2:B500,C2:C500,D2:D500,E2:E500,F2:F500,G2:G500,H2:H500)",
          "每行一个等级，空行留空",
        ],
      ],
      defaults: LEAD_DEFAULTS_ZH,
    },
    en: {
      rules: LEAD_RULES_EN,
      examples: [
        ['=SALES.LEADGRADE("yes","yes",4,2,"A","yes","A")', "A"],
        [
          '=SALES.LEADGRADE("A","B",3,2,2,1,"A")',
          "C (only one necessary condition at A)",
        ],
      ],
      defaults: LEAD_DEFAULTS_EN,
    },
  },
  WHYLEADGRADE: {
    method: "lead-grade",
    zh: {
      description:
        "解释客户分级：每项输入如何读取、由哪条规则决定，以及用到的每个默认值。",
      rules: LEAD_RULES_ZH,
      examples: [
        [
          "=SALES.WHYLEADGRADE(B2,C2,D2,E2,F2,G2,H2)",
          "B — 付款能力 = A（“是”）；…；必要条件 2 个为A，意向程度 4/5 个为A → B级",
        ],
      ],
      defaults: LEAD_DEFAULTS_ZH,
    },
    en: {
      rules: LEAD_RULES_EN,
      examples: [
        [
          '=SALES.WHYLEADGRADE(B2,C2,D2,E2,F2,G2,H2,,"en")',
          'B — payment = A ("yes"); …; grade B',
        ],
      ],
      defaults: LEAD_DEFAULTS_EN,
    },
  },
  INTENTGRADE: {
    method: "intent-class",
    zh: {
      description: `意向等级 A–D：按 0–100 分评定，${INTENT_CLASS_MIN.A} 分及以上 A，${INTENT_CLASS_MIN.B} 分及以上 B，${INTENT_CLASS_MIN.C} 分及以上 C，其余 D。`,
      rules: [
        `A ≥ ${INTENT_CLASS_MIN.A}，B ≥ ${INTENT_CLASS_MIN.B}，C ≥ ${INTENT_CLASS_MIN.C}，其余 D。`,
      ],
      examples: [["=SALES.INTENTGRADE(85)", "B"]],
      defaults: [],
    },
    en: {
      rules: [
        `A ≥ ${INTENT_CLASS_MIN.A}, B ≥ ${INTENT_CLASS_MIN.B}, C ≥ ${INTENT_CLASS_MIN.C}, otherwise D.`,
      ],
      examples: [
        [
          "=SALES.INTENTGRADE(SALES.SCORE(B2:J2, Criteria!A1:C27, , TRUE))",
          "the class from the checklist",
        ],
      ],
      defaults: [],
    },
  },
  WHYINTENTGRADE: {
    method: "intent-class",
    zh: {
      description: "解释意向等级：得分所在区间，以及该等级客户的典型表现。",
      rules: [
        `A ≥ ${INTENT_CLASS_MIN.A}，B ≥ ${INTENT_CLASS_MIN.B}，C ≥ ${INTENT_CLASS_MIN.C}，其余 D。`,
      ],
      examples: [
        ["=SALES.WHYINTENTGRADE(92)", "A — 意向很强烈，整体得分90分以上，…"],
      ],
      defaults: [],
    },
    en: {
      rules: [
        `A ≥ ${INTENT_CLASS_MIN.A}, B ≥ ${INTENT_CLASS_MIN.B}, C ≥ ${INTENT_CLASS_MIN.C}, otherwise D.`,
      ],
      examples: [
        [
          '=SALES.WHYINTENTGRADE(92, "en")',
          "A — very strong intent, score 90 or more, …",
        ],
      ],
      defaults: [],
    },
  },
  SCORE: {
    method: "points",
    zh: {
      description:
        "评分表合计：每个答案在评分标准表中选中该项的一个选项，累加分值。",
      rules: [
        "答案按以下顺序匹配选项：相同文字；满足的最高门槛（≥、>、以上、+）；相同的是/否；唯一包含关系。",
        "asPercent 为 TRUE 时，返回合计 ÷ 各项最高分之和 × 100。",
      ],
      examples: [
        [
          "=SALES.SCORE(B2:J2, 评分标准!A1:C27, , TRUE)",
          "得分占满分的百分比，可接 INTENTGRADE",
        ],
      ],
      defaults: [],
    },
    en: {
      rules: [
        "An answer picks an option by: the same text; the highest threshold met (≥, >, 以上, +); the same yes/no; the one option containing it.",
        "With asPercent TRUE: total ÷ the sum of each item's best points × 100.",
      ],
      examples: [["=SALES.SCORE(B2:J2, Criteria!A1:C27)", "the points total"]],
      defaults: [],
    },
  },
  INTENTSTAGE: {
    method: "intent-stage",
    zh: {
      description:
        "意向阶段 −1 到 5：从跟进记录、标签、阶段名称或数字，或信号表头下的勾选中读取。",
      rules: STAGE_RULES_ZH,
      examples: [
        ['=SALES.INTENTSTAGE("客户询问价格和优惠，不反感递合同")', "3"],
        [
          "=SALES.INTENTSTAGE(K2:N2, K1:N1)",
          "表头为信号（如“询问价格”），单元格打 ✓",
        ],
      ],
      defaults: STAGE_DEFAULTS_ZH,
    },
    en: {
      rules: STAGE_RULES_EN,
      examples: [['=SALES.INTENTSTAGE("asked price and discount")', "3"]],
      defaults: STAGE_DEFAULTS_EN,
    },
  },
  WHYINTENTSTAGE: {
    method: "intent-stage",
    zh: {
      description:
        "解释意向阶段：识别到的每个信号、它指向的阶段、结果和下一步。",
      rules: STAGE_RULES_ZH,
      examples: [
        [
          '=SALES.WHYINTENTSTAGE("不感兴趣")',
          "-1 — “不感兴趣” → 阶段-1 拒绝；…",
        ],
      ],
      defaults: STAGE_DEFAULTS_ZH,
    },
    en: {
      rules: STAGE_RULES_EN,
      examples: [
        [
          '=SALES.WHYINTENTSTAGE("not interested", , "en")',
          "-1 — “not interested” → stage -1 refused; …",
        ],
      ],
      defaults: STAGE_DEFAULTS_EN,
    },
  },
  NEXTFOLLOWUP: {
    method: "follow-up",
    zh: {
      description: `下次跟进日期：上次联系日期加 ${stageDays(0)} 天（阶段0和已成交）、${stageDays(1)} 天（阶段1–2）或 ${stageDays(3)} 天（阶段3–4）。请把单元格设为日期格式。`,
      rules: [
        `阶段0：${stageDays(0)} 天内至少联系一次；阶段1–2：约 ${stageDays(1)} 天一次；阶段3–4：${stageDays(3)} 天以内一次；已成交：一个月至少两次（每 ${stageDays(5)} 天）。`,
        "阶段-1（拒绝）没有固定频率，结果留空。",
      ],
      examples: [
        [
          '=SALES.NEXTFOLLOWUP(3,"2026-11-25")',
          "46354（设为日期格式：2026-11-28）",
        ],
      ],
      defaults: [],
    },
    en: {
      rules: [
        `Stage 0: at least every ${stageDays(0)} days; stages 1–2: about every ${stageDays(1)} days; stages 3–4: within ${stageDays(3)} days; won: at least twice a month (every ${stageDays(5)} days).`,
        "Stage −1 (refused) has no cadence: the result is blank.",
      ],
      examples: [
        [
          '=SALES.NEXTFOLLOWUP(3,"2026-11-25")',
          "46354 (as a date: 2026-11-28)",
        ],
      ],
      defaults: [],
    },
  },
  STAGELABEL: {
    method: "intent-stage",
    zh: {
      description: "阶段名称，例如 阶段3 考虑成交。",
      rules: [
        "-1 拒绝，0 不拒绝，1 有互动，2 评估价值，3 考虑成交，4 确定成交，5 已成交。",
      ],
      examples: [["=SALES.STAGELABEL(3)", "阶段3 考虑成交"]],
      defaults: [],
    },
    en: {
      rules: [
        "−1 refused, 0 not refusing, 1 interacts, 2 evaluates, 3 considers a deal, 4 deal confirmed, 5 won.",
      ],
      examples: [['=SALES.STAGELABEL(4, "en")', "Stage 4 · deal confirmed"]],
      defaults: [],
    },
  },
  STATUS: {
    method: "status",
    zh: {
      description:
        "客户状态（由意向阶段得出）：排斥型、潜在客户、关注型、意向型、决策型或忠诚客户。",
      rules: [
        "阶段-1 排斥型，0 潜在客户，1 关注型，2 意向型，3–4 决策型，5 忠诚客户。",
      ],
      examples: [["=SALES.STATUS(2)", "意向型"]],
      defaults: [
        "阶段到状态的对应关系是我们的默认值：原文只列出状态，没有给出对应。",
      ],
    },
    en: {
      rules: [
        "Stage −1 Rejecting, 0 Potential, 1 Attentive, 2 Intending, 3–4 Deciding, 5 Loyal.",
      ],
      examples: [['=SALES.STATUS(2, "en")', "Intending"]],
      defaults: [
        "The stage → status mapping is our default: the source lists the states without a mapping.",
      ],
    },
  },
  NEXTACTION: {
    method: "intent-stage",
    zh: {
      description: "推动客户从当前阶段向上一阶段的做法。",
      rules: ["每个阶段对应原文中“推动客户意向提升”的方法。"],
      examples: [
        ["=SALES.NEXTACTION(3)", "推动从阶段3到阶段4：明确决策人情况；…"],
      ],
      defaults: [],
    },
    en: {
      rules: ["Each stage has the source's advice for moving the customer up."],
      examples: [
        [
          '=SALES.NEXTACTION(3, "en")',
          "From stage 3 to 4: clear the decision-maker; …",
        ],
      ],
      defaults: [],
    },
  },
  URGENCY: {
    method: "urgency",
    zh: {
      description:
        "紧急程度 高/中/低：按截止日期、资源投入、决策层级和市场竞争评 0–9 分（默认评分模型）。",
      rules: URG_RULES_ZH,
      examples: [
        ['=SALES.URGENCY("2026-12-20","已分配","老板","激烈",TODAY())', "高"],
      ],
      defaults: URG_DEFAULTS_ZH,
    },
    en: {
      rules: URG_RULES_EN,
      examples: [
        [
          '=SALES.URGENCY(20, "approved", "CEO", "fierce", TODAY(), "en")',
          "High",
        ],
      ],
      defaults: URG_DEFAULTS_EN,
    },
  },
  WHYURGENCY: {
    method: "urgency",
    zh: {
      description: "解释紧急程度：每项标准的得分、合计、等级和跟进策略。",
      rules: URG_RULES_ZH,
      examples: [
        [
          '=SALES.WHYURGENCY(60,"申请中","经理","一般",TODAY())',
          "每项得分，合计 5/9 → 中，跟进策略",
        ],
      ],
      defaults: URG_DEFAULTS_ZH,
    },
    en: {
      rules: URG_RULES_EN,
      examples: [
        [
          '=SALES.WHYURGENCY(60, "partial", "manager", "some", TODAY(), "en")',
          "points per criterion, total 5/9 → Medium, strategy",
        ],
      ],
      defaults: URG_DEFAULTS_EN,
    },
  },
  ROLE: {
    method: "roles",
    zh: {
      description: "由职位推断客户角色：决策者、影响者、使用者、采购者或教练。",
      rules: [
        "在职位中找关键词（最靠前、最长的优先），例如 采购 → 采购者，总经理 → 决策者。",
      ],
      examples: [['=SALES.ROLE("采购经理")', "采购者"]],
      defaults: ["职位关键词表是我们的默认值：原文只描述角色，不给关键词。"],
    },
    en: {
      rules: [
        "Looks for a keyword in the title (leftmost, longest first), e.g. purchasing → buyer, CEO → decision-maker.",
      ],
      examples: [['=SALES.ROLE("CTO", "en")', "Decision-maker"]],
      defaults: [
        "The title keywords are our default: the source describes the roles without keywords.",
      ],
    },
  },
  ROLEFOCUS: {
    method: "roles",
    zh: {
      description:
        "某个角色关心什么，例如 采购者：价格、合同条款和供应商信誉。",
      rules: ["角色名称（中文或英文）直接查表；否则按职位推断角色后查表。"],
      examples: [['=SALES.ROLEFOCUS("采购者")', "价格、合同条款和供应商信誉"]],
      defaults: [],
    },
    en: {
      rules: [
        "A role name (either language) is looked up directly; a job title is read as a role first.",
      ],
      examples: [
        [
          '=SALES.ROLEFOCUS("Buyer", "en")',
          "price, contract terms and supplier reputation",
        ],
      ],
      defaults: [],
    },
  },
  VALUETIER: {
    method: "customer-type",
    zh: {
      description: `价值分层：金额排名前 ${pct(VALUE_TIER_SHARES.high)} 为高价值，其后 ${pct(VALUE_TIER_SHARES.mid)} 为中价值，其余为低价值（默认比例）。`,
      rules: [
        `比该客户金额大的客户少于 ${pct(VALUE_TIER_SHARES.high)} → 高价值；少于 ${pct(VALUE_TIER_SHARES.high + VALUE_TIER_SHARES.mid)} → 中价值；其余低价值。金额相同分层相同。`,
      ],
      examples: [["=SALES.VALUETIER(E2:E500, E2:E500)", "每行一个分层"]],
      defaults: [
        `${pct(VALUE_TIER_SHARES.high)} / ${pct(VALUE_TIER_SHARES.mid)} 的比例是我们的默认值：原文按价值贡献分类，不给比例。`,
      ],
    },
    en: {
      rules: [
        `Fewer than ${pct(VALUE_TIER_SHARES.high)} of customers with a larger amount → High value; fewer than ${pct(VALUE_TIER_SHARES.high + VALUE_TIER_SHARES.mid)} → Medium; else Low. Equal amounts share a tier.`,
      ],
      examples: [
        ['=SALES.VALUETIER(E2:E500, E2:E500, "en")', "one tier per row"],
      ],
      defaults: [
        `The ${pct(VALUE_TIER_SHARES.high)} / ${pct(VALUE_TIER_SHARES.mid)} shares are our default: the source classifies by value contribution without shares.`,
      ],
    },
  },
  ACTIVITY: {
    method: "customer-type",
    zh: {
      description: `购买活跃度：最近一次购买在 ${ACTIVE_WITHIN_DAYS} 天内为活跃，超过为流失，从未购买为潜在。`,
      rules: [
        `最近购买距今 ≤ ${ACTIVE_WITHIN_DAYS} 天 → 活跃；更早 → 流失；“无”/none → 潜在。`,
      ],
      examples: [['=SALES.ACTIVITY("2026-06-01", TODAY())', "活跃"]],
      defaults: [
        `${ACTIVE_WITHIN_DAYS} 天是我们的默认值：原文按购买行为分类，不给天数。`,
      ],
    },
    en: {
      rules: [
        `Last purchase within ${ACTIVE_WITHIN_DAYS} days → Active; older → Lapsed; "none" → Potential.`,
      ],
      examples: [['=SALES.ACTIVITY("2026-06-01", TODAY(), "en")', "Active"]],
      defaults: [
        `${ACTIVE_WITHIN_DAYS} days is our default: the source classifies by purchase behaviour without a number.`,
      ],
    },
  },
};
