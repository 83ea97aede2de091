/** SPEC §4 SCORE — points tables (判断意向顾客) [seed 002]. */
import { CellError, naError, valueError } from "../cellError";
import type { Ctx } from "../ctx";
import { blankish, isBlankCell, readNumber, readYesNo } from "../read";
import { fold, showValue } from "../text";

interface Option {
  readonly text: string;
  readonly folded: string;
  readonly points: number;
  /** a threshold option (`≥8000`, `>=8000`, `8000以上`) */
  readonly min?: number;
  readonly strict?: boolean;
}

export interface ScoreItem {
  readonly name: string;
  readonly folded: string;
  readonly options: Option[];
  max: number;
  readonly byText: Map<string, Option>;
}

export interface ScoreSheet {
  readonly items: readonly ScoreItem[];
  readonly maxTotal: number;
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?\s*万?)`;
const AT_LEAST = new RegExp(
  String.raw`(≥|>=|>|大于等于|不少于|至少|大于)\s*` + NUM,
);
const OR_MORE = new RegExp(NUM + String.raw`\s*(及以上|或以上|以上|\+)`);

function threshold(
  folded: string,
): { min: number; strict: boolean } | undefined {
  let m = AT_LEAST.exec(folded);
  if (m) {
    const min = readNumber(m[2]);
    if (min !== undefined)
      return { min, strict: m[1] === ">" || m[1] === "大于" };
  }
  m = OR_MORE.exec(folded);
  if (m) {
    const min = readNumber(m[1]);
    if (min !== undefined) return { min, strict: false };
  }
  return undefined;
}

/** Words a header row uses for its columns (folded; found anywhere in the cell). */
const HEADER_WORDS = {
  item: [
    "项目",
    "指标",
    "条件",
    "问题",
    "因素",
    "item",
    "criteri",
    "question",
    "factor",
  ],
  option: ["选项", "答案", "回答", "情况", "option", "answer", "choice"],
  points: ["分", "值", "point", "score", "pts", "weight", "权重"],
} as const;

function names(cell: unknown, words: readonly string[]): boolean {
  if (typeof cell !== "string") return false;
  const f = fold(cell);
  return words.some((w) => f.includes(w));
}

/**
 * A first row whose points cell is not a number is the header row only when it names its
 * columns (`项目 · 选项 · 分值`, `Item · Option · Points`); otherwise its points are an
 * error, never a row silently dropped.
 */
function isHeaderRow(item: unknown, option: unknown, points: unknown): boolean {
  return (
    names(points, HEADER_WORDS.points) ||
    names(item, HEADER_WORDS.item) ||
    names(option, HEADER_WORDS.option)
  );
}

/**
 * Reads a criteria range of *item · option · points* rows (a header row is allowed; an item
 * cell left blank continues the item above, as in a sheet with merged item cells).
 */
export function readScoreSheet(
  range: readonly (readonly unknown[])[],
): ScoreSheet | CellError {
  const items: ScoreItem[] = [];
  const byName = new Map<string, ScoreItem>();
  let current: ScoreItem | undefined;
  let seen = false; // a non-blank row was read: a header row can only come first
  for (let i = 0; i < range.length; i++) {
    const row = range[i] ?? [];
    const [item, option, points] = [row[0], row[1], row[2]];
    if (isBlankCell(item) && isBlankCell(option) && isBlankCell(points))
      continue;
    const p = typeof points === "boolean" ? undefined : readNumber(points);
    if (p === undefined) {
      if (!seen && isHeaderRow(item, option, points)) {
        seen = true;
        continue;
      }
      const name = isBlankCell(item) ? current?.name : String(item).trim();
      return valueError("badCriteriaRow", {
        arg: "criteria",
        value: points,
        detail: String(i + 1),
        item: [name, isBlankCell(option) ? undefined : String(option).trim()]
          .filter((x) => x !== undefined && x !== "")
          .join(" · "),
      });
    }
    seen = true;
    if (isBlankCell(option))
      return valueError("badCriteriaRow", {
        arg: "criteria",
        value: option,
        detail: String(i + 1),
      });
    if (!isBlankCell(item)) {
      const name = String(item).trim();
      const f = fold(name);
      current = byName.get(f);
      if (!current) {
        current = {
          name,
          folded: f,
          options: [],
          max: -Infinity,
          byText: new Map(),
        };
        byName.set(f, current);
        items.push(current);
      }
    }
    if (!current)
      return valueError("badCriteriaRow", {
        arg: "criteria",
        value: item,
        detail: String(i + 1),
      });
    const text = String(option).trim();
    const folded = fold(text);
    const opt: Option = { text, folded, points: p, ...threshold(folded) };
    current.options.push(opt);
    if (!current.byText.has(folded)) current.byText.set(folded, opt);
    if (p > current.max) current.max = p;
  }
  if (items.length === 0) return naError("emptyCriteria", { arg: "criteria" });
  return { items, maxTotal: items.reduce((s, it) => s + it.max, 0) };
}

/** Column j of the answers → item index; -1 for a column with a blank header (ignored). */
export function answerColumns(
  sheet: ScoreSheet,
  width: number,
  headers: readonly unknown[] | undefined,
): number[] | CellError {
  if (!headers) {
    if (width > sheet.items.length) {
      return valueError("tooManyAnswers", {
        arg: "answers",
        detail: `${width} > ${sheet.items.length}`,
      });
    }
    return Array.from({ length: width }, (_, j) => j);
  }
  const cols: number[] = [];
  for (let j = 0; j < width; j++) {
    const h = headers[j];
    if (isBlankCell(h)) {
      cols.push(-1);
      continue;
    }
    const f = fold(String(h));
    let idx = sheet.items.findIndex((it) => it.folded === f);
    if (idx < 0) {
      const hits = sheet.items
        .map((it, k) =>
          f.includes(it.folded) || it.folded.includes(f) ? k : -1,
        )
        .filter((k) => k >= 0);
      if (hits.length === 1) idx = hits[0] as number;
    }
    if (idx < 0) return naError("unknownHeader", { arg: "headers", value: h });
    cols.push(idx);
  }
  return cols;
}

/** The option an answer picks: exact text, best threshold met, yes/no polarity, or a unique partial match. */
function pick(item: ScoreItem, answer: unknown, ctx: Ctx): Option | undefined {
  const folded = fold(String(answer));
  const exact = item.byText.get(folded);
  if (exact) return exact;
  const n = typeof answer === "boolean" ? undefined : readNumber(answer);
  if (n !== undefined) {
    let best: Option | undefined;
    for (const o of item.options) {
      if (o.min === undefined) continue;
      const met = o.strict ? n > o.min : n >= o.min;
      if (met && (!best || (o.min as number) > (best.min as number))) best = o;
    }
    if (best) return best;
  }
  const yn = readYesNo(answer, ctx.c);
  if (yn !== undefined) {
    const same = item.options.filter((o) => readYesNo(o.text, ctx.c) === yn);
    if (same.length === 1) return same[0];
  }
  if (n === undefined && folded.length >= 2) {
    const partial = item.options.filter(
      (o) =>
        o.folded.includes(folded) ||
        (o.folded.length >= 2 && folded.includes(o.folded)),
    );
    if (partial.length === 1) return partial[0];
  }
  return undefined;
}

/** Points total of one lead (or % of the maximum), `""` for a blank row. */
export function scoreRow(
  sheet: ScoreSheet,
  columns: readonly number[],
  row: readonly unknown[],
  asPercent: boolean,
  ctx: Ctx,
): number | "" | CellError {
  const empty = row.length >= 2 ? blankish : isBlankCell;
  let blank = true;
  for (const v of row) if (!empty(v)) blank = false;
  if (blank) return "";
  let total = 0;
  for (let j = 0; j < columns.length; j++) {
    const k = columns[j] as number;
    const v = row[j];
    if (k < 0 || isBlankCell(v)) continue;
    const item = sheet.items[k] as ScoreItem;
    const o = pick(item, v, ctx);
    if (!o) return naError("noOption", { value: v, detail: item.name });
    total += o.points;
    ctx.trace?.push(`${item.name}: ${showValue(v)} → ${o.text} = ${o.points}`);
  }
  return asPercent
    ? sheet.maxTotal > 0
      ? (total / sheet.maxTotal) * 100
      : 0
    : total;
}
