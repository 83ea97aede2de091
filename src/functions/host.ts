/**
 * The Excel side of the custom functions: the label language and criteria in force for this
 * workbook, and the mapping of engine results to what Excel shows. Kept apart from
 * functions.ts so that file holds only the functions the metadata plugin registers.
 */
import { CellError } from "../engine/cellError";
import { DEFAULT_CRITERIA, type Criteria } from "../engine/criteria";
import { makeCtx, type Ctx } from "../engine/ctx";
import { langFrom, type Lang } from "../engine/lang";
import { errorMessage } from "../engine/messages";
import type { Column } from "../engine/sales";
import { isGrid } from "../engine/spill";
import { isBlankCell } from "../engine/read";

/** Workbook setting that stores the label language (SPEC §12), shared with the task pane. */
export const LANGUAGE_SETTING = "SALES.labelLanguage";

const state: {
  lang: Lang;
  criteria: Criteria;
  ctx: Map<Lang, Ctx>;
  warning: (lang: Lang) => string;
} = {
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
  const out = new Array<(string | number | CustomFunctions.Error)[]>(
    result.length,
  );
  for (let i = 0; i < result.length; i++) {
    const v = result[i] as string | number | CellError;
    out[i] = [v instanceof CellError ? excelError(v, ctx.lang) : v];
  }
  return out;
}

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
