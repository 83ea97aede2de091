/**
 * The report sheet's cells, in the label language: blocks of plain tables stacked in columns
 * A–I, and where the PivotTable (or, without ExcelApi 1.8, the same counts as a plain table)
 * goes: column K, clear of every block, so a pivot of any size never overlaps them. The chart
 * is drawn over the report's own stage-count table (no API creates a PivotChart).
 */
import type { Lang } from "../engine/lang";
import { ymdFromSerial } from "../engine/read";
import { formatStageLabel } from "../engine/functions/stageLabel";
import { isStage } from "../engine/tables/intentStages";
import {
  URGENCY_LABELS,
  type UrgencyLevel,
} from "../engine/tables/urgencyModel";
import {
  BANDS,
  GRADES,
  INTENT_CLASSES,
  NONE,
  STAGE_KEYS,
  URGENCY_LEVELS,
  bandRange,
  type Flag,
  type PipelineReport,
} from "./pipelineReport";

export type CellOut = string | number;

export interface Block {
  /** 0-based top-left on the report sheet */
  readonly row: number;
  readonly column: number;
  readonly values: CellOut[][];
  /** columns of the block (0-based within it) shown as percentages */
  readonly percentColumns?: readonly number[];
}

export interface ReportLayout {
  readonly sheetName: string;
  readonly blocks: readonly Block[];
  /** the stage-count table's box (header row included), the chart's source */
  readonly chartSource: {
    row: number;
    column: number;
    rows: number;
    columns: number;
  };
  /** where the PivotTable's top-left goes, and the plain grade × stage table instead of it */
  readonly pivotAt: { row: number; column: number };
  readonly gradeByStage: Block;
}

export const REPORT_SHEET: Record<Lang, string> = { zh: "报表", en: "Report" };
export const PIVOT_COLUMN = 10; // K

const T = {
  zh: {
    title: "销售漏斗报表",
    made: (d: string, n: number, src: string) =>
      `生成于 ${d} · ${n} 条线索 · 数据来自「${src}」（重建报表不会改动数据表）`,
    byStage: "按意向阶段",
    stage: "意向阶段",
    count: "数量",
    share: "占比",
    none: "（空）",
    noOwner: "（未分配）",
    team: "全队",
    shares: "阶段占比与参考（跟踪中的线索 = 阶段0–4）",
    guidance: (a: string, b: string) => `参考：阶段0 占 ${a}，阶段3–4 占 ${b}`,
    scope: "范围",
    tracked: "跟踪中",
    stage0: "阶段0",
    stage34: "阶段3–4",
    flag: "判断",
    flags: {
      below: "偏低",
      within: "正常",
      above: "偏高",
      noData: "无数据",
    } as Record<Flag, string>,
    byOwner: "按负责人 × 阶段",
    owner: "负责人",
    total: "合计",
    byUrgency: "按紧急程度",
    urgency: "紧急程度",
    byClass: "按意向等级",
    intentClass: "意向等级",
    gradeByStage: "客户等级 × 意向阶段（计数）",
    grade: "客户等级",
  },
  en: {
    title: "Pipeline report",
    made: (d: string, n: number, src: string) =>
      `Built ${d} · ${n} leads · data from "${src}" (rebuilding never changes the data sheet)`,
    byStage: "By intent stage",
    stage: "Intent stage",
    count: "Count",
    share: "Share",
    none: "(blank)",
    noOwner: "(no owner)",
    team: "Team",
    shares: "Stage shares against the guidance (tracked leads = stages 0–4)",
    guidance: (a: string, b: string) =>
      `Guidance: stage 0 ${a}, stages 3–4 ${b}`,
    scope: "Scope",
    tracked: "Tracked",
    stage0: "Stage 0",
    stage34: "Stages 3–4",
    flag: "Check",
    flags: {
      below: "below",
      within: "within",
      above: "above",
      noData: "no data",
    } as Record<Flag, string>,
    byOwner: "By owner × stage",
    owner: "Owner",
    total: "Total",
    byUrgency: "By urgency",
    urgency: "Urgency",
    byClass: "By intent class",
    intentClass: "Intent class",
    gradeByStage: "Lead grade × intent stage (count)",
    grade: "Lead grade",
  },
} as const;

export const REPORT_TEXT = T;

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function stageName(key: string, lang: Lang): string {
  const n = Number(key);
  return key !== NONE && isStage(n) ? formatStageLabel(n, lang) : T[lang].none;
}

export function reportLayout(
  report: PipelineReport,
  lang: Lang,
  opts: { today: number; source: string; sheetName?: string },
): ReportLayout {
  const t = T[lang];
  const blocks: Block[] = [];
  let row = 0;
  const put = (values: CellOut[][], percentColumns?: number[]): Block => {
    const b: Block = { row, column: 0, values, percentColumns };
    blocks.push(b);
    row += values.length + 1;
    return b;
  };
  put([
    [t.title],
    [t.made(ymdFromSerial(opts.today), report.leads, opts.source)],
  ]);

  const stageKeys = STAGE_KEYS.filter(
    (k) => k !== NONE || (report.byStage[NONE] ?? 0) > 0,
  );
  put([[t.byStage]]);
  row--; // the table sits right under its title
  const stageTable = put(
    [
      [t.stage, t.count, t.share],
      ...stageKeys.map((k) => {
        const n = report.byStage[k] ?? 0;
        return [stageName(k, lang), n, report.leads ? n / report.leads : 0];
      }),
    ],
    [2],
  );

  const r0 = bandRange("stage0");
  const r34 = bandRange("stage3to4");
  put([
    [t.shares],
    [
      t.guidance(
        `${pct(r0.min)}–${pct(r0.max)}`,
        `${pct(r34.min)}–${pct(r34.max)}`,
      ),
    ],
  ]);
  row--;
  put(
    [
      [
        t.scope,
        t.tracked,
        t.stage0,
        t.share,
        t.flag,
        t.stage34,
        t.share,
        t.flag,
      ],
      ...report.shares.map((s) => [
        s.owner === ""
          ? s === report.shares[0]
            ? t.team
            : t.noOwner
          : s.owner,
        s.tracked,
        ...BANDS.flatMap((b) => {
          const x = s.bands[b];
          return [x.count, x.share ?? "", t.flags[x.flag]];
        }),
      ]),
    ],
    [3, 6],
  );

  put([[t.byOwner]]);
  row--;
  put([
    [t.owner, ...stageKeys.map((k) => stageName(k, lang)), t.total],
    ...report.owners.map((o) => {
      const c = report.ownerByStage[o] ?? {};
      const counts = stageKeys.map((k) => c[k] ?? 0);
      return [
        o === "" ? t.noOwner : o,
        ...counts,
        counts.reduce((a, b) => a + b, 0),
      ];
    }),
  ]);

  const levels: (UrgencyLevel | typeof NONE)[] = [...URGENCY_LEVELS, NONE];
  put([[t.byUrgency]]);
  row--;
  put([
    [t.urgency, t.count],
    ...levels.map((l) => [
      l === NONE ? t.none : URGENCY_LABELS[l][lang],
      report.byUrgency[l] ?? 0,
    ]),
  ]);

  put([[t.byClass]]);
  row--;
  put([
    [t.intentClass, t.count],
    ...[...INTENT_CLASSES, NONE].map((c) => [
      c === NONE ? t.none : c,
      report.byIntentClass[c] ?? 0,
    ]),
  ]);

  // The plain grade × stage table: written where the pivot would go when pivots are unavailable.
  const gradeKeys = [...GRADES, NONE].filter(
    (g) => g !== NONE || report.gradeByStage[NONE],
  );
  const gradeByStage: Block = {
    row: 2,
    column: PIVOT_COLUMN,
    values: [
      [t.gradeByStage],
      [t.grade, ...stageKeys.map((k) => stageName(k, lang)), t.total],
      ...gradeKeys.map((g) => {
        const c = report.gradeByStage[g] ?? {};
        const counts = stageKeys.map((k) => c[k] ?? 0);
        return [
          g === NONE ? t.none : g,
          ...counts,
          counts.reduce((a, b) => a + b, 0),
        ];
      }),
    ],
  };
  return {
    sheetName: opts.sheetName ?? REPORT_SHEET[lang],
    blocks,
    chartSource: {
      row: stageTable.row,
      column: 0,
      rows: stageTable.values.length,
      columns: 2,
    },
    pivotAt: { row: 2, column: PIVOT_COLUMN },
    gradeByStage,
  };
}
