/**
 * The Excel side of the custom functions: the label language and criteria in force for this
 * workbook, and the mapping of engine results to what Excel shows. Kept apart from
 * functions.ts so that file holds only the functions the metadata plugin registers.
 */
import { CellError, errorTextOf } from "../engine/cellError";
import { DEFAULT_CRITERIA, type Criteria } from "../engine/criteria";
import { makeCtx, type Ctx } from "../engine/ctx";
import { langFrom, type Lang } from "../engine/lang";
import { errorMessage } from "../engine/messages";
import { urgencyLabel, type Cell, type Column } from "../engine/sales";
import { MANY, isGrid, single } from "../engine/spill";
import { isBlankCell } from "../engine/read";
import { leadGrade } from "../engine/functions/leadGrade";
import { todayOf, urgencyLevel } from "../engine/functions/urgency";
import { intentStage } from "../engine/functions/intentStage";

/** Workbook setting that stores the label language (SPEC §12), shared with the task pane. */
export const LANGUAGE_SETTING = "SALES.labelLanguage";

const state: {
  lang: Lang;
  criteria: Criteria;
  ctx: Map<Lang, Ctx>;
  /** the context of the workbook's language, while the criteria stay the same */
  current: Ctx | undefined;
  warning: (lang: Lang) => string;
} = {
  current: undefined,
  lang: "zh",
  criteria: DEFAULT_CRITERIA,
  ctx: new Map(),
  warning: () => "",
};

export function setLabelLanguage(lang: Lang): void {
  state.lang = lang;
}

export function labelLanguage(): Lang {
  return state.lang;
}

/**
 * A workbook's own criteria (read from its criteria sheet) replace SPEC's defaults. `warning`
 * says, per language, that some cells of the sheet are wrong and their last valid values are
 * in use; every WHY… explanation ends with it.
 */
export function setCriteria(
  criteria: Criteria,
  warning: (lang: Lang) => string = () => "",
): void {
  state.criteria = criteria;
  state.warning = warning;
  state.ctx.clear();
  state.current = undefined;
}

export function currentCriteria(): Criteria {
  return state.criteria;
}

/** Adds the criteria sheet's warning to each explanation (text results only). */
export function withCriteriaWarning(result: Column, ctx: Ctx): Column {
  const w = state.warning(ctx.lang);
  if (!w || result instanceof CellError) return result;
  return result.map((v) =>
    typeof v === "string" && v !== "" ? `${v} | ${w}` : v,
  );
}

function ctxIn(lang: Lang): Ctx {
  let c = state.ctx.get(lang);
  if (!c) {
    c = makeCtx({ criteria: state.criteria, lang });
    state.ctx.set(lang, c);
  }
  return c;
}

/** Context for one call: the function's own `language` argument, else the workbook's. */
export function contextFor(language?: unknown): Ctx {
  if (language === undefined || language === null) {
    // The common call (no language argument): the workbook's context, remembered.
    const c = state.current;
    return c !== undefined && c.lang === state.lang
      ? c
      : (state.current = ctxIn(state.lang));
  }
  const raw = isGrid(language) ? language[0]?.[0] : language;
  if (raw === null || raw === undefined || isBlankCell(raw))
    return ctxIn(state.lang);
  const lang = langFrom(raw);
  if (!lang) {
    throw excelError(
      new CellError("VALUE", "unreadable", {
        arg: "language",
        value: raw,
        expected: "language",
      }),
      state.lang,
    );
  }
  return ctxIn(lang);
}

/** #VALUE! and #N/A carry the message; Excel shows no message with other codes. */
export function excelError(e: CellError, lang: Lang): CustomFunctions.Error {
  switch (e.code) {
    case "VALUE":
      return new CustomFunctions.Error(
        CustomFunctions.ErrorCode.invalidValue,
        errorMessage(e, lang),
      );
    case "NA":
      return new CustomFunctions.Error(
        CustomFunctions.ErrorCode.notAvailable,
        errorMessage(e, lang),
      );
    case "NUM":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    // An error value passed through from an input cell (no message shows with these codes).
    case "DIV0":
      return new CustomFunctions.Error(
        CustomFunctions.ErrorCode.divisionByZero,
      );
    case "REF":
      return new CustomFunctions.Error(
        CustomFunctions.ErrorCode.invalidReference,
      );
    case "NAME":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidName);
    case "NULL":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.nullReference);
  }
}

/**
 * One result per lead, spilled as a column. A shape error, or the error of a single-cell
 * call, is thrown so Excel shows its message; errors inside a spill stay one per row.
 */
export function toExcel(
  result: Column,
  ctx: Ctx,
): (string | number | CustomFunctions.Error)[][] {
  if (result instanceof CellError) throw excelError(result, ctx.lang);
  if (result.length === 1 && result[0] instanceof CellError)
    throw excelError(result[0], ctx.lang);
  // The engine's array is this call's own: its cells become the rows in place (no second
  // array of a million entries).
  const out = result as unknown as (
    string | number | CustomFunctions.Error
  )[][];
  for (let i = 0; i < result.length; i++) {
    const v = result[i] as string | number | CellError;
    out[i] = [v instanceof CellError ? excelError(v, ctx.lang) : v];
  }
  return out;
}

/** A one-cell call's result: the value, or its error thrown so Excel shows the message (as toExcel). */
function cellOut(v: Cell, ctx: Ctx): (string | number)[][] {
  if (v instanceof CellError) throw excelError(v, ctx.lang);
  return [[v]];
}

/**
 * An error value among one-cell inputs: the range form passes it through, naming its argument.
 * One value per call, no rest array: the direct path allocates nothing of its own.
 */
function isError(v: unknown): boolean {
  return typeof v === "object" && v !== null && errorTextOf(v) !== undefined;
}

/**
 * The direct path for one-cell calls — `=SALES.LEADGRADE(B2,…)` filled down a column, or a
 * calculated column of an Excel table: one call per row, so no shape checks, no argument
 * lists, no closures. Each returns undefined when an argument is a range (the caller then
 * takes the range form); the result is the same as the range form's for one row.
 */
export const oneCell = {
  LEADGRADE(
    payment: unknown,
    satisfaction: unknown,
    revisits: unknown,
    calls: unknown,
    siteVisits: unknown,
    processAsked: unknown,
    priceTolerance: unknown,
    siteOpen: unknown,
    ctx: Ctx,
  ): (string | number)[][] | undefined {
    const p = single(payment);
    const s = single(satisfaction);
    const r = single(revisits);
    const c = single(calls);
    const v = single(siteVisits);
    const q = single(processAsked);
    const t = single(priceTolerance);
    const o = single(siteOpen);
    if (
      p === MANY ||
      s === MANY ||
      r === MANY ||
      c === MANY ||
      v === MANY ||
      q === MANY ||
      t === MANY ||
      o === MANY ||
      isError(p) ||
      isError(s) ||
      isError(r) ||
      isError(c) ||
      isError(v) ||
      isError(q) ||
      isError(t) ||
      isError(o)
    )
      return undefined;
    return cellOut(leadGrade(p, s, r, c, v, q, t, o, ctx), ctx);
  },
  URGENCY(
    timeline: unknown,
    resources: unknown,
    decisionLevel: unknown,
    competition: unknown,
    today: unknown,
    ctx: Ctx,
  ): (string | number)[][] | undefined {
    const tl = single(timeline);
    const rs = single(resources);
    const dl = single(decisionLevel);
    const cp = single(competition);
    const td = single(today);
    if (
      tl === MANY ||
      rs === MANY ||
      dl === MANY ||
      cp === MANY ||
      td === MANY ||
      isError(tl) ||
      isError(rs) ||
      isError(dl) ||
      isError(cp) ||
      isError(td)
    )
      return undefined;
    const v = urgencyLevel(tl, rs, dl, cp, todayOf(td), ctx);
    return cellOut(urgencyLabel(v, ctx), ctx);
  },
  /** One cell of notes (or a stage) without headers: the engine's reader on that one cell. */
  INTENTSTAGE(
    observations: unknown,
    headers: unknown,
    ctx: Ctx,
  ): (string | number)[][] | undefined {
    if (headers !== null && headers !== undefined) return undefined;
    const o = single(observations);
    if (o === MANY || !Array.isArray(observations) || isError(o))
      return undefined;
    return cellOut(
      intentStage(observations[0] as readonly unknown[], undefined, ctx),
      ctx,
    );
  },
};

/**
 * Reads the workbook's label language at start-up: the stored setting, else Excel's display
 * language (the task pane stores the choice at first use).
 */
export function initFromOffice(): void {
  if (typeof Office === "undefined") return;
  Office.onReady(() => {
    try {
      const stored = langFrom(
        Office.context.document?.settings?.get(LANGUAGE_SETTING),
      );
      setLabelLanguage(
        stored ?? langFrom(Office.context.displayLanguage) ?? "en",
      );
    } catch {
      // Settings can be unavailable while the workbook opens; the default stays.
    }
  });
}
