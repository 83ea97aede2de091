/** Column choice from headers and contents together: our own realistic sheets, then each kind of miss. */
import { proposeMapping, type Mapping } from "../../src/sheet/columnMapping";
import { detectHeaderRow } from "../../src/sheet/headerRow";
import type { InputKey } from "../../src/sheet/inputs";
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
      about: "支付能力 holding H/A/B/C/F goes to the team's grade",
      columns: { 支付能力: ["H", "A", "B", "C", "F"] },
      want: { payment: null, teamGrade: "支付能力" },
      reason: { teamGrade: "classLetters" },
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
