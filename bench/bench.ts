/*
 * npm run bench — the custom functions where users put the load, each beside a minimal
 * hand-written baseline that applies the same rules to the same data, in the same process:
 *
 * - range form: one call over 1,048,576 rows (Excel's sheet limit), as Excel makes it for
 *   =SALES.LEADGRADE(B2:B1048577, …), against a hand-written loop over the same columns;
 * - one-cell path: 100,000 separate calls with 1×1 arguments (a formula filled down a column,
 *   or a calculated column of an Excel table), against a minimal per-cell function.
 *
 * Every round runs every variant: range variants one after another in an order that rotates
 * from round to round, each after a full collection and the sweeper's end; one-cell variants
 * five passes each, all their calls in one go, the order rotating from pass to pass. So drift
 * and bursts of load on this shared machine land on every variant alike; ratios are taken
 * within a round. Times are CPU time of this process, not wall-clock, and node runs with
 * --single-threaded (npm run bench sets it): the collector and the compiler then work on the
 * main thread, so each variant's figure holds the collection and compilation work it caused
 * and nothing done by helper threads for another variant. (With helper threads, the CPU time
 * they spent landed on whichever variant was running: ratios moved by ±40 % between rounds.)
 * Prints min / median / max over the rounds for each figure and each ratio, and the bytes
 * allocated per row (heapUsed delta under --expose-gc, on a sample small enough to run
 * between two collections; a sample during which a collection ran is dropped and said so).
 * Variants must agree on every row (one-cell = range form = baseline); the run fails if they
 * do not. Figures, never assertions on speed.
 *
 * Quick run: BENCH_ROWS=100000 BENCH_CELLS=20000 BENCH_ROUNDS=3 npm run bench
 */
import { execFileSync } from "node:child_process";
import { PerformanceObserver } from "node:perf_hooks";
import "../test/setup/customFunctions";
import * as F from "../src/functions/functions";
import { seededRandom } from "../src/demo/generator";
import { CellError } from "../src/engine/cellError";
import { makeCtx } from "../src/engine/ctx";
import { leadGrade } from "../src/engine/functions/leadGrade";
import { urgencyLevel } from "../src/engine/functions/urgency";
import { intentStage } from "../src/engine/functions/intentStage";
import { URGENCY_LABELS } from "../src/engine/tables/urgencyModel";

/**
 * Allocation is measured in a child process (this file with --alloc) on a sheet of SAMPLE rows,
 * with V8's pretenuring and background GC threads off so that heapUsed deltas count exactly
 * what was allocated: in the big heap of the timing rounds, concurrent sweeping and pretenured
 * (old-space) allocation make them drift by ±100 B/row.
 */
const CHILD = process.argv.includes("--alloc");
/** rows (or calls) per allocation sample */
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 2000);
const ROWS = CHILD ? SAMPLE : Number(process.env.BENCH_ROWS ?? 1048576);
const CELLS = Math.min(ROWS, Number(process.env.BENCH_CELLS ?? 100000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const maybeGc = (globalThis as { gc?: () => void }).gc;
if (!maybeGc) throw new Error("run with node --expose-gc (npm run bench does)");
if (!CHILD && !process.execArgv.includes("--single-threaded"))
  console.warn(
    "note: without --single-threaded (npm run bench sets it) helper threads' CPU time lands on whichever variant runs",
  );
const gc: () => void = maybeGc;

const r = seededRandom(20261125); // every run grades the same sheet
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

type Grid = unknown[][];
const columnOf = (n: number, gen: () => unknown): Grid => {
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++) out[i] = [gen()];
  return out;
};
/** The 1×1 arguments Excel passes for row i of a column, one fresh array per call as Excel does. */
const cellsOf = (g: Grid, n: number): Grid[] => {
  const out = new Array<Grid>(n);
  for (let i = 0; i < n; i++) out[i] = [[g[i]![0]]];
  return out;
};

// ---- the sheet: varied inputs, as a team's lead sheet has them ------------------------------
const RATINGS = ["A", "B", "是", "否", "A", "A", "Y", "N"];
const INDICATORS: unknown[] = ["A", "B", 0, 1, 2, 3, 4, 5, "是", null];
const TOLERANCE: unknown[] = ["A", "B", "是", "否", null];
const TODAY = 46351; // 2026-11-25
/** deadlines: days left, date serials, date texts (spread over two years), yes/no, blanks */
const dateText = (serial: number) =>
  new Date((serial - 25569) * 86400000).toISOString().slice(0, 10);
const timeline = (): unknown => {
  const k = r();
  if (k < 0.25) return Math.floor(r() * 200); // days left
  if (k < 0.45) return TODAY + Math.floor(r() * 730) - 30; // a date cell
  if (k < 0.65) return dateText(TODAY + Math.floor(r() * 730) - 30); // a date typed as text
  return pick<unknown>(["是", "否", null, null]);
};
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

if (!CHILD)
  console.log(
    `building a ${ROWS.toLocaleString("en")}-row sheet and ${CELLS.toLocaleString("en")} one-cell argument sets…`,
  );
const lead = [
  columnOf(ROWS, () => pick(RATINGS)),
  columnOf(ROWS, () => pick(RATINGS)),
  columnOf(ROWS, () => pick(INDICATORS)),
  columnOf(ROWS, () => pick(INDICATORS)),
  columnOf(ROWS, () => pick(INDICATORS)),
  columnOf(ROWS, () => pick(INDICATORS)),
  columnOf(ROWS, () => pick(TOLERANCE)),
] as const;
const urg = [
  columnOf(ROWS, timeline),
  columnOf(ROWS, () => pick(RESOURCES)),
  columnOf(ROWS, () => pick(DECISIONS)),
  columnOf(ROWS, () => pick(COMPETITION)),
] as const;
/** Follow-up notes, every one different (dates, names, amounts), as reps write them. */
const NOTE_PARTS = [
  "客户愿意听我介绍",
  "询问了价格和交货期",
  "问效果怎么样",
  "在对比竞品",
  "没有拒绝，说再看看",
  "明确拒绝，不要再打",
  "已签约，首付已付",
  "在开会，稍后再联系",
  "确定要买，在谈金额",
  "asked about the price",
  "not interested at the moment",
  "上门拜访，见了采购经理",
  "介绍了自己的情况",
  "同意约访下周二",
  "电话没人接",
];
const notes = columnOf(CELLS, () => "");
for (let i = 0; i < CELLS; i++)
  notes[i]![0] =
    `${1 + (i % 12)}月${1 + (i % 28)}日 ${pick(NOTE_PARTS)}` +
    (r() < 0.6 ? `，${pick(NOTE_PARTS)}` : "") +
    `（${pick(["王", "李", "张", "刘", "陈"])}总，预算${10 + (i % 90)}万，#${i}）`;
const leadCells = lead.map((g) => cellsOf(g, CELLS));
const noteCells = cellsOf(notes, CELLS);
const urgCells = urg.map((g) => cellsOf(g, CELLS));
const todayCell: Grid = [[TODAY]];

// ---- the baselines: the same rules written straight, for these inputs only -----------------
const YES = new Set<unknown>(["A", "是", "Y"]);
const indicator = (v: unknown, t: number): number =>
  typeof v === "number" ? (v >= t ? 1 : 0) : YES.has(v) ? 1 : 0;
function gradeOf(
  p: unknown,
  s: unknown,
  r1: unknown,
  c: unknown,
  v: unknown,
  q: unknown,
  t: unknown,
): string {
  if (
    (p === null || p === 0) &&
    (s === null || s === 0) &&
    (r1 === null || r1 === 0) &&
    (c === null || c === 0) &&
    (v === null || v === 0) &&
    (q === null || q === 0) &&
    (t === null || t === 0)
  )
    return "";
  const a = (YES.has(p) ? 1 : 0) + (YES.has(s) ? 1 : 0);
  const k =
    indicator(r1, 3) +
    indicator(c, 2) +
    indicator(v, 2) +
    indicator(q, 1) +
    (YES.has(t) ? 1 : 0);
  return a === 2
    ? k === 5
      ? "A"
      : k >= 3
        ? "B"
        : "C"
    : a === 1
      ? k === 5
        ? "C"
        : "D"
      : "E";
}
function leadGradeLoop(n: number): unknown[] {
  const [P, S, R, C, V, Q, T] = lead;
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++)
    out[i] = [
      gradeOf(
        P[i]![0],
        S[i]![0],
        R[i]![0],
        C[i]![0],
        V[i]![0],
        Q[i]![0],
        T[i]![0],
      ),
    ];
  return out;
}
/** The bare rules per cell (for these inputs only): what no reader at all would cost. */
function bareLeadGrade(
  p: Grid,
  s: Grid,
  r1: Grid,
  c: Grid,
  v: Grid,
  q: Grid,
  t: Grid,
): unknown[][] {
  return [
    [
      gradeOf(
        p[0]![0],
        s[0]![0],
        r1[0]![0],
        c[0]![0],
        v[0]![0],
        q[0]![0],
        t[0]![0],
      ),
    ],
  ];
}

const LEVEL = new Map<unknown, number>([
  ["已分配", 2],
  ["申请中", 1],
  ["未分配", 0],
  ["高", 2],
  ["一般", 1],
  ["是", 2],
  ["老板", 2],
  ["总经理", 2],
  ["部门经理", 1],
  ["基层", 0],
  ["高层", 2],
  ["激烈", 2],
  ["无", 0],
  ["high", 2],
]);
const LABEL = ["低", "低", "低", "中", "中", "中", "高", "高", "高", "高"];
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
function urgencyOf(
  t: unknown,
  rs: unknown,
  dl: unknown,
  cp: unknown,
  today: number,
): string {
  if ((t === null || t === 0) && rs === null && dl === null && cp === null)
    return "";
  let days: number | undefined;
  // 0 is how older desktop builds send a blank cell: no deadline
  if (typeof t === "number" && t !== 0) days = t > 3650 ? t - today : t;
  else if (typeof t === "string") {
    const m = DATE_TEXT.exec(t);
    if (m)
      days = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86400000 + 25569 - today;
  }
  const total =
    (days !== undefined
      ? days <= 30
        ? 3
        : days <= 90
          ? 2
          : 1
      : t === "是"
        ? 2
        : 0) +
    (LEVEL.get(rs) ?? 0) +
    (LEVEL.get(dl) ?? 0) +
    (LEVEL.get(cp) ?? 0);
  return LABEL[total] as string;
}
function urgencyLoop(n: number): unknown[] {
  const [T, RS, DL, CP] = urg;
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++)
    out[i] = [urgencyOf(T[i]![0], RS[i]![0], DL[i]![0], CP[i]![0], TODAY)];
  return out;
}
function bareUrgency(
  t: Grid,
  rs: Grid,
  dl: Grid,
  cp: Grid,
  today: Grid,
): unknown[][] {
  return [
    [
      urgencyOf(
        t[0]![0],
        rs[0]![0],
        dl[0]![0],
        cp[0]![0],
        today[0]![0] as number,
      ),
    ],
  ];
}

/**
 * The minimal per-cell functions: the engine's own rules (its readers, its tables), called
 * straight from the 1×1 arguments with a fixed context, as a hand-written custom function
 * would — no shape checks, no argument lists. The one-cell path must come close to these.
 */
const CTX = makeCtx();
function minimalLeadGrade(
  p: Grid,
  s: Grid,
  r1: Grid,
  c: Grid,
  v: Grid,
  q: Grid,
  t: Grid,
): unknown[][] {
  const g = leadGrade(
    p[0]![0],
    s[0]![0],
    r1[0]![0],
    c[0]![0],
    v[0]![0],
    q[0]![0],
    t[0]![0],
    null,
    CTX,
  );
  if (g instanceof CellError) throw new Error(g.key);
  return [[g]];
}
function minimalUrgency(
  t: Grid,
  rs: Grid,
  dl: Grid,
  cp: Grid,
  today: Grid,
): unknown[][] {
  const u = urgencyLevel(
    t[0]![0],
    rs[0]![0],
    dl[0]![0],
    cp[0]![0],
    today[0]![0] as number,
    CTX,
  );
  if (u instanceof CellError) throw new Error(u.key);
  return [[u === "" ? "" : URGENCY_LABELS[u].zh]];
}

function minimalIntentStage(obs: Grid): unknown[][] {
  const v = intentStage(obs[0]!, undefined, CTX);
  if (v instanceof CellError) throw new Error(v.key);
  return [[v]];
}
/** What an error thrown by a one-cell call is recorded as (both variants throw for the same notes). */
const THREW = "#threw";

// ---- the variants, each its own monomorphic loop -------------------------------------------
const [P, S, R, C, V, Q, T] = leadCells as Grid[][] as [
  Grid[],
  Grid[],
  Grid[],
  Grid[],
  Grid[],
  Grid[],
  Grid[],
];
const [TL, RS, DL, CP] = urgCells as Grid[][] as [
  Grid[],
  Grid[],
  Grid[],
  Grid[],
];

interface Variant {
  name: string;
  /**
   * runs `n` rows (range variants) or `n` calls from row `from` (one-cell variants); a one-cell
   * variant keeps its results only when `keep` (timed passes drop each result at once, so the
   * collector's cost of a hundred thousand live results does not swamp the calls' own)
   */
  run: (n: number, from?: number, keep?: boolean) => unknown[];
  unit: "range" | "cell";
}
/** where timed one-cell passes drop their results */
const sink: unknown[] = [undefined];
const sliceOf = (g: Grid, n: number) => (n === g.length ? g : g.slice(0, n));
const first = (row: unknown) => (row as unknown[])[0];

const SUITES: {
  name: string;
  variants: Variant[];
  /** row i's inputs, to show where variants disagree */
  inputs: (i: number) => unknown[];
}[] = [
  {
    name: "LEADGRADE",
    inputs: (i) => lead.map((g) => g[i]![0]),
    variants: [
      { name: "hand-written loop", unit: "range", run: leadGradeLoop },
      {
        name: "range form",
        unit: "range",
        run: (n) =>
          F.leadgrade(
            ...(lead.map((g) => sliceOf(g, n)) as [
              Grid,
              Grid,
              Grid,
              Grid,
              Grid,
              Grid,
              Grid,
            ]),
            null as never,
          ),
      },
      {
        name: "bare rules per cell",
        unit: "cell",
        run: (n, from = 0, keep = true) => {
          const out = keep ? new Array<unknown>(n) : sink;
          for (let i = from; i < from + n; i++)
            out[keep ? i - from : 0] = bareLeadGrade(
              P[i]!,
              S[i]!,
              R[i]!,
              C[i]!,
              V[i]!,
              Q[i]!,
              T[i]!,
            );
          return out;
        },
      },
      {
        name: "minimal per-cell function",
        unit: "cell",
        run: (n, from = 0, keep = true) => {
          const out = keep ? new Array<unknown>(n) : sink;
          for (let i = from; i < from + n; i++)
            out[keep ? i - from : 0] = minimalLeadGrade(
              P[i]!,
              S[i]!,
              R[i]!,
              C[i]!,
              V[i]!,
              Q[i]!,
              T[i]!,
            );
          return out;
        },
      },
      {
        name: "one-cell path",
        unit: "cell",
        run: (n, from = 0, keep = true) => {
          const out = keep ? new Array<unknown>(n) : sink;
          for (let i = from; i < from + n; i++)
            out[keep ? i - from : 0] = F.leadgrade(
              P[i]!,
              S[i]!,
              R[i]!,
              C[i]!,
              V[i]!,
              Q[i]!,
              T[i]!,
              null as never,
            );
          return out;
        },
      },
    ],
  },
  {
    name: "URGENCY",
    inputs: (i) => urg.map((g) => g[i]![0]),
    variants: [
      { name: "hand-written loop", unit: "range", run: urgencyLoop },
      {
        name: "range form",
        unit: "range",
        run: (n) =>
          F.urgency(
            ...(urg.map((g) => sliceOf(g, n)) as [Grid, Grid, Grid, Grid]),
            todayCell,
            null,
          ),
      },
      {
        name: "bare rules per cell",
        unit: "cell",
        run: (n, from = 0, keep = true) => {
          const out = keep ? new Array<unknown>(n) : sink;
          for (let i = from; i < from + n; i++)
            out[keep ? i - from : 0] = bareUrgency(
              TL[i]!,
              RS[i]!,
              DL[i]!,
              CP[i]!,
              todayCell,
            );
          return out;
        },
      },
      {
        name: "minimal per-cell function",
        unit: "cell",
        run: (n, from = 0, keep = true) => {
          const out = keep ? new Array<unknown>(n) : sink;
          for (let i = from; i < from + n; i++)
            out[keep ? i - from : 0] = minimalUrgency(
              TL[i]!,
              RS[i]!,
              DL[i]!,
              CP[i]!,
              todayCell,
            );
          return out;
        },
      },
      {
        name: "one-cell path",
        unit: "cell",
        run: (n, from = 0, keep = true) => {
          const out = keep ? new Array<unknown>(n) : sink;
          for (let i = from; i < from + n; i++)
            out[keep ? i - from : 0] = F.urgency(
              TL[i]!,
              RS[i]!,
              DL[i]!,
              CP[i]!,
              todayCell,
              null,
            );
          return out;
        },
      },
    ],
  },
  {
    name: "INTENTSTAGE",
    inputs: (i) => [notes[i]![0]],
    variants: [
      {
        name: "minimal per-cell function",
        unit: "cell",
        run: (n, from = 0, keep = true) => {
          const out = keep ? new Array<unknown>(n) : sink;
          for (let i = from; i < from + n; i++) {
            try {
              out[keep ? i - from : 0] = minimalIntentStage(noteCells[i]!);
            } catch {
              out[keep ? i - from : 0] = [[THREW]];
            }
          }
          return out;
        },
      },
      {
        name: "one-cell path",
        unit: "cell",
        run: (n, from = 0, keep = true) => {
          const out = keep ? new Array<unknown>(n) : sink;
          for (let i = from; i < from + n; i++) {
            try {
              out[keep ? i - from : 0] = F.intentstage(
                noteCells[i]!,
                null as never,
              );
            } catch {
              out[keep ? i - from : 0] = [[THREW]];
            }
          }
          return out;
        },
      },
    ],
  },
];

// ---- correctness first: every variant gives the same cell on every row ----------------------
let failed = false;
function checkAgreement(): void {
  for (const suite of SUITES) {
    const results = suite.variants.map((v) =>
      v.unit === "range"
        ? v.run(ROWS).map(first)
        : v.run(CELLS).map((x) => first(first(x))),
    );
    const ref = results[0]!;
    suite.variants.forEach((v, k) => {
      const got = results[k]!;
      let bad = 0;
      for (let i = 0; i < got.length; i++)
        if (got[i] !== ref[i] && bad++ < 3)
          console.error(
            `${suite.name} row ${i + 1} ${JSON.stringify(suite.inputs(i))}: ${v.name} ${String(got[i])}, baseline ${String(ref[i])}`,
          );
      if (bad > 0) {
        failed = true;
        console.error(
          `${suite.name}: ${v.name} differs from ${suite.variants[0]!.name} on ${bad} rows`,
        );
      }
    });
  }
}

// ---- timing: interleaved rounds -------------------------------------------------------------
const times = new Map<string, number[]>();
const record = (key: string, v: number) => {
  const xs = times.get(key) ?? [];
  xs.push(v);
  times.set(key, xs);
};
const all = SUITES.flatMap((s) =>
  s.variants.map((v) => ({ suite: s.name, v })),
);
/**
 * Milliseconds of CPU time used by this process (user + system, all its threads, so the
 * collector's helper threads count too). Not wall-clock time: on a machine shared with other
 * jobs, wall-clock time measures the scheduler as much as the code.
 */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * One-cell variants run all their calls in one go, PASSES times per round, in an order that
 * rotates from pass to pass: the scavenges their allocation causes land on each in proportion.
 * (Blocks of a thousand calls, tried before, charged a scavenge to whichever variant happened
 * to trigger it: ratios moved between 0.6× and 2.8×.) Before each range variant, and before
 * each suite's one-cell passes, a full collection and a wait until the concurrent sweeper is
 * done: its threads' CPU time would otherwise be counted in the next variant's figure.
 */
const PASSES = 5;
async function timeRounds(): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    const perRound = new Map<string, number>();
    // Range variants: one call over every row each, in an order that rotates every round.
    const ranged = all.filter((x) => x.v.unit === "range");
    for (let k = 0; k < ranged.length; k++) {
      const { suite, v } = ranged[(k + round) % ranged.length]!;
      await quiet();
      const t0 = cpu();
      v.run(ROWS);
      perRound.set(`${suite}/${v.name}`, cpu() - t0);
    }
    for (const s of SUITES) {
      const cells = s.variants.filter((v) => v.unit === "cell");
      const ms = cells.map(() => 0);
      await quiet();
      for (let pass = 0; pass < PASSES; pass++)
        for (let j = 0; j < cells.length; j++) {
          const k = (j + pass + round) % cells.length;
          const t0 = cpu();
          cells[k]!.run(CELLS, 0, false);
          ms[k]! += cpu() - t0;
        }
      cells.forEach((v, k) =>
        perRound.set(`${s.name}/${v.name}`, ms[k]! / PASSES),
      );
    }
    for (const [key, ms] of perRound) record(key, ms);
    for (const s of SUITES) {
      const t = (name: string) => perRound.get(`${s.name}/${name}`);
      const ratio = (key: string, a: string, b: string) => {
        const x = t(a);
        const y = t(b);
        if (x !== undefined && y !== undefined)
          record(`${s.name}/${key}`, x / y);
      };
      ratio("range ÷ loop", "range form", "hand-written loop");
      ratio("one-cell ÷ minimal", "one-cell path", "minimal per-cell function");
    }
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\r`);
  }
}

// ---- allocation: heapUsed delta per row on samples between two collections ------------------
let collections = 0;
const observer = new PerformanceObserver((list) => {
  collections += list.getEntries().length;
});
observer.observe({ entryTypes: ["gc"] });
const settle = (ms = 0) => new Promise((done) => setTimeout(done, ms));
/** A full collection, then wait for the concurrent sweeper to finish (heapUsed steady). */
async function quiet(): Promise<void> {
  gc();
  let last = process.memoryUsage().heapUsed;
  for (let k = 0; k < 100; k++) {
    await settle(5);
    const now = process.memoryUsage().heapUsed;
    if (Math.abs(now - last) < 4096) return;
    last = now;
  }
}

async function allocation(
  v: Variant,
): Promise<{ bytes: number[]; dropped: number }> {
  const bytes: number[] = [];
  let dropped = 0;
  for (let k = 0; k < ROUNDS; k++) {
    for (let k = 0; k < 30; k++) v.run(SAMPLE); // warm up: measure optimised code
    await quiet();
    const before = collections;
    const h0 = process.memoryUsage().heapUsed;
    const kept = v.run(SAMPLE);
    const h1 = process.memoryUsage().heapUsed;
    await settle();
    if (collections !== before) dropped++;
    else bytes.push((h1 - h0) / SAMPLE);
    if (kept.length !== SAMPLE) throw new Error("sample size");
  }
  return { bytes, dropped };
}

// ---- report ---------------------------------------------------------------------------------
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const stats = (xs: number[]) => {
  const s = sorted(xs);
  return {
    min: s[0]!,
    median: s[Math.floor((s.length - 1) / 2)]!,
    max: s[s.length - 1]!,
  };
};
const fmt = (xs: number[] | undefined, f: (x: number) => string) => {
  if (!xs || xs.length === 0) return "– | – | –";
  const s = stats(xs);
  return `${f(s.min)} | ${f(s.median)} | ${f(s.max)}`;
};

type Allocs = Record<string, { bytes: number[]; dropped: number }>;

/** The child: allocation of every variant, as JSON on stdout. */
async function allocChild(): Promise<void> {
  const out: Allocs = {};
  for (const s of SUITES)
    for (const v of s.variants)
      out[`${s.name}/${v.name}`] = await allocation(v);
  // The result alone: the rows a range form must hand Excel, one [value] per lead.
  const grades = lead[0].map((row) => row[0]);
  out["result"] = await allocation({
    name: "result only",
    unit: "range",
    run: (n) => {
      const rows = new Array<unknown[]>(n);
      for (let i = 0; i < n; i++) rows[i] = [grades[i]];
      return rows;
    },
  });
  observer.disconnect();
  process.stdout.write(JSON.stringify(out));
}

async function main(): Promise<void> {
  checkAgreement();
  await timeRounds();
  const allocs = JSON.parse(
    execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        "--no-allocation-site-pretenuring",
        "--single-threaded-gc",
        __filename,
        "--alloc",
      ],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    ),
  ) as Allocs;
  console.log(
    `\nnode ${process.version}, ${ROUNDS} interleaved rounds (range variants in rotating order; one-cell variants ${PASSES} passes a round, each variant's calls in one go, order rotating), same process, same data; CPU time (user + system) of this process${process.execArgv.includes("--single-threaded") ? ", V8 single-threaded (collector and compiler on the main thread)" : ""}`,
  );
  for (const s of SUITES) {
    const ms = (name: string) => times.get(`${s.name}/${name}`);
    const us = (name: string) => ms(name)?.map((x) => (x * 1000) / CELLS);
    const bytes = (name: string) => allocs[`${s.name}/${name}`]?.bytes;
    const alloc = new Map<string, { bytes: number[]; dropped: number }>(
      s.variants.map((v) => [v.name, allocs[`${s.name}/${v.name}`]!]),
    );
    const resultB = allocs["result"]!.bytes;
    const rangeB = bytes("range form");
    const rows: [string, number[] | undefined, (x: number) => string][] = [
      ["hand-written loop, ms", ms("hand-written loop"), (x) => x.toFixed(0)],
      ["range form, ms", ms("range form"), (x) => x.toFixed(0)],
      [
        "range form, rows/s",
        ms("range form")?.map((x) => ROWS / (x / 1000)),
        (x) => Math.round(x).toLocaleString("en"),
      ],
      [
        "**range form ÷ loop**",
        times.get(`${s.name}/range ÷ loop`),
        (x) => x.toFixed(2) + "×",
      ],
      [
        "bare rules per cell (no reader), µs/call",
        us("bare rules per cell"),
        (x) => x.toFixed(2),
      ],
      [
        "minimal per-cell function, µs/call",
        us("minimal per-cell function"),
        (x) => x.toFixed(2),
      ],
      ["one-cell path, µs/call", us("one-cell path"), (x) => x.toFixed(2)],
      [
        "**one-cell ÷ minimal**",
        times.get(`${s.name}/one-cell ÷ minimal`),
        (x) => x.toFixed(2) + "×",
      ],
      [
        "allocated B/row, the result alone ([value] rows)",
        rangeB && resultB,
        (x) => x.toFixed(0),
      ],
      [
        "allocated B/row, hand-written loop",
        bytes("hand-written loop"),
        (x) => x.toFixed(0),
      ],
      ["allocated B/row, range form", rangeB, (x) => x.toFixed(0)],
      [
        "**range form beyond the result, B/row**",
        rangeB?.map((b) => b - stats(resultB).median),
        (x) => x.toFixed(0),
      ],
      [
        "allocated B/call, minimal per-cell",
        bytes("minimal per-cell function"),
        (x) => x.toFixed(0),
      ],
      [
        "allocated B/call, one-cell path",
        bytes("one-cell path"),
        (x) => x.toFixed(0),
      ],
    ];
    const what = [
      rangeB ? `range form over ${ROWS.toLocaleString("en")} rows` : "",
      `one-cell path over ${CELLS.toLocaleString("en")} calls`,
    ].filter((x) => x);
    const lines = [
      `\n${s.name} — ${what.join(", ")}`,
      `| figure | min | median | max |`,
      `|---|---:|---:|---:|`,
      ...rows
        .filter(([, xs]) => xs !== undefined && xs.length > 0)
        .map(([label, xs, f]) => `| ${label} | ${fmt(xs, f)} |`),
    ];
    const dropped = [...alloc.values()].reduce((n, a) => n + a.dropped, 0);
    if (dropped > 0)
      lines.push(
        `(${dropped} allocation samples dropped: a collection ran during them)`,
      );
    console.log(lines.join("\n"));
  }
  console.log(
    `\nallocation: heapUsed delta per row or call, ${SAMPLE.toLocaleString("en")} rows or calls per sample, ${ROUNDS} samples per variant, after 30 warm-up runs, in a child process without pretenuring or background GC threads`,
  );
  if (failed) process.exit(1);
}

void (CHILD ? allocChild() : main());
