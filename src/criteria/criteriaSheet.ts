/**
 * The criteria sheet (评分标准 / Criteria): every table of the scoring rules in a form people
 * read and edit, and the way back from its cells to one `Criteria` value. The sheet is the
 * storage: it travels with the workbook. Pure: a 2-D table of cells in, a 2-D table out.
 *
 * Layout: columns A–E hold a section's data, F says where each number comes from (the
 * source text, or 默认/our default), G is the check column the pane fills with what is wrong
 * in that row. A section is a title row (■ …), a header row, then data rows up to the next
 * title; blank rows are skipped, so rows can be added anywhere inside a section.
 */
import { DEFAULT_CRITERIA, type Criteria } from "../engine/criteria";
import type { Lang } from "../engine/lang";
import { sourceName } from "../engine/ctx";
import { readDate } from "../engine/read";
import { fold, isBlankCell, showValue } from "../engine/text";
import {
  ROLES,
  ROLE_FOCUS,
  ROLE_LABELS,
  type Role,
} from "../engine/tables/buyerRoles";
import { STATUS_LABELS, type Status } from "../engine/tables/customerStatus";
import { INTENT_CLASS_TRAITS } from "../engine/tables/intentClasses";
import {
  DROP_RULES,
  NEXT_ACTIONS,
  SIGNAL_WORDS,
  STAGES,
  STAGE_NAMES,
  isStage,
  type SignalWord,
  type Stage,
} from "../engine/tables/intentStages";
import type { Grade, NecessaryRow } from "../engine/tables/leadGradeTable";
import { POINTS_TABLE } from "../engine/tables/pointsTable";
import { URGENCY_FACTORS } from "../engine/tables/urgencyModel";

export type SheetCell = string | number | boolean;
export type SheetRows = SheetCell[][];

/** Columns of the sheet (0-based). */
export const WIDTH = 7;
export const SOURCE_COL = 5;
export const CHECK_COL = 6;
/** The row (0-based) whose column B holds the date the date-dependent functions count from. */
export const TODAY_ROW = 1;
export const TODAY_ADDRESS = "$B$2";

export const CRITERIA_SHEET_NAME: Record<Lang, string> = {
  zh: "评分标准",
  en: "Criteria",
};

export interface SheetIssue {
  /** 0-based sheet row and column of the cell that is wrong */
  readonly row: number;
  readonly col: number;
  readonly message: Record<Lang, string>;
}

export interface ParsedCriteria {
  /** the criteria in force: every valid cell, and the last valid value where a cell is wrong */
  readonly criteria: Criteria;
  readonly issues: readonly SheetIssue[];
  /** the date serial in the today cell, when it holds one */
  readonly today: number | undefined;
  /** 0-based sheet rows of the points table (header included): the range SALES.SCORE reads */
  readonly pointsRows:
    { readonly first: number; readonly last: number } | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
type Draft = Mutable<Criteria>;

const DEFAULT_TAG: Record<Lang, string> = {
  zh: "默认（我们的默认值）",
  en: "our default",
};
const SEED_TAG = (n: string): Record<Lang, string> => ({
  zh: sourceName(n, "zh"),
  en: sourceName(n, "en"),
});
const RECONSTRUCTED_TAG: Record<Lang, string> = {
  zh: `${sourceName("002", "zh")}（原文缺失，我们的复原）`,
  en: `${sourceName("002", "en")} (lost in the source; our reading)`,
};
const TITLE_MARK = "■ ";
const bi = (zh: string, en: string): Record<Lang, string> => ({ zh, en });

// ---------------------------------------------------------------- reading cells

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function same(v: unknown, labels: Record<Lang, string>): boolean {
  const t = fold(text(v));
  return t !== "" && (t === fold(labels.zh) || t === fold(labels.en));
}

/** A number cell, or text that is only a number (full-width digits, a trailing %). */
function num(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  const t = fold(v).replace(/,/g, "");
  const m = /^(-?\d+(?:\.\d+)?)\s*(%?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? n / 100 : n;
}

const YES = new Set(["是", "yes", "y", "true", "1", "√", "✓"]);
const NO = new Set(["否", "no", "n", "false", "0", "×"]);
function yesNo(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  const t = fold(text(v));
  return YES.has(t) ? true : NO.has(t) ? false : undefined;
}

// ---------------------------------------------------------------- sections

interface Row {
  readonly index: number;
  readonly cells: readonly unknown[];
}

interface ParseCtx {
  readonly draft: Draft;
  readonly issues: SheetIssue[];
  readonly titleRow: number;
  readonly title: Record<Lang, string>;
}

interface Section {
  readonly title: Record<Lang, string>;
  readonly header: Record<Lang, readonly string[]>;
  /** data rows, columns A–F */
  readonly rows: (lang: Lang) => SheetCell[][];
  readonly parse?: (rows: readonly Row[], ctx: ParseCtx) => void;
}

function issue(
  ctx: ParseCtx,
  row: number,
  col: number,
  zh: string,
  en: string,
): void {
  ctx.issues.push({ row, col, message: { zh, en } });
}

const KEEP = bi("已沿用上次有效值", "the last valid value is kept");

/** A number in [min, max] (integer when asked), else an issue naming the value. */
function numberIn(
  ctx: ParseCtx,
  row: Row,
  col: number,
  min: number,
  max: number,
  integer = true,
): number | undefined {
  const v = row.cells[col];
  const n = num(v);
  if (
    n === undefined ||
    n < min ||
    n > max ||
    (integer && !Number.isInteger(n))
  ) {
    const kind = integer
      ? bi("整数", "a whole number")
      : bi("数字", "a number");
    issue(
      ctx,
      row.index,
      col,
      `${showValue(v)} 不是 ${min}–${max} 之间的${kind.zh}；${KEEP.zh}`,
      `${showValue(v)} is not ${kind.en} from ${min} to ${max}; ${KEEP.en}`,
    );
    return undefined;
  }
  return n;
}

interface Keyed<K extends string> {
  readonly key: K;
  readonly label: Record<Lang, string>;
}

/** Finds each keyed row by its label in column A; a missing row is an issue on the title. */
function byLabel<K extends string>(
  rows: readonly Row[],
  defs: readonly Keyed<K>[],
  ctx: ParseCtx,
): Partial<Record<K, Row>> {
  const out: Partial<Record<K, Row>> = {};
  for (const d of defs) {
    const r = rows.find((x) => same(x.cells[0], d.label));
    if (r) out[d.key] = r;
    else
      issue(
        ctx,
        ctx.titleRow,
        0,
        `缺少“${d.label.zh}”一行（被删除或改名）；${KEEP.zh}`,
        `the row "${d.label.en}" is missing (deleted or renamed); ${KEEP.en}`,
      );
  }
  return out;
}

const label = (lang: Lang, l: Record<Lang, string>) => l[lang];

// Grade table [seed 002] --------------------------------------------------------
const NECESSARY: readonly Keyed<NecessaryRow>[] = [
  {
    key: "bothA",
    label: bi("两项必要条件都是A", "both necessary conditions A"),
  },
  { key: "oneA", label: bi("恰好一项是A", "exactly one A") },
  { key: "bothB", label: bi("两项都是B", "both B") },
];
const BAND_KEYS = ["k5", "k3to4", "k0to2"] as const;

const gradeTable: Section = {
  title: bi(
    "客户分级表（必要条件 × 意向程度为A的项数）",
    "Lead grade table (necessary conditions × intent indicators at A)",
  ),
  header: {
    zh: ["必要条件", "5项全A", "3–4项A", "0–2项A", ""],
    en: ["Necessary conditions", "all 5 at A", "3–4 at A", "0–2 at A", ""],
  },
  rows: (lang) =>
    NECESSARY.map((n) => [
      label(lang, n.label),
      ...BAND_KEYS.map((b) => DEFAULT_CRITERIA.leadGrade.table[n.key][b]),
      "",
      SEED_TAG("002")[lang],
    ]),
  parse: (rows, ctx) => {
    const found = byLabel(rows, NECESSARY, ctx);
    for (const n of NECESSARY) {
      const r = found[n.key];
      if (!r) continue;
      BAND_KEYS.forEach((b, j) => {
        const g = fold(text(r.cells[j + 1])).toUpperCase();
        if (/^[A-E]$/.test(g)) ctx.draft.leadGrade.table[n.key][b] = g as Grade;
        else
          issue(
            ctx,
            r.index,
            j + 1,
            `${showValue(r.cells[j + 1])} 不是等级 A–E；${KEEP.zh}`,
            `${showValue(r.cells[j + 1])} is not a grade A–E; ${KEEP.en}`,
          );
      });
    }
  },
};

// Count thresholds [default] ------------------------------------------------------
type CountKey = keyof Criteria["leadGrade"]["countThresholds"];
const COUNTS: readonly Keyed<CountKey | "siteClosed" | "all" | "midFrom">[] = [
  { key: "revisits", label: bi("回访次数 ≥", "revisits ≥") },
  { key: "calls", label: bi("主动来电次数 ≥", "calls ≥") },
  { key: "siteVisits", label: bi("工地考察次数 ≥", "site visits ≥") },
  { key: "processAsked", label: bi("询问购买流程次数 ≥", "process asked ≥") },
  {
    key: "siteClosed",
    label: bi(
      "工地未开放时工地考察按A计",
      "site closed: site visits count as A",
    ),
  },
  {
    key: "all",
    label: bi("最高档：为A的项数 =", "top band: indicators at A ="),
  },
  {
    key: "midFrom",
    label: bi("中档：为A的项数 ≥", "middle band: indicators at A ≥"),
  },
];
const countThresholds: Section = {
  title: bi(
    "意向程度：计数达到多少算A",
    "Intent indicators: counts that count as A",
  ),
  header: { zh: ["项目", "值", "", "", ""], en: ["Item", "Value", "", "", ""] },
  rows: (lang) => {
    const lg = DEFAULT_CRITERIA.leadGrade;
    const value = (k: (typeof COUNTS)[number]["key"]): SheetCell =>
      k === "siteClosed"
        ? lang === "zh"
          ? lg.siteClosedCountsAsA
            ? "是"
            : "否"
          : lg.siteClosedCountsAsA
            ? "yes"
            : "no"
        : k === "all"
          ? lg.bands.all
          : k === "midFrom"
            ? lg.bands.midFrom
            : lg.countThresholds[k];
    return COUNTS.map((c) => [
      label(lang, c.label),
      value(c.key),
      "",
      "",
      "",
      c.key === "all" || c.key === "midFrom"
        ? SEED_TAG("002")[lang]
        : DEFAULT_TAG[lang],
    ]);
  },
  parse: (rows, ctx) => {
    const f = byLabel(rows, COUNTS, ctx);
    const lg = ctx.draft.leadGrade;
    for (const k of [
      "revisits",
      "calls",
      "siteVisits",
      "processAsked",
    ] as const) {
      const r = f[k];
      const n = r && numberIn(ctx, r, 1, 0, 1000);
      if (n !== undefined) lg.countThresholds[k] = n;
    }
    if (f.siteClosed) {
      const b = yesNo(f.siteClosed.cells[1]);
      if (b === undefined)
        issue(
          ctx,
          f.siteClosed.index,
          1,
          `${showValue(f.siteClosed.cells[1])} 应为 是/否；${KEEP.zh}`,
          `${showValue(f.siteClosed.cells[1])} should be yes/no; ${KEEP.en}`,
        );
      else lg.siteClosedCountsAsA = b;
    }
    const all = f.all && numberIn(ctx, f.all, 1, 1, 5);
    const mid = f.midFrom && numberIn(ctx, f.midFrom, 1, 0, 5);
    if (all !== undefined && mid !== undefined && mid >= all && f.midFrom) {
      issue(
        ctx,
        f.midFrom.index,
        1,
        `中档起点 ${mid} 不低于最高档 ${all}，顺序不合理；${KEEP.zh}`,
        `middle band from ${mid} is not below the top band ${all}; ${KEEP.en}`,
      );
    } else {
      if (all !== undefined) (lg.bands as { all: number }).all = all;
      if (mid !== undefined) (lg.bands as { midFrom: number }).midFrom = mid;
    }
  },
};

// Intent classes [seed 002] ---------------------------------------------------------
const CLASSES = ["A", "B", "C", "D"] as const;
const intentClasses: Section = {
  title: bi(
    "意向等级（得分 0–100）及原文特征",
    "Intent classes (score 0–100) and the source's traits",
  ),
  header: {
    zh: ["等级", "最低分", "特征", "", ""],
    en: ["Class", "Lowest score", "Trait", "", ""],
  },
  rows: (lang) =>
    CLASSES.flatMap((c) => {
      const t = INTENT_CLASS_TRAITS[c];
      const min = c === "D" ? "" : DEFAULT_CRITERIA.intentClassMin[c];
      return [
        [
          c,
          min,
          lang === "zh" ? t.summary : t.summaryEn,
          "",
          "",
          SEED_TAG("002")[lang],
        ],
        ...t.traits.map((x, i) => [c, "", `${i + 1}. ${x}`, "", "", ""]),
      ];
    }),
  parse: (rows, ctx) => {
    const mins: Partial<Record<"A" | "B" | "C", { n: number; row: Row }>> = {};
    for (const c of ["A", "B", "C"] as const) {
      const r = rows.find(
        (x) =>
          fold(text(x.cells[0])) === c.toLowerCase() &&
          !isBlankCell(x.cells[1]),
      );
      if (!r) {
        issue(
          ctx,
          ctx.titleRow,
          0,
          `缺少${c}级的最低分；${KEEP.zh}`,
          `class ${c} has no lowest score; ${KEEP.en}`,
        );
        continue;
      }
      const n = numberIn(ctx, r, 1, 0, 100, false);
      if (n !== undefined) mins[c] = { n, row: r };
    }
    const { A, B, C } = mins;
    if (A && B && C) {
      if (!(A.n > B.n && B.n > C.n)) {
        const bad = A.n <= B.n ? B : C;
        issue(
          ctx,
          bad.row.index,
          1,
          `分数线顺序不合理（应为 A ${A.n} > B ${B.n} > C ${C.n}）；${KEEP.zh}`,
          `the cut-offs are out of order (A ${A.n} > B ${B.n} > C ${C.n} expected); ${KEEP.en}`,
        );
      } else {
        ctx.draft.intentClassMin = { A: A.n, B: B.n, C: C.n };
      }
    }
  },
};

// Points checklist [seed 002] --------------------------------------------------------
const pointsTable: Section = {
  title: bi(
    "评分表（项目 · 选项 · 分值，SALES.SCORE 直接读取）",
    "Points checklist (item · option · points, read by SALES.SCORE)",
  ),
  header: {
    zh: ["项目", "选项", "分值", "", ""],
    en: ["Item", "Option", "Points", "", ""],
  },
  rows: (lang) =>
    POINTS_TABLE.map((p) => [
      p.item,
      p.option,
      p.points,
      "",
      "",
      p.reconstructed ? RECONSTRUCTED_TAG[lang] : SEED_TAG("002")[lang],
    ]),
  parse: (rows, ctx) => {
    for (const r of rows) {
      if (isBlankCell(r.cells[1]) && isBlankCell(r.cells[2])) continue;
      if (isBlankCell(r.cells[1]))
        issue(ctx, r.index, 1, "选项为空", "the option is blank");
      numberIn(ctx, r, 2, -1000, 1000, false);
    }
  },
};

// Stages, cadence and advice [seed 002]; status [default] --------------------------------
const stageSignals = (s: Stage, lang: Lang) =>
  SIGNAL_WORDS.filter(
    (w) => w.stage === s && /[^\x20-\x7e]/.test(w.phrase) === (lang === "zh"),
  )
    .map((w) => w.phrase)
    .join(lang === "zh" ? "、" : ", ");

function readStage(v: unknown): Stage | undefined {
  if (typeof v === "number") return isStage(v) ? v : undefined;
  const m = /(-?\d+)/.exec(fold(text(v)));
  const n = m ? Number(m[1]) : NaN;
  return isStage(n) ? n : undefined;
}

const stages: Section = {
  title: bi(
    "意向阶段：信号词、跟进间隔与推进方法",
    "Intent stages: signal words, follow-up interval and advice",
  ),
  header: {
    zh: [
      "阶段",
      "名称",
      "内置信号词（团队用语请加在最下方）",
      "至少每隔几天联系",
      "推进方法",
    ],
    en: [
      "Stage",
      "Name",
      "Built-in signal words (add team words at the bottom)",
      "Contact at least every (days)",
      "Advice",
    ],
  },
  rows: (lang) =>
    STAGES.map((s) => [
      s,
      STAGE_NAMES[s][lang],
      stageSignals(s, lang),
      DEFAULT_CRITERIA.followUpDays[s] ?? (lang === "zh" ? "无" : "none"),
      NEXT_ACTIONS[s][lang],
      SEED_TAG("002")[lang],
    ]),
  parse: (rows, ctx) => {
    for (const s of STAGES) {
      const r = rows.find((x) => readStage(x.cells[0]) === s);
      if (!r) {
        issue(
          ctx,
          ctx.titleRow,
          0,
          `缺少阶段 ${s} 一行；${KEEP.zh}`,
          `the row of stage ${s} is missing; ${KEEP.en}`,
        );
        continue;
      }
      const v = r.cells[3];
      if (isBlankCell(v) || ["无", "none", "-"].includes(fold(text(v)))) {
        ctx.draft.followUpDays[s] = null;
        continue;
      }
      const n = numberIn(ctx, r, 3, 1, 365);
      if (n !== undefined) ctx.draft.followUpDays[s] = n;
    }
  },
};

const STATUSES = Object.keys(STATUS_LABELS) as Status[];
const statusMap: Section = {
  title: bi("客户状态：由阶段得出", "Customer status from the stage"),
  header: {
    zh: ["阶段", "客户状态", "", "", ""],
    en: ["Stage", "Status", "", "", ""],
  },
  rows: (lang) =>
    STAGES.map((s) => [
      s,
      STATUS_LABELS[DEFAULT_CRITERIA.statusByStage[s]][lang],
      "",
      "",
      "",
      DEFAULT_TAG[lang],
    ]),
  parse: (rows, ctx) => {
    for (const s of STAGES) {
      const r = rows.find((x) => readStage(x.cells[0]) === s);
      if (!r) {
        issue(
          ctx,
          ctx.titleRow,
          0,
          `缺少阶段 ${s} 一行；${KEEP.zh}`,
          `the row of stage ${s} is missing; ${KEEP.en}`,
        );
        continue;
      }
      const st = STATUSES.find((k) => same(r.cells[1], STATUS_LABELS[k]));
      if (st) ctx.draft.statusByStage[s] = st;
      else
        issue(
          ctx,
          r.index,
          1,
          `${showValue(r.cells[1])} 不是客户状态（${STATUSES.map((k) => STATUS_LABELS[k].zh).join("、")}）；${KEEP.zh}`,
          `${showValue(r.cells[1])} is not a status (${STATUSES.map((k) => STATUS_LABELS[k].en).join(", ")}); ${KEEP.en}`,
        );
    }
  },
};

// Urgency scoring model [default] ------------------------------------------------------
type UrgencyKey =
  | "within30"
  | "within90"
  | "later"
  | "hasDeadline"
  | "yes"
  | "no"
  | "high"
  | "medium";
const URGENCY_ROWS: readonly Keyed<UrgencyKey>[] = [
  {
    key: "within30",
    label: bi(
      "截止日期在N天内（或已过）",
      "deadline within N days (or passed)",
    ),
  },
  { key: "within90", label: bi("截止日期在N天内", "deadline within N days") },
  { key: "later", label: bi("截止日期更远", "deadline later") },
  {
    key: "hasDeadline",
    label: bi("有截止日期（未给日期）", "has a deadline (no date given)"),
  },
  {
    key: "yes",
    label: bi("资源/决策层/竞争：是", "resources/level/competition: yes"),
  },
  {
    key: "no",
    label: bi("资源/决策层/竞争：否", "resources/level/competition: no"),
  },
  { key: "high", label: bi("高：总分 ≥", "High: total ≥") },
  { key: "medium", label: bi("中：总分 ≥", "Medium: total ≥") },
];
const urgencyModel: Section = {
  title: bi(
    "紧急程度评分模型（总分 0–9）",
    "Urgency scoring model (total 0–9)",
  ),
  header: {
    zh: ["项目", "天数 / 分数线", "分值", "", ""],
    en: ["Item", "Days / cut-off", "Points", "", ""],
  },
  rows: (lang) => {
    const u = DEFAULT_CRITERIA.urgency;
    const t = u.timeline;
    const vals: Record<UrgencyKey, [SheetCell, SheetCell]> = {
      within30: [t.within30.maxDays, t.within30.points],
      within90: [t.within90.maxDays, t.within90.points],
      later: ["", t.later.points],
      hasDeadline: ["", t.hasDeadline],
      yes: ["", u.yesNo.yes],
      no: ["", u.yesNo.no],
      high: [u.levelMin.high, ""],
      medium: [u.levelMin.medium, ""],
    };
    return URGENCY_ROWS.map((r) => [
      label(lang, r.label),
      ...vals[r.key],
      "",
      "",
      DEFAULT_TAG[lang],
    ]);
  },
  parse: (rows, ctx) => {
    const f = byLabel(rows, URGENCY_ROWS, ctx);
    const u = ctx.draft.urgency;
    const pts = (k: UrgencyKey) => {
      const r = f[k];
      return r && numberIn(ctx, r, 2, 0, 3);
    };
    const d30 = f.within30 && numberIn(ctx, f.within30, 1, 0, 3650);
    const d90 = f.within90 && numberIn(ctx, f.within90, 1, 0, 3650);
    if (d30 !== undefined && d90 !== undefined && d30 >= d90 && f.within90)
      issue(
        ctx,
        f.within90.index,
        1,
        `${d90} 天不大于 ${d30} 天，顺序不合理；${KEEP.zh}`,
        `${d90} days is not more than ${d30} days; ${KEEP.en}`,
      );
    else {
      if (d30 !== undefined) u.timeline.within30.maxDays = d30;
      if (d90 !== undefined) u.timeline.within90.maxDays = d90;
    }
    const p30 = pts("within30");
    if (p30 !== undefined) u.timeline.within30.points = p30;
    const p90 = pts("within90");
    if (p90 !== undefined) u.timeline.within90.points = p90;
    const pl = pts("later");
    if (pl !== undefined) u.timeline.later.points = pl;
    const ph = pts("hasDeadline");
    if (ph !== undefined) u.timeline.hasDeadline = ph;
    const py = pts("yes");
    if (py !== undefined) u.yesNo.yes = py;
    const pn = pts("no");
    if (pn !== undefined) u.yesNo.no = pn;
    const hi = f.high && numberIn(ctx, f.high, 1, 0, 9);
    const me = f.medium && numberIn(ctx, f.medium, 1, 0, 9);
    if (hi !== undefined && me !== undefined && me >= hi && f.medium)
      issue(
        ctx,
        f.medium.index,
        1,
        `“中”的分数线 ${me} 不低于“高”的 ${hi}，顺序不合理；${KEEP.zh}`,
        `the Medium cut-off ${me} is not below High ${hi}; ${KEEP.en}`,
      );
    else {
      if (hi !== undefined) u.levelMin.high = hi;
      if (me !== undefined) u.levelMin.medium = me;
    }
  },
};

type WordKind =
  "level" | "timeline" | "resources" | "decisionLevel" | "competition";
const WORD_KINDS: readonly Keyed<WordKind>[] = [
  {
    key: "level",
    label: bi("程度词（各项通用）", "level words (every criterion)"),
  },
  { key: "timeline", label: bi("截止日期", "deadline") },
  { key: "resources", label: bi("资源投入", "resources") },
  { key: "decisionLevel", label: bi("决策层级", "decision level") },
  { key: "competition", label: bi("市场竞争", "competition") },
];
const urgencyWords: Section = {
  title: bi(
    "紧急程度：词与分值（最长的词优先）",
    "Urgency: words and points (longest word first)",
  ),
  header: {
    zh: ["标准", "词", "分值", "", ""],
    en: ["Criterion", "Word", "Points", "", ""],
  },
  rows: (lang) => {
    const u = DEFAULT_CRITERIA.urgency;
    const of = (k: WordKind) =>
      k === "level"
        ? u.levelWords
        : k === "timeline"
          ? u.timelineWords
          : u.criterionWords[k];
    return WORD_KINDS.flatMap((k) =>
      of(k.key).map((w) => [
        label(lang, k.label),
        w.phrase,
        w.points,
        "",
        "",
        DEFAULT_TAG[lang],
      ]),
    );
  },
  parse: (rows, ctx) => {
    const lists: Record<WordKind, { phrase: string; points: number }[]> = {
      level: [],
      timeline: [],
      resources: [],
      decisionLevel: [],
      competition: [],
    };
    let bad = false;
    for (const r of rows) {
      const k = WORD_KINDS.find((x) => same(r.cells[0], x.label));
      if (!k) {
        issue(
          ctx,
          r.index,
          0,
          `${showValue(r.cells[0])} 不是标准（${WORD_KINDS.map((x) => x.label.zh).join("、")}）`,
          `${showValue(r.cells[0])} is not a criterion (${WORD_KINDS.map((x) => x.label.en).join(", ")})`,
        );
        bad = true;
        continue;
      }
      const n = numberIn(ctx, r, 2, 0, 3);
      if (n === undefined || isBlankCell(r.cells[1])) {
        if (isBlankCell(r.cells[1]))
          issue(ctx, r.index, 1, "词为空", "the word is blank");
        bad = true;
        continue;
      }
      lists[k.key].push({ phrase: text(r.cells[1]), points: n });
    }
    if (bad) return; // a wrong row keeps the whole word list as it was
    const u = ctx.draft.urgency;
    u.levelWords = lists.level;
    u.timelineWords = lists.timeline;
    u.criterionWords = {
      resources: lists.resources,
      decisionLevel: lists.decisionLevel,
      competition: lists.competition,
    };
  },
};

const urgencyNotes: Section = {
  title: bi(
    "紧急程度：影响因素（参考，不计分）",
    "Urgency: influencing factors (guidance, not scored)",
  ),
  header: { zh: ["因素", "", "", "", ""], en: ["Factor", "", "", "", ""] },
  rows: (lang) =>
    URGENCY_FACTORS[lang].map((f) => [
      f,
      "",
      "",
      "",
      "",
      SEED_TAG("004")[lang],
    ]),
};

// Roles [seed 003]; keywords [default] ------------------------------------------------------
const SPLIT = /[、,，;；/\n]+/;
/** Roles in the order their keywords are listed (the order decides between equal matches). */
const roleOrder = (): Role[] => [
  ...new Set([...DEFAULT_CRITERIA.roleKeywords.map((k) => k.role), ...ROLES]),
];
const roles: Section = {
  title: bi(
    "客户角色：职位关键词与关注点",
    "Buyer roles: job-title keywords and focus",
  ),
  header: {
    zh: ["角色", "职位关键词（用、分隔）", "关注点", "", ""],
    en: ["Role", "Title keywords (separated by ,)", "Focus", "", ""],
  },
  rows: (lang) =>
    roleOrder().map((r) => [
      ROLE_LABELS[r][lang],
      DEFAULT_CRITERIA.roleKeywords
        .filter((k) => k.role === r)
        .map((k) => k.keyword)
        .join(lang === "zh" ? "、" : ", "),
      ROLE_FOCUS[r][lang],
      "",
      "",
      `${DEFAULT_TAG[lang]}；${SEED_TAG("003")[lang]}`,
    ]),
  parse: (rows, ctx) => {
    const out: { keyword: string; role: Role }[] = [];
    let bad = false;
    const seen = new Set<Role>();
    for (const r of rows) {
      const role = ROLES.find((x) => same(r.cells[0], ROLE_LABELS[x]));
      if (!role) {
        issue(
          ctx,
          r.index,
          0,
          `${showValue(r.cells[0])} 不是角色（${ROLES.map((x) => ROLE_LABELS[x].zh).join("、")}）；${KEEP.zh}`,
          `${showValue(r.cells[0])} is not a role (${ROLES.map((x) => ROLE_LABELS[x].en).join(", ")}); ${KEEP.en}`,
        );
        bad = true;
        continue;
      }
      seen.add(role);
      for (const k of text(r.cells[1]).split(SPLIT)) {
        const w = k.trim();
        if (w) out.push({ keyword: w, role });
      }
    }
    for (const role of ROLES)
      if (!seen.has(role)) {
        issue(
          ctx,
          ctx.titleRow,
          0,
          `缺少角色“${ROLE_LABELS[role].zh}”一行；${KEEP.zh}`,
          `the role "${ROLE_LABELS[role].en}" is missing; ${KEEP.en}`,
        );
        bad = true;
      }
    if (!bad) ctx.draft.roleKeywords = out;
  },
};

// Customer types [default] -----------------------------------------------------------------
type TierKey = "high" | "mid" | "days";
const TIER_ROWS: readonly Keyed<TierKey>[] = [
  {
    key: "high",
    label: bi("高价值：金额最高的比例", "High value: top share of amounts"),
  },
  {
    key: "mid",
    label: bi("中价值：其后的比例", "Medium value: the next share"),
  },
  {
    key: "days",
    label: bi("活跃：最近购买在N天内", "Active: last purchase within N days"),
  },
];
const customerTypes: Section = {
  title: bi(
    "客户类型：价值分层与活跃期",
    "Customer types: value tiers and the activity window",
  ),
  header: { zh: ["项目", "值", "", "", ""], en: ["Item", "Value", "", "", ""] },
  rows: (lang) => [
    [
      label(lang, TIER_ROWS[0]!.label),
      DEFAULT_CRITERIA.valueTierShares.high,
      "",
      "",
      "",
      DEFAULT_TAG[lang],
    ],
    [
      label(lang, TIER_ROWS[1]!.label),
      DEFAULT_CRITERIA.valueTierShares.mid,
      "",
      "",
      "",
      DEFAULT_TAG[lang],
    ],
    [
      label(lang, TIER_ROWS[2]!.label),
      DEFAULT_CRITERIA.activeWithinDays,
      "",
      "",
      "",
      DEFAULT_TAG[lang],
    ],
  ],
  parse: (rows, ctx) => {
    const f = byLabel(rows, TIER_ROWS, ctx);
    const hi = f.high && numberIn(ctx, f.high, 1, 0, 1, false);
    const mid = f.mid && numberIn(ctx, f.mid, 1, 0, 1, false);
    if (hi !== undefined && mid !== undefined && hi + mid > 1 && f.mid)
      issue(
        ctx,
        f.mid.index,
        1,
        `两个比例之和 ${hi + mid} 超过 100%；${KEEP.zh}`,
        `the shares add up to ${hi + mid}, over 100%; ${KEEP.en}`,
      );
    else if (hi !== undefined || mid !== undefined)
      ctx.draft.valueTierShares = {
        high: hi ?? ctx.draft.valueTierShares.high,
        mid: mid ?? ctx.draft.valueTierShares.mid,
      } as Draft["valueTierShares"];
    const d = f.days && numberIn(ctx, f.days, 1, 1, 36500);
    if (d !== undefined) ctx.draft.activeWithinDays = d;
  },
};

// Text-only sections ----------------------------------------------------------------------------
const DUPLICATE_RULES: Record<Lang, readonly string[]> = {
  zh: [
    "客户归属于最先登记客户完整资料的置业顾问（同一天：以接待登记为准；不同天：以系统和登记为准）",
    "他人成交时，原置业顾问在7天内（或当时）提出：佣金和客户归原置业顾问",
    "超过7天才提出：佣金和客户归成交的置业顾问",
    "查重：电话相同，或姓名+公司相同；从不删除任何一行",
  ],
  en: [
    "the lead belongs to whoever registered the customer's complete details first (same day: the reception log; different days: the system and the log)",
    "if another rep closes, and the first rep raises it within 7 days (or at the time): commission and account go to the first rep",
    "raised after 7 days: they go to the rep who closed",
    "duplicates: same phone, or same name + company; no row is ever deleted",
  ],
};
const duplicates: Section = {
  title: bi("撞单判定（说明）", "Duplicate leads (rules as text)"),
  header: { zh: ["规则", "", "", "", ""], en: ["Rule", "", "", "", ""] },
  rows: (lang) =>
    DUPLICATE_RULES[lang].map((t) => [
      t,
      "",
      "",
      "",
      "",
      SEED_TAG("002")[lang],
    ]),
};
const dropRules: Section = {
  title: bi(
    "何时不再跟踪一个客户（说明）",
    "When to drop a lead (rules as text)",
  ),
  header: { zh: ["规则", "", "", "", ""], en: ["Rule", "", "", "", ""] },
  rows: (lang) =>
    DROP_RULES[lang].map((t) => [t, "", "", "", "", SEED_TAG("002")[lang]]),
};

// Team words: last, so rows can be added below without limit ----------------------------------
const NEUTRAL = bi("中性", "neutral");
export const TEAM_WORDS_TITLE = bi(
  "团队用语：信号词 → 阶段（在下方添加，如 认筹、网签、定金）",
  "Team words: signal → stage (add below, e.g. deposit paid, e-signed)",
);
const teamWords: Section = {
  title: TEAM_WORDS_TITLE,
  header: {
    zh: ["信号词", "阶段（-1…5 或 中性）", "", "", ""],
    en: ["Signal words", "Stage (-1…5 or neutral)", "", "", ""],
  },
  rows: () => [],
  parse: (rows, ctx) => {
    const extra: SignalWord[] = [];
    for (const r of rows) {
      const phrase = text(r.cells[0]);
      const v = r.cells[1];
      if (phrase === "") {
        issue(ctx, r.index, 0, "信号词为空", "the signal word is blank");
        continue;
      }
      if (same(v, NEUTRAL)) {
        extra.push({ phrase, stage: null });
        continue;
      }
      const s = readStage(v);
      if (s === undefined || isBlankCell(v)) {
        issue(
          ctx,
          r.index,
          1,
          `${showValue(v)} 不是阶段（-1…5 或 中性）；该词未生效`,
          `${showValue(v)} is not a stage (-1…5 or neutral); the word is not used`,
        );
        continue;
      }
      extra.push({ phrase, stage: s });
    }
    ctx.draft.signals = extra;
  },
};

export const SECTIONS: readonly Section[] = [
  gradeTable,
  countThresholds,
  intentClasses,
  pointsTable,
  stages,
  statusMap,
  urgencyModel,
  urgencyWords,
  urgencyNotes,
  roles,
  customerTypes,
  duplicates,
  dropRules,
  teamWords,
];

const TITLE = bi(
  "评分标准（可编辑：改一个数字，本工作簿所有 SALES 结果随之更新）",
  "Criteria (editable: change a number and every SALES result in this workbook follows)",
);
const TODAY_LABEL = bi("今天", "Today");
const TODAY_NOTE = bi(
  "任务窗格在打开工作簿时更新；按日期计算的结果（紧急程度）以此为准",
  "refreshed by the task pane when the workbook opens; date-dependent results (urgency) count from it",
);
const HEADER_NOTE = bi(
  "“默认（我们的默认值）”= 原文没有给出数字，这是我们的默认值，可按团队习惯修改；“检查”列显示填写错误",
  '"our default" = the source gives no number; this is ours, change it to your team\'s. The Check column shows what is wrong',
);
const COLUMN_HEADS = {
  source: bi("来源", "Source"),
  check: bi("检查", "Check"),
};

const pad = (row: readonly SheetCell[]): SheetCell[] => {
  const out = row.slice(0, WIDTH);
  while (out.length < WIDTH) out.push("");
  return out;
};

/** The whole sheet with SPEC's defaults, in the label language; `today` fills the today cell. */
export function buildCriteriaSheet(lang: Lang, today: number): SheetRows {
  const rows: SheetRows = [
    pad([TITLE[lang]]),
    pad([TODAY_LABEL[lang], today, TODAY_NOTE[lang]]),
    pad([HEADER_NOTE[lang]]),
  ];
  for (const s of SECTIONS) {
    rows.push(pad([]));
    rows.push(pad([TITLE_MARK + s.title[lang]]));
    rows.push(
      pad([
        ...s.header[lang],
        COLUMN_HEADS.source[lang],
        COLUMN_HEADS.check[lang],
      ]),
    );
    for (const r of s.rows(lang)) rows.push(pad(r));
  }
  return rows;
}

function sectionOf(v: unknown): Section | undefined {
  const t = text(v);
  if (!t.startsWith(TITLE_MARK.trim())) return undefined;
  const name = t.slice(TITLE_MARK.trim().length).trim();
  return SECTIONS.find((s) => same(name, s.title));
}

function clone<T>(v: T): Mutable<T> {
  return JSON.parse(JSON.stringify(v)) as Mutable<T>;
}

/**
 * Reads the sheet back. Each valid cell replaces its value in `fallback` (the last valid
 * criteria); each wrong cell keeps the fallback's value and gives an issue. A missing section
 * is an issue at the top. Never throws: a sheet is untrusted input.
 */
export function parseCriteriaSheet(
  values: readonly (readonly unknown[])[],
  fallback: Criteria = DEFAULT_CRITERIA,
): ParsedCriteria {
  // The concept vocabulary is not on the sheet: kept by reference (it is large).
  const { stageConcepts, ...rest } = fallback;
  const draft = { ...clone(rest), stageConcepts } as unknown as Draft;
  // Word lists and signals keep their identity-free copies; engine tables are plain data.
  const issues: SheetIssue[] = [];
  const found = new Map<Section, { titleRow: number; rows: Row[] }>();
  let current: { titleRow: number; rows: Row[] } | undefined;
  let headerPending = false;
  let today: number | undefined;
  let pointsRows: ParsedCriteria["pointsRows"];
  values.forEach((cells, index) => {
    const s = sectionOf(cells[0]);
    if (s) {
      current = { titleRow: index, rows: [] };
      if (!found.has(s)) found.set(s, current);
      headerPending = true;
      if (s === pointsTable) pointsRows = { first: index + 1, last: index + 1 };
      return;
    }
    if (index < 3 && same(cells[0], TODAY_LABEL)) {
      const d = isBlankCell(cells[1]) ? undefined : readDate(cells[1]);
      if (d === undefined && !isBlankCell(cells[1]))
        issues.push({
          row: index,
          col: 1,
          message: bi(
            `${showValue(cells[1])} 不是日期`,
            `${showValue(cells[1])} is not a date`,
          ),
        });
      today = d;
      return;
    }
    if (!current) return;
    if (cells.slice(0, SOURCE_COL).every(isBlankCell)) return;
    if (headerPending) {
      headerPending = false;
      return;
    }
    current.rows.push({ index, cells });
    if (pointsRows && found.get(pointsTable) === current)
      pointsRows = { first: pointsRows.first, last: index };
  });
  for (const s of SECTIONS) {
    const f = found.get(s);
    if (!f) {
      if (s.parse)
        issues.push({
          row: 0,
          col: 0,
          message: bi(
            `缺少“${s.title.zh}”部分；已沿用上次有效值（可“恢复默认”）`,
            `the section "${s.title.en}" is missing; the last valid values are kept (Reset restores it)`,
          ),
        });
      continue;
    }
    s.parse?.(f.rows, { draft, issues, titleRow: f.titleRow, title: s.title });
  }
  if (!found.has(teamWords)) draft.signals = [...(fallback.signals ?? [])];
  return { criteria: draft as Criteria, issues, today, pointsRows };
}

/** The check column's text per row (0-based sheet row → message), in the sheet's language. */
export function checkColumn(
  rowCount: number,
  issues: readonly SheetIssue[],
  lang: Lang,
): string[] {
  const out = new Array<string>(rowCount).fill("");
  for (const i of issues) {
    if (i.row >= rowCount) continue;
    const cell = `${String.fromCharCode(65 + i.col)}${i.row + 1}`;
    const m = `${cell}: ${i.message[lang]}`;
    out[i.row] = out[i.row] ? `${out[i.row]}；${m}` : `⚠ ${m}`;
  }
  return out;
}

/** One line for explanations when the sheet has errors: the last valid values are in use. */
export function criteriaWarning(
  issues: readonly SheetIssue[],
  sheetName: string,
  lang: Lang,
): string {
  if (issues.length === 0) return "";
  const first = issues[0]!;
  const cell = `${sheetName}!${String.fromCharCode(65 + first.col)}${first.row + 1}`;
  return lang === "zh"
    ? `注意：评分标准表有 ${issues.length} 处错误（如 ${cell}：${first.message.zh}），相关项沿用上次有效值`
    : `Note: the criteria sheet has ${issues.length} error(s) (e.g. ${cell}: ${first.message.en}); the last valid values are used for them`;
}

export interface CellWrite {
  /** 0-based sheet row, and the cells from column A */
  readonly row: number;
  readonly values: SheetCell[];
}

/**
 * "Treat phrase P as stage N": the write that adds it to the team words (or changes the stage
 * of the row that already has it). `undefined` when the sheet has no team-words section.
 */
export function addSignalWord(
  values: readonly (readonly unknown[])[],
  phrase: string,
  stage: Stage | null,
  lang: Lang,
): CellWrite | undefined {
  const title = values.findIndex((r) => sectionOf(r[0]) === teamWords);
  if (title < 0) return undefined;
  const cellValue: SheetCell = stage === null ? NEUTRAL[lang] : stage;
  let lastUsed = title + 1; // the header row
  for (let i = title + 2; i < values.length; i++) {
    const r = values[i]!;
    if (sectionOf(r[0])) break;
    if (fold(text(r[0])) === fold(phrase.trim()))
      return { row: i, values: [text(r[0]), cellValue] };
    if (!r.slice(0, SOURCE_COL).every(isBlankCell)) lastUsed = i;
  }
  return { row: lastUsed + 1, values: [phrase.trim(), cellValue] };
}

/** The points checklist as SALES.SCORE's criteria range on a sheet (A1 address, columns A:C). */
export function pointsAddress(
  parsed: ParsedCriteria,
  sheetName: string,
): string | undefined {
  const p = parsed.pointsRows;
  if (!p) return undefined;
  return `'${sheetName.replace(/'/g, "''")}'!$A$${p.first + 1}:$C$${p.last + 1}`;
}

/**
 * The check column to write: this parse's messages, other text in the column (its header)
 * kept, old messages cleared. `null` when nothing would change, so the pane does not write
 * (its own write fires the sheet's change event again).
 */
export function mergeCheckColumn(
  current: readonly (readonly unknown[])[],
  check: readonly string[],
): string[] | null {
  const n = Math.max(current.length, check.length);
  const next: string[] = [];
  let changed = false;
  for (let i = 0; i < n; i++) {
    const cur = text(current[i]?.[CHECK_COL]);
    const want = check[i] || (cur.startsWith("⚠") ? "" : cur);
    if (want !== cur) changed = true;
    next.push(want);
  }
  return changed ? next : null;
}

export interface SheetStyle {
  /** 0-based rows: the sheet title and each table's title */
  readonly titles: readonly number[];
  /** 0-based rows: each table's header */
  readonly headers: readonly number[];
  /** cells holding shares, shown as percentages */
  readonly percent: readonly (readonly [number, number])[];
  /** column widths in points, A–G */
  readonly widths: readonly number[];
}

/** How the sheet is laid out for reading: bold titles, shaded headers, percentages, widths. */
export function criteriaSheetStyle(
  rows: readonly (readonly unknown[])[],
): SheetStyle {
  const titles = [0];
  const headers: number[] = [];
  const percent: [number, number][] = [];
  rows.forEach((r, i) => {
    if (sectionOf(r[0])) {
      titles.push(i);
      headers.push(i + 1);
    }
    if (TIER_ROWS.slice(0, 2).some((t) => same(r[0], t.label)))
      percent.push([i, 1]);
  });
  return {
    titles,
    headers,
    percent,
    widths: [150, 90, 260, 90, 260, 130, 260],
  };
}
