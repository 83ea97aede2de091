/*
 * npm run bench, part 2 — the task pane's apply path against the fake Excel host, which counts
 * requests and the UTF-8 bytes each carries both ways and times its own work (wb.hostMs), so
 * the add-in's own time is printed apart from the host's.
 *
 *  1. 100,000 × 20 lead sheet, six outputs, static values and live formulas, beside a naive
 *     apply that writes one row per request (the same values), in the same run.
 *  2. 20,000 rows with two 200-character note columns (every note different) and the
 *     explanation output: the largest request and response, which must stay under 5 MB.
 *
 * Scenarios are interleaved and repeated (BENCH_ROUNDS); min / median / max are printed.
 * Sizes: BENCH_APPLY_ROWS, BENCH_NAIVE_ROWS, BENCH_NOTES_ROWS, BENCH_ROUNDS (e.g. all small
 * for a quick run: BENCH_APPLY_ROWS=5000 BENCH_NOTES_ROWS=2000 BENCH_ROUNDS=1); BENCH_ONLY=live
 * runs the scenarios whose name contains "live". Figures only.
 */
import "../test/setup/customFunctions";
import { FakeWorkbook, installFakeOffice } from "../test/fakeExcel/fakeExcel";
import { seededRandom } from "../src/demo/generator";
import { scan, apply } from "../src/taskpane/grade/gradeController";
import { computeStatic } from "../src/sheet/rowFormulas";
import { LEAD_HEADERS, NOTE_PHRASES } from "../test/sampleLeads";
import type { OutputKind } from "../src/sheet/outputs";

const ROWS = Number(process.env.BENCH_APPLY_ROWS ?? 100000);
const NAIVE_ROWS = Number(process.env.BENCH_NAIVE_ROWS ?? ROWS);
const NOTES_ROWS = Number(process.env.BENCH_NOTES_ROWS ?? 20000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const TODAY = 46351;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const HEADERS = [
  "客户姓名",
  "公司",
  "电话",
  "负责人",
  "职位",
  ...LEAD_HEADERS,
  "意向得分",
  "其他",
];
/** A note of about `length` characters, different on every row (date, amount, phrases). */
function note(r: () => number, i: number, length: number): string {
  let s = `${2026}-${1 + (i % 12)}-${1 + (i % 28)} 第${i}次记录：`;
  while (s.length < length)
    s += `${NOTE_PHRASES[Math.floor(r() * NOTE_PHRASES.length)]}，金额约${Math.floor(r() * 900 + 100)}万；`;
  return s.slice(0, length);
}

const OUTPUTS: OutputKind[] = [
  "grade",
  "intentClass",
  "stage",
  "stageLabel",
  "urgency",
  "nextFollowUp",
];

function leadSheet(n: number): FakeWorkbook {
  const wb = installFakeOffice(new FakeWorkbook({ apiVersion: "1.20" }));
  const r = seededRandom(20261125); // every run grades the same sheets
  const rows: (string | number)[][] = [HEADERS];
  for (let i = 0; i < n; i++) {
    rows.push([
      `客户${i}`,
      `公司${i % 500}`,
      `138${String(i).padStart(8, "0")}`,
      `销售${i % 20}`,
      i % 7 ? "经理" : "总经理",
      i % 4 ? "是" : "否",
      i % 5 ? "A" : "B",
      i % 6,
      i % 4,
      i % 3,
      i % 2,
      i % 3 ? "A" : "B",
      note(r, i, 24),
      46300 + (i % 50),
      46351 + (i % 120),
      i % 3 ? "已分配" : "申请中",
      i % 2 ? "老板" : "经理",
      i % 5 ? "激烈" : "一般",
      50 + (i % 50),
      "x",
    ]);
  }
  wb.setValues("Sheet1", 0, 0, rows);
  return wb;
}

function notesSheet(n: number): FakeWorkbook {
  const wb = installFakeOffice(new FakeWorkbook({ apiVersion: "1.20" }));
  const r = seededRandom(7);
  const rows: (string | number)[][] = [
    [
      "客户姓名",
      "付款能力",
      "满意度",
      "回访次数",
      "跟进记录",
      "备注",
      "上次联系",
    ],
  ];
  for (let i = 0; i < n; i++)
    rows.push([
      `客户${i}`,
      i % 4 ? "是" : "否",
      i % 3 ? "是" : "否",
      i % 5,
      note(r, i, 200),
      note(r, i + n, 200),
      46300 + (i % 40),
    ]);
  wb.setValues("Sheet1", 0, 0, rows);
  return wb;
}

interface Run {
  /** why the apply did not finish (the host refused a request, a conflict...) */
  failed?: string;
  rows: number;
  ms: number;
  hostMs: number;
  syncs: number;
  sentMB: number;
  maxRequestMB: number;
  maxResponseMB: number;
}
const MB = 2 ** 20;

/** Times fn from scan to the end of the apply; the host's share is what the fake measured itself. */
async function measure(
  wb: FakeWorkbook,
  rows: number,
  fn: () => Promise<void>,
): Promise<Run> {
  gc();
  const syncs0 = wb.syncs;
  const host0 = wb.hostMs;
  const req0 = wb.requestBytes.length;
  const res0 = wb.responseBytes.length;
  const t0 = process.hrtime.bigint();
  let failed: string | undefined;
  try {
    await fn();
  } catch (e) {
    failed = e instanceof Error ? e.message : String(e);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const sent = wb.requestBytes.slice(req0);
  const back = wb.responseBytes.slice(res0);
  return {
    failed,
    rows,
    ms,
    hostMs: wb.hostMs - host0,
    syncs: wb.syncs - syncs0,
    sentMB: sent.reduce((a, b) => a + b, 0) / MB,
    maxRequestMB: Math.max(0, ...sent) / MB,
    maxResponseMB: Math.max(0, ...back) / MB,
  };
}

async function paneApply(
  wb: FakeWorkbook,
  rows: number,
  outputs: OutputKind[],
  live: boolean,
): Promise<Run> {
  return measure(wb, rows, async () => {
    const s = await scan();
    if (!s) throw new Error("no data found");
    const r = await apply(s, s.mapping, {
      outputs,
      live,
      lang: "zh",
      today: TODAY,
    });
    if (r.status !== "done")
      throw new Error(`apply ${r.status}: ${JSON.stringify(r).slice(0, 300)}`);
  });
}

async function naiveApply(wb: FakeWorkbook, rows: number): Promise<Run> {
  return measure(wb, rows, async () => {
    const s = await scan();
    if (!s) throw new Error("no data found");
    const values = Array.from({ length: s.rowCount }, (_, i) =>
      Array.from({ length: s.data.width }, (_, j) =>
        wb.valueAt("Sheet1", s.data.headerRow + 1 + i, s.data.left + j),
      ),
    );
    const out = computeStatic(
      values,
      s.mapping,
      OUTPUTS,
      "zh",
      undefined,
      TODAY,
    );
    const cols = OUTPUTS.map((k) => out.columns.get(k)!);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (let i = 0; i < rows; i++) {
        sheet.getRangeByIndexes(
          i + 1,
          HEADERS.length,
          1,
          OUTPUTS.length,
        ).values = [cols.map((c) => c[i]!)];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the naive baseline, on purpose
        await context.sync();
      }
    });
  });
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    min: s[0]!,
    med: s[Math.floor((s.length - 1) / 2)]!,
    max: s[s.length - 1]!,
  };
};
const f0 = (x: number) => Math.round(x).toLocaleString("en");
const mmm = (xs: number[], fmt = f0) => {
  const s = stat(xs);
  return `${fmt(s.min)} / ${fmt(s.med)} / ${fmt(s.max)}`;
};

async function main(): Promise<void> {
  const scenarios: [string, () => Promise<Run>][] = [
    [
      "pane, static values",
      () => paneApply(leadSheet(ROWS), ROWS, OUTPUTS, false),
    ],
    [
      "pane, live formulas",
      () => paneApply(leadSheet(ROWS), ROWS, OUTPUTS, true),
    ],
    [
      "naive (one row per request)",
      () => naiveApply(leadSheet(NAIVE_ROWS), NAIVE_ROWS),
    ],
    [
      `pane, ${NOTES_ROWS.toLocaleString("en")} rows × two 200-char notes + explanation`,
      () =>
        paneApply(
          notesSheet(NOTES_ROWS),
          NOTES_ROWS,
          ["grade", "stage", "explanation"],
          false,
        ),
    ],
  ];
  // BENCH_ONLY=live runs only the scenarios whose name contains it (a quick look at one)
  const only = process.env.BENCH_ONLY;
  if (only)
    scenarios.splice(
      0,
      scenarios.length,
      ...scenarios.filter(([n]) => n.includes(only)),
    );
  const runs = new Map<string, Run[]>(scenarios.map(([n]) => [n, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, fn] of scenarios) runs.get(name)!.push(await fn());

  console.log(
    `\napply path on the fake Excel host: ${ROWS.toLocaleString("en")} × ${HEADERS.length} lead sheet, ${OUTPUTS.length} outputs; naive baseline ${NAIVE_ROWS.toLocaleString("en")} rows; ${ROUNDS} interleaved round(s), min / median / max\n`,
  );
  console.log(
    "| apply | rows | requests | total MB sent | largest request MB | largest response MB | total ms | add-in ms | fake host ms | add-in rows/s |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const failures: string[] = [];
  for (const [name] of scenarios) {
    const rs = runs.get(name)!;
    for (const r of rs) if (r.failed) failures.push(`${name}: ${r.failed}`);
    const r0 = rs[0]!;
    const mb = (x: number) => x.toFixed(2);
    console.log(
      `| ${name} | ${r0.rows.toLocaleString("en")} | ${mmm(rs.map((r) => r.syncs))} | ${mmm(
        rs.map((r) => r.sentMB),
        mb,
      )} | ${mmm(
        rs.map((r) => r.maxRequestMB),
        mb,
      )} | ${mmm(
        rs.map((r) => r.maxResponseMB),
        mb,
      )} | ${mmm(rs.map((r) => r.ms))} | ${mmm(rs.map((r) => r.ms - r.hostMs))} | ${mmm(rs.map((r) => r.hostMs))} | ${mmm(rs.map((r) => r.rows / ((r.ms - r.hostMs) / 1000)))} |`,
    );
  }
  const pane = runs.get("pane, static values");
  const naive = runs.get("naive (one row per request)");
  const perRow = (rs: Run[]) => stat(rs.map((r) => r.syncs / r.rows)).med;
  if (pane && naive)
    console.log(
      `\nrequests per row, naive ÷ pane (median): ${(perRow(naive) / perRow(pane)).toFixed(0)}×.`,
    );
  console.log(
    `The fake answers a request in microseconds; Excel on the web takes a round trip (tens of ms) per request, so the request count and the bytes per request are the figures that carry over, and "add-in ms" (total minus the time measured inside the fake host) is the add-in's own work.`,
  );
  if (failures.length > 0) {
    console.error(
      `\nFAILED (a failed run's figures stop at its failure):\n${failures.join("\n")}`,
    );
    process.exitCode = 1;
  }
  const over = [...runs.values()]
    .flat()
    .filter(
      (r) => r.maxRequestMB * MB > 5 * MB || r.maxResponseMB * MB > 5 * MB,
    );
  if (over.length > 0) {
    console.error(
      `a request or response went over 5 MB in ${over.length} run(s)`,
    );
    process.exitCode = 1;
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
