/*
 * npm run bench, part 2 — the task pane's apply path on a 100,000 × 20 sheet, against the
 * fake Excel host (which counts requests and the bytes each sends), beside a naive apply that
 * writes one row per request, in the same run. Figures only.
 */
import "../test/setup/customFunctions";
import { FakeWorkbook, installFakeOffice } from "../test/fakeExcel/fakeExcel";
import { scan, apply } from "../src/taskpane/grade/gradeController";
import { computeStatic } from "../src/sheet/rowFormulas";
import type { OutputKind } from "../src/sheet/outputs";

const ROWS = Number(process.env.BENCH_APPLY_ROWS ?? 100000);
const NAIVE_ROWS = Number(process.env.BENCH_NAIVE_ROWS ?? ROWS);
const HEADERS = [
  "客户姓名",
  "公司",
  "电话",
  "负责人",
  "职位",
  "付款能力",
  "满意度",
  "回访次数",
  "来电次数",
  "工地考察",
  "流程询问",
  "价格承受",
  "跟进记录",
  "上次联系",
  "截止日期",
  "资源投入",
  "决策层级",
  "市场竞争",
  "意向得分",
  "其他",
];
const NOTES = [
  "询问价格和优惠",
  "已签约，已付款",
  "不感兴趣",
  "愿意听，回答问题",
  "在开会，稍后再联系",
  "可以约访，对比竞品",
];
const OUTPUTS: OutputKind[] = [
  "grade",
  "intentClass",
  "stage",
  "stageLabel",
  "urgency",
  "nextFollowUp",
];

function sheet(n: number): FakeWorkbook {
  const wb = installFakeOffice(new FakeWorkbook({ apiVersion: "1.20" }));
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
      NOTES[i % NOTES.length]!,
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

const mb = (b: number) => (b / 2 ** 20).toFixed(2);

async function main(): Promise<void> {
  console.log(
    `\napply path: ${ROWS.toLocaleString("en")} rows × ${HEADERS.length} columns, ${OUTPUTS.length} output columns, static values\n`,
  );
  const lines = [
    "| apply | rows | requests (syncs) | max MB per request | max MB per response | total MB sent | ms | rows/s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];

  // ours: read once, compute, write whole 2-D arrays in byte-budget chunks
  {
    const wb = sheet(ROWS);
    global.gc?.();
    const t0 = process.hrtime.bigint();
    const s = (await scan())!;
    const r = await apply(s, s.mapping, {
      outputs: OUTPUTS,
      live: false,
      lang: "zh",
      today: 46351,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== "done") throw new Error(`apply ${r.status}`);
    const sent = wb.requestBytes;
    lines.push(
      `| pane (chunked 2-D writes) | ${ROWS.toLocaleString("en")} | ${wb.syncs} | ${mb(Math.max(...sent))} | ${mb(Math.max(...wb.responseBytes))} | ${mb(sent.reduce((a, b) => a + b, 0))} | ${ms.toFixed(0)} | ${Math.round(ROWS / (ms / 1000)).toLocaleString("en")} |`,
    );
    // live formulas, same sheet size
    const wb2 = sheet(ROWS);
    const t1 = process.hrtime.bigint();
    const s2 = (await scan())!;
    const r2 = await apply(s2, s2.mapping, {
      outputs: OUTPUTS,
      live: true,
      lang: "zh",
      today: 46351,
    });
    const ms2 = Number(process.hrtime.bigint() - t1) / 1e6;
    if (r2.status !== "done") throw new Error(`apply ${r2.status}`);
    lines.push(
      `| pane, live formulas | ${ROWS.toLocaleString("en")} | ${wb2.syncs} | ${mb(Math.max(...wb2.requestBytes))} | ${mb(Math.max(...wb2.responseBytes))} | ${mb(wb2.requestBytes.reduce((a, b) => a + b, 0))} | ${ms2.toFixed(0)} | ${Math.round(ROWS / (ms2 / 1000)).toLocaleString("en")} |`,
    );
  }

  // naive: the same values, one row per request
  {
    const wb = sheet(NAIVE_ROWS);
    const t0 = process.hrtime.bigint();
    const s = (await scan())!;
    const out = computeStatic(
      Array.from({ length: s.rowCount }, (_, i) =>
        Array.from({ length: s.data.width }, (_, j) =>
          wb.valueAt("Sheet1", s.data.headerRow + 1 + i, s.data.left + j),
        ),
      ),
      s.mapping,
      OUTPUTS,
      "zh",
      undefined,
      46351,
    );
    const cols = OUTPUTS.map((k) => out.columns.get(k)!);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (let i = 0; i < NAIVE_ROWS; i++) {
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
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    lines.push(
      `| naive (one row per request) | ${NAIVE_ROWS.toLocaleString("en")} | ${wb.syncs} | ${mb(Math.max(...wb.requestBytes))} | ${mb(Math.max(...wb.responseBytes))} | ${mb(wb.requestBytes.reduce((a, b) => a + b, 0))} | ${ms.toFixed(0)} | ${Math.round(NAIVE_ROWS / (ms / 1000)).toLocaleString("en")} |`,
    );
  }
  console.log(lines.join("\n"));
  console.log(
    "\nOn the fake host a request costs almost nothing; in Excel each is a round trip (tens of ms on the web), so the request count is the figure that matters.",
  );
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
