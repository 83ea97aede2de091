import { ARG_LABELS, type ArgName } from "./args";
import type { CellError, MessageKey, MessageParams } from "./cellError";
import type { Lang } from "./lang";
import { showValue } from "./text";
import { EXPECTED } from "./expected";

type Render = (p: Rendered) => string;
interface Rendered {
  arg: string;
  args: string;
  value: string;
  detail: string;
  expected: string;
  item: string;
}

/** How each error shows in a cell when written as text (the pane's static values, explanations). */
export { ERROR_TEXT } from "./cellError";

/** Messages per language, apart from the codes (STYLE: zod). A missing entry fails to compile. */
export const MESSAGES: { [K in MessageKey]: Record<Lang, Render> } = {
  unreadable: {
    zh: (p) =>
      `${p.arg}: ${p.value} 无法识别${p.expected ? `（应为${p.expected}）` : ""}`,
    en: (p) =>
      `${p.arg}: ${p.value} is not readable${p.expected ? ` (expected ${p.expected})` : ""}`,
  },
  inputError: {
    zh: (p) => `${p.arg}: 输入单元格是错误值 ${p.detail}`,
    en: (p) => `${p.arg}: the input cell holds the error ${p.detail}`,
  },
  missing: {
    zh: (p) => `${p.arg}: 必填，不能为空`,
    en: (p) => `${p.arg}: required, the cell is blank`,
  },
  outOfRange: {
    zh: (p) => `${p.arg}: ${p.value} 超出范围（${p.expected}）`,
    en: (p) => `${p.arg}: ${p.value} is out of range (${p.expected})`,
  },
  heightMismatch: {
    zh: (p) => `区域行数不一致: ${p.args}（${p.detail}）`,
    en: (p) => `ranges of different heights: ${p.args} (${p.detail})`,
  },
  tooWide: {
    zh: (p) => `${p.arg}: 应为单列区域，实际 ${p.detail} 列`,
    en: (p) => `${p.arg}: expects one column, got ${p.detail} columns`,
  },
  noSignal: {
    zh: (p) =>
      `${p.arg}: 未识别到任何意向信号${p.value !== '""' ? `（${p.value}）` : ""}`,
    en: (p) =>
      `${p.arg}: no signal recognised${p.value !== '""' ? ` (${p.value})` : ""}`,
  },
  noOption: {
    zh: (p) => `${p.detail}: ${p.value} 不匹配任何选项`,
    en: (p) => `${p.detail}: ${p.value} matches no option`,
  },
  tooManyAnswers: {
    zh: (p) => `${p.arg}: ${p.detail}`,
    en: (p) => `${p.arg}: ${p.detail}`,
  },
  unknownHeader: {
    zh: (p) => `${p.arg}: ${p.value} 不是评分标准中的项目`,
    en: (p) => `${p.arg}: ${p.value} is no item of the criteria`,
  },
  badCriteriaRow: {
    zh: (p) =>
      `${p.arg}: 第 ${p.detail} 行${p.item ? `（${p.item}）` : ""}的分值 ${p.value} 无法识别`,
    en: (p) =>
      `${p.arg}: row ${p.detail}${p.item ? ` (${p.item})` : ""} has unreadable points ${p.value}`,
  },
  emptyCriteria: {
    zh: (p) => `${p.arg}: 没有任何“项目 · 选项 · 分值”行`,
    en: (p) => `${p.arg}: no "item · option · points" rows`,
  },
  noKeyword: {
    zh: (p) => `${p.arg}: ${p.value} 中没有可识别的角色关键词`,
    en: (p) => `${p.arg}: no role keyword in ${p.value}`,
  },
  emptyPopulation: {
    zh: (p) => `${p.arg}: 没有可比较的金额`,
    en: (p) => `${p.arg}: no amounts to rank against`,
  },
  afterToday: {
    zh: (p) => `${p.arg}: ${p.value} 晚于今天`,
    en: (p) => `${p.arg}: ${p.value} is after today`,
  },
};

export function argLabel(arg: ArgName | undefined, lang: Lang): string {
  return arg ? ARG_LABELS[arg][lang] : "";
}

export function renderParams(params: MessageParams, lang: Lang): Rendered {
  return {
    arg: argLabel(params.arg, lang),
    args: (params.args ?? [])
      .map((a) => ARG_LABELS[a][lang])
      .join(lang === "zh" ? "、" : ", "),
    value: showValue(params.value),
    detail: params.detail ?? "",
    expected: params.expected ? EXPECTED[params.expected][lang] : "",
    item: params.item ?? "",
  };
}

/** The text shown with an Excel error, in the workbook's label language. */
export function errorMessage(error: CellError, lang: Lang): string {
  return MESSAGES[error.key][lang](renderParams(error.params, lang));
}

/** How WHYINTENTSTAGE shows its reading of a note, per language (one line per signal found). */
export interface ReadingLine {
  /** the words as written in the note */
  text: string;
  /** the concept's name */
  concept: string;
  /** `阶段3 考虑成交` / `stage 3 considers a deal`, or "" when it counts for nothing */
  stage: string;
  /** the negator or the plan marker involved */
  marker: string;
}

export const READING_TEXT: {
  readonly [
    K in
      | "found"
      | "negated"
      | "negatedTurned"
      | "covered"
      | "planned"
      | "asked"
      | "rival"
      | "failed"
      | "headerMark"
  ]: Record<Lang, (p: ReadingLine) => string>;
} = {
  found: {
    zh: (p) => `“${p.text}”（${p.concept}）→ ${p.stage}`,
    en: (p) => `“${p.text}” (${p.concept}) → ${p.stage}`,
  },
  negated: {
    zh: (p) => `“${p.text}”（${p.concept}）被“${p.marker}”否定，不计`,
    en: (p) =>
      `“${p.text}” (${p.concept}) negated by “${p.marker}”, counts for nothing`,
  },
  negatedTurned: {
    zh: (p) => `“${p.text}”（${p.concept}）被“${p.marker}”否定 → ${p.stage}`,
    en: (p) =>
      `“${p.text}” (${p.concept}) negated by “${p.marker}” → ${p.stage}`,
  },
  covered: {
    zh: (p) =>
      `“${p.text}”（${p.concept}）跟在“${p.marker}”之后，属于拒绝或抱怨的内容，不计`,
    en: (p) =>
      `“${p.text}” (${p.concept}) follows “${p.marker}”, what is refused or complained about, counts for nothing`,
  },
  asked: {
    zh: (p) =>
      `“${p.text}”（${p.concept}）是在“${p.marker}”时问到的成交条件 → ${p.stage}`,
    en: (p) =>
      `“${p.text}” (${p.concept}) is asked about (“${p.marker}”), a term of the deal → ${p.stage}`,
  },
  rival: {
    zh: (p) =>
      `“${p.text}”（${p.concept}）与“${p.marker}”同句：成交给了别家 → ${p.stage}`,
    en: (p) =>
      `“${p.text}” (${p.concept}) with “${p.marker}” in its clause: done with a rival → ${p.stage}`,
  },
  failed: {
    zh: (p) =>
      `“${p.text}”（${p.concept}）与“${p.marker}”同句：成交失败、取消或退款，按拒绝计 → ${p.stage}`,
    en: (p) =>
      `“${p.text}” (${p.concept}) with “${p.marker}” in its clause: the deal failed, was cancelled or refunded, read as a refusal → ${p.stage}`,
  },
  planned: {
    zh: (p) =>
      `“${p.text}”（${p.concept}）与“${p.marker}”同句，尚未完成，按确定成交计 → ${p.stage}`,
    en: (p) =>
      `“${p.text}” (${p.concept}) with “${p.marker}” in its clause is not yet done, read as deal confirmed → ${p.stage}`,
  },
  headerMark: {
    zh: (p) => `第 ${p.concept} 列 ${p.text}（该列表头是信号）→ ${p.stage}`,
    en: (p) =>
      `column ${p.concept}: ${p.text} (its header is a signal) → ${p.stage}`,
  },
};

/** The rule of SPEC §5 that decided a stage, per language. */
export const STAGE_RULE_TEXT = {
  won: { zh: "有未被否定的成交信号", en: "a won signal, not negated" },
  highest: { zh: "取最高的正向信号", en: "the highest positive signal" },
  highestOverRefusal: {
    zh: "取最高的正向信号，正向信号优先于拒绝",
    en: "the highest positive signal, which beats the refusal",
  },
  refusal: { zh: "只有拒绝信号", en: "refusal signals only" },
} as const;
