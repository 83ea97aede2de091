/*
 * The SALES custom functions. Each is a thin adapter: its JSDoc is the help text Excel shows
 * (custom-functions-metadata-plugin builds functions.json from it and registers each
 * function), and its body hands the raw arguments to the engine (src/engine/sales.ts).
 * Every data argument is `any[][]`: one cell or a range; each row of a range is one lead
 * and the result spills one value per row.
 */
import { sales } from "../engine/sales";
import { contextFor, initFromOffice, oneCell, toExcel } from "./host";

initFromOffice();

/**
 * Lead grade A–E (客户分级评定, SPEC §2) from two necessary conditions and five intent indicators. Ranges spill one grade per row; a blank row stays blank.
 * @customfunction LEADGRADE LEADGRADE
 * @param {any[][]} payment 客户支付能力 payment ability: A/B, 是/否 or yes/no. Required.
 * @param {any[][]} satisfaction 个案满意程度 satisfaction with the offering: A/B, 是/否 or yes/no. Required.
 * @param {any[][]} revisits 回访次数 revisits: A/yes, or a count (3 or more counts as A). Blank = not A.
 * @param {any[][]} calls 主动来电询问频率 calls the customer made: A/yes, or a count (2 or more counts as A).
 * @param {any[][]} siteVisits 工地考察次数 site visits: A/yes, or a count (2 or more counts as A).
 * @param {any[][]} processAsked 购买流程询问 asked about the buying process: A/yes, or a count (1 or more counts as A).
 * @param {any[][]} priceTolerance 价格变化心理承受能力 tolerance of price changes: A/B or yes/no.
 * @param {any[][]} [siteOpen] 工地已开放 is the site open? Default TRUE; FALSE counts site visits as A.
 * @returns {any[][]} The grade A, B, C, D or E, one per row.
 */
export function leadgrade(
  payment: any[][],
  satisfaction: any[][],
  revisits: any[][],
  calls: any[][],
  siteVisits: any[][],
  processAsked: any[][],
  priceTolerance: any[][],
  siteOpen?: any[][],
): any[][] {
  const ctx = contextFor();
  return (
    oneCell.LEADGRADE(
      payment,
      satisfaction,
      revisits,
      calls,
      siteVisits,
      processAsked,
      priceTolerance,
      siteOpen,
      ctx,
    ) ??
    toExcel(
      sales.LEADGRADE(
        [
          payment,
          satisfaction,
          revisits,
          calls,
          siteVisits,
          processAsked,
          priceTolerance,
          siteOpen,
        ],
        ctx,
      ),
      ctx,
    )
  );
}

/**
 * Explains LEADGRADE: the grade, how each input was read, every rule that fired and every default used.
 * @customfunction WHYLEADGRADE WHYLEADGRADE
 * @param {any[][]} payment 客户支付能力 payment ability: A/B, 是/否 or yes/no.
 * @param {any[][]} satisfaction 个案满意程度 satisfaction: A/B, 是/否 or yes/no.
 * @param {any[][]} revisits 回访次数 revisits: A/yes or a count.
 * @param {any[][]} calls 主动来电询问频率 calls: A/yes or a count.
 * @param {any[][]} siteVisits 工地考察次数 site visits: A/yes or a count.
 * @param {any[][]} processAsked 购买流程询问 process asked: A/yes or a count.
 * @param {any[][]} priceTolerance 价格变化心理承受能力 price tolerance: A/B or yes/no.
 * @param {any[][]} [siteOpen] 工地已开放 is the site open? Default TRUE.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} One explanation per row.
 */
export function whyleadgrade(
  payment: any[][],
  satisfaction: any[][],
  revisits: any[][],
  calls: any[][],
  siteVisits: any[][],
  processAsked: any[][],
  priceTolerance: any[][],
  siteOpen?: any[][],
  language?: any,
): any[][] {
  const ctx = contextFor(language);
  return toExcel(
    sales.WHYLEADGRADE(
      [
        payment,
        satisfaction,
        revisits,
        calls,
        siteVisits,
        processAsked,
        priceTolerance,
        siteOpen,
      ],
      ctx,
    ),
    ctx,
  );
}

/**
 * Intent class A–D from a 0–100 score (客户意向程度, SPEC §3): A ≥ 90, B ≥ 70, C ≥ 60, else D.
 * @customfunction INTENTGRADE INTENTGRADE
 * @param {any[][]} score 得分 the score, 0 to 100 (e.g. from SALES.SCORE with asPercent TRUE).
 * @returns {any[][]} The class A, B, C or D, one per row.
 */
export function intentgrade(score: any[][]): any[][] {
  const ctx = contextFor();
  return toExcel(sales.INTENTGRADE(score, ctx), ctx);
}

/**
 * Explains INTENTGRADE: the class, the band it falls in and the source's traits of that class.
 * @customfunction WHYINTENTGRADE WHYINTENTGRADE
 * @param {any[][]} score 得分 the score, 0 to 100.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} One explanation per row.
 */
export function whyintentgrade(score: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.WHYINTENTGRADE(score, ctx), ctx);
}

/**
 * Points total of a checklist (判断意向顾客, SPEC §4): each answer picks an option of its item in the criteria table.
 * @customfunction SCORE SCORE
 * @param {any[][]} answers 答案 one row per lead, one column per item.
 * @param {any[][]} criteria 评分标准 a table of item · option · points rows (a header row is allowed). Options may be thresholds such as ≥8000 or 8000以上.
 * @param {any[][]} [headers] 表头 the answers' header row; items are then matched by name instead of by order.
 * @param {any} [asPercent] 按百分比 TRUE returns the total as a percent of the maximum, ready for SALES.INTENTGRADE.
 * @returns {any[][]} The points total (or percent), one per row.
 */
export function score(
  answers: any[][],
  criteria: any[][],
  headers?: any[][],
  asPercent?: any,
): any[][] {
  const ctx = contextFor();
  return toExcel(sales.SCORE(answers, criteria, headers, asPercent, ctx), ctx);
}

/**
 * Intent stage −1…5 (客户意向阶段, SPEC §5) read from follow-up notes, tags, stage names or numbers, or ✓ marks under signal headers.
 * @customfunction INTENTSTAGE INTENTSTAGE
 * @param {any[][]} observations 跟进记录 one row per lead: notes, tags, a stage such as 阶段3, or yes marks.
 * @param {any[][]} [headers] 表头 the header row of observations; a header naming a signal (e.g. 询问价格) makes a yes mark below it that signal.
 * @returns {any[][]} The stage number (5 = won, −1 = refused), one per row.
 */
export function intentstage(observations: any[][], headers?: any[][]): any[][] {
  const ctx = contextFor();
  return (
    oneCell.INTENTSTAGE(observations, headers, ctx) ??
    toExcel(sales.INTENTSTAGE(observations, headers, ctx), ctx)
  );
}

/**
 * Explains INTENTSTAGE: every signal recognised, the stage it points to, the result and the next step.
 * @customfunction WHYINTENTSTAGE WHYINTENTSTAGE
 * @param {any[][]} observations 跟进记录 one row per lead.
 * @param {any[][]} [headers] 表头 the header row of observations.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} One explanation per row.
 */
export function whyintentstage(
  observations: any[][],
  headers?: any[][],
  language?: any,
): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.WHYINTENTSTAGE(observations, headers, ctx), ctx);
}

/**
 * Next follow-up date (客户维护频率, SPEC §6): last contact + 15 days (stage 0 and won), 7 days (stages 1–2) or 3 days (stages 3–4). Format the cell as a date.
 * @customfunction NEXTFOLLOWUP NEXTFOLLOWUP
 * @param {any[][]} stage 意向阶段 the stage −1…5 (a number, 阶段3 or a stage name).
 * @param {any[][]} lastContact 上次联系日期 the date of the last contact.
 * @returns {any[][]} A date serial, or blank for a refused lead.
 */
export function nextfollowup(stage: any[][], lastContact: any[][]): any[][] {
  const ctx = contextFor();
  return toExcel(sales.NEXTFOLLOWUP(stage, lastContact, ctx), ctx);
}

/**
 * The stage's label, e.g. 阶段3 考虑成交 / Stage 3 · considers a deal.
 * @customfunction STAGELABEL STAGELABEL
 * @param {any[][]} stage 意向阶段 the stage −1…5.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The label, one per row.
 */
export function stagelabel(stage: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.STAGELABEL(stage, ctx), ctx);
}

/**
 * Customer status (客户状态, SPEC §7) from the stage: 排斥型, 潜在客户, 关注型, 意向型, 决策型 or 忠诚客户.
 * @customfunction STATUS STATUS
 * @param {any[][]} stage 意向阶段 the stage −1…5.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The status, one per row.
 */
export function status(stage: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.STATUS(stage, ctx), ctx);
}

/**
 * What to do to move the lead up from its stage (推动客户意向提升的主要方法, SPEC §5).
 * @customfunction NEXTACTION NEXTACTION
 * @param {any[][]} stage 意向阶段 the stage −1…5.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The advice, one per row.
 */
export function nextaction(stage: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.NEXTACTION(stage, ctx), ctx);
}

/**
 * Urgency 高/中/低 (客户紧急程度, SPEC §8) scored from the deadline, resources, decision level and competition (default scoring model, 0–9 points).
 * @customfunction URGENCY URGENCY
 * @param {any[][]} timeline 项目时间线 the deadline: a date, days left, or yes/no for "has a deadline".
 * @param {any[][]} resources 资源投入 resources: 已分配/申请中/未分配, 高/中/低 or yes/no.
 * @param {any[][]} decisionLevel 决策层级 decision level: 高层/老板, 中层/经理, 基层, or yes/no.
 * @param {any[][]} competition 市场竞争 competition: 激烈/一般/无, 高/中/低 or yes/no.
 * @param {any[][]} [today] 今天 the date to count from; default the current date (pass TODAY() for a daily refresh).
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} 高, 中 or 低 (High, Medium, Low), one per row.
 */
export function urgency(
  timeline: any[][],
  resources: any[][],
  decisionLevel: any[][],
  competition: any[][],
  today?: any[][],
  language?: any,
): any[][] {
  const ctx = contextFor(language);
  return (
    oneCell.URGENCY(
      timeline,
      resources,
      decisionLevel,
      competition,
      today,
      ctx,
    ) ??
    toExcel(
      sales.URGENCY(
        [timeline, resources, decisionLevel, competition, today],
        ctx,
      ),
      ctx,
    )
  );
}

/**
 * Explains URGENCY: the points of each criterion, the total, the level and the follow-up strategy.
 * @customfunction WHYURGENCY WHYURGENCY
 * @param {any[][]} timeline 项目时间线 the deadline: a date, days left, or yes/no.
 * @param {any[][]} resources 资源投入 resources.
 * @param {any[][]} decisionLevel 决策层级 decision level.
 * @param {any[][]} competition 市场竞争 competition.
 * @param {any[][]} [today] 今天 the date to count from; default the current date.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} One explanation per row.
 */
export function whyurgency(
  timeline: any[][],
  resources: any[][],
  decisionLevel: any[][],
  competition: any[][],
  today?: any[][],
  language?: any,
): any[][] {
  const ctx = contextFor(language);
  return toExcel(
    sales.WHYURGENCY(
      [timeline, resources, decisionLevel, competition, today],
      ctx,
    ),
    ctx,
  );
}

/**
 * Buyer role guessed from a job title (客户角色, SPEC §9): 决策者, 影响者, 使用者, 采购者 or 教练.
 * @customfunction ROLE ROLE
 * @param {any[][]} title 职位 the contact's job title, e.g. 采购经理 or CTO.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The role, one per row.
 */
export function role(title: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.ROLE(title, ctx), ctx);
}

/**
 * What a buyer role cares about (SPEC §9), e.g. 采购者 → price, contract terms and supplier reputation.
 * @customfunction ROLEFOCUS ROLEFOCUS
 * @param {any[][]} role 角色 a role name (决策者, Influencer, …) or a job title.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The focus, one per row.
 */
export function rolefocus(role: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.ROLEFOCUS(role, ctx), ctx);
}

/**
 * Value tier (客户类型, SPEC §10): top 20 % of amounts 高价值, next 30 % 中价值, the rest 低价值.
 * @customfunction VALUETIER VALUETIER
 * @param {any[][]} amount 金额 the customer's amount (purchases, contract value).
 * @param {any[][]} allAmounts 全部金额 every customer's amount, to rank against.
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} 高价值, 中价值 or 低价值, one per row.
 */
export function valuetier(
  amount: any[][],
  allAmounts: any[][],
  language?: any,
): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.VALUETIER(amount, allAmounts, ctx), ctx);
}

/**
 * Purchase activity (客户类型, SPEC §10): 活跃 within 180 days of the last purchase, 流失 after, 潜在 for "无"/none.
 * @customfunction ACTIVITY ACTIVITY
 * @param {any[][]} lastPurchase 最近购买日期 the date of the last purchase, or 无/none.
 * @param {any[][]} [today] 今天 the date to count from; default the current date (pass TODAY() for a daily refresh).
 * @param {any} [language] "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} 潜在, 活跃 or 流失, one per row.
 */
export function activity(
  lastPurchase: any[][],
  today?: any[][],
  language?: any,
): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.ACTIVITY(lastPurchase, today, ctx), ctx);
}
