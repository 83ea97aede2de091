/** The pane's own words, per label language (SPEC §12). A missing entry fails to compile. */
import type { Lang } from "../engine/lang";
import type { DataSource } from "./grade/gradeExcel";
import type { OutputKind } from "../sheet/outputs";
import type { Reason } from "../sheet/columnMapping";
import { reasonText } from "../sheet/mappingReasons";

/** "1 row", "2 rows": an English count with its noun (the nouns here all take -s). */
export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : noun + "s"}`;
}

interface PaneWords {
  /** the add-in's name, as the manifest gives it per language */
  title: string;
  intro: string;
  language: string;
  functions: string;
  saved: string;
  noOffice: string;
  dataHeading: string;
  findData: string;
  found: (
    sheet: string,
    address: string,
    rows: number,
    source: string,
    headerRow: number,
  ) => string;
  noData: string;
  source: Record<DataSource, string>;
  columnsHeading: string;
  notMapped: string;
  confidence: (c: number) => string;
  /** what a column's cells hold, beside the confidence ("内容多为公司名") */
  reason: (r: Reason) => string;
  /** an input left unmapped because its header's column holds something else */
  refused: (column: string, why: string) => string;
  teamGrades: string;
  /** beside a list that takes several columns */
  several: string;
  /** stored header words that could not be read */
  wordsIgnored: (n: number, first: string) => string;
  teamAgreement: (agree: number, compared: number) => string;
  outputsHeading: string;
  needs: string;
  modeLegend: string;
  /** the folded list of unmapped inputs */
  otherInputs: (n: number) => string;
  modeLive: string;
  modeLiveHint: string;
  modeStatic: string;
  modeStaticHint: string;
  apply: string;
  cancel: string;
  progress: (done: number, total: number) => string;
  conflictTitle: (n: number) => string;
  conflictCell: (address: string, content: string) => string;
  conflictMove: string;
  summaryTitle: (rows: number) => string;
  grades: string;
  stages: string;
  errorsTitle: (n: number) => string;
  noErrors: string;
  errorRow: (row: number, message: string) => string;
  unreadTitle: (rows: number, groups: number) => string;
  unreadGroup: (text: string, rows: number, firstRow: number) => string;
  showMore: (n: number) => string;
  revert: string;
  reverted: string;
  cancelled: string;
  failed: (message: string) => string;
  // Stop and ask: target cells that are the user's.
  conflictOverwrite: (n: number) => string;
  conflictSkip: string;
  conflictCancel: string;
  conflictMore: (n: number) => string;
  conflictStopped: string;
  /** a write Excel refused: everything was put back */
  failedCell: (cell: string, message: string) => string;
  sheetGone: string;
  tableGone: string;
  columnGone: (headers: string) => string;
  settingsIgnored: (detail: string) => string;
  revertNotStored: string;
  revertDone: (n: number) => string;
  revertEdited: (n: number) => string;
  revertOverwriteEdited: (n: number) => string;
}

export const PANE_TEXT: Record<Lang, PaneWords> = {
  zh: {
    intro:
      "把评级标准应用到本工作表：客户分级 A–E、意向阶段及跟进频率、紧急程度。也可在单元格中直接输入 =SALES. 函数。",
    title: "销售线索评级",
    language: "标签语言",
    functions: "函数一览",
    saved: "已保存到工作簿：所有同事看到相同的标签。",
    noOffice: "未在 Excel 中运行：仅预览。",
    dataHeading: "1 数据",
    findData: "重新查找",
    found: (sheet, address, rows, source, headerRow) =>
      `${sheet} · ${address} · ${rows} 行数据 · ${source} · 表头在第 ${headerRow} 行`,
    noData: "没有找到数据：请选中线索表中的任一单元格，再点“重新查找”。",
    source: { table: "Excel 表格", region: "选区所在区域", used: "已用区域" },
    columnsHeading: "2 列对应",
    notMapped: "（未对应）",
    confidence: (c) =>
      c >= 0.95 ? "确定" : c >= 0.6 ? "较确定" : c > 0 ? "不确定" : "",
    reason: (r) => reasonText(r, "zh"),
    refused: (c, why) => `${c}：${why}，未采用`,
    teamGrades: "团队自评等级",
    several: "可多选（按住 Ctrl 或 ⌘ 点击）",
    wordsIgnored: (n, first) =>
      `工作簿中保存的列名词有 ${n} 处无法识别，已忽略（${first || "整体格式"}）`,
    teamAgreement: (a, n) => `与本次评级一致：${a} / ${n} 行`,
    outputsHeading: "3 输出",
    needs: "需要先对应：",
    modeLegend: "写入方式",
    otherInputs: (n) => `其他输入（${n}）`,
    modeLive: "实时公式",
    modeLiveHint:
      "写入 =SALES. 公式，数据或评分标准改动后自动重算；未安装加载项的同事会看到 #NAME?",
    modeStatic: "静态值",
    modeStaticHint: "写入结果文本，未安装加载项的同事也能看到",
    apply: "应用",
    cancel: "取消",
    progress: (d, t) => `已写入 ${d} / ${t} 行`,
    conflictTitle: (n) =>
      `目标单元格中有 ${n} 处不是本加载项写入的内容，已停止，未做任何修改：`,
    conflictCell: (a, c) => `${a}：${c}`,
    conflictMove: "改写到更右侧的空列",
    summaryTitle: (rows) => `完成：${rows} 行`,
    grades: "客户等级",
    stages: "意向阶段",
    errorsTitle: (n) => `${n} 处需要处理（点击选中该行）：`,
    noErrors: "没有错误。",
    errorRow: (row, m) => `第 ${row} 行：${m}`,
    unreadTitle: (rows, groups) =>
      `${rows} 行跟进记录未识别到意向信号（${groups} 种写法，按出现次数排列；点击选中第一行）。可在评分标准中补充词语：`,
    unreadGroup: (text, rows, first) =>
      `“${text || "（空）"}” × ${rows}（第 ${first} 行起）`,
    showMore: (n) => `还有 ${n} 项，全部显示`,
    revert: "撤销上次应用",
    reverted: "已恢复为应用前的内容。",
    cancelled: "已取消，表格已恢复原样。",
    failed: (m) => `出错了：${m}`,
    conflictOverwrite: (n) => `覆盖这 ${n} 个单元格`,
    conflictSkip: "保留我的内容（跳过这些单元格）",
    conflictCancel: "取消",
    conflictMore: (n) => `……另有 ${n} 处`,
    conflictStopped: "已取消，未做任何修改。",
    failedCell: (cell, m) =>
      `写入 ${cell} 时 Excel 拒绝了（${m}）。已恢复本次写入的所有内容，表格与应用前相同。`,
    sheetGone: "找不到原来的工作表（可能已删除或替换），请重新查找数据。",
    tableGone: "找不到原来的 Excel 表格，请重新查找数据。",
    columnGone: (h) => `输入列“${h}”已不在表中，请重新查找数据并检查列对应。`,
    settingsIgnored: (d) => `工作簿中保存的设置无法读取，已忽略（${d}）。`,
    revertNotStored:
      "本次写入较大，撤销信息只保存在本窗格中：关闭窗格后将无法撤销。",
    revertDone: (n) => `已恢复 ${n} 个单元格为应用前的内容。`,
    revertEdited: (n) => `另有 ${n} 个单元格在应用后被修改过，已保留你的修改：`,
    revertOverwriteEdited: (n) => `这 ${n} 个也恢复为应用前的内容`,
  },
  en: {
    intro:
      "Apply the qualification tables to this sheet: lead grade A–E, intent stage with its follow-up cadence, urgency. Or type =SALES. functions in any cell.",
    title: "Sales Qualify",
    language: "Label language",
    functions: "Functions",
    saved: "Saved in the workbook: every colleague sees the same labels.",
    noOffice: "Not running inside Excel: preview only.",
    dataHeading: "1 Data",
    findData: "Find again",
    found: (sheet, address, rows, source, headerRow) =>
      `${sheet} · ${address} · ${count(rows, "data row")} · ${source} · headers in row ${headerRow}`,
    noData:
      "No data found: select any cell of your lead list, then Find again.",
    source: {
      table: "Excel table",
      region: "region around the selection",
      used: "used range",
    },
    columnsHeading: "2 Columns",
    notMapped: "(not mapped)",
    confidence: (c) =>
      c >= 0.95 ? "sure" : c >= 0.6 ? "likely" : c > 0 ? "check" : "",
    reason: (r) => reasonText(r, "en"),
    refused: (c, why) => `${c}: ${why} — not used`,
    teamGrades: "Team's own grade",
    several: "pick several with Ctrl or ⌘",
    wordsIgnored: (n, first) =>
      `${n} of the workbook's stored column words could not be read and were ignored (${first || "the whole setting"})`,
    teamAgreement: (a, n) => `Same as our grade: ${a} of ${count(n, "row")}`,
    outputsHeading: "3 Outputs",
    needs: "Map first: ",
    modeLegend: "Write as",
    otherInputs: (n) => `Other inputs (${n})`,
    modeLive: "Live formulas",
    modeLiveHint:
      "writes =SALES. formulas that follow the data and the criteria sheet; colleagues without the add-in see #NAME?",
    modeStatic: "Static values",
    modeStaticHint:
      "writes plain results that colleagues without the add-in can see",
    apply: "Apply",
    cancel: "Cancel",
    progress: (d, t) => `${d} of ${count(t, "row")} written`,
    conflictTitle: (n) =>
      `${count(n, "target cell")} ${n === 1 ? "holds" : "hold"} content the add-in did not write. Stopped; nothing was changed:`,
    conflictCell: (a, c) => `${a}: ${c}`,
    conflictMove: "Use empty columns further right",
    summaryTitle: (rows) => `Done: ${count(rows, "row")}`,
    grades: "Lead grade",
    stages: "Intent stage",
    errorsTitle: (n) => `${n} to look at (click to select the row):`,
    noErrors: "No errors.",
    errorRow: (row, m) => `Row ${row}: ${m}`,
    unreadTitle: (rows, groups) =>
      `${count(rows, "note")} with no signal recognised (${count(groups, "different text")}, most frequent first; click to select the first row). Add words for them in the criteria:`,
    unreadGroup: (text, rows, first) =>
      `“${text || "(empty)"}” × ${rows} (from row ${first})`,
    showMore: (n) => `and ${n} more: show all`,
    revert: "Revert last apply",
    reverted: "Restored what was there before the apply.",
    cancelled: "Cancelled; the sheet is as it was.",
    failed: (m) => `Something went wrong: ${m}`,
    conflictOverwrite: (n) =>
      n === 1 ? "Overwrite this cell" : `Overwrite these ${n} cells`,
    conflictSkip: "Keep mine (skip these cells)",
    conflictCancel: "Cancel",
    conflictMore: (n) => `…and ${n} more`,
    conflictStopped: "Cancelled; nothing was changed.",
    failedCell: (cell, m) =>
      `Excel refused the write at ${cell} (${m}). Everything this apply wrote was put back; the sheet is as it was.`,
    sheetGone:
      "The sheet is no longer there (deleted or replaced). Find the data again.",
    tableGone: "The Excel table is no longer there. Find the data again.",
    columnGone: (h) =>
      `The input column "${h}" is no longer in the sheet. Find the data again and check the columns.`,
    settingsIgnored: (d) =>
      `Settings stored in the workbook could not be read and were ignored (${d}).`,
    revertNotStored:
      "This apply was large: its revert is kept in this pane only and is lost when the pane closes.",
    revertDone: (n) =>
      `Put back ${count(n, "cell")} as ${n === 1 ? "it was" : "they were"} before the apply.`,
    revertEdited: (n) =>
      `${n} more ${n === 1 ? "cell was" : "cells were"} changed after the apply; your ${n === 1 ? "change was" : "changes were"} kept:`,
    revertOverwriteEdited: (n) =>
      n === 1 ? "Put this one back too" : `Put these ${n} back too`,
  },
};

export const OUTPUT_HINTS: Record<OutputKind, Record<Lang, string>> = {
  grade: { zh: "LEADGRADE：A–E", en: "LEADGRADE: A–E" },
  intentClass: {
    zh: "INTENTGRADE：按得分 A–D",
    en: "INTENTGRADE: A–D by score",
  },
  stage: { zh: "INTENTSTAGE：−1…5", en: "INTENTSTAGE: −1…5" },
  stageLabel: {
    zh: "STAGELABEL：阶段名称",
    en: "STAGELABEL: the stage's name",
  },
  urgency: { zh: "URGENCY：高/中/低", en: "URGENCY: High/Medium/Low" },
  nextFollowUp: {
    zh: "NEXTFOLLOWUP：日期，到期标红",
    en: "NEXTFOLLOWUP: a date, due ones in red",
  },
  explanation: { zh: "WHY…：每条规则", en: "WHY…: every rule that fired" },
};

export const FUNCTION_SUMMARY: readonly {
  name: string;
  zh: string;
  en: string;
}[] = [
  { name: "LEADGRADE", zh: "客户分级 A–E", en: "lead grade A–E" },
  {
    name: "INTENTGRADE",
    zh: "意向等级 A–D（按得分）",
    en: "intent class A–D from a score",
  },
  { name: "SCORE", zh: "评分表得分", en: "points checklist total" },
  { name: "INTENTSTAGE", zh: "意向阶段 −1…5", en: "intent stage −1…5" },
  { name: "NEXTFOLLOWUP", zh: "下次跟进日期", en: "next follow-up date" },
  { name: "STAGELABEL", zh: "阶段名称", en: "stage label" },
  { name: "STATUS", zh: "客户状态", en: "customer status" },
  { name: "NEXTACTION", zh: "提升意向的下一步", en: "next step up" },
  { name: "URGENCY", zh: "紧急程度 高/中/低", en: "urgency High/Medium/Low" },
  { name: "ROLE", zh: "客户角色（按职位）", en: "buyer role from a title" },
  { name: "ROLEFOCUS", zh: "角色关注点", en: "what a role cares about" },
  { name: "VALUETIER", zh: "价值分层", en: "value tier" },
  { name: "ACTIVITY", zh: "活跃/流失/潜在", en: "active / lapsed / potential" },
  { name: "WHYLEADGRADE", zh: "解释客户分级", en: "explains LEADGRADE" },
  { name: "WHYINTENTSTAGE", zh: "解释意向阶段", en: "explains INTENTSTAGE" },
  { name: "WHYURGENCY", zh: "解释紧急程度", en: "explains URGENCY" },
  { name: "WHYINTENTGRADE", zh: "解释意向等级", en: "explains INTENTGRADE" },
];

/** The managers' and admins' tools: report, follow-ups due, duplicate leads (zh first, en). */
interface ToolWords {
  reportHeading: string;
  reportHint: string;
  buildReport: string;
  openSheet: (name: string) => string;
  reportBuilt: (sheet: string, pivotAt: string) => string;
  reportPlain: (sheet: string) => string;
  pivotUnsupported: string;
  pivotNotGraded: string;
  pivotBadHeaders: string;
  shareLine: (
    scope: string,
    s0: string,
    f0: string,
    s34: string,
    f34: string,
  ) => string;
  team: string;
  noOwner: string;
  flags: Record<"below" | "within" | "above" | "noData", string>;
  dueHeading: string;
  dueHint: string;
  findDue: string;
  noneDue: string;
  dueCount: (n: number) => string;
  dueItem: (
    row: number,
    customer: string,
    stage: string,
    overdue: number,
  ) => string;
  writeDue: string;
  dueWritten: (sheet: string) => string;
  dupHeading: string;
  dupHint: string;
  findDup: string;
  noDup: string;
  dupCount: (groups: number, rows: number) => string;
  dupGroup: (label: string, rows: string, owner: string) => string;
  undecided: string;
  writeDup: string;
  dupWritten: (n: number) => string;
  dupConflict: (n: number) => string;
  revertDup: string;
  ownSheet: (name: string) => string;
}

export const TOOL_TEXT: Record<Lang, ToolWords> = {
  zh: {
    reportHeading: "报表",
    reportHint:
      "在单独的“报表”工作表中生成：客户等级 × 意向阶段数据透视表（可按负责人、紧急程度筛选）、阶段占比与参考比例、紧急程度和意向等级计数、阶段图表。重建会替换报表，不会改动数据表。",
    buildReport: "生成 / 重建报表",
    openSheet: (n) => `打开「${n}」`,
    reportBuilt: (s, at) => `已生成「${s}」，数据透视表在 ${at}。`,
    reportPlain: (s) => `已生成「${s}」，等级 × 阶段写成了普通表格。`,
    pivotUnsupported:
      "此 Excel 版本不支持由加载项创建数据透视表（需要 ExcelApi 1.8），已写入同样计数的普通表格。",
    pivotNotGraded:
      "数据表还没有“客户等级”和“意向阶段”列：先在上方应用评级，才能生成数据透视表；计数已由加载项算出并写成普通表格。",
    pivotBadHeaders:
      "数据表的表头有空白或重复的列名，Excel 无法据此生成数据透视表；已写入同样计数的普通表格。",
    shareLine: (scope, s0, f0, s34, f34) =>
      `${scope}：阶段0 ${s0}（${f0}），阶段3–4 ${s34}（${f34}）`,
    team: "全队",
    noOwner: "（未分配）",
    flags: { below: "偏低", within: "正常", above: "偏高", noData: "无数据" },
    dueHeading: "待跟进",
    dueHint: "下次跟进日期为今天或已过的线索，按负责人分组；点击一条选中该行。",
    findDue: "查看待跟进",
    noneDue: "今天没有到期的跟进。",
    dueCount: (n) => `${n} 条到期`,
    dueItem: (row, c, stage, d) =>
      `第 ${row} 行 ${c || "—"} · ${stage || "阶段未知"} · ${d === 0 ? "今天到期" : `逾期 ${d} 天`}`,
    writeDue: "写成工作表（待跟进）",
    dueWritten: (s) => `已写入「${s}」。`,
    dupHeading: "撞单",
    dupHint:
      "电话相同（忽略空格、横线、+86、全角数字）或姓名和公司相同的线索视为同一客户，按撞单规则建议归属并说明理由。不会删除、合并或移动任何行。",
    findDup: "查找撞单",
    noDup: "没有发现撞单。",
    dupCount: (g, r) => `${g} 组撞单，涉及 ${r} 行`,
    dupGroup: (label, rows, owner) => `${label}：第 ${rows} 行 → ${owner}`,
    undecided: "暂无法判定",
    writeDup: "写入撞单列",
    dupWritten: (n) =>
      `已写入 ${n} 行的撞单组、建议归属和说明（加载项自己的列）。`,
    dupConflict: (n) =>
      `目标列中有 ${n} 处不是本加载项写入的内容，已停止，未做任何修改。`,
    revertDup: "撤销撞单列",
    ownSheet: (n) =>
      `「${n}」是加载项生成的工作表，不是线索数据：请先切换到数据表。`,
  },
  en: {
    reportHeading: "Report",
    reportHint:
      "Builds a sheet of its own (Report): a lead grade × intent stage PivotTable with owner and urgency filters, stage shares against the guidance, counts by urgency and intent class, a chart by stage. Rebuilding replaces the report and never changes the data sheet.",
    buildReport: "Build / rebuild report",
    openSheet: (n) => `Open "${n}"`,
    reportBuilt: (s, at) => `Built "${s}"; the PivotTable is at ${at}.`,
    reportPlain: (s) => `Built "${s}"; grade × stage is a plain table.`,
    pivotUnsupported:
      "This version of Excel does not let add-ins create PivotTables (ExcelApi 1.8 needed): the same counts are written as a plain table.",
    pivotNotGraded:
      "The data sheet has no Lead grade and Intent stage columns yet: apply the grading above first to get a PivotTable; the add-in counted them itself and wrote a plain table.",
    pivotBadHeaders:
      "The data sheet has blank or repeated headers, which Excel cannot build a PivotTable from: the same counts are written as a plain table.",
    shareLine: (scope, s0, f0, s34, f34) =>
      `${scope}: stage 0 ${s0} (${f0}), stages 3–4 ${s34} (${f34})`,
    team: "Team",
    noOwner: "(no owner)",
    flags: {
      below: "below guidance",
      within: "within guidance",
      above: "above guidance",
      noData: "no data",
    },
    dueHeading: "Follow-ups due",
    dueHint:
      "Leads whose next follow-up is today or past, by owner; click one to select its row.",
    findDue: "Show follow-ups due",
    noneDue: "No follow-ups due today.",
    dueCount: (n) => `${n} due`,
    dueItem: (row, c, stage, d) =>
      `Row ${row} ${c || "—"} · ${stage || "stage unknown"} · ${d === 0 ? "due today" : `${count(d, "day")} overdue`}`,
    writeDue: "Write as a sheet (Follow-ups due)",
    dueWritten: (s) => `Written to "${s}".`,
    dupHeading: "Duplicate leads",
    dupHint:
      "Leads with the same phone (spaces, dashes, +86 and full-width digits ignored) or the same name and company are one customer; the owner is proposed by the duplicate-lead rules, with the reason. No row is ever deleted, merged or moved.",
    findDup: "Find duplicates",
    noDup: "No duplicates found.",
    dupCount: (g, r) =>
      `${count(g, "duplicate group")} over ${count(r, "row")}`,
    dupGroup: (label, rows, owner) => `${label}: rows ${rows} → ${owner}`,
    undecided: "cannot decide yet",
    writeDup: "Write duplicate columns",
    dupWritten: (n) =>
      `Wrote group, proposed owner and reason for ${count(n, "row")} (the add-in's own columns).`,
    dupConflict: (n) =>
      `${count(n, "target cell")} ${n === 1 ? "holds" : "hold"} content the add-in did not write. Stopped; nothing was changed.`,
    revertDup: "Revert duplicate columns",
    ownSheet: (n) =>
      `"${n}" is a sheet the add-in built, not lead data: switch to your data sheet first.`,
  },
};
/** What a column's cells hold, as the pane says it beside the confidence. */
