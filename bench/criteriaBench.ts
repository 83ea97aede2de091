/*
 * npm run bench, part — what a criteria edit costs: the runtime finds the SALES cells (reading
 * every sheet's formulas in chunks) and asks Excel to recalculate only them. Against the fake
 * Excel host (it counts requests and the bytes each carries), on a lead sheet of N rows × 20
 * columns, with live results written as one spilling formula per column (a plain range) and as
 * one formula per row (an Excel table's calculated columns), beside the baseline one call
 * would make — `worksheet.calculate(true)` on every sheet: one request, but every formula of
 * the workbook reruns, SALES or not. Runs interleaved and repeated; min / median / max ms.
 */
import "../test/setup/customFunctions";
import { FakeWorkbook, installFakeOffice } from "../test/fakeExcel/fakeExcel";
import { recalcSalesCells } from "../src/taskpane/criteria/criteriaWorkbook";
import { salesCellRuns } from "../src/criteria/salesCells";

const ROWS = Number(process.env.BENCH_CRITERIA_ROWS ?? 100000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const OUT = 6;

const NOTES = [
  "询问价格和优惠",
  "已签约，已付款",
  "不感兴趣",
  "愿意听，回答问题",
];

function workbook(n: number, layout: "spill" | "rows"): FakeWorkbook {
  const wb = installFakeOffice(new FakeWorkbook({ apiVersion: "1.20" }));
  const rows: (string | number)[][] = [
    [
      ...Array.from({ length: 20 }, (_, j) => `列${j}`),
      ...Array.from({ length: OUT }, (_, j) => `结果${j}`),
      "合计",
    ],
  ];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    rows.push([
      `客户${i}`,
      `138${String(i).padStart(8, "0")}`,
      i % 3 ? "是" : "否",
      i % 5,
      NOTES[i % NOTES.length] as string,
      46300 + (i % 60),
      ...Array.from({ length: 14 }, (_, j) => (i * 7 + j) % 97),
      ...Array.from({ length: OUT }, (_, j) =>
        layout === "rows"
          ? `=SALES.INTENTSTAGE(E${r})&"${j}"`
          : i === 0
            ? `=SALES.INTENTSTAGE(E2:E${n + 1})`
            : "",
      ),
      `=SUM(D${r},F${r})`, // an unrelated formula: must not rerun
    ]);
  }
  wb.setValues("Sheet1", 0, 0, rows);
  return wb;
}

interface Run {
  ms: number;
  syncs: number;
  maxResponseMB: number;
  totalMB: number;
  cells: number;
}

async function ours(wb: FakeWorkbook): Promise<Run> {
  installFakeOffice(wb);
  wb.syncs = 0;
  wb.responseBytes.length = 0;
  wb.calculations.length = 0;
  const t = performance.now();
  const cells = await recalcSalesCells();
  const ms = performance.now() - t;
  return {
    ms,
    syncs: wb.syncs,
    maxResponseMB: Math.max(...wb.responseBytes) / 2 ** 20,
    totalMB: wb.responseBytes.reduce((a, b) => a + b, 0) / 2 ** 20,
    cells,
  };
}

async function baseline(wb: FakeWorkbook): Promise<Run> {
  installFakeOffice(wb);
  wb.syncs = 0;
  wb.responseBytes.length = 0;
  const t = performance.now();
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const s of sheets.items) s.calculate(true);
    await context.sync();
  });
  const ms = performance.now() - t;
  // every formula cell reruns
  let cells = 0;
  for (const s of wb.sheets.values())
    for (const c of s.values()) if (c.f) cells++;
  return { ms, syncs: wb.syncs, maxResponseMB: 0, totalMB: 0, cells };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(0)} / ${s[Math.floor(s.length / 2)]!.toFixed(0)} / ${s[s.length - 1]!.toFixed(0)}`;
};

async function main(): Promise<void> {
  const books = {
    spill: workbook(ROWS, "spill"),
    rows: workbook(ROWS, "rows"),
  };
  const runs: Record<string, Run[]> = {
    "SALES cells only, spilling formulas": [],
    "SALES cells only, one formula per row": [],
    "baseline: worksheet.calculate(true)": [],
  };
  for (let i = 0; i < REPEAT; i++) {
    runs["SALES cells only, spilling formulas"]!.push(await ours(books.spill));
    runs["SALES cells only, one formula per row"]!.push(await ours(books.rows));
    runs["baseline: worksheet.calculate(true)"]!.push(
      await baseline(books.rows),
    );
  }
  console.log(
    `\nCriteria edit on ${ROWS.toLocaleString("en")} rows × 20 columns + ${OUT} result columns + 1 unrelated formula column (fake host, ${REPEAT} interleaved runs)\n`,
  );
  console.log(
    "| recalculation | requests | max MB per response | total MB read | cells recalculated | ms min / median / max |",
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const [name, rs] of Object.entries(runs)) {
    const r = rs[0]!;
    console.log(
      `| ${name} | ${r.syncs} | ${r.maxResponseMB.toFixed(2)} | ${r.totalMB.toFixed(2)} | ${r.cells.toLocaleString("en")} | ${stats(rs.map((x) => x.ms))} |`,
    );
  }
  // Our own compute inside that time: finding the SALES runs in the formulas read.
  const grid = Array.from({ length: ROWS + 1 }, (_, r) =>
    Array.from({ length: 27 }, (_, c) => books.rows.formulaAt("Sheet1", r, c)),
  );
  const scans: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    salesCellRuns(grid, 0, 0);
    scans.push(performance.now() - t);
  }
  console.log(
    `\nFinding the SALES cells among ${(grid.length * 27).toLocaleString("en")} cells (salesCellRuns, one formula per row): ${stats(scans)} ms (min / median / max); the rest of the time above is the fake host building its responses.`,
  );
}

void main();
