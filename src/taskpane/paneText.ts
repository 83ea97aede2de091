/** The pane's own words, per label language (SPEC §12). */
import type { Lang } from "../engine/lang";

export const PANE_TEXT: Record<
  Lang,
  {
    intro: string;
    language: string;
    functions: string;
    saved: string;
    noOffice: string;
  }
> = {
  zh: {
    intro:
      "本加载项把销售培训资料中的评级标准带进 Excel：客户分级 A–E、意向等级、意向阶段 0–4 及跟进频率、紧急程度、客户角色与客户类型。在单元格中输入 =SALES. 即可使用下列函数；对整列使用时每行一个结果。",
    language: "标签语言",
    functions: "函数",
    saved: "已保存到工作簿：所有同事看到相同的标签。",
    noOffice: "未在 Excel 中运行：仅预览。",
  },
  en: {
    intro:
      "This add-in brings the sales-qualification tables into Excel: lead grade A–E, intent class, intent stage 0–4 with its follow-up cadence, urgency, buyer roles and customer types. Type =SALES. in a cell to use the functions below; over a whole column they return one result per row.",
    language: "Label language",
    functions: "Functions",
    saved: "Saved in the workbook: every colleague sees the same labels.",
    noOffice: "Not running inside Excel: preview only.",
  },
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
