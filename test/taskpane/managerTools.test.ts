/**
 * The managers' and admins' tools against the fake Excel host (with its PivotTable and chart
 * extension): the data sheet is byte-for-byte unchanged by building and rebuilding the report
 * and the follow-ups sheet; the pivot has the hierarchies and summary asked for; without
 * ExcelApi 1.8 the same counts come as a plain table; a failed rebuild leaves the previous
 * report; duplicate columns go only into the add-in's own columns, stop on a user's cell, revert.
 */
import {
  FakeError,
  FakeWorkbook,
  installFakeOffice,
  type CellValue,
} from "../fakeExcel/fakeExcel";
import { pivotState } from "../fakeExcel/fakePivot";
import { runReport } from "../../src/taskpane/report/reportTool";
import {
  findDue,
  writeDueSheet,
} from "../../src/taskpane/followups/followupsTool";
import {
  findDuplicateLeads,
  revertDuplicateColumns,
  writeDuplicateColumns,
} from "../../src/taskpane/duplicates/duplicatesTool";
import { selectRow } from "../../src/taskpane/grade/gradeExcel";

const TODAY = 46351; // 2026-11-25
const HEADERS = [
  "客户姓名",
  "公司",
  "电话",
  "负责人",
  "登记日期",
  "成交人",
  "成交日期",
  "上次联系",
  "客户等级",
  "意向阶段",
  "紧急程度",
  "下次跟进",
];
const OWNERS = ["张三", "李四", "王五"];
const GRADES = ["A", "B", "C", "D", "E"];
const URG = ["高", "中", "低"];

/** A graded lead sheet: 40 leads, two of them the same customer (same phone typed two ways). */
function gradedRows(): CellValue[][] {
  const rows: CellValue[][] = [HEADERS];
  for (let i = 0; i < 40; i++)
    rows.push([
      `客户${i}`,
      `公司${i % 7}`,
      `1380000${String(1000 + i)}`,
      OWNERS[i % 3]!,
      TODAY - 60 + i,
      "",
      "",
      TODAY - 20 + (i % 15),
      GRADES[i % 5]!,
      (i % 7) - 1,
      URG[i % 3]!,
      TODAY - 10 + i,
    ]);
  // row 41: the same customer as lead 0 by phone, registered later by 李四, who closed it
  rows.push([
    "客户0",
    "公司0",
    "+86 138-0000-1000",
    "李四",
    TODAY - 30,
    "李四",
    TODAY - 12,
    TODAY - 12,
    "A",
    5,
    "高",
    TODAY + 3,
  ]);
  return rows;
}

function workbook(apiVersion = "1.20", asTable = true): FakeWorkbook {
  const wb = installFakeOffice(new FakeWorkbook({ apiVersion }));
  const rows = gradedRows();
  wb.setValues("Sheet1", 0, 0, rows);
  if (asTable)
    wb.addTable("Leads", "Sheet1", 0, 0, rows.length, HEADERS.length);
  wb.selection = { sheet: "Sheet1", r: 1, c: 1, h: 1, w: 1 };
  return wb;
}
const snapshot = (wb: FakeWorkbook) => JSON.stringify(wb.dump("Sheet1"));

describe("report", () => {
  test.each([true, false])(
    "table source %p: data sheet unchanged by build and rebuild; pivot as asked",
    async (asTable) => {
      const wb = workbook("1.20", asTable);
      const before = snapshot(wb);
      const first = (await runReport("zh", TODAY))!;
      expect(wb.activeSheet).toBe("Sheet1"); // the data stays active: the next click reads it again
      const second = (await runReport("zh", TODAY))!;
      expect(snapshot(wb)).toBe(before);
      expect(first.built.sheetName).toBe("报表");
      expect(second.built.sheetName).toBe("报表");
      expect([...wb.sheets.keys()].sort()).toEqual(["Sheet1", "报表"]);
      expect(second.built.pivot.status).toBe("built");

      const { pivots, charts } = pivotState(wb);
      expect(pivots).toHaveLength(1);
      const p = pivots[0]!;
      expect(p.sheet).toBe("报表");
      expect(p.rows).toEqual(["客户等级"]);
      expect(p.columns).toEqual(["意向阶段"]);
      expect(p.filters).toEqual(["负责人", "紧急程度"]);
      expect(p.data.map((d) => [d.field, d.summarizeBy])).toEqual([
        ["客户等级", "Count"],
      ]);
      expect(p.source.kind).toBe(asTable ? "table" : "range");
      expect(p.source.box).toMatchObject({
        sheet: "Sheet1",
        r: 0,
        c: 0,
        h: 42,
        w: HEADERS.length,
      });

      // The chart draws the report's own stage-count table: its labels and counts.
      expect(charts).toHaveLength(1);
      const c = charts[0]!;
      expect(c.sheet).toBe("报表");
      expect(c.type).toBe("ColumnClustered");
      expect(wb.valueAt("报表", c.source.r, c.source.c)).toBe("意向阶段");
      expect(wb.valueAt("报表", c.source.r, c.source.c + 1)).toBe("数量");
      // Every stage count on the report equals a count made from the data sheet itself.
      for (let i = 1; i < c.source.h; i++) {
        const label = String(wb.valueAt("报表", c.source.r + i, 0));
        const stage = Number(
          /阶段(-?\d)/.exec(label)?.[1] ??
            (label.startsWith("阶段-1") ? -1 : NaN),
        );
        let n = 0;
        for (let r = 1; r <= 41; r++)
          if (wb.valueAt("Sheet1", r, 9) === stage) n++;
        expect(wb.valueAt("报表", c.source.r + i, 1)).toBe(n);
      }
    },
  );

  test("without ExcelApi 1.8: no pivot, the same counts as a plain table, and the run says so", async () => {
    const wb = workbook("1.7");
    const before = snapshot(wb);
    const r = (await runReport("en", TODAY))!;
    expect(snapshot(wb)).toBe(before);
    expect(r.built.pivot.status).toBe("unsupported");
    expect(pivotState(wb).pivots).toHaveLength(0);
    expect(wb.valueAt("Report", 2, 10)).toBe(
      "Lead grade × intent stage (count)",
    );
    expect(wb.valueAt("Report", 3, 10)).toBe("Lead grade");
    // grade A row: total = the A rows on the data sheet
    const aRow = [4, 5, 6, 7, 8, 9].find(
      (r) => wb.valueAt("Report", r, 10) === "A",
    )!;
    let total = 0;
    for (let c = 11; wb.valueAt("Report", 3, c) !== ""; c++)
      if (wb.valueAt("Report", 3, c) === "Total")
        total = Number(wb.valueAt("Report", aRow, c));
    let n = 0;
    for (let r = 1; r <= 41; r++) if (wb.valueAt("Sheet1", r, 8) === "A") n++;
    expect(total).toBe(n);
  });

  test("a sheet not graded yet: plain table, reason given", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    wb.setValues("Sheet1", 0, 0, [
      ["客户姓名", "负责人", "跟进记录"],
      ["王伟", "张三", "客户询问价格和优惠"],
      ["李娜", "李四", "不感兴趣"],
    ]);
    const r = (await runReport("zh", TODAY))!;
    expect(r.blocker).toBe("notGraded");
    expect(r.built.pivot.status).toBe("noColumns");
    expect(r.report.byStage["3"]).toBe(1); // computed by the engine from the notes
  });

  test("a user's own sheet named 报表 is never touched: the report takes 报表 2", async () => {
    const wb = workbook();
    wb.setValues("报表", 0, 0, [["我的笔记"]]);
    const mine = JSON.stringify(wb.dump("报表"));
    const r = (await runReport("zh", TODAY))!;
    expect(r.built.sheetName).toBe("报表 2");
    expect(JSON.stringify(wb.dump("报表"))).toBe(mine);
  });

  test("a report the user renamed is theirs now: the rebuild leaves it and makes a new one", async () => {
    const wb = workbook();
    await runReport("zh", TODAY);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("报表").name = "十一月报表";
      await context.sync();
    });
    const kept = JSON.stringify(wb.dump("十一月报表"));
    const r = (await runReport("zh", TODAY))!;
    expect(r.built.sheetName).toBe("报表");
    expect(JSON.stringify(wb.dump("十一月报表"))).toBe(kept);
    expect(
      pivotState(wb)
        .pivots.map((p) => p.sheet)
        .sort(),
    ).toEqual(["十一月报表", "报表"]);
  });

  test("a rebuild that fails leaves the previous report and no half-built sheet", async () => {
    const wb = workbook();
    const now = jest.spyOn(Date, "now").mockReturnValue(1234567);
    await runReport("zh", TODAY);
    const report = JSON.stringify(wb.dump("报表"));
    // The same clock gives the same pivot name: Excel refuses a second pivot of that name.
    await expect(runReport("zh", TODAY)).rejects.toThrow(/PivotTable named/);
    now.mockRestore();
    expect([...wb.sheets.keys()].sort()).toEqual(["Sheet1", "报表"]);
    expect(JSON.stringify(wb.dump("报表"))).toBe(report);
    expect(pivotState(wb).pivots).toHaveLength(1);
  });
});

describe("stored settings are untrusted", () => {
  test.each<[string, unknown]>([
    ["SALES.ownSheets", { report: 42, followUps: { id: 1, name: null } }],
    ["SALES.ownSheets", "garbage"],
    [
      "SALES.duplicateColumns",
      { Sheet1: { group: -3, owner: "13", explanation: 1.5 } },
    ],
    [
      "SALES.duplicateColumns",
      { Sheet1: { group: 0, owner: 1, explanation: 2 } },
    ],
  ])(
    "%s = %j: ignored, nothing of the user's is touched",
    async (key, value) => {
      const wb = workbook("1.20", false);
      wb.settings.set(key, value);
      const before = snapshot(wb);
      await runReport("zh", TODAY);
      expect(snapshot(wb)).toBe(before);
      const run = (await findDuplicateLeads("zh", TODAY))!;
      // columns 0–2 hold the user's names, companies, phones: never taken as ours
      expect(run.owned).toEqual({});
      const r = await writeDuplicateColumns(run, "zh");
      expect(r.status).toBe("done");
      for (let c = 0; c < HEADERS.length; c++)
        expect(wb.valueAt("Sheet1", 0, c)).toBe(HEADERS[c]);
    },
  );
});

describe("follow-ups due", () => {
  test("the list, a click selects the row, the sheet for the meeting; data sheet unchanged", async () => {
    const wb = workbook();
    const before = snapshot(wb);
    const run = (await findDue("zh", TODAY))!;
    const due = run.due.flatMap((g) => g.items);
    // independently: rows whose 下次跟进 ≤ today
    let n = 0;
    for (let r = 1; r <= 41; r++)
      if (Number(wb.valueAt("Sheet1", r, 11)) <= TODAY) n++;
    expect(due).toHaveLength(n);
    const item = run.due[0]!.items[0]!;
    await selectRow("Sheet1", run.sheetRow(item.index), 0, HEADERS.length);
    expect(wb.selection).toMatchObject({
      sheet: "Sheet1",
      r: item.index + 1,
      c: 0,
      w: HEADERS.length,
    });
    const name = await writeDueSheet(run, "zh", 64 * 1024 + 2048); // a 2 KB budget: several chunks
    expect(name).toBe("待跟进");
    expect(wb.valueAt("待跟进", 0, 0)).toBe("负责人");
    expect(wb.cell("待跟进", 1, 4)?.nf).toBe("yyyy-mm-dd");
    expect(wb.usedBox("待跟进")!.h).toBe(n + 1);
    expect(snapshot(wb)).toBe(before);
  });
});

describe("duplicate leads", () => {
  const OWN = [12, 13, 14];
  const outside = (wb: FakeWorkbook) =>
    JSON.stringify(
      Object.entries(wb.dump("Sheet1")).filter(
        ([k]) => !OWN.includes(Number(k.split(",")[1])),
      ),
    );

  test("writes group, owner, reason into its own columns only; rerun reuses them; revert restores", async () => {
    const wb = workbook("1.20", false);
    const before = outside(wb);
    const original = snapshot(wb);
    const run = (await findDuplicateLeads("zh", TODAY))!;
    expect(run.result.groups.map((g) => g.members)).toEqual([[0, 40]]);
    const r = await writeDuplicateColumns(run, "zh");
    expect(r.status).toBe("done");
    expect(outside(wb)).toBe(before);
    expect(OWN.map((c) => wb.valueAt("Sheet1", 0, c))).toEqual([
      "撞单组",
      "建议归属",
      "撞单说明",
    ]);
    // 张三 registered first (complete); 李四 closed 12 days ago, no claim date → day 12 → the closer
    expect(wb.valueAt("Sheet1", 1, 13)).toBe("李四");
    expect(String(wb.valueAt("Sheet1", 41, 14))).toContain("第 12 天");
    expect(wb.valueAt("Sheet1", 2, 12)).toBe("");

    const again = (await findDuplicateLeads("zh", TODAY))!;
    expect(again.owned).toEqual({ group: 12, owner: 13, explanation: 14 });
    expect(again.scan.mapping.owner.column).toBe(3); // 建议归属 is not taken for the owner column
    const r2 = await writeDuplicateColumns(again, "zh");
    expect(r2.status).toBe("done");
    expect(wb.usedBox("Sheet1")!.w).toBe(15);
    if (r.status === "done") await revertDuplicateColumns(r.snapshot);
    expect(snapshot(wb)).toBe(original);
  });

  test("a column the user took back (renamed its header) is never written again", async () => {
    const wb = workbook("1.20", false);
    await writeDuplicateColumns((await findDuplicateLeads("zh", TODAY))!, "zh");
    wb.setValues("Sheet1", 0, 13, [["我的归属"]]);
    wb.setValues("Sheet1", 5, 13, [["我改的"]]);
    const mine = JSON.stringify(
      Object.entries(wb.dump("Sheet1")).filter(([k]) => k.endsWith(",13")),
    );
    const run = (await findDuplicateLeads("zh", TODAY))!;
    expect(run.owned.owner).toBeUndefined();
    const r = await writeDuplicateColumns(run, "zh");
    expect(r.status).toBe("done");
    expect(
      JSON.stringify(
        Object.entries(wb.dump("Sheet1")).filter(([k]) => k.endsWith(",13")),
      ),
    ).toBe(mine);
    expect([15, 16, 17].map((c) => wb.valueAt("Sheet1", 0, c))).toEqual([
      "撞单组",
      "建议归属",
      "撞单说明",
    ]);
  });

  test("a user's cell where new columns would go stops everything before any write", async () => {
    const wb = workbook("1.20", false);
    const run = (await findDuplicateLeads("zh", TODAY))!;
    wb.setValues("Sheet1", 5, 13, [["我的备注"]]); // in a data row of a column the write would use
    const before = snapshot(wb);
    // (placed as if the sheet had changed since the scan: the write re-reads the targets first)
    const r = await writeDuplicateColumns(run, "zh");
    expect(r.status).toBe("conflict");
    expect(snapshot(wb)).toBe(before);
  });

  test("a write that fails part-way puts every cell back: all or nothing", async () => {
    const wb = workbook("1.20", false);
    const before = snapshot(wb);
    const run = (await findDuplicateLeads("zh", TODAY))!;
    const write = wb.write.bind(wb);
    let n = 0;
    wb.write = (box, rows, prop, where) => {
      if (prop === "values" && ++n === 2)
        throw new FakeError("GeneralException", "the second chunk fails");
      return write(box, rows, prop, where);
    };
    // a 1,000-byte budget: several chunks, the second one fails
    await expect(
      writeDuplicateColumns(run, "zh", 64 * 1024 + 1000),
    ).rejects.toThrow(/second chunk/);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(snapshot(wb)).toBe(before);
  });

  test("asked to read its own report sheet as data, it refuses", async () => {
    const wb = workbook();
    await runReport("zh", TODAY);
    wb.activeSheet = "报表";
    wb.selection = { sheet: "报表", r: 5, c: 0, h: 1, w: 1 };
    await expect(findDuplicateLeads("zh", TODAY)).rejects.toThrow(/own sheet/);
  });
});
