/*
 * npm run bench — grades 1,048,576 rows (Excel's sheet limit) through the custom functions'
 * range form (the call Excel makes for =SALES.LEADGRADE(A2:A1048577, …)) for LEADGRADE,
 * INTENTSTAGE and URGENCY, and through a minimal hand-written loop over the same data in
 * the same run. Prints rows per second, memory, and the ratio function ÷ loop. The two
 * must agree on every row; the run fails if they do not. Figures, never assertions.
 */
import "../test/setup/customFunctions";
import * as F from "../src/functions/functions";
import { SIGNAL_WORDS } from "../src/engine/tables/intentStages";

const ROWS = Number(process.env.BENCH_ROWS ?? 1048576);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** A small deterministic generator, so every run grades the same sheet. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T =>
  xs[Math.floor(r() * xs.length)] as T;

// ---- the sheet -------------------------------------------------------------------------
const r = rng(20261125);
const RATINGS = ["A", "B", "是", "否", "A", "A", "Y", "N"];
const INDICATORS: unknown[] = ["A", "B", 0, 1, 2, 3, 4, "是", null];
const NOTES_PARTS = [
  "客户愿意听",
  "询问价格",
  "问效果",
  "对比竞品",
  "不拒绝",
  "拒绝",
  "已签约",
  "在开会，稍后再联系",
  "确定成交，考虑金额",
  "asked price",
  "not interested",
  "未签约",
  "上门拜访",
  "介绍自己的情况",
  "可以约访",
];
const NOTES: string[] = [];
for (let i = 0; i < 400; i++)
  NOTES.push(
    `${pick(r, NOTES_PARTS)}，${pick(r, NOTES_PARTS)}${i % 3 ? "" : "，" + pick(r, NOTES_PARTS)}`,
  );
const TIMELINES: unknown[] = [10, 45, 200, null, "2026-12-20", "是", "否", 5];
const RESOURCES: unknown[] = [
  "已分配",
  "申请中",
  "未分配",
  "高",
  "一般",
  null,
  "是",
];
const DECISIONS: unknown[] = [
  "老板",
  "总经理",
  "部门经理",
  "基层",
  null,
  "高层",
];
const COMPETITION: unknown[] = ["激烈", "一般", "无", "high", null];
const TODAY = 46351;

const column = (gen: () => unknown): unknown[][] => {
  const out = new Array<unknown[]>(ROWS);
  for (let i = 0; i < ROWS; i++) out[i] = [gen()];
  return out;
};

console.log(`building a ${ROWS.toLocaleString("en")}-row sheet…`);
const lead = {
  payment: column(() => pick(r, RATINGS)),
  satisfaction: column(() => pick(r, RATINGS)),
  revisits: column(() => pick(r, INDICATORS)),
  calls: column(() => pick(r, INDICATORS)),
  siteVisits: column(() => pick(r, INDICATORS)),
  processAsked: column(() => pick(r, INDICATORS)),
  priceTolerance: column(() => pick(r, ["A", "B", "是", "否", null])),
};
const notes = column(() => pick(r, NOTES));
const urg = {
  timeline: column(() => pick(r, TIMELINES)),
  resources: column(() => pick(r, RESOURCES)),
  decision: column(() => pick(r, DECISIONS)),
  competition: column(() => pick(r, COMPETITION)),
};

// ---- minimal hand-written loops: the same rules, written straight, for these inputs only.
// Each returns what a custom function must hand Excel (one [value] row per lead), as ours do.
const YES = new Set(["A", "是", "Y"]);
function leadGradeLoop(): unknown[] {
  const out = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const p = lead.payment[i]![0],
      s = lead.satisfaction[i]![0];
    const ind = (v: unknown, t: number) =>
      typeof v === "number" ? v >= t : v !== null && YES.has(v as string);
    const k =
      +ind(lead.revisits[i]![0], 3) +
      +ind(lead.calls[i]![0], 2) +
      +ind(lead.siteVisits[i]![0], 2) +
      +ind(lead.processAsked[i]![0], 1) +
      +ind(lead.priceTolerance[i]![0], 99);
    const a = +YES.has(p as string) + +YES.has(s as string);
    out[i] = [
      a === 2
        ? k === 5
          ? "A"
          : k >= 3
            ? "B"
            : "C"
        : a === 1
          ? k === 5
            ? "C"
            : "D"
          : "E",
    ];
  }
  return out;
}

const WORDS = [...SIGNAL_WORDS].sort(
  (x, y) => y.phrase.length - x.phrase.length,
);
const WORD_RE = new RegExp(
  WORDS.map((w) => w.phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
  "g",
);
const STAGE_OF = new Map(WORDS.map((w) => [w.phrase, w.stage]));
function intentStageLoop(): unknown[] {
  const out = new Array(ROWS);
  const memo = new Map<string, number>();
  for (let i = 0; i < ROWS; i++) {
    const text = notes[i]![0] as string;
    let st = memo.get(text);
    if (st === undefined) {
      let won = false,
        best = -1,
        refused = false;
      for (const m of text.toLowerCase().matchAll(WORD_RE)) {
        const s = STAGE_OF.get(m[0]);
        if (s === 5) won = true;
        else if (s === -1) refused = true;
        else if (s != null && s > best) best = s;
      }
      st = won ? 5 : best >= 0 ? best : refused ? -1 : -99;
      memo.set(text, st);
    }
    out[i] = [st];
  }
  return out;
}

const LEVEL: Record<string, number> = {
  已分配: 2,
  申请中: 1,
  未分配: 0,
  高: 2,
  一般: 1,
  是: 2,
  老板: 2,
  总经理: 2,
  部门经理: 1,
  基层: 0,
  高层: 2,
  激烈: 2,
  无: 0,
  high: 2,
};
function urgencyLoop(): unknown[] {
  const out = new Array(ROWS);
  const deadline = 46351 + 25; // 2026-12-20
  for (let i = 0; i < ROWS; i++) {
    const t = urg.timeline[i]![0];
    const days =
      typeof t === "number"
        ? t
        : t === "2026-12-20"
          ? deadline - TODAY
          : undefined;
    let total =
      days !== undefined
        ? days <= 30
          ? 3
          : days <= 90
            ? 2
            : 1
        : t === "是"
          ? 2
          : 0;
    for (const v of [
      urg.resources[i]![0],
      urg.decision[i]![0],
      urg.competition[i]![0],
    ])
      total += v == null ? 0 : (LEVEL[v as string] ?? 0);
    const rest = [
      urg.resources[i]![0],
      urg.decision[i]![0],
      urg.competition[i]![0],
      t,
    ];
    out[i] = [
      rest.every((v) => v == null)
        ? ""
        : total >= 6
          ? "高"
          : total >= 3
            ? "中"
            : "低",
    ];
  }
  return out;
}

// ---- measure ----------------------------------------------------------------------------
interface Figure {
  ms: number;
  heapMB: number;
  rssMB: number;
}

function measure(run: () => unknown[]): { figure: Figure; result: unknown[] } {
  let best = Infinity;
  let result: unknown[] = [];
  let heapMB = 0;
  let rssMB = 0;
  for (let k = 0; k < REPEAT; k++) {
    gc();
    const before = process.memoryUsage();
    const t0 = process.hrtime.bigint();
    result = run();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const after = process.memoryUsage();
    best = Math.min(best, ms);
    heapMB = Math.max(heapMB, (after.heapUsed - before.heapUsed) / 2 ** 20);
    rssMB = Math.max(rssMB, after.rss / 2 ** 20);
  }
  return { figure: { ms: best, heapMB, rssMB }, result };
}

const cellOf = (row: unknown) => (row as unknown[])[0];
const cases: {
  name: string;
  fn: () => unknown[];
  loop: () => unknown[];
  same: (a: unknown, b: unknown) => boolean;
}[] = [
  {
    name: "LEADGRADE",
    fn: () =>
      F.leadgrade(
        lead.payment,
        lead.satisfaction,
        lead.revisits,
        lead.calls,
        lead.siteVisits,
        lead.processAsked,
        lead.priceTolerance,
      ),
    loop: leadGradeLoop,
    same: (a, b) => a === b,
  },
  {
    name: "INTENTSTAGE",
    fn: () => F.intentstage(notes),
    loop: intentStageLoop,
    same: (a, b) => a === b || (b === -99 && a instanceof Error),
  },
  {
    name: "URGENCY",
    fn: () =>
      F.urgency(urg.timeline, urg.resources, urg.decision, urg.competition, [
        [TODAY],
      ]),
    loop: urgencyLoop,
    same: (a, b) => a === b,
  },
];

const lines: string[] = [];
const pad = (s: string, n: number) => s.padEnd(n);
lines.push(
  `| function | rows | function ms | rows/s | loop ms | ratio (function ÷ loop) | heap Δ MB (function / loop) | peak RSS MB |`,
);
lines.push(`|---|---:|---:|---:|---:|---:|---:|---:|`);
let failed = false;
for (const c of cases) {
  const loop = measure(c.loop);
  const fn = measure(c.fn);
  let mismatches = 0;
  for (let i = 0; i < ROWS; i++)
    if (!c.same(cellOf(fn.result[i]), cellOf(loop.result[i]))) mismatches++;
  if (mismatches > 0) {
    failed = true;
    console.error(
      `${c.name}: ${mismatches} rows differ between the function and the loop`,
    );
  }
  const rate = Math.round(ROWS / (fn.figure.ms / 1000));
  lines.push(
    `| ${pad(c.name, 11)} | ${ROWS.toLocaleString("en")} | ${fn.figure.ms.toFixed(0)} | ${rate.toLocaleString("en")} | ${loop.figure.ms.toFixed(0)} | ${(fn.figure.ms / loop.figure.ms).toFixed(2)}× | ${fn.figure.heapMB.toFixed(0)} / ${loop.figure.heapMB.toFixed(0)} | ${Math.max(fn.figure.rssMB, loop.figure.rssMB).toFixed(0)} |`,
  );
}
console.log(
  `\nnode ${process.version}, best of ${REPEAT} runs each, same process, same data\n`,
);
console.log(lines.join("\n"));
if (failed) process.exit(1);
