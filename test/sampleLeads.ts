/**
 * A lead list as teams keep it, shared by the benchmarks, the command line and page tests and
 * `npm run preview` (scripts/previewHost.js loads this file): the input columns under the short
 * headers teams type, phrases from their notes, and five sample leads. Plain data with no
 * run-time imports: the preview transpiles this file on its own.
 */

/**
 * The input columns under the headers teams type (short forms the column mapping must
 * recognise), in the order the functions read them: LEADGRADE's seven, then the follow-up
 * notes and last contact, then URGENCY's four.
 */
export const LEAD_HEADERS: readonly string[] = [
  "付款能力",
  "满意度",
  "回访次数",
  "来电次数",
  "工地考察",
  "流程询问",
  "价格承受",
  "跟进记录",
  "上次联系",
  "截止日期",
  "资源投入",
  "决策层级",
  "市场竞争",
];

/** Short phrases reps write in follow-up notes; the benches build their notes from them. */
export const NOTE_PHRASES: readonly string[] = [
  "询问价格和优惠",
  "已签约，已付款",
  "不感兴趣",
  "愿意听，回答问题",
  "在开会，稍后再联系",
  "可以约访，对比竞品",
  "问效果",
  "上门拜访",
  "介绍自己的情况",
  "确定成交，考虑金额",
  "客户说预算下个季度才批",
  "要求先发资料再谈",
  "老板出差，回来再定",
  "对售后服务有顾虑",
];

/** Five leads under 客户姓名, 职位 and LEAD_HEADERS (header row first). */
export const SAMPLE_LEADS: readonly (readonly (string | number)[])[] = [
  ["客户姓名", "职位", ...LEAD_HEADERS],
  [
    "王先生",
    "采购经理",
    "是",
    "是",
    4,
    2,
    2,
    1,
    "A",
    "询问价格和优惠",
    "2026-11-20",
    "2026-12-20",
    "已分配",
    "老板",
    "激烈",
  ],
  [
    "张女士",
    "总经理",
    "A",
    "B",
    3,
    2,
    2,
    1,
    "A",
    "已签约，已付款",
    "2026-11-01",
    "无截止日期",
    "申请中",
    "经理",
    "一般",
  ],
  [
    "赵总",
    "董事长",
    "否",
    "否",
    0,
    0,
    0,
    0,
    "B",
    "不感兴趣",
    "2026-10-05",
    "",
    "未分配",
    "基层",
    "无",
  ],
  [
    "刘经理",
    "技术总监",
    "是",
    "是",
    2,
    1,
    2,
    1,
    "是",
    "愿意见面，要求报价",
    "2026-11-22",
    "2026-12-05",
    "已分配",
    "总经理",
    "激烈",
  ],
  [
    "陈小姐",
    "财务",
    "是",
    "否",
    5,
    3,
    2,
    1,
    "A",
    "阶段2",
    "2026-11-24",
    "30",
    "申请中",
    "中层",
    "一般",
  ],
];

/** The sample's header row and its first `leads` leads, cut to `columns` (headers), in that order. */
export function sampleLeads(
  columns: readonly string[],
  leads = SAMPLE_LEADS.length - 1,
): (string | number)[][] {
  const header = SAMPLE_LEADS[0]!;
  const at = columns.map((c) => {
    const j = header.indexOf(c);
    if (j < 0) throw new Error(`sampleLeads: no column "${c}" in the sample`);
    return j;
  });
  return SAMPLE_LEADS.slice(0, leads + 1).map((row) => at.map((j) => row[j]!));
}
