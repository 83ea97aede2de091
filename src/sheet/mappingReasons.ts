/**
 * What the column mapping's reasons say to the user, in Chinese and English: the pane shows
 * them beside each choice, the command line prints them for each header-named column it does
 * not read. One text for both, so they never disagree.
 */
import type { Lang } from "../engine/lang";
import type { Reason, UnusedColumn } from "./columnMapping";
import { INPUT_BY_KEY } from "./inputs";
import { columnLetter } from "./rowFormulas";

const CONTENT_TEXT: Record<Lang, Record<Reason["kind"], string>> = {
  zh: {
    company: "内容多为公司名",
    person: "内容多为人名",
    phone: "内容多为电话号码",
    email: "内容多为邮箱",
    date: "内容多为日期",
    count: "内容多为次数或数字",
    amount: "内容多为金额",
    rating: "内容多为是/否或A/B",
    classLetters: "内容是已分好的等级（如H/A/B/C）",
    levels: "内容多为高/中/低",
    paymentMethod: "内容是付款方式（全款/分期）",
    source: "内容是线索来源",
    longText: "内容多为文字记录",
    shortTags: "内容多为短标签",
    mixed: "内容杂乱",
    empty: "列中没有数据",
    header: "按表头",
  },
  en: {
    company: "mostly company names",
    person: "mostly people's names",
    phone: "mostly phone numbers",
    email: "mostly e-mail addresses",
    date: "mostly dates",
    count: "mostly counts or numbers",
    amount: "mostly amounts",
    rating: "mostly yes/no or A/B",
    classLetters: "a grade someone assigned (e.g. H/A/B/C)",
    levels: "mostly high/medium/low",
    paymentMethod: "payment methods (in full / instalments)",
    source: "lead sources",
    longText: "mostly written notes",
    shortTags: "mostly short tags",
    mixed: "mixed contents",
    empty: "the column is empty",
    header: "by its header",
  },
};

export function reasonText(r: Reason, lang: Lang): string {
  if (r.effect === "yours") return lang === "zh" ? "你的选择" : "your choice";
  if (r.effect === "remembered")
    return lang === "zh" ? "上次的选择" : "your last choice";
  if (r.effect === "chosen")
    return r.kind === "header" ? "" : CONTENT_TEXT[lang][r.kind];
  const what = CONTENT_TEXT[lang][r.kind];
  if (r.effect === "lowers")
    return lang === "zh" ? `${what}，请核对` : `${what} — check`;
  return what;
}

/** A column as the user sees it: its letter and its header (E“价格承受能力”). */
function columnName(
  headers: readonly unknown[],
  c: number,
  lang: Lang,
  offset: number,
): string {
  const h = String(headers[c] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return lang === "zh"
    ? `${columnLetter(c + offset)} 列“${h}”`
    : `column ${columnLetter(c + offset)} "${h}"`;
}

/** One line: which header-named column is not read, and why. `offset`: the block's first column. */
export function unusedText(
  u: UnusedColumn,
  headers: readonly unknown[],
  lang: Lang,
  offset = 0,
): string {
  const col = columnName(headers, u.column, lang, offset);
  const input = INPUT_BY_KEY.get(u.input)?.[lang] ?? u.input;
  const zh = lang === "zh";
  switch (u.why) {
    case "contents":
      return zh
        ? `${col}未作为“${input}”读取：${reasonText(u.reason, lang)}`
        : `${col} not read as ${input}: ${reasonText(u.reason, lang)}`;
    case "another": {
      const other = columnName(headers, u.instead, lang, offset);
      return zh
        ? `${col}未作为“${input}”读取：已用 ${other}`
        : `${col} not read as ${input}: ${other} is read instead`;
    }
    case "stage":
      return zh
        ? `${col}未读取：表中已有跟进记录，阶段列只在没有记录时读取`
        : `${col} not read: the sheet has notes, and a stage column is read only when there are none`;
    case "tags":
      return zh
        ? `${col}未作为“${input}”读取：内容多为短标签，表中已有文字记录`
        : `${col} not read as ${input}: mostly short tags, and the sheet has written notes`;
    case "weak":
      return zh
        ? `${col}未作为“${input}”读取：表头不够明确${u.reason ? `，${reasonText(u.reason, lang)}` : ""}`
        : `${col} not read as ${input}: the header is not clear enough${u.reason ? `; ${reasonText(u.reason, lang)}` : ""}`;
  }
}
