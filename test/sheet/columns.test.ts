/** Column choice from headers and contents together: our own realistic sheets, then each kind of miss. */
import {
  headerScore,
  proposeMapping,
  unusedColumns,
  type Mapping,
} from "../../src/sheet/columnMapping";
import { detectHeaderRow } from "../../src/sheet/headerRow";
import { INPUTS, type InputKey } from "../../src/sheet/inputs";
import { unusedText } from "../../src/sheet/mappingReasons";
import { OWN_SHEETS } from "./columnsSheets";

function mapSheet(
  rows: readonly (readonly unknown[])[],
  headerRow: number,
): Mapping {
  return proposeMapping(rows[headerRow] ?? [], {
    rows: rows.slice(headerRow + 1),
    groups: headerRow > 0 ? rows[headerRow - 1] : undefined,
  });
}

describe.each(OWN_SHEETS)("own sheet: $name", (sheet) => {
  const headers = sheet.rows[sheet.headerRow] ?? [];
  const col = (c: string | number) => {
    if (typeof c === "number") return c;
    const i = headers.findIndex((h) => h === c);
    if (i < 0) throw new Error(`no header ${c} in ${sheet.name}`);
    return i;
  };
  test("header row found", () => {
    expect(detectHeaderRow(sheet.rows)).toBe(sheet.headerRow);
  });
  const m = mapSheet(sheet.rows, sheet.headerRow);
  test.each(Object.entries(sheet.expect) as [InputKey, unknown][])(
    "%s → %p",
    (key, want) => {
      const expected =
        want === null
          ? []
          : Array.isArray(want)
            ? want.map(col)
            : [col(want as string | number)];
      expect({ key, columns: m[key].columns.map((c) => headers[c]) }).toEqual({
        key,
        columns: expected.map((c) => headers[c]),
      });
      expect(m[key].columns).toEqual(expected);
    },
  );
  const traps = Object.entries(sheet.mustNot) as [InputKey, string[]][];
  if (traps.length)
    test.each(traps)("%s never takes %p", (key, names) => {
      for (const n of names) expect(m[key].columns).not.toContain(col(n));
    });
});

/** A small sheet: headers and one column of cells per header. */
function sheet(columns: Record<string, readonly unknown[]>): {
  headers: string[];
  rows: unknown[][];
} {
  const headers = Object.keys(columns).map((h) => h.replace(/#\d+$/, ""));
  const cols = Object.values(columns);
  const height = Math.max(...cols.map((c) => c.length));
  const rows = Array.from({ length: height }, (_, r) =>
    cols.map((c) => c[r] ?? null),
  );
  return { headers, rows };
}

const NAMES = ["王先生", "李女士", "张伟", "刘总", "陈静"];
const COMPANIES = [
  "启明科技有限公司",
  "远帆贸易有限公司",
  "华信医疗股份有限公司",
  "众成物流公司",
  "蓝海集团",
];
const DATES = [46340, 46345, "2026-11-20", "2026/11/18", "2026年11月22日"];
const NOTES = [
  "问了价格和优惠政策，说周末带家人来看",
  "对比了隔壁楼盘，觉得我们贵了一点",
  "已交定金，约下周签合同",
  "电话没接，发了短信和户型图",
  "客户说预算有限，明年再考虑",
];
const TAGS = ["重点", "VIP", "已加微信", "重点", "待定"];

describe("each kind of miss", () => {
  const cases: {
    about: string;
    columns: Record<string, readonly unknown[]>;
    want: Partial<Record<InputKey, string | string[] | null>>;
    reason?: Partial<Record<InputKey, string>>;
  }[] = [
    // Common headers the old table did not know
    {
      about: "上次沟通时间",
      columns: { 上次沟通时间: DATES },
      want: { lastContact: "上次沟通时间" },
    },
    {
      about: "最后联络日期",
      columns: { 最后联络日期: DATES },
      want: { lastContact: "最后联络日期" },
    },
    {
      about: "参观次数",
      columns: { 参观次数: [1, 2, 0, 3, 1] },
      want: { siteVisits: "参观次数" },
    },
    {
      about: "所属销售",
      columns: { 所属销售: ["李娜", "周强", "李娜", "陈静", "周强"] },
      want: { owner: "所属销售" },
    },
    {
      about: "业务员",
      columns: { 业务员: ["李娜", "周强", "李娜", "陈静", "周强"] },
      want: { owner: "业务员" },
    },
    {
      about: "预计签约时间",
      columns: { 预计签约时间: DATES },
      want: { timeline: "预计签约时间", closedAt: null },
    },
    {
      about: "是否询问流程",
      columns: { 是否询问流程: ["是", "否", "是", "是", "否"] },
      want: { processAsked: "是否询问流程" },
    },
    {
      about: "Last Activity Date",
      columns: { "Last Activity Date": DATES },
      want: { lastContact: "Last Activity Date" },
    },
    {
      about: "Expected Close Date",
      columns: { "Expected Close Date": DATES },
      want: { timeline: "Expected Close Date", closedAt: null },
    },
    // Inputs the new tools need
    {
      about: "registration, amount, purchase, closing, conflict",
      columns: {
        报备日期: DATES,
        成交金额: ["¥86,000", "12万", 38000, "5,000", "¥120,000"],
        最近购买日期: DATES,
        成交人: ["李娜", "周强", "", "陈静", "周强"],
        签约日期: DATES,
        撞单提出日期: DATES,
      },
      want: {
        registeredAt: "报备日期",
        amount: "成交金额",
        lastPurchase: "最近购买日期",
        closedBy: "成交人",
        closedAt: "签约日期",
        conflictRaisedAt: "撞单提出日期",
      },
    },
    // Header words that mislead
    {
      about: "客户名称 holding companies is the company",
      columns: { 客户名称: COMPANIES, 联系人: NAMES },
      want: { company: "客户名称", customerName: "联系人" },
      reason: { company: "company" },
    },
    {
      about: "客户名称 holding people is the name",
      columns: { 客户名称: NAMES },
      want: { customerName: "客户名称", company: null },
    },
    {
      about: "采购预算 holding amounts is not resources",
      columns: { 采购预算: ["50万", "10-20万", "¥300,000", "100万", "20万"] },
      want: { resources: null, amount: null },
    },
    {
      about: "预算 holding approval words is resources",
      columns: { 预算: ["已批", "申请中", "未分配", "已批", "部分"] },
      want: { resources: "预算" },
    },
    {
      about: "a lead-source column is not resources",
      columns: {
        资源来源: ["抖音", "百度", "转介绍", "展会", "抖音"],
        资源: ["抖音", "百度", "转介绍", "展会", "抖音"],
      },
      want: { resources: null },
    },
    {
      about: "short-tags 备注 is not the notes when 跟进记录 holds them",
      columns: { 备注: TAGS, 跟进记录: NOTES },
      want: { observations: ["跟进记录"] },
    },
    {
      about: "short-tags 备注 alone is kept",
      columns: { 备注: TAGS },
      want: { observations: ["备注"] },
    },
    {
      about: "付款方式 is the method, not the ability",
      columns: { 付款方式: ["全款", "分期", "按揭", "全款", "分期"] },
      want: { payment: null },
    },
    {
      about: "付款 holding 全款/分期 is the method too",
      columns: { 付款: ["全款", "分期", "按揭", "全款", "分期"] },
      want: { payment: null },
    },
    {
      about: "客户类别 A/B/C is the team's grade",
      columns: { 客户类别: ["A", "B", "C", "A", "B"] },
      want: { teamGrade: "客户类别", payment: null, satisfaction: null },
    },
    {
      about: "A/B letters under a grade header are a class",
      columns: { 客户等级: ["A", "B", "A", "B", "A"] },
      want: { teamGrade: "客户等级", payment: null },
    },
    {
      about: "支付能力 holding H/A/B/C/F is refused: letters are never a yes",
      columns: {
        支付能力: ["H", "A", "B", "C", "F"],
        满意度: ["A", "B", "C", "D", "A"],
      },
      want: { payment: null, satisfaction: null, teamGrade: null },
    },
    {
      about: "下次跟进 is not last contact",
      columns: {
        下次跟进: DATES,
        下次跟进日期: DATES,
        "Next Follow-up": DATES,
      },
      want: { lastContact: null },
    },
    {
      about: "最后修改时间 is not last contact",
      columns: { 最后修改时间: DATES },
      want: { lastContact: null },
    },
    {
      about: "前负责人 is not the owner",
      columns: { 前负责人: ["李娜", "周强", "李娜", "陈静", "周强"] },
      want: { owner: null },
    },
    {
      about: "客户电话 is the phone, not the name",
      columns: {
        客户电话: [
          "13800138000",
          "139 0013 9000",
          "+86 137-0013-7000",
          "１３６００１３６０００",
          15800158000,
        ],
      },
      want: { phone: "客户电话", customerName: null },
      reason: { phone: "phone" },
    },
    {
      about: "联系方式 holding e-mails is not the phone",
      columns: {
        联系方式: ["a@b.com", "li@qiming.cn", "x@y.org", "z@w.net", "m@n.cn"],
      },
      want: { phone: null },
    },
    {
      about: "上次联系 holding counts is refused",
      columns: { 上次联系: [1, 2, 3, 1, 2] },
      want: { lastContact: null },
    },
    // Words teams use beside the seed's own
    {
      about:
        "Salesforce-style lead export: Annual Revenue is the company's size, Created By is not the owner",
      columns: {
        "Lead Owner": [
          "Tom Baker",
          "Amy Wu",
          "Tom Baker",
          "Amy Wu",
          "Tom Baker",
        ],
        "Created By": [
          "Ops Admin",
          "Ops Admin",
          "Amy Wu",
          "Ops Admin",
          "Ops Admin",
        ],
        "Annual Revenue": [5000000, 1200000, 80000000, 300000, 2500000],
        "Created Date": DATES,
        "Lead Status": [
          "Open",
          "Contacted",
          "Qualified",
          "Open",
          "Unqualified",
        ],
      },
      want: {
        owner: "Lead Owner",
        amount: null,
        registeredAt: "Created Date",
        observations: null,
      },
    },
    {
      about: "a lone 时间 column is not the timeline",
      columns: { 时间: DATES, 姓名: NAMES },
      want: { timeline: null, registeredAt: "时间" },
    },
    {
      about: "跟进状态 tags are not the notes",
      columns: {
        跟进状态: ["跟进中", "已到访", "已签约", "跟进中", "无效"],
        跟进记录: NOTES,
      },
      want: { observations: ["跟进记录"] },
    },
    {
      about: "客户意向 A/B/C/D is the team's grade",
      columns: { 客户意向: ["A", "B", "C", "D", "B"] },
      want: { teamGrade: "客户意向", payment: null },
    },
    {
      about: "KP, 拨打次数, 进线次数, 带看次数",
      columns: {
        KP: ["老板", "总经理", "部门经理", "老板", "主管"],
        拨打次数: [3, 5, 1, 2, 4],
        进线次数: [1, 0, 2, 1, 3],
        带看次数: [1, 2, 0, 1, 1],
      },
      want: {
        decisionLevel: "KP",
        revisits: "拨打次数",
        calls: "进线次数",
        siteVisits: "带看次数",
      },
    },
    {
      about: "预约到店时间 is neither registration nor last contact",
      columns: { 预约到店时间: DATES },
      want: { registeredAt: null, lastContact: null },
    },
    {
      about:
        "登记本序号 is the reception log's order; 序号 is the sheet's row number",
      columns: { 序号: [1, 2, 3, 4, 5], 登记本序号: [12, 13, 15, 16, 20] },
      want: { receptionOrder: "登记本序号" },
    },
    {
      about: "序号 alone is nothing",
      columns: { 序号: [1, 2, 3, 4, 5] },
      want: { receptionOrder: null, revisits: null, amount: null },
    },
    {
      about: "an empty column beside filled ones is never chosen",
      columns: { 跟进记录: ["", "", "", "", ""], 上次联系: DATES, 姓名: NAMES },
      want: { observations: null, lastContact: "上次联系" },
    },
    {
      about: "masked phones in an ads export",
      columns: {
        手机号: [
          "138****8000",
          "139****9000",
          "137****7000",
          "136****6000",
          "135****5000",
        ],
      },
      want: { phone: "手机号" },
    },
    {
      about: "Opportunity Name and 项目名称 are not the customer's name",
      columns: {
        "Opportunity Name": [
          "Acme - 50 seats",
          "Globex renewal",
          "Initech pilot",
          "Umbrella SSO",
          "Acme add-on",
        ],
        项目名称: ["一期改造", "仓库系统", "官网升级", "二期", "年度维保"],
      },
      want: { customerName: null },
    },
    // Several note columns, one per call
    {
      about: "第一次跟进 … 第三次跟进",
      columns: { 第一次跟进: NOTES, 第二次跟进: NOTES, 第三次跟进: NOTES },
      want: { observations: ["第一次跟进", "第二次跟进", "第三次跟进"] },
    },
    {
      about:
        "Call 1 notes, Call 2 notes; the stage column is left out when there are notes",
      columns: {
        Stage: [
          "Qualified",
          "Proposal",
          "Negotiation",
          "Closed Won",
          "Qualified",
        ],
        "Call 1 notes": [
          "Asked about pricing and the pilot, wants a demo next week",
          "Not interested right now",
          "Compared us with Globex on price and support",
          "Agreed to sign the contract",
          "Left a voicemail, no answer",
        ],
        "Call 2 notes": [
          "Demo went well, the CFO joined and asked about payment terms",
          "",
          "Asked for a discount of ten percent",
          "Payment received",
          "",
        ],
      },
      want: { observations: ["Call 1 notes", "Call 2 notes"] },
    },
    {
      about: "第1次跟进时间 is neither notes nor last contact",
      columns: { 第1次跟进时间: DATES, 第1次跟进内容: NOTES },
      want: { observations: ["第1次跟进内容"], lastContact: null },
    },
  ];
  test.each(cases)("$about", ({ columns, want, reason }) => {
    const { headers, rows } = sheet(columns);
    const m = proposeMapping(headers, { rows });
    for (const [key, w] of Object.entries(want) as [
      InputKey,
      string | string[] | null,
    ][]) {
      const got = m[key].columns.map((c) => headers[c]);
      const expected = w === null ? [] : Array.isArray(w) ? w : [w];
      expect({ key, got }).toEqual({ key, got: expected });
    }
    for (const [key, kind] of Object.entries(reason ?? {}) as [
      InputKey,
      string,
    ][])
      expect(m[key].reason?.kind).toBe(kind);
  });

  test("a rating column of grade letters says why it was refused", () => {
    const { headers, rows } = sheet({ 支付能力: ["H", "A", "B", "C", "F"] });
    expect(proposeMapping(headers, { rows }).payment.refused).toEqual({
      column: 0,
      reason: { kind: "classLetters", effect: "overturns" },
    });
  });

  test("a refused header says why: 客户名称 holding companies", () => {
    const { headers, rows } = sheet({ 客户名称: COMPANIES });
    const m = proposeMapping(headers, { rows });
    expect(m.customerName.refused).toEqual({
      column: 0,
      reason: { kind: "company", effect: "overturns" },
    });
    expect(m.company).toMatchObject({
      column: 0,
      reason: { kind: "company", effect: "confirms" },
    });
    expect(m.company.confidence).toBeLessThan(1);
  });

  test("the add-in's own output columns are never inputs", () => {
    const { headers, rows } = sheet({
      跟进记录: NOTES,
      意向阶段: [1, 2, 3, 4, 5],
      客户等级: ["A", "B", "C", "D", "E"],
    });
    const m = proposeMapping(headers, { rows, exclude: new Set([1, 2]) });
    expect(m.observations.columns).toEqual([0]);
    expect(m.teamGrade.column).toBeNull();
    const all = Object.values(m).flatMap((c) => c.columns);
    expect(all).not.toContain(1);
    expect(all).not.toContain(2);
  });

  test("on a new sheet (headers only) the headers decide", () => {
    const m = proposeMapping(["跟进记录", "上次联系"], { rows: [] });
    expect([m.observations.columns, m.lastContact.column]).toEqual([[0], 1]);
  });

  test("two cells are not enough to overturn a header", () => {
    const { headers, rows } = sheet({ 客户名称: COMPANIES.slice(0, 2) });
    expect(proposeMapping(headers, { rows }).customerName.column).toBe(0);
  });

  test("a group row names the sub-headers under it; a title row does not", () => {
    const groups = ["上次联系", null, "第一次跟进", null];
    const headers = ["日期", "方式", "日期", "内容"];
    const rows = [
      [46340, "电话", 46300, NOTES[0]],
      [46341, "上门", 46301, NOTES[1]],
      [46342, "微信", 46302, NOTES[2]],
    ];
    const m = proposeMapping(headers, { rows, groups });
    expect(m.lastContact.column).toBe(0);
    expect(m.observations.columns).toEqual([3]);
    const title = proposeMapping(headers, {
      rows,
      groups: ["上次联系 登记表", null, null, null],
    });
    expect(title.lastContact.column).toBeNull();
  });
});

/** How teams name each input, beyond the seed's words: the header alone must name it best. */
const HEADER_VARIANTS: Record<string, string[]> = {
  payment: [
    "付款能力",
    "支付力",
    "购买实力",
    "经济实力评估",
    "资金状况",
    "首付是否充足",
    "能否付首付",
    "Ability to pay",
    "Can pay",
    "Financially able",
  ],
  satisfaction: [
    "满意度",
    "对产品满意",
    "项目认可",
    "认可度",
    "好感度",
    "产品认可度",
    "Satisfied?",
    "Likes product",
    "Product fit",
  ],
  revisits: [
    "回访次数",
    "跟进次数",
    "联系次数",
    "沟通次数",
    "电话回访次数",
    "拜访次数",
    "Follow-ups",
    "# Touches",
    "Touches",
    "Contacts made",
    "Calls made",
    "Number of follow-ups",
    "No. of follow ups",
  ],
  calls: [
    "来电次数",
    "主动来电",
    "来电咨询",
    "客户来电次数",
    "Inbound calls",
    "Calls in",
    "Calls from customer",
    "Customer calls",
  ],
  siteVisits: [
    "看房次数",
    "到访次数",
    "到店次数",
    "来访次数",
    "参观次数",
    "带看次数",
    "考察次数",
    "实地看房",
    "Site visits",
    "Visits",
    "Showings",
    "Tours",
    "Viewings",
    "Store visits",
    "Showroom visits",
    "Demo visits",
  ],
  processAsked: [
    "问流程",
    "咨询购买流程",
    "询问购房手续",
    "问过流程",
    "是否咨询流程",
    "了解购买流程",
    "Asked about process",
    "Asked how to buy",
    "Asked about next steps",
    "Process questions",
  ],
  priceTolerance: [
    "价格承受",
    "价格接受度",
    "能接受涨价",
    "Price tolerance",
    "Accepts price rise",
    "Price OK",
    "OK with price increase",
  ],
  observations: [
    "跟进记录",
    "跟进情况",
    "沟通记录",
    "回访记录",
    "备注",
    "说明",
    "客户反馈",
    "洽谈内容",
    "Notes",
    "Comments",
    "Remarks",
    "Call notes",
    "Activity log",
    "Last note",
    "Summary",
    "Details",
  ],
  lastContact: [
    "上次联系",
    "最近联系",
    "最后跟进",
    "最近沟通",
    "上次回访",
    "最近一次通话",
    "最后联络",
    "最近拜访",
    "Last contact",
    "Last contacted",
    "Last touch",
    "Last activity",
    "Last call",
    "Last spoke",
    "Last follow up",
    "Last reached",
    "Date of last call",
    "Last contact date",
  ],
  timeline: [
    "预计签约",
    "预计成交时间",
    "计划购买时间",
    "期望交付",
    "截止日期",
    "项目期限",
    "决策时间",
    "Deadline",
    "Timeline",
    "Target date",
    "Expected close",
    "Close date",
    "Decision by",
    "Needed by",
    "Go-live",
    "Purchase timeframe",
  ],
  resources: [
    "预算情况",
    "预算是否批准",
    "资源投入",
    "立项",
    "资金到位",
    "Budget status",
    "Budget approved",
    "Funding",
    "Budget confirmed",
  ],
  decisionLevel: [
    "决策人",
    "决策层级",
    "是否决策人",
    "关键人",
    "拍板人",
    "Decision maker",
    "Authority",
    "DM level",
    "Seniority",
  ],
  competition: [
    "竞争",
    "竞争程度",
    "竞争情况",
    "竞争激烈程度",
    "市场竞争",
    "Competition",
    "Competitive pressure",
    "Competition level",
  ],
  owner: [
    "负责人",
    "销售",
    "置业顾问",
    "销售顾问",
    "客户经理",
    "业务员",
    "跟进人",
    "所属销售",
    "归属顾问",
    "Owner",
    "Sales rep",
    "Rep",
    "Account manager",
    "Agent",
    "Assigned to",
    "Salesperson",
    "Handled by",
    "Consultant",
    "Sales owner",
  ],
  customerName: [
    "客户姓名",
    "姓名",
    "客户",
    "联系人",
    "客户名称",
    "称呼",
    "Name",
    "Customer",
    "Contact",
    "Client",
    "Lead name",
    "Full name",
    "Prospect",
    "Customer name",
  ],
  company: [
    "公司",
    "公司名称",
    "单位",
    "企业名称",
    "Company",
    "Account",
    "Organization",
    "Employer",
    "Business",
  ],
  phone: [
    "电话",
    "手机",
    "手机号",
    "联系电话",
    "联系方式",
    "Phone",
    "Mobile",
    "Tel",
    "Cell",
    "Contact number",
    "Phone no.",
    "Phone #",
  ],
  registeredAt: [
    "登记日期",
    "来访日期",
    "报备时间",
    "创建时间",
    "录入时间",
    "首次到访",
    "建档日期",
    "Created",
    "Date added",
    "Registered",
    "Lead date",
    "First contact",
    "Enquiry date",
    "Signup date",
  ],
  amount: [
    "成交金额",
    "合同金额",
    "订单金额",
    "金额",
    "消费金额",
    "累计消费",
    "Amount",
    "Deal value",
    "Order value",
    "Revenue",
    "Contract value",
    "Total spend",
    "Sales amount",
  ],
  lastPurchase: [
    "最近购买",
    "上次购买日期",
    "最近消费",
    "最后下单",
    "Last purchase",
    "Last order",
    "Last bought",
  ],
  closedBy: ["成交人", "签单人", "成交顾问", "Closed by", "Won by"],
  closedAt: [
    "成交日期",
    "签约日期",
    "签单日期",
    "Closed date",
    "Date closed",
    "Won on",
    "Closed on",
  ],
  conflictRaisedAt: [
    "撞单提出日期",
    "申诉日期",
    "撞单日期",
    "Conflict raised",
    "Dispute date",
    "Claim date",
  ],
  teamGrade: [
    "客户等级",
    "客户级别",
    "意向等级",
    "级别",
    "类别",
    "Grade",
    "Rating",
    "Tier",
    "Class",
    "Priority",
    "Temperature",
  ],
};

describe("header words: how teams name each input", () => {
  const rows = Object.entries(HEADER_VARIANTS).flatMap(([key, hs]) =>
    hs.map((h) => [key as InputKey, h] as const),
  );
  test.each(rows)("%s ← %p", (key, header) => {
    const scores = INPUTS.map((i) => ({
      key: i.key,
      s: headerScore(i.key, header),
    }));
    const mine = scores.find((x) => x.key === key)?.s ?? 0;
    const best = Math.max(...scores.map((x) => x.s));
    expect(mine).toBeGreaterThanOrEqual(0.5);
    expect({ key, mine }).toEqual({ key, mine: best });
  });
});

describe("unusedColumns: every header-named column the mapping does not read, with why", () => {
  test("moved by its contents, another column chosen, a stage column beside notes", () => {
    const headers = [
      "价格承受能力",
      "跟进记录",
      "意向阶段",
      "付款能力",
      "支付能力",
    ];
    const rows = [0, 1, 2, 3, 4].map((i) => [
      `1380000111${i}`,
      NOTES[i],
      i + 1,
      "是",
      "否",
    ]);
    const m = proposeMapping(headers, { rows });
    const unused = unusedColumns(headers, m, { rows });
    expect(unused).toEqual([
      {
        column: 0,
        input: "priceTolerance",
        why: "contents",
        reason: { kind: "phone", effect: "overturns" },
      },
      { column: 2, input: "observations", why: "stage" },
      {
        column: m.payment.column === 3 ? 4 : 3,
        input: "payment",
        why: "another",
        instead: m.payment.column,
      },
    ]);
    expect(unused.map((u) => unusedText(u, headers, "zh")).join("\n")).toMatch(
      /^A 列“价格承受能力”未作为“价格承受能力”读取：内容多为电话号码\n/,
    );
  });
});

test("a strong header kept over a few unreadable cells says to check it: 价格承受能力 of A/B with one C", () => {
  const headers = ["价格承受能力"];
  const rows = ["A", "B", "C", "A", "B", "A"].map((v) => [v]);
  const m = proposeMapping(headers, { rows });
  expect(m.priceTolerance).toMatchObject({
    column: 0,
    reason: { kind: "rating", effect: "lowers" },
  });
  expect(unusedColumns(headers, m, { rows })).toEqual([]);
});
