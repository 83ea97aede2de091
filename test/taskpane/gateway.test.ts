/**
 * The Office.js layer against the fake host: what it writes, what it never touches, how many
 * syncs and bytes per request, conflicts, cancel, revert, undo grouping, tables.
 */
import { FakeWorkbook, installFakeOffice } from "../fakeExcel/fakeExcel";
import { apply, revert, scan } from "../../src/taskpane/paneController";
import { READ_CELLS } from "../../src/taskpane/excel/gateway";
import { sheetCases, workbookFor } from "./sheetFixtures";

const TODAY = 46351;
const caseNamed = (n: string) => sheetCases().find((c) => c.name === n)!;

/** Cells outside the given columns, as formulas-or-values with number formats. */
function outside(wb: FakeWorkbook, columns: readonly number[]) {
  const all = wb.dump("Sheet1");
  return Object.fromEntries(
    Object.entries(all).filter(
      ([k]) => !columns.includes(Number(k.split(",")[1])),
    ),
  );
}

describe("apply on a golden sheet", () => {
  test("static values: writes the output columns right of the data, nothing else", async () => {
    const wb = workbookFor(caseNamed("zh-realestate"));
    const before = wb.dump("Sheet1");
    const s = (await scan())!;
    const r = await apply(s, s.mapping, {
      outputs: ["grade", "stage", "stageLabel", "nextFollowUp"],
      live: false,
      lang: "zh",
      today: TODAY,
    });
    expect(r.status).toBe("done");
    if (r.status !== "done") return;
    const cols = [...r.columns.values()];
    expect(cols).toEqual([12, 13, 14, 15]);
    expect(outside(wb, cols)).toEqual(before);
    // header row 1, data from row 2
    expect([12, 13, 14, 15].map((c) => wb.formulaAt("Sheet1", 1, c))).toEqual([
      "客户等级",
      "意向阶段",
      "阶段名称",
      "下次跟进",
    ]);
    expect(wb.formulaAt("Sheet1", 2, 12)).toBe("A");
    expect(wb.formulaAt("Sheet1", 2, 14)).toBe("阶段3 考虑成交");
    expect(wb.formulaAt("Sheet1", 2, 15)).toBe(46349);
    expect(wb.cell("Sheet1", 2, 15)?.nf).toBe("yyyy-mm-dd");
    expect(wb.formulaAt("Sheet1", 5, 12)).toBe(""); // the lead with only a name stays blank
    expect(r.summary.grades).toEqual({ A: 1, C: 1, E: 1 });
    expect(r.summary.stages).toEqual({ "3": 1, "5": 1, "-1": 1, "1": 1 });
    expect(r.summary.problems.map((p) => [p.row, p.output])).toEqual([
      [4, "grade"],
      [4, "nextFollowUp"],
    ]);
    // colour codes: five grade rules and one due-follow-up rule
    expect(wb.conditionalFormats.filter((f) => f.box.c === 12)).toHaveLength(5);
    expect(
      wb.conditionalFormats.find((f) => f.box.c === 15)?.rule.formula,
    ).toBe("=AND(ISNUMBER(P3),P3<=TODAY())");
  });

  test("live formulas on a plain range: one spilling formula per output column, cells below left empty", async () => {
    const wb = workbookFor(caseNamed("zh-realestate"));
    const s = (await scan())!;
    const r = await apply(s, s.mapping, {
      outputs: ["grade", "stage", "nextFollowUp"],
      live: true,
      lang: "zh",
      today: TODAY,
      todayRef: "'评分标准'!$B$2",
    });
    expect(r.status).toBe("done");
    const last = 2 + s.rows.length;
    expect(wb.formulaAt("Sheet1", 2, 12)).toBe(
      `=SALES.LEADGRADE(D3:D${last},E3:E${last},F3:F${last},G3:G${last},H3:H${last},I3:I${last},J3:J${last})`,
    );
    expect(wb.formulaAt("Sheet1", 2, 13)).toBe(
      `=SALES.INTENTSTAGE(K3:K${last})`,
    );
    expect(wb.formulaAt("Sheet1", 2, 14)).toBe(
      `=SALES.NEXTFOLLOWUP(IFERROR(N3:N${last},""),L3:L${last})`,
    );
    for (const c of [12, 13, 14])
      for (let row = 3; row < last; row++)
        expect(wb.formulaAt("Sheet1", row, c)).toBe("");
  });

  test("a second apply reuses its own columns and asks nothing", async () => {
    const wb = workbookFor(caseNamed("zh-realestate"));
    const s1 = (await scan())!;
    await apply(s1, s1.mapping, {
      outputs: ["grade"],
      live: false,
      lang: "zh",
      today: TODAY,
    });
    const s2 = (await scan())!;
    expect([...s2.ownedInBlock]).toEqual([12]);
    expect(s2.mapping.payment.column).toBe(3); // remembered
    const r = await apply(s2, s2.mapping, {
      outputs: ["grade", "stage"],
      live: false,
      lang: "en",
      today: TODAY,
    });
    expect(r.status).toBe("done");
    if (r.status === "done")
      expect([...r.columns]).toEqual([
        ["grade", 12],
        ["stage", 13],
      ]);
    expect(wb.formulaAt("Sheet1", 1, 12)).toBe("Lead grade");
  });
});

describe("never lose data", () => {
  test("a target cell holding the user's data stops the apply and lists it; nothing is written", async () => {
    const wb = workbookFor(caseNamed("zh-realestate"));
    wb.setValues("Sheet1", 20, 13, [["我的笔记"]]);
    wb.setValues("Sheet1", 4, 13, [["=1+1"]]);
    const before = wb.dump("Sheet1");
    const s = (await scan())!;
    const r = await apply(s, s.mapping, {
      outputs: ["grade", "stage"],
      live: false,
      lang: "zh",
      today: TODAY,
    });
    expect(r).toEqual({
      status: "conflict",
      conflicts: [{ row: 4, column: 13, content: "=1+1" }],
    });
    expect(wb.dump("Sheet1")).toEqual(before);
    // "write in empty columns further right" goes past everything used
    const r2 = await apply(s, s.mapping, {
      outputs: ["grade", "stage"],
      live: false,
      lang: "zh",
      today: TODAY,
      placeAfterUsed: true,
    });
    expect(r2.status).toBe("done");
    if (r2.status === "done")
      expect([...r2.columns.values()]).toEqual([14, 15]);
    expect(wb.formulaAt("Sheet1", 4, 13)).toBe("=1+1");
  });

  test("revert restores exactly what was there: values, formulas, number formats, conditional formats", async () => {
    const wb = workbookFor(caseNamed("zh-realestate"));
    const s1 = (await scan())!;
    const first = await apply(s1, s1.mapping, {
      outputs: ["grade", "nextFollowUp"],
      live: false,
      lang: "zh",
      today: TODAY,
    });
    expect(first.status).toBe("done");
    const afterFirst = wb.dump("Sheet1");
    const cfAfterFirst = wb.conditionalFormats.length;
    const s2 = (await scan())!;
    const second = await apply(s2, s2.mapping, {
      outputs: ["grade", "nextFollowUp"],
      live: true,
      lang: "en",
      today: TODAY,
    });
    expect(second.status).toBe("done");
    expect(wb.dump("Sheet1")).not.toEqual(afterFirst);
    if (second.status !== "done") return;
    await revert(second.snapshot);
    expect(wb.dump("Sheet1")).toEqual(afterFirst);
    if (first.status !== "done") return;
    await revert(first.snapshot);
    expect(wb.dump("Sheet1")).toEqual(
      Object.fromEntries(
        Object.entries(afterFirst).filter(
          ([k]) => ![12, 13].includes(Number(k.split(",")[1])),
        ),
      ),
    );
    expect(cfAfterFirst).toBeGreaterThan(0);
    expect(wb.conditionalFormats).toHaveLength(0);
  });

  test("cancel mid-apply puts everything back", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    const rows = [
      ["付款能力", "满意度", "跟进记录"],
      ...Array.from({ length: 3000 }, (_, i) => [
        "是",
        i % 2 ? "是" : "否",
        `询问价格 ${"很长的备注".repeat(20)} ${i}`,
      ]),
    ];
    wb.setValues("Sheet1", 0, 0, rows);
    const before = wb.dump("Sheet1");
    const s = (await scan())!;
    let calls = 0;
    const r = await apply(s, s.mapping, {
      outputs: ["grade", "explanation"],
      live: false,
      lang: "zh",
      maxBytes: 300 * 1024,
      cancelled: () => ++calls > 2,
    });
    expect(r.status).toBe("cancelled");
    expect(wb.dump("Sheet1")).toEqual(before);
  });

  test("an Excel table gets new table columns; revert removes them", async () => {
    const c = caseNamed("zh-table");
    const wb = workbookFor(c);
    const before = wb.dump("Sheet1");
    const s = (await scan())!;
    expect(s.data.source).toBe("table");
    const r = await apply(s, s.mapping, {
      outputs: ["stage"],
      live: false,
      lang: "zh",
      today: TODAY,
    });
    expect(r.status).toBe("done");
    expect(wb.tables[0]!.cols).toBe(8);
    expect(wb.formulaAt("Sheet1", 0, 7)).toBe("意向阶段");
    expect(wb.formulaAt("Sheet1", 1, 8)).toBe("不要动");
    if (r.status === "done") await revert(r.snapshot);
    expect(wb.tables[0]!.cols).toBe(7);
    expect(wb.dump("Sheet1")).toEqual(before);
  });

  test("live formulas inside an Excel table: a calculated column with structured references, no spill", async () => {
    const wb = workbookFor(caseNamed("zh-table"));
    const s = (await scan())!;
    const r = await apply(s, s.mapping, {
      outputs: ["stage"],
      live: true,
      lang: "zh",
      today: TODAY,
    });
    expect(r.status).toBe("done");
    expect(wb.formulaAt("Sheet1", 1, 7)).toBe(
      "=SALES.INTENTSTAGE([@[跟进记录]])",
    );
    expect(wb.formulaAt("Sheet1", 2, 7)).toBe(
      "=SALES.INTENTSTAGE([@[跟进记录]])",
    );
  });

  test("a second output would land on the user's column beside the table: stop and ask", async () => {
    const wb = workbookFor(caseNamed("zh-table"));
    const before = wb.dump("Sheet1");
    const s = (await scan())!;
    const r = await apply(s, s.mapping, {
      outputs: ["stage", "urgency"],
      live: false,
      lang: "zh",
      today: TODAY,
    });
    expect(r.status).toBe("conflict");
    expect(wb.dump("Sheet1")).toEqual(before);
  });
});

describe("requests: syncs and bytes", () => {
  async function applyRows(n: number, live: boolean) {
    const wb = installFakeOffice(new FakeWorkbook());
    const rows = [
      ["付款能力", "满意度", "回访次数", "跟进记录", "上次联系"],
      ...Array.from({ length: n }, (_, i) => [
        "是",
        i % 3 ? "是" : "否",
        i % 5,
        i % 2 ? "询问价格" : "已签约",
        46300 + (i % 40),
      ]),
    ];
    wb.setValues("Sheet1", 0, 0, rows);
    const s = (await scan())!;
    wb.syncs = 0;
    wb.requestBytes.length = 0;
    wb.responseBytes.length = 0;
    const r = await apply(s, s.mapping, {
      outputs: ["grade", "stage", "stageLabel", "nextFollowUp", "explanation"],
      live,
      lang: "zh",
      today: TODAY,
    });
    expect(r.status).toBe("done");
    return wb;
  }

  test("syncs do not grow with rows (except byte chunks); every request is under 4 MB", async () => {
    const small = await applyRows(50, false);
    const big = await applyRows(20000, false);
    const writes = (wb: FakeWorkbook) =>
      wb.requestBytes.filter((b) => b > 0).length;
    const reads = (wb: FakeWorkbook) =>
      wb.responseBytes.filter((b) => b > 0).length;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // requests that neither write nor read cells: the same number for 50 and 20,000 rows
    expect(big.syncs - writes(big) - reads(big)).toBeLessThanOrEqual(
      small.syncs - writes(small) - reads(small),
    );
    expect(small.syncs).toBeLessThanOrEqual(6);
    // write requests: as few as the byte budget allows; read requests: as few as the cell budget allows
    expect(writes(big)).toBeGreaterThan(1); // 20,000 explanations do not fit one request
    expect(writes(big)).toBeLessThanOrEqual(
      Math.ceil(sum(big.requestBytes) / (4 * 1024 * 1024 - 64 * 1024)) + 2,
    );
    expect(reads(big)).toBeLessThanOrEqual(
      Math.ceil((20001 * 5) / READ_CELLS) + 1,
    );
    for (const b of [...small.requestBytes, ...big.requestBytes])
      expect(b).toBeLessThan(4 * 1024 * 1024);
    for (const b of [...small.responseBytes, ...big.responseBytes])
      expect(b).toBeLessThan(4 * 1024 * 1024);
  });

  test("live formulas: the same bound", async () => {
    const big = await applyRows(20000, true);
    for (const b of big.requestBytes) expect(b).toBeLessThan(4 * 1024 * 1024);
  });
});

test("reading a 100,000 × 20 sheet: every response under 4 MB, requests grow only by chunks", async () => {
  const wb = installFakeOffice(new FakeWorkbook());
  const header = Array.from({ length: 20 }, (_, j) =>
    j === 0 ? "付款能力" : j === 1 ? "满意度" : `列${j}`,
  );
  const rows = [
    header,
    ...Array.from({ length: 100000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) =>
        j < 2 ? "是" : `备注 ${i}-${j} 一些常见的文字`,
      ),
    ),
  ];
  wb.setValues("Sheet1", 0, 0, rows);
  wb.syncs = 0;
  const s = (await scan())!;
  expect(s.rows).toHaveLength(100000);
  expect(s.rows[99999]![5]).toBe("备注 99999-5 一些常见的文字");
  expect(Math.max(...wb.responseBytes)).toBeLessThan(4 * 1024 * 1024);
  expect(wb.syncs).toBeLessThanOrEqual(2 + Math.ceil((100001 * 20) / 100000));
});

describe("undo", () => {
  test("the whole apply, colour codes included, is one Excel.run (one undo group)", async () => {
    const wb = workbookFor(caseNamed("zh-realestate"), { apiVersion: "1.20" });
    const s = (await scan())!;
    wb.runs.length = 0;
    await apply(s, s.mapping, {
      outputs: ["grade", "nextFollowUp"],
      live: false,
      lang: "zh",
      today: TODAY,
    });
    expect(wb.runs).toEqual([{ mergeUndoGroup: true }]);
    expect(wb.conditionalFormats.length).toBe(6);
  });
  test.each([
    ["1.20", true, "one undo group where Excel supports it"],
    [
      "1.19",
      false,
      "older builds: no undo group requested (the pane's revert is the undo)",
    ],
  ])("ExcelApi %s → mergeUndoGroup %p: %s", async (apiVersion, merge) => {
    const wb = workbookFor(caseNamed("en-b2b"), { apiVersion });
    const s = (await scan())!;
    wb.runs.length = 0;
    await apply(s, s.mapping, {
      outputs: ["stage"],
      live: false,
      lang: "en",
      today: TODAY,
    });
    expect(wb.runs[0]).toEqual({ mergeUndoGroup: merge });
  });
});

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   this test reads too early on purpose: the fake must fail the way Excel does. */
test("the fake fails like Excel: a property read before load and sync throws", async () => {
  installFakeOffice(new FakeWorkbook());
  await Excel.run(async (context) => {
    const r = context.workbook.getSelectedRange();
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    r.load("values");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(r.values).toEqual([[""]]);
  });
});
