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
  /** data rows, columns A–F, showing `c` (the sheet is built from the defaults) */
  readonly rows: (lang: Lang, c: Criteria) => SheetCell[][];
  readonly parse?: (rows: readonly Row[], ctx: ParseCtx) => void;
}

function issue(
  ctx: ParseCtx,
  row: number,
  col: number,
  message: Record<Lang, string>,
): void {
  ctx.issues.push({ row, col, message });
}

const KEEP = bi("已沿用上次有效值", "the last valid value is kept");
/** The message for a wrong cell whose last valid value stays in force. */
const kept = (zh: string, en: string) =>
  bi(`${zh}；${KEEP.zh}`, `${en}; ${KEEP.en}`);

/** `v` is not one of `options` (they are listed). */
const notOneOf = (
  v: unknown,
  what: Record<Lang, string>,
  options: readonly Record<Lang, string>[],
) =>
  bi(
    `${showValue(v)} 不是${what.zh}（${options.map((o) => o.zh).join("、")}）`,
    `${showValue(v)} is not ${what.en} (${options.map((o) => o.en).join(", ")})`,
  );

/** A cell read: its value, or why it cannot be used. */
type Checked<V> =
  { readonly value: V } | { readonly wrong: Record<Lang, string> };
type Check<V> = (v: unknown) => Checked<V>;
const wrong = (zh: string, en: string) => ({ wrong: kept(zh, en) });

/** A number in [min, max] (integer when asked). */
const numberCheck =
  (min: number, max: number, integer = true): Check<number> =>
  (v) => {
    const n = num(v);
    const whole = !integer || Number.isInteger(n);
    if (n !== undefined && n >= min && n <= max && whole) return { value: n };
    const kind = integer
      ? bi("整数", "a whole number")
      : bi("数字", "a number");
    return wrong(
      `${showValue(v)} 不是 ${min}–${max} 之间的${kind.zh}`,
      `${showValue(v)} is not ${kind.en} from ${min} to ${max}`,
    );
  };

const gradeCheck: Check<Grade> = (v) => {
  const g = fold(text(v)).toUpperCase();
  if (/^[A-E]$/.test(g)) return { value: g as Grade };
  return wrong(
    `${showValue(v)} 不是等级 A–E`,
    `${showValue(v)} is not a grade A–E`,
  );
};

const yesNoCheck: Check<boolean> = (v) => {
  const b = yesNo(v);
  if (b !== undefined) return { value: b };
  return wrong(
    `${showValue(v)} 应为 是/否`,
    `${showValue(v)} should be yes/no`,
  );
};

const STATUSES = Object.keys(STATUS_LABELS) as Status[];
const statusCheck: Check<Status> = (v) => {
  const st = STATUSES.find((k) => same(v, STATUS_LABELS[k]));
  if (st) return { value: st };
  const labels = STATUSES.map((k) => STATUS_LABELS[k]);
  const m = notOneOf(v, bi("客户状态", "a status"), labels);
  return wrong(m.zh, m.en);
};

/** Days between contacts; blank or 无/none/- for none. */
const followUpCheck: Check<number | null> = (v) =>
  isBlankCell(v) || ["无", "none", "-"].includes(fold(text(v)))
    ? { value: null }
    : numberCheck(1, 365)(v);

/** A row's cell read with `check`; when wrong, an issue at the cell and undefined. */
function readCell<V>(
  ctx: ParseCtx,
  row: Row,
  col: number,
  check: Check<V>,
): V | undefined {
  const got = check(row.cells[col]);
  if ("value" in got) return got.value;
  issue(ctx, row.index, col, got.wrong);
  return undefined;
}

// Keyed tables: rows found by column A, each editable cell one criteria field ----------------

/** A row of a keyed table: what column A says, and how the row is found again. */
interface RowSpec {
  readonly head: (lang: Lang) => SheetCell;
  readonly is: (cells: readonly unknown[]) => boolean;
  /** the issue on the section's title when no row is */
  readonly missing: Record<Lang, string>;
  /** column F */
  readonly tag: Record<Lang, string>;
  /** text in other columns, not read back */
  readonly notes?: (lang: Lang) => Readonly<Record<number, SheetCell>>;
}

/**
 * A rule between the number of the cell listed just before and this one's: a message when
 * the pair is wrong; neither is then used, and the issue is on this cell.
 */
type PairRule = (before: number, value: number) => [string, string] | undefined;

/** One editable cell: the criteria field `key` of `at(criteria)`, in column `col` of `row`. */
interface CellSpec {
  readonly row: RowSpec;
  readonly col: number;
  readonly show: (c: Criteria, lang: Lang) => SheetCell;
  readonly check: Check<unknown>;
  readonly write: (d: Draft, v: unknown) => void;
  readonly after?: PairRule;
}

function field<K extends PropertyKey, O extends { readonly [P in K]: unknown }>(
  row: RowSpec,
  col: number,
  at: (c: Criteria) => O,
  key: K,
  check: Check<O[K]>,
  opts: {
    readonly show?: (v: O[K], lang: Lang) => SheetCell;
    readonly after?: PairRule;
  } = {},
): CellSpec {
  const { show = (v: O[K]) => v as SheetCell, after } = opts;
  return {
    row,
    col,
    show: (c, lang) => show(at(c)[key], lang),
    check,
    // the draft is a deep copy: its objects are writable
    write: (d, v) => ((at(d as Criteria) as Mutable<O>)[key] = v as O[K]),
    after,
  };
}

function labelled(
  label: Record<Lang, string>,
  tag: Record<Lang, string>,
): RowSpec {
  return {
    head: (lang) => label[lang],
    is: (cells) => same(cells[0], label),
    missing: kept(
      `缺少“${label.zh}”一行（被删除或改名）`,
      `the row "${label.en}" is missing (deleted or renamed)`,
    ),
    tag,
  };
}

function readStage(v: unknown): Stage | undefined {
  if (typeof v === "number") return isStage(v) ? v : undefined;
  const m = /(-?\d+)/.exec(fold(text(v)));
  const n = m ? Number(m[1]) : NaN;
  return isStage(n) ? n : undefined;
}

function stageRow(
  s: Stage,
  tag: Record<Lang, string>,
  notes?: RowSpec["notes"],
): RowSpec {
  return {
    head: () => s,
    is: (cells) => readStage(cells[0]) === s,
    missing: kept(`缺少阶段 ${s} 一行`, `the row of stage ${s} is missing`),
    tag,
    notes,
  };
}

/**
 * A table of rows and cells, built from and read back into the criteria by the same specs.
 * `cells` are read in their order; a missing row is reported before any cell is read
 * (`"first"`) or in the turn of its first cell (`"inTurn"`).
 */
function keyedSection(
  title: Record<Lang, string>,
  header: Record<Lang, readonly string[]>,
  rows: readonly RowSpec[],
  cells: readonly CellSpec[],
  missing: "first" | "inTurn" = "first",
): Section {
  return {
    title,
    header,
    rows: (lang, c) =>
      rows.map((r) => {
        const notes = r.notes?.(lang) ?? {};
        const out: SheetCell[] = [r.head(lang)];
        for (let col = 1; col < SOURCE_COL; col++) {
          const f = cells.find((x) => x.row === r && x.col === col);
          out.push(f ? f.show(c, lang) : (notes[col] ?? ""));
        }
        out.push(r.tag[lang]);
        return out;
      }),
    parse: (sheetRows, ctx) => {
      const found = new Map<RowSpec, Row | undefined>();
      const find = (spec: RowSpec) => {
        if (!found.has(spec)) {
          const r = sheetRows.find((x) => spec.is(x.cells));
          if (!r) issue(ctx, ctx.titleRow, 0, spec.missing);
          found.set(spec, r);
        }
        return found.get(spec);
      };
      if (missing === "first") rows.forEach(find);
      const valid = new Map<CellSpec, unknown>();
      let before: { readonly f: CellSpec; readonly v: unknown } | undefined;
      for (const f of cells) {
        const r = find(f.row);
        const v = r && readCell(ctx, r, f.col, f.check);
        const bad =
          r && v !== undefined && before?.v !== undefined
            ? f.after?.(before.v as number, v as number)
            : undefined;
        if (r && bad) {
          issue(ctx, r.index, f.col, kept(...bad));
          valid.delete(before!.f);
        } else if (v !== undefined) valid.set(f, v);
        before = { f, v };
      }
      for (const [f, v] of valid) f.write(ctx.draft, v);
    },
  };
}

/** Rules as text: written, never read back. */
function textSection(
  title: Record<Lang, string>,
  head: Record<Lang, string>,
  lines: Record<Lang, readonly string[]>,
  tag: Record<Lang, string>,
): Section {
  return {
    title,
    header: { zh: [head.zh, "", "", "", ""], en: [head.en, "", "", "", ""] },
    rows: (lang) => lines[lang].map((t) => [t, "", "", "", "", tag[lang]]),
  };
}

const ITEM_VALUE = {
  zh: ["项目", "值", "", "", ""],
  en: ["Item", "Value", "", "", ""],
};

interface Keyed<K extends string> {
  readonly key: K;
  readonly label: Record<Lang, string>;
}

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
const GRADE_ROWS = NECESSARY.map((n) => labelled(n.label, SEED_TAG("002")));

const gradeTable = keyedSection(
  bi(
    "客户分级表（必要条件 × 意向程度为A的项数）",
    "Lead grade table (necessary conditions × intent indicators at A)",
  ),
  {
    zh: ["必要条件", "5项全A", "3–4项A", "0–2项A", ""],
    en: ["Necessary conditions", "all 5 at A", "3–4 at A", "0–2 at A", ""],
  },
  GRADE_ROWS,
  NECESSARY.flatMap((n, i) =>
    BAND_KEYS.map((b, j) =>
      field(
        GRADE_ROWS[i]!,
        j + 1,
        (c) => c.leadGrade.table[n.key],
        b,
        gradeCheck,
      ),
    ),
  ),
);

// Count thresholds [default] ------------------------------------------------------
type CountKey = keyof Criteria["leadGrade"]["countThresholds"];
const COUNTS: readonly Keyed<CountKey>[] = [
  { key: "revisits", label: bi("回访次数 ≥", "revisits ≥") },
  { key: "calls", label: bi("主动来电次数 ≥", "calls ≥") },
  { key: "siteVisits", label: bi("工地考察次数 ≥", "site visits ≥") },
  { key: "processAsked", label: bi("询问购买流程次数 ≥", "process asked ≥") },
];
const COUNT_ROWS = COUNTS.map((k) => labelled(k.label, DEFAULT_TAG));
const SITE_CLOSED = labelled(
  bi("工地未开放时工地考察按A计", "site closed: site visits count as A"),
  DEFAULT_TAG,
);
const BAND_ALL = labelled(
  bi("最高档：为A的项数 =", "top band: indicators at A ="),
  SEED_TAG("002"),
);
const BAND_MID = labelled(
  bi("中档：为A的项数 ≥", "middle band: indicators at A ≥"),
  SEED_TAG("002"),
);
const YES_NO_TEXT = { true: bi("是", "yes"), false: bi("否", "no") };
const lg = (c: Criteria) => c.leadGrade;

const countThresholds = keyedSection(
  bi("意向程度：计数达到多少算A", "Intent indicators: counts that count as A"),
  ITEM_VALUE,
  [...COUNT_ROWS, SITE_CLOSED, BAND_ALL, BAND_MID],
  [
    ...COUNTS.map((k, i) =>
      field(
        COUNT_ROWS[i]!,
        1,
        (c) => lg(c).countThresholds,
        k.key,
        numberCheck(0, 1000),
      ),
    ),
    field(SITE_CLOSED, 1, lg, "siteClosedCountsAsA", yesNoCheck, {
      show: (b, lang) => YES_NO_TEXT[`${b}`][lang],
    }),
    field(BAND_ALL, 1, (c) => lg(c).bands, "all", numberCheck(1, 5)),
    field(BAND_MID, 1, (c) => lg(c).bands, "midFrom", numberCheck(0, 5), {
      after: (all, mid) =>
        mid >= all
          ? [
              `中档起点 ${mid} 不低于最高档 ${all}，顺序不合理`,
              `middle band from ${mid} is not below the top band ${all}`,
            ]
          : undefined,
    }),
  ],
);

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
  rows: (lang, criteria) =>
    CLASSES.flatMap((c) => {
      const t = INTENT_CLASS_TRAITS[c];
      const min = c === "D" ? "" : criteria.intentClassMin[c];
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
          kept(`缺少${c}级的最低分`, `class ${c} has no lowest score`),
        );
        continue;
      }
      const n = readCell(ctx, r, 1, numberCheck(0, 100, false));
      if (n !== undefined) mins[c] = { n, row: r };
    }
    const { A, B, C } = mins;
    if (A && B && C) {
      if (!(A.n > B.n && B.n > C.n)) {
        const lower = A.n <= B.n ? B : C;
        issue(
          ctx,
          lower.row.index,
          1,
          kept(
            `分数线顺序不合理（应为 A ${A.n} > B ${B.n} > C ${C.n}）`,
            `the cut-offs are out of order (A ${A.n} > B ${B.n} > C ${C.n} expected)`,
          ),
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
        issue(ctx, r.index, 1, bi("选项为空", "the option is blank"));
      readCell(ctx, r, 2, numberCheck(-1000, 1000, false));
    }
  },
};

// Stages, cadence and advice [seed 002]; status [default] --------------------------------
/** The built-in signal words of a stage as the sheet shows them (display only: never parsed). */
export const stageSignals = (s: Stage, lang: Lang): string =>
  SIGNAL_WORDS.filter(
    (w) => w.stage === s && /[^\x20-\x7e]/.test(w.phrase) === (lang === "zh"),
  )
    .map((w) => w.phrase)
    .join(lang === "zh" ? "、" : ", ");

const STAGE_ROWS = STAGES.map((s) =>
  stageRow(s, SEED_TAG("002"), (lang) => ({
    1: STAGE_NAMES[s][lang],
    2: stageSignals(s, lang),
    4: NEXT_ACTIONS[s][lang],
  })),
);
const stages = keyedSection(
  bi(
    "意向阶段：信号词、跟进间隔与推进方法",
    "Intent stages: signal words, follow-up interval and advice",
  ),
  {
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
  STAGE_ROWS,
  STAGES.map((s, i) =>
    field(STAGE_ROWS[i]!, 3, (c) => c.followUpDays, s, followUpCheck, {
      show: (n, lang) => n ?? (lang === "zh" ? "无" : "none"),
    }),
  ),
  "inTurn",
);

const STATUS_ROWS = STAGES.map((s) => stageRow(s, DEFAULT_TAG));
const statusMap = keyedSection(
  bi("客户状态：由阶段得出", "Customer status from the stage"),
  {
    zh: ["阶段", "客户状态", "", "", ""],
    en: ["Stage", "Status", "", "", ""],
  },
  STATUS_ROWS,
  STAGES.map((s, i) =>
    field(STATUS_ROWS[i]!, 1, (c) => c.statusByStage, s, statusCheck, {
      show: (st, lang) => STATUS_LABELS[st][lang],
    }),
  ),
  "inTurn",
);

// Urgency scoring model [default] ------------------------------------------------------
const urgencyRow = (zh: string, en: string) =>
  labelled(bi(zh, en), DEFAULT_TAG);
const U = {
  within30: urgencyRow(
    "截止日期在N天内（或已过）",
    "deadline within N days (or passed)",
  ),
  within90: urgencyRow("截止日期在N天内", "deadline within N days"),
  later: urgencyRow("截止日期更远", "deadline later"),
  hasDeadline: urgencyRow(
    "有截止日期（未给日期）",
    "has a deadline (no date given)",
  ),
  yes: urgencyRow("资源/决策层/竞争：是", "resources/level/competition: yes"),
  no: urgencyRow("资源/决策层/竞争：否", "resources/level/competition: no"),
  high: urgencyRow("高：总分 ≥", "High: total ≥"),
  medium: urgencyRow("中：总分 ≥", "Medium: total ≥"),
};
const tl = (c: Criteria) => c.urgency.timeline;
const points = <K extends PropertyKey>(
  row: RowSpec,
  at: (c: Criteria) => { readonly [P in K]: number },
  key: K,
) => field(row, 2, at, key, numberCheck(0, 3));

const urgencyModel = keyedSection(
  bi("紧急程度评分模型（总分 0–9）", "Urgency scoring model (total 0–9)"),
  {
    zh: ["项目", "天数 / 分数线", "分值", "", ""],
    en: ["Item", "Days / cut-off", "Points", "", ""],
  },
  Object.values(U),
  [
    field(
      U.within30,
      1,
      (c) => tl(c).within30,
      "maxDays",
      numberCheck(0, 3650),
    ),
    field(
      U.within90,
      1,
      (c) => tl(c).within90,
      "maxDays",
      numberCheck(0, 3650),
      {
        after: (d30, d90) =>
          d30 >= d90
            ? [
                `${d90} 天不大于 ${d30} 天，顺序不合理`,
                `${d90} days is not more than ${d30} days`,
              ]
            : undefined,
      },
    ),
    points(U.within30, (c) => tl(c).within30, "points"),
    points(U.within90, (c) => tl(c).within90, "points"),
    points(U.later, (c) => tl(c).later, "points"),
    points(U.hasDeadline, tl, "hasDeadline"),
    points(U.yes, (c) => c.urgency.yesNo, "yes"),
    points(U.no, (c) => c.urgency.yesNo, "no"),
    field(U.high, 1, (c) => c.urgency.levelMin, "high", numberCheck(0, 9)),
    field(U.medium, 1, (c) => c.urgency.levelMin, "medium", numberCheck(0, 9), {
      after: (hi, me) =>
        me >= hi
          ? [
              `“中”的分数线 ${me} 不低于“高”的 ${hi}，顺序不合理`,
              `the Medium cut-off ${me} is not below High ${hi}`,
            ]
          : undefined,
    }),
  ],
);

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
  rows: (lang, c) => {
    const u = c.urgency;
    const of = (k: WordKind) =>
      k === "level"
        ? u.levelWords
        : k === "timeline"
          ? u.timelineWords
          : u.criterionWords[k];
    return WORD_KINDS.flatMap((k) =>
      of(k.key).map((w) => [
        k.label[lang],
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
    let wrong = false;
    for (const r of rows) {
      const k = WORD_KINDS.find((x) => same(r.cells[0], x.label));
      if (!k) {
        issue(
          ctx,
          r.index,
          0,
          notOneOf(
            r.cells[0],
            bi("标准", "a criterion"),
            WORD_KINDS.map((x) => x.label),
          ),
        );
        wrong = true;
        continue;
      }
      const n = readCell(ctx, r, 2, numberCheck(0, 3));
      if (n === undefined || isBlankCell(r.cells[1])) {
        if (isBlankCell(r.cells[1]))
          issue(ctx, r.index, 1, bi("词为空", "the word is blank"));
        wrong = true;
        continue;
      }
      lists[k.key].push({ phrase: text(r.cells[1]), points: n });
    }
    if (wrong) return; // a wrong row keeps the whole word list as it was
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

const urgencyNotes = textSection(
  bi(
    "紧急程度：影响因素（参考，不计分）",
    "Urgency: influencing factors (guidance, not scored)",
  ),
  bi("因素", "Factor"),
  URGENCY_FACTORS,
  SEED_TAG("004"),
);

// Roles [seed 003]; keywords [default] ------------------------------------------------------
const SPLIT = /[、,，;；/\n]+/;
/** Roles in the order their keywords are listed (the order decides between equal matches). */
const roleOrder = (c: Criteria): Role[] => [
  ...new Set([...c.roleKeywords.map((k) => k.role), ...ROLES]),
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
  rows: (lang, c) =>
    roleOrder(c).map((r) => [
      ROLE_LABELS[r][lang],
      c.roleKeywords
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
    let wrong = false;
    const seen = new Set<Role>();
    for (const r of rows) {
      const role = ROLES.find((x) => same(r.cells[0], ROLE_LABELS[x]));
      if (!role) {
        const m = notOneOf(
          r.cells[0],
          bi("角色", "a role"),
          ROLES.map((x) => ROLE_LABELS[x]),
        );
        issue(ctx, r.index, 0, kept(m.zh, m.en));
        wrong = true;
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
          kept(
            `缺少角色“${ROLE_LABELS[role].zh}”一行`,
            `the role "${ROLE_LABELS[role].en}" is missing`,
          ),
        );
        wrong = true;
      }
    if (!wrong) ctx.draft.roleKeywords = out;
  },
};

// Customer types [default] -----------------------------------------------------------------
/** The two share rows (shown as percentages). */
const TIER_ROWS = [
  bi("高价值：金额最高的比例", "High value: top share of amounts"),
  bi("中价值：其后的比例", "Medium value: the next share"),
] as const;
const [SHARE_HIGH, SHARE_MID] = TIER_ROWS.map((l) => labelled(l, DEFAULT_TAG));
const ACTIVE_DAYS = labelled(
  bi("活跃：最近购买在N天内", "Active: last purchase within N days"),
  DEFAULT_TAG,
);
const shares = (c: Criteria) => c.valueTierShares;

const customerTypes = keyedSection(
  bi(
    "客户类型：价值分层与活跃期",
    "Customer types: value tiers and the activity window",
  ),
  ITEM_VALUE,
  [SHARE_HIGH!, SHARE_MID!, ACTIVE_DAYS],
  [
    field(SHARE_HIGH!, 1, shares, "high", numberCheck(0, 1, false)),
    field(SHARE_MID!, 1, shares, "mid", numberCheck(0, 1, false), {
      after: (hi, mid) =>
        hi + mid > 1
          ? [
              `两个比例之和 ${hi + mid} 超过 100%`,
              `the shares add up to ${hi + mid}, over 100%`,
            ]
          : undefined,
    }),
    field(ACTIVE_DAYS, 1, (c) => c, "activeWithinDays", numberCheck(1, 36500)),
  ],
);

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
const duplicates = textSection(
  bi("撞单判定（说明）", "Duplicate leads (rules as text)"),
  bi("规则", "Rule"),
  DUPLICATE_RULES,
  SEED_TAG("002"),
);
const dropRules = textSection(
  bi("何时不再跟踪一个客户（说明）", "When to drop a lead (rules as text)"),
  bi("规则", "Rule"),
  DROP_RULES,
  SEED_TAG("002"),
);

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
        issue(ctx, r.index, 0, bi("信号词为空", "the signal word is blank"));
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
          bi(
            `${showValue(v)} 不是阶段（-1…5 或 中性）；该词未生效`,
            `${showValue(v)} is not a stage (-1…5 or neutral); the word is not used`,
          ),
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
    for (const r of s.rows(lang, DEFAULT_CRITERIA)) rows.push(pad(r));
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
    if (TIER_ROWS.some((t) => same(r[0], t))) percent.push([i, 1]);
  });
  return {
    titles,
    headers,
    percent,
    widths: [150, 90, 260, 90, 260, 130, 260],
  };
}
