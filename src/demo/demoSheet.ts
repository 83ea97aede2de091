/**
 * The demo sheet (示例 / Demo): 40 realistic leads in the columns teams keep, with live
 * SALES results beside them, so a trainer changes an input or a criterion and watches the
 * grade move. Pure: the cells are built here; src/taskpane/demo/ writes them.
 */
import type { Lang } from "../engine/lang";
import { emptyMapping, type Mapping } from "../sheet/columnMapping";
import type { InputKey } from "../sheet/inputs";
import { OUTPUT_BY_KIND, type OutputKind } from "../sheet/outputs";
import { buildFormulas } from "../sheet/rowFormulas";
import { GIVEN_NAMES, SURNAMES, seededRandom } from "./generator";

export type DemoCell = string | number;

export const DEMO_SHEET_NAME: Record<Lang, string> = {
  zh: "示例",
  en: "Demo",
};

/** The input columns, in order, with the input each one feeds (null: kept, not read). */
export const DEMO_COLUMNS: readonly {
  readonly zh: string;
  readonly en: string;
  readonly input: InputKey | null;
  readonly date?: true;
}[] = [
  { zh: "客户姓名", en: "Customer", input: "customerName" },
  { zh: "电话", en: "Phone", input: "phone" },
  { zh: "负责人", en: "Owner", input: "owner" },
  { zh: "登记日期", en: "Registered", input: "registeredAt", date: true },
  { zh: "付款能力", en: "Payment", input: "payment" },
  { zh: "个案满意度", en: "Satisfaction", input: "satisfaction" },
  { zh: "回访次数", en: "Revisits", input: "revisits" },
  { zh: "来电次数", en: "Calls", input: "calls" },
  { zh: "看房次数", en: "Site visits", input: "siteVisits" },
  { zh: "询问流程", en: "Process asked", input: "processAsked" },
  { zh: "价格承受", en: "Price tolerance", input: "priceTolerance" },
  { zh: "跟进记录", en: "Follow-up notes", input: "observations" },
  { zh: "截止日期", en: "Deadline", input: "timeline", date: true },
  { zh: "资源", en: "Resources", input: "resources" },
  { zh: "决策层级", en: "Decision level", input: "decisionLevel" },
  { zh: "竞争", en: "Competition", input: "competition" },
  { zh: "上次联系", en: "Last contact", input: "lastContact", date: true },
];

export const DEMO_OUTPUTS: readonly OutputKind[] = [
  "grade",
  "stage",
  "stageLabel",
  "urgency",
  "nextFollowUp",
  "explanation",
];

const OWNERS = ["张敏", "李强", "王芳", "陈晨"];

/** Follow-up notes as reps write them: 40 different ones, some in a team's own jargon. */
const NOTES: readonly string[] = [
  "客户询问价格和优惠，约了周六再来看房",
  "已认筹，等开盘选房",
  "网签材料已准备，下周一去签",
  "交了定金2万，月底前补齐首付",
  "在开会，说稍后再联系",
  "不感兴趣，直接挂了",
  "问了下首付比例和贷款年限，对比了隔壁楼盘",
  "和竞品比较了户型，关心物业和学区",
  "已签约，已付款，准备介绍朋友来",
  "愿意听介绍，回答问题很详细，讲了自己的想法",
  "抱怨上次接待慢，不反感继续沟通",
  "确定签约时间，人在外地出差",
  "询价三次，想要优惠，家里还要商量",
  "陌生电话不想聊，改天再聊",
  "看了样板间，咨询相关服务，可以约访",
  "老板拍板了，考虑金额，等财务批",
  "客户已认筹，问了贷款流程",
  "没兴趣，说不需要",
  "约了下周三面谈，关心交房时间",
  "付款方式问得很细，递合同不反感",
  "签约成功，定金转首付",
  "第2次来访，主要了解基本信息",
  "预算5万以内，询问优惠活动",
  "家人意见不一致，另一个负责人阻挠",
  "问效果和口碑，对比竞品价格",
  "未签约，还在犹豫，问了售后",
  "已网签，等银行放款",
  "回答问题很敷衍，愿意听但没表态",
  "客户说晚点再打，正在开会",
  "要求面谈，带家人一起看房",
  "已打款，合同已寄出",
  "觉得价格偏高，要优惠才考虑",
  "交了定金，约了签约时间",
  "介绍自己的情况，想换大户型",
  "拒绝，说已经买了别家",
  "预存款能用多久？问了上线时间",
  "有互动，问了学校和地铁",
  "约访成功，周末带父母来",
  "认筹后一直没回消息",
  "确认成交，金额还在谈",
];

const RESOURCES = ["已分配", "申请中", "未分配", "已批", "部分", ""];
const LEVELS = ["老板", "总经理", "部门经理", "中层", "基层", ""];
const COMPETITION = ["激烈", "一般", "无", "高", "有些", ""];
const RATINGS = ["A", "B", "是", "否", "A", "A"];

/** The 40 leads (input columns only), dates as serials around `today`. */
export function demoLeads(today: number): DemoCell[][] {
  const rnd = seededRandom(20261125); // the same 40 leads every time
  const pick = <T>(xs: readonly T[]): T =>
    xs[Math.floor(rnd() * xs.length)] as T;
  const int = (lo: number, hi: number) =>
    lo + Math.floor(rnd() * (hi - lo + 1));
  return NOTES.map((note, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN_NAMES[i % GIVEN_NAMES.length]}`;
    const phone = `1${pick(["38", "39", "58", "86", "35"])}${String(int(0, 9999)).padStart(4, "0")}${String(int(0, 9999)).padStart(4, "0")}`;
    const registered = today - int(5, 90);
    const deadline = rnd() < 0.2 ? "" : today + int(-5, 200);
    return [
      name,
      phone,
      OWNERS[i % OWNERS.length] as string,
      registered,
      pick(RATINGS),
      pick(RATINGS),
      int(0, 6),
      int(0, 5),
      int(0, 4),
      pick(["是", "否", "", 1, 2]),
      pick(["A", "B", "高", "低"]),
      note,
      deadline,
      pick(RESOURCES),
      pick(LEVELS),
      pick(COMPETITION),
      Math.min(today - 1, registered + int(0, 60)),
    ];
  });
}

/** Where each input of the demo sits (0-based columns). */
export function demoMapping(): Mapping {
  const m = emptyMapping();
  DEMO_COLUMNS.forEach((c, j) => {
    if (c.input)
      m[c.input] = { column: j, columns: [j], confidence: 1, reason: null };
  });
  return m;
}

export interface DemoSheet {
  /** header row + 40 lead rows; the output columns hold one spilling formula each (row 2) */
  readonly rows: DemoCell[][];
  /** 0-based columns formatted as dates */
  readonly dateColumns: readonly number[];
}

/**
 * The demo as cells. `todayRef` is the criteria sheet's today cell, so urgency counts from
 * the date the pane refreshes each day rather than from a volatile TODAY().
 */
export function buildDemoSheet(
  lang: Lang,
  today: number,
  todayRef?: string,
): DemoSheet {
  const leads = demoLeads(today);
  const mapping = demoMapping();
  const first = DEMO_COLUMNS.length;
  const outputColumn = (k: OutputKind) => {
    const i = DEMO_OUTPUTS.indexOf(k);
    return i < 0 ? null : first + i;
  };
  const formulas = buildFormulas(leads.length, mapping, DEMO_OUTPUTS, {
    firstRow: 1,
    inputColumn: (k) => mapping[k].column,
    outputColumn,
    layout: "spill",
    todayRef,
  });
  const header: DemoCell[] = [
    ...DEMO_COLUMNS.map((c) => c[lang]),
    ...DEMO_OUTPUTS.map((k) => OUTPUT_BY_KIND.get(k)!.header[lang]),
  ];
  const rows = leads.map((lead, i) => [
    ...lead,
    ...DEMO_OUTPUTS.map((k) => formulas.get(k)![i] ?? ""),
  ]);
  const dateColumns = [
    ...DEMO_COLUMNS.flatMap((c, j) => (c.date ? [j] : [])),
    outputColumn("nextFollowUp") as number,
  ];
  return { rows: [header, ...rows], dateColumns };
}
