/**
 * Our own realistic lead sheets for the column-mapping tests, one per trade and habit (a 案场
 * register, a bilingual CRM export, an ads team's sheet, a 4S A-card list, an English pipeline,
 * a full-width sheet, a duplicate-lead register). Written from how such sheets look, before
 * any tuning; the held-out corpus in test/cases/columns/ is separate and never copied here.
 */
import type { InputKey } from "../../src/sheet/inputs";

type Col = string | number;

export interface OwnSheet {
  readonly name: string;
  /** the block as read: title and group rows included */
  readonly rows: readonly (readonly unknown[])[];
  readonly headerRow: number;
  /** header text (or column index, where headers repeat) expected per input; a list for several columns; null: nothing */
  readonly expect: Partial<Record<InputKey, Col | Col[] | null>>;
  /** header texts an input must not take */
  readonly mustNot: Partial<Record<InputKey, string[]>>;
}

const S = 46351; // 2026-11-25 as an Excel serial

export const OWN_SHEETS: readonly OwnSheet[] = [
  {
    name: "案场来访登记 (title + group rows)",
    headerRow: 2,
    // prettier-ignore
    rows: [
      ["2026年11月 来访客户登记表", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
      ["客户信息", null, null, null, "来访", null, null, "意向评估", null, null, null, null, "跟进", null, null, null],
      ["序号", "来访日期", "客户姓名", "联系电话", "置业顾问", "到访次数", "看房次数", "付款方式", "支付能力", "满意度", "购房流程", "价格接受度", "跟进记录", "最近跟进日期", "下次跟进日期", "客户等级"],
      [1, S - 30, "王先生", "138 0013 8000", "李娜", 3, 2, "按揭", "是", "满意", "是", "A", "第二次来访，问了首付和月供，带父母看了样板间", S - 3, S + 4, "A"],
      [2, S - 28, "张女士", "139-0013-9000", "陈静", 1, 1, "全款", "否", "一般", "否", "B", "只看不问，说再考虑", S - 20, S + 10, "C"],
      [3, S - 25, "刘总", "+86 137 0013 7000", "李娜", 4, 3, "全款", "是", "满意", "是", "A", "已交定金，约下周签合同，问了交房时间", S - 1, S + 1, "A"],
      [4, S - 21, "赵先生", "13600136000", "周强", 2, 0, "分期", "是", "满意", "否", "B", "比较了隔壁楼盘的价格，觉得我们贵", S - 7, S + 7, "B"],
      [5, S - 14, "孙女士", "135 0013 5000", "陈静", 1, 1, "按揭", "否", "不满意", "否", "B", "嫌户型小，不感兴趣", S - 14, null, "D"],
      [6, S - 9, "周先生", "15800158000", "周强", 2, 1, "全款", "是", "满意", "是", "A", "问了购买流程和需要准备的材料", S - 2, S + 3, "B"],
    ],
    expect: {
      registeredAt: "来访日期",
      customerName: "客户姓名",
      phone: "联系电话",
      owner: "置业顾问",
      revisits: null,
      siteVisits: "看房次数",
      payment: "支付能力",
      satisfaction: "满意度",
      processAsked: "购房流程",
      priceTolerance: "价格接受度",
      observations: "跟进记录",
      lastContact: "最近跟进日期",
      teamGrade: "客户等级",
    },
    mustNot: {
      payment: ["付款方式"],
      lastContact: ["下次跟进日期"],
      satisfaction: ["客户等级"],
      priceTolerance: ["客户等级"],
    },
  },
  {
    name: "CRM export, bilingual headers",
    headerRow: 0,
    // prettier-ignore
    rows: [
      ["客户编号/ID", "客户名称/Customer Name", "联系人/Contact", "手机/Mobile", "邮箱/Email", "省份/Province", "城市/City", "行业/Industry", "人员规模/Size", "客户来源/Source", "客户级别/Level", "负责人/Owner", "前负责人/Previous Owner", "所属部门/Department", "创建人/Created By", "创建时间/Created Time", "最后修改时间/Last Modified", "最后跟进时间/Last Follow-up", "销售阶段/Sales Stage", "商机金额/Opportunity Amount", "采购预算/Budget", "预计成交日期/Expected Close Date", "决策人/Decision Maker", "竞争对手/Competitors", "跟进记录/Notes", "备注/Remarks", "锁定状态/Locked", "成交状态/Won", "地址/Address", "网址/Website"],
      ["C0001", "上海启明科技有限公司", "王伟", "13800138000", "wangwei@qiming.cn", "上海", "上海", "软件", "100-499", "官网", "A", "李娜", "张强", "华东一部", "李娜", "2026-09-01 10:12", "2026-11-24 18:00", "2026-11-20 15:30", "方案报价", "¥380,000", "50万", "2026-12-31", "总经理", "用友、金蝶", "客户问了报价和实施周期，下周安排演示", "重点", "未锁定", "否", "浦东新区张江路88号", "www.qiming.cn"],
      ["C0002", "杭州远帆贸易有限公司", "陈静", "13900139000", "chenjing@yf.com", "浙江", "杭州", "贸易", "20-99", "展会", "B", "周强", "", "华东一部", "周强", "2026-09-15 09:00", "2026-11-22 11:00", "2026-11-02 10:00", "初步沟通", "¥120,000", "10-20万", "2027-03-31", "部门经理", "金蝶", "在开会，说月底再联系，对价格比较敏感", "VIP", "未锁定", "否", "西湖区文三路1号", ""],
      ["C0003", "北京华信医疗器械股份有限公司", "刘洋", "+86 136 0013 6000", "liuyang@hx.cn", "北京", "北京", "医疗", "500+", "转介绍", "A", "李娜", "", "华北部", "王芳", "2026-10-08 14:20", "2026-11-25 09:00", "2026-11-24 16:00", "赢单", "¥860,000", "100万", "2026-11-30", "董事长", "无", "合同已签，首款已到账，安排交付", "重点", "已锁定", "是", "海淀区中关村1号", "www.hx.cn"],
      ["C0004", "广州众成物流有限公司", "赵敏", "137-0013-7000", "zhaomin@zc.cn", "广东", "广州", "物流", "100-499", "百度推广", "C", "周强", "李娜", "华南部", "周强", "2026-11-01 08:30", "2026-11-23 17:00", "2026-11-10 11:00", "需求确认", "¥200,000", "待定", "2027-06-30", "IT经理", "用友", "确认了需求范围，客户还在比较几家供应商的方案", "价格敏感", "未锁定", "否", "天河区体育西路2号", ""],
    ],
    expect: {
      company: "客户名称/Customer Name",
      customerName: "联系人/Contact",
      phone: "手机/Mobile",
      owner: "负责人/Owner",
      registeredAt: "创建时间/Created Time",
      lastContact: "最后跟进时间/Last Follow-up",
      amount: "商机金额/Opportunity Amount",
      timeline: "预计成交日期/Expected Close Date",
      decisionLevel: "决策人/Decision Maker",
      competition: null,
      observations: ["跟进记录/Notes"],
      teamGrade: "客户级别/Level",
      resources: null,
    },
    mustNot: {
      customerName: ["客户名称/Customer Name"],
      resources: ["采购预算/Budget", "客户来源/Source"],
      owner: ["前负责人/Previous Owner", "创建人/Created By"],
      lastContact: ["最后修改时间/Last Modified"],
      observations: ["备注/Remarks", "销售阶段/Sales Stage"],
      competition: ["竞争对手/Competitors"],
    },
  },
  {
    name: "ads team lead tracking",
    headerRow: 0,
    // prettier-ignore
    rows: [
      ["日期", "渠道", "计划名称", "留资时间", "姓名", "电话", "城市", "意向产品", "资源类型", "是否接通", "跟进结果", "备注", "分配销售", "是否到店", "成交金额"],
      [S - 6, "抖音", "双11-信息流-A", S - 6 + 0.42, "刘女士", "+86 138-0013-8000", "成都", "全屋定制", "抖音", "是", "加了微信，发了案例图，约周末到店量尺寸", "", "何军", "是", 38000],
      [S - 6, "百度", "品牌词", S - 6 + 0.61, "陈先生", "139 0013 9000", "成都", "橱柜", "百度", "否", "未接通，发短信", "重复", "何军", "否", null],
      [S - 5, "抖音", "双11-信息流-B", S - 5 + 0.35, "杨女士", "13700137000", "重庆", "衣柜", "抖音", "是", "问了价格和工期，说要和老公商量一下", "", "马丽", "否", null],
      [S - 4, "小红书", "种草-笔记", S - 4 + 0.5, "黄先生", "136 0013 6000", "成都", "全屋定制", "小红书", "是", "已交定金，下周一上门复尺", "老客户介绍", "马丽", "是", 56000],
    ],
    expect: {
      registeredAt: "留资时间",
      customerName: "姓名",
      phone: "电话",
      owner: "分配销售",
      observations: "跟进结果",
      amount: "成交金额",
      resources: null,
    },
    mustNot: { resources: ["资源类型", "渠道"], observations: ["备注"] },
  },
  {
    name: "4S dealer A-card list",
    headerRow: 0,
    // prettier-ignore
    rows: [
      ["建卡日期", "客户姓名", "联系电话", "意向车型", "意向级别", "销售顾问", "信息来源", "到店次数", "试驾", "付款方式", "预计购车时间", "对比车型", "最近跟进日期", "下次跟进日期", "回访记录1", "回访记录2", "回访记录3", "订车日期", "成交顾问"],
      [S - 40, "李先生", "13800138000", "凯美瑞 2.0G", "H", "王磊", "汽车之家", 3, "是", "分期", "一周内", "雅阁", S - 1, S + 1, "到店看车，试驾后很满意，问了贷款政策", "打电话确认了颜色，要白色", "问了交车时间，准备这周订车", S, "王磊"],
      [S - 35, "吴女士", "139 0013 9000", "卡罗拉", "A", "赵倩", "自然进店", 2, "是", "全款", "半个月", "轩逸", S - 4, S + 3, "第一次到店，比较了轩逸的价格", "说家里还在商量", "", null, ""],
      [S - 30, "郑先生", "137-0013-7000", "RAV4", "B", "王磊", "懂车帝", 1, "否", "按揭", "一个月", "CR-V", S - 10, S + 5, "电话邀约，客户说最近忙", "", "", null, ""],
      [S - 20, "冯女士", "136 0013 6000", "汉兰达", "C", "赵倩", "转介绍", 1, "否", "全款", "三个月", "汉兰达", S - 15, S + 15, "只是先了解一下，明年再买", "", "", null, ""],
      [S - 18, "钱先生", "135 0013 5000", "凯美瑞", "F", "王磊", "抖音", 1, "否", "分期", "", "", S - 12, null, "已在别家买了，战败", "", "", null, ""],
    ],
    expect: {
      registeredAt: "建卡日期",
      customerName: "客户姓名",
      phone: "联系电话",
      teamGrade: "意向级别",
      owner: "销售顾问",
      revisits: null,
      siteVisits: "到店次数",
      timeline: "预计购车时间",
      competition: null,
      lastContact: "最近跟进日期",
      observations: ["回访记录1", "回访记录2", "回访记录3"],
      closedAt: "订车日期",
      closedBy: "成交顾问",
      payment: null,
    },
    mustNot: {
      payment: ["付款方式", "意向级别"],
      siteVisits: ["试驾"],
      competition: ["对比车型"],
      satisfaction: ["意向级别"],
      lastContact: ["下次跟进日期"],
      resources: ["信息来源"],
    },
  },
  {
    name: "English pipeline (overseas office)",
    headerRow: 0,
    // prettier-ignore
    rows: [
      ["Account Name", "Contact", "Title", "Email", "Phone", "Lead Owner", "Lead Source", "Rating", "Budget", "Authority", "Timeline", "Competitors", "Last Activity", "Next Step", "Notes", "Created Date", "Deal Value"],
      ["Northwind Traders Ltd", "Sarah Jones", "Head of Procurement", "sarah@northwind.co.uk", "+44 20 7946 0958", "Tom Baker", "Trade Show", "Hot", "$120,000", "VP Operations", S + 40, "Acme Corp", S - 2, "Send proposal", "Asked for pricing tiers and a pilot; wants to go live before Q2", S - 60, 120000],
      ["Contoso Inc", "Mike Chan", "IT Manager", "mike@contoso.com", "(555) 123-4567", "Amy Wu", "Website", "Warm", "$45,000", "Manager", S + 120, "Globex", S - 9, "Follow up call", "Compared us with Globex on price, needs sign-off from the CFO", S - 45, 45000],
      ["Fabrikam GmbH", "Anna Müller", "CEO", "anna@fabrikam.de", "+49 30 123456", "Tom Baker", "Referral", "Hot", "$300,000", "CEO", S + 20, "None", S - 1, "Contract review", "Agreed to sign; legal is reviewing the contract this week", S - 90, 300000],
      ["Tailspin Toys LLC", "Raj Patel", "Buyer", "raj@tailspin.com", "+1 415 555 0199", "Amy Wu", "Cold Call", "Cold", "$10,000", "Staff", S + 200, "", S - 30, "Nurture", "Not interested this year, budget frozen", S - 120, 10000],
    ],
    expect: {
      company: "Account Name",
      customerName: "Contact",
      title: "Title",
      phone: "Phone",
      owner: "Lead Owner",
      decisionLevel: "Authority",
      timeline: "Timeline",
      competition: null,
      lastContact: "Last Activity",
      observations: "Notes",
      registeredAt: "Created Date",
      amount: "Deal Value",
      resources: null,
      teamGrade: "Rating",
    },
    mustNot: {
      resources: ["Budget", "Lead Source"],
      customerName: ["Account Name", "Lead Source"],
      lastContact: ["Next Step"],
      observations: ["Next Step"],
    },
  },
  {
    name: "full-width typed sheet starting at C4, an empty column and two 备注",
    headerRow: 0,
    // prettier-ignore
    rows: [
      ["客户", "电话", null, "付款能力", "满意度", "来电次数", "备注", "备注", "上次联系"],
      ["王先生", "１３８　００１３　８０００", null, "Ａ", "Ａ", "３次", "意向高", "客户说下周带家人来看房，问了首付比例和贷款", "２０２６－１１－２０"],
      ["李女士", "１３９－００１３－９０００", null, "Ｂ", "Ａ", "１次", "一般", "电话沟通，暂时不考虑，明年再说", "２０２６－１１－１８"],
      ["陈先生", "１３７００１３７０００", null, "Ａ", "Ｂ", "２次", "意向高", "已看过样板间，对比了两个户型，想要高楼层", "２０２６－１１－２２"],
      ["杨女士", "１３６　００１３　６０００", null, "Ｂ", "Ｂ", "０次", "待定", "加了微信，发了户型图，还没回复", "２０２６－１１－１５"],
    ],
    expect: {
      customerName: "客户",
      phone: "电话",
      payment: "付款能力",
      satisfaction: "满意度",
      calls: "来电次数",
      observations: 7,
      lastContact: "上次联系",
    },
    mustNot: {},
  },
  {
    name: "duplicate-lead register (撞单)",
    headerRow: 0,
    // prettier-ignore
    rows: [
      ["登记日期", "客户姓名", "手机", "公司名称", "报备销售", "成交人", "成交日期", "撞单提出日期", "成交金额", "最近购买日期", "备注"],
      ["2026-10-01", "王先生", "13800138000", "启明科技有限公司", "李娜", "周强", "2026-11-02", "2026-11-05", "¥86,000", "2026-11-02", "两人都报备了"],
      ["2026-10-03", "王先生", "138 0013 8000", "启明科技有限公司", "周强", "周强", "2026-11-02", "", "¥86,000", "2026-11-02", ""],
      ["2026-10-10", "陈女士", "139-0013-9000", "远帆贸易有限公司", "李娜", "", "", "", "", "", ""],
      ["2026-10-12", "刘先生", "+86 137 0013 7000", "华信医疗器械股份有限公司", "王芳", "王芳", "2026-11-20", "", "¥120,000", "2026-11-20", "老客户复购"],
    ],
    expect: {
      registeredAt: "登记日期",
      customerName: "客户姓名",
      phone: "手机",
      company: "公司名称",
      owner: "报备销售",
      closedBy: "成交人",
      closedAt: "成交日期",
      conflictRaisedAt: "撞单提出日期",
      amount: "成交金额",
      lastPurchase: "最近购买日期",
    },
    mustNot: {},
  },
  {
    name: "training school enquiries (课程顾问, 到校次数, 报名)",
    headerRow: 0,
    // prettier-ignore
    rows: [
    ["咨询日期", "学员姓名", "家长电话", "意向课程", "课程顾问", "来源渠道", "试听", "到校次数", "回访次数", "报名意向", "沟通记录", "下次回访", "最近回访日期", "报名日期", "实收金额", "备注"],
    [S - 30, "小明", "13800138000", "少儿编程", "王老师", "抖音", "是", 2, 3, "A", "家长问了课时费和上课时间，周末带孩子来试听", S + 2, S - 3, "", "", "重点"],
    [S - 28, "乐乐", "139 0013 9000", "英语", "李老师", "转介绍", "否", 1, 1, "C", "觉得太贵，再考虑", S + 7, S - 10, "", "", ""],
    [S - 20, "朵朵", "137-0013-7000", "美术", "王老师", "地推", "是", 3, 4, "A", "已交定金，下周一报名", "", S - 1, S, "¥6,800", "老带新"],
    [S - 15, "豆豆", "136 0013 6000", "少儿编程", "赵老师", "百度", "是", 1, 2, "B", "对比了别家机构，在考虑", S + 3, S - 5, "", "", ""],
    [S - 10, "果果", "135 0013 5000", "英语", "李老师", "抖音", "否", 0, 1, "D", "电话没接", S + 1, S - 8, "", "", "无效"],
  ],
    expect: {
      registeredAt: "咨询日期",
      customerName: "学员姓名",
      phone: "家长电话",
      owner: "课程顾问",
      siteVisits: "到校次数",
      revisits: "回访次数",
      teamGrade: "报名意向",
      observations: "沟通记录",
      lastContact: "最近回访日期",
      closedAt: "报名日期",
      amount: "实收金额",
    },
    mustNot: {
      siteVisits: ["试听"],
      lastContact: ["下次回访"],
      resources: ["来源渠道"],
      observations: ["备注"],
    },
  },
  {
    name: "insurance agent's book (缴费能力, 保费, 首次接触)",
    headerRow: 0,
    // prettier-ignore
    rows: [
    ["客户", "性别", "年龄", "手机", "职业", "年收入", "缴费能力", "保险意识", "意向险种", "预算(元/年)", "代理人", "首次接触", "最近联系", "跟进情况", "投保日期", "保费"],
    ["王女士", "女", 35, "13800138000", "教师", "20万", "强", "高", "重疾险", "8000", "陈静", "2026-09-01", "2026-11-20", "已经做完需求分析，下周递方案", "", ""],
    ["李先生", "男", 42, "139-0013-9000", "个体户", "50万", "强", "一般", "年金险", "3万", "陈静", "2026-08-15", "2026-11-22", "方案已确认，等体检结果", "2026-11-24", "¥28,600"],
    ["张先生", "男", 28, "137 0013 7000", "程序员", "30万", "一般", "低", "医疗险", "2000", "周强", "2026-10-10", "2026-11-02", "说再看看，不急", "", ""],
    ["刘女士", "女", 50, "13600136000", "退休", "10万", "弱", "高", "意外险", "500", "周强", "2026-11-01", "2026-11-18", "嫌贵，拒绝了", "", ""],
  ],
    expect: {
      customerName: "客户",
      phone: "手机",
      payment: "缴费能力",
      owner: "代理人",
      registeredAt: "首次接触",
      lastContact: "最近联系",
      observations: "跟进情况",
      closedAt: "投保日期",
      amount: "保费",
      resources: null,
    },
    mustNot: { resources: ["预算(元/年)"], amount: ["预算(元/年)", "年收入"] },
  },
  {
    name: "English SaaS sheet with abbreviated headers",
    headerRow: 0,
    // prettier-ignore
    rows: [
    ["Co.", "Contact", "Role", "Ph.", "Email", "Src", "Owner", "Stage", "Est. Value", "Budget?", "DM?", "Comp. Level", "Last Touch", "Next Touch", "Notes", "Created"],
    ["Acme Ltd", "Jane Doe", "CTO", "+1 415 555 0100", "jane@acme.com", "Webinar", "Bo", "Demo", "$40,000", "Approved", "Yes", "High", "2026-11-20", "2026-11-28", "Demo went well; wants pricing for 50 seats and SSO", "2026-09-01"],
    ["Globex Inc", "John Roe", "IT Manager", "(555) 222-0101", "john@globex.com", "Referral", "Cy", "Proposal", "$12,000", "Pending", "No", "Medium", "2026-11-18", "2026-11-25", "Sent proposal, waiting on their budget cycle", "2026-10-03"],
    ["Initech LLC", "Ann Lee", "CEO", "+44 20 7946 0000", "ann@initech.co", "Cold Call", "Bo", "Negotiation", "$85,000", "Approved", "Yes", "Low", "2026-11-24", "2026-11-26", "Asked for a 10% discount, legal reviewing MSA", "2026-08-20"],
    ["Umbrella Corp", "Tim Fox", "Procurement", "555-0102", "tim@umbrella.com", "Website", "Cy", "Qualified", "$7,500", "None", "No", "High", "2026-11-10", "2026-12-01", "Early stage, comparing three vendors", "2026-11-01"],
  ],
    expect: {
      company: "Co.",
      customerName: "Contact",
      title: "Role",
      phone: "Ph.",
      owner: "Owner",
      resources: "Budget?",
      decisionLevel: "DM?",
      competition: "Comp. Level",
      lastContact: "Last Touch",
      observations: "Notes",
      registeredAt: "Created",
      amount: null,
      teamGrade: null,
    },
    mustNot: {
      lastContact: ["Next Touch"],
      amount: ["Est. Value"],
      observations: ["Stage"],
    },
  },
];
