/*
 * The SALES custom functions. Each is a thin adapter: its JSDoc is the help text Excel shows
 * (custom-functions-metadata-plugin builds functions.json from it and registers each
 * function), and its body hands the raw arguments to the engine (src/engine/sales.ts).
 * Every data argument is `any[][]`: one cell or a range; each row of a range is one lead
 * and the result spills one value per row.
 */
import { sales } from "../engine/sales";
import {
  contextFor,
  initFromOffice,
  oneCell,
  toExcel,
  withCriteriaWarning,
} from "./host";

initFromOffice();

/**
 * Lead grade A–E from two necessary conditions (payment ability, satisfaction) and five intent indicators. A range gives one grade per row; a blank row stays blank.
 * @customfunction LEADGRADE LEADGRADE
 * @param {any[][]} payment Payment ability: A/B, 是/否 or yes/no. Required.
 * @param {any[][]} satisfaction Satisfaction with the offering: A/B, 是/否 or yes/no. Required.
 * @param {any[][]} revisits Revisits: A/yes, or a count (3 or more counts as A). Blank = not A.
 * @param {any[][]} calls Calls the customer made: A/yes, or a count (2 or more counts as A).
 * @param {any[][]} siteVisits Site visits: A/yes, or a count (2 or more counts as A).
 * @param {any[][]} processAsked Asked about the buying process: A/yes, or a count (1 or more counts as A).
 * @param {any[][]} priceTolerance Tolerance of price changes: A/B or yes/no.
 * @param {any[][]} [siteOpen] Is the site open? Default TRUE; FALSE counts site visits as A.
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
 * Explains the lead grade: how each input was read, which rule decided, and every default used.
 * @customfunction WHYLEADGRADE WHYLEADGRADE
 * @param {any[][]} payment Payment ability: A/B, 是/否 or yes/no.
 * @param {any[][]} satisfaction Satisfaction: A/B, 是/否 or yes/no.
 * @param {any[][]} revisits Revisits: A/yes or a count.
 * @param {any[][]} calls Calls: A/yes or a count.
 * @param {any[][]} siteVisits Site visits: A/yes or a count.
 * @param {any[][]} processAsked Process asked: A/yes or a count.
 * @param {any[][]} priceTolerance Price tolerance: A/B or yes/no.
 * @param {any[][]} [siteOpen] Is the site open? Default TRUE.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
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
    withCriteriaWarning(
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
    ),
    ctx,
  );
}

/**
 * Intent class A–D from a score of 0 to 100: A from 90, B from 70, C from 60, otherwise D.
 * @customfunction INTENTGRADE INTENTGRADE
 * @param {any[][]} score The score, 0 to 100 (e.g. from SALES.SCORE with asPercent TRUE).
 * @returns {any[][]} The class A, B, C or D, one per row.
 */
export function intentgrade(score: any[][]): any[][] {
  const ctx = contextFor();
  return toExcel(sales.INTENTGRADE(score, ctx), ctx);
}

/**
 * Explains the intent class: the score band and what customers of that class typically show.
 * @customfunction WHYINTENTGRADE WHYINTENTGRADE
 * @param {any[][]} score The score, 0 to 100.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} One explanation per row.
 */
export function whyintentgrade(score: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(
    withCriteriaWarning(sales.WHYINTENTGRADE(score, ctx), ctx),
    ctx,
  );
}

/**
 * Points total of a qualification checklist: each answer picks an option of its item in your criteria table.
 * @customfunction SCORE SCORE
 * @param {any[][]} answers One row per lead, one column per item.
 * @param {any[][]} criteria A table of item · option · points rows (a header row is allowed). Options may be thresholds such as ≥8000 or 8000以上.
 * @param {any[][]} [headers] The answers' header row; items are then matched by name instead of by order.
 * @param {any} [asPercent] TRUE returns the total as a percent of the maximum, ready for SALES.INTENTGRADE.
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
 * Intent stage −1 to 5 read from follow-up notes, tags, stage names or numbers, or ✓ marks under signal headers.
 * @customfunction INTENTSTAGE INTENTSTAGE
 * @param {any[][]} observations One row per lead: notes, tags, a stage such as 阶段3, or yes marks.
 * @param {any[][]} [headers] The header row of observations; a header naming a signal (e.g. 询问价格) makes a yes mark below it that signal.
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
 * Explains the intent stage: every signal recognised, the stage it points to, the result and the next step.
 * @customfunction WHYINTENTSTAGE WHYINTENTSTAGE
 * @param {any[][]} observations One row per lead.
 * @param {any[][]} [headers] The header row of observations.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} One explanation per row.
 */
export function whyintentstage(
  observations: any[][],
  headers?: any[][],
  language?: any,
): any[][] {
  const ctx = contextFor(language);
  return toExcel(
    withCriteriaWarning(sales.WHYINTENTSTAGE(observations, headers, ctx), ctx),
    ctx,
  );
}

/**
 * Next follow-up date: last contact plus 15 days (stage 0 and won customers), 7 days (stages 1–2) or 3 days (stages 3–4). Format the cell as a date.
 * @customfunction NEXTFOLLOWUP NEXTFOLLOWUP
 * @param {any[][]} stage The stage −1…5 (a number, 阶段3 or a stage name).
 * @param {any[][]} lastContact The date of the last contact.
 * @returns {any[][]} A date serial, or blank for a refused lead.
 */
export function nextfollowup(stage: any[][], lastContact: any[][]): any[][] {
  const ctx = contextFor();
  return toExcel(sales.NEXTFOLLOWUP(stage, lastContact, ctx), ctx);
}

/**
 * The stage's name, e.g. Stage 3 · considers a deal.
 * @customfunction STAGELABEL STAGELABEL
 * @param {any[][]} stage The stage −1…5.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The label, one per row.
 */
export function stagelabel(stage: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.STAGELABEL(stage, ctx), ctx);
}

/**
 * Customer status from the stage: Rejecting, Potential, Attentive, Intending, Deciding or Loyal.
 * @customfunction STATUS STATUS
 * @param {any[][]} stage The stage −1…5.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The status, one per row.
 */
export function status(stage: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.STATUS(stage, ctx), ctx);
}

/**
 * What to do next to move the lead up from its stage.
 * @customfunction NEXTACTION NEXTACTION
 * @param {any[][]} stage The stage −1…5.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The advice, one per row.
 */
export function nextaction(stage: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.NEXTACTION(stage, ctx), ctx);
}

/**
 * Urgency High/Medium/Low, scored 0–9 from the deadline, resources, decision level and competition (our default scoring model).
 * @customfunction URGENCY URGENCY
 * @param {any[][]} timeline The deadline: a date, days left, or yes/no for "has a deadline".
 * @param {any[][]} resources Resources: 已分配/申请中/未分配, 高/中/低 or yes/no.
 * @param {any[][]} decisionLevel Decision level: 高层/老板, 中层/经理, 基层, or yes/no.
 * @param {any[][]} competition Competition: 激烈/一般/无, 高/中/低 or yes/no.
 * @param {any[][]} [today] The date to count from; default the current date (pass TODAY() for a daily refresh).
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
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
 * Explains the urgency: the points of each criterion, the total, the level and the follow-up strategy.
 * @customfunction WHYURGENCY WHYURGENCY
 * @param {any[][]} timeline The deadline: a date, days left, or yes/no.
 * @param {any[][]} resources Resources.
 * @param {any[][]} decisionLevel Decision level.
 * @param {any[][]} competition Competition.
 * @param {any[][]} [today] The date to count from; default the current date.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
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
    withCriteriaWarning(
      sales.WHYURGENCY(
        [timeline, resources, decisionLevel, competition, today],
        ctx,
      ),
      ctx,
    ),
    ctx,
  );
}

/**
 * Buyer role guessed from a job title: decision-maker, influencer, user, buyer or coach.
 * @customfunction ROLE ROLE
 * @param {any[][]} title The contact's job title, e.g. 采购经理 or CTO.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The role, one per row.
 */
export function role(title: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.ROLE(title, ctx), ctx);
}

/**
 * What a buyer role cares about, e.g. a buyer: price, contract terms and supplier reputation.
 * @customfunction ROLEFOCUS ROLEFOCUS
 * @param {any[][]} role A role name (决策者, Influencer, …) or a job title.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
 * @returns {any[][]} The focus, one per row.
 */
export function rolefocus(role: any[][], language?: any): any[][] {
  const ctx = contextFor(language);
  return toExcel(sales.ROLEFOCUS(role, ctx), ctx);
}

/**
 * Value tier: the top 20% of amounts are high value, the next 30% medium, the rest low (our default shares).
 * @customfunction VALUETIER VALUETIER
 * @param {any[][]} amount The customer's amount (purchases, contract value).
 * @param {any[][]} allAmounts Every customer's amount, to rank against.
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
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
 * Purchase activity: active within 180 days of the last purchase, lapsed after that, potential when there was none.
 * @customfunction ACTIVITY ACTIVITY
 * @param {any[][]} lastPurchase The date of the last purchase, or 无/none.
 * @param {any[][]} [today] The date to count from; default the current date (pass TODAY() for a daily refresh).
 * @param {any} [language] Label language, "zh" or "en"; default: the workbook's label language.
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
