/**
 * The criteria sheet's Office.js part against the fake host: insert never overwrites, the
 * runtime reads the sheet at start-up, an edit recalculates the SALES cells and nothing else
 * (the fake records every calculation request), a check-column write does not loop, bad edits
 * are shown next to the cell, reset restores, team words and the demo sheet.
 */
import fc from "fast-check";
import { FakeWorkbook, installFakeOffice } from "../fakeExcel/fakeExcel";
import {
  addTeamWord,
  insertCriteriaSheet,
  recalcSalesCells,
  resetCriteriaSheet,
} from "../../src/taskpane/criteria/criteriaWorkbook";
import {
  DEBOUNCE_MS,
  languageChanged,
  loadCriteria,
  onlyCheckColumn,
  startCriteriaSync,
  stopCriteriaSync,
} from "../../src/taskpane/criteria/criteriaSync";
import { insertDemoSheet } from "../../src/taskpane/demo/demoWorkbook";
import { useDefaultCriteria } from "../../src/taskpane/criteria/useSheetCriteria";
import { currentCriteria } from "../../src/functions/host";
import { call, F } from "../helpers";

const TODAY = 46351;
const CRIT = "评分标准";
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function workbook(apiVersion = "1.20"): FakeWorkbook {
  const wb = installFakeOffice(new FakeWorkbook({ apiVersion }));
  wb.setValues("Sheet1", 0, 0, [
    ["付款能力", "满意度", "回访", "来电", "客户等级", "合计"],
    ["是", "是", 2, 2, '=SALES.LEADGRADE(A2,B2,C2,D2,"","","")', "=SUM(C2:D2)"],
    ["否", "是", 3, 1, '=SALES.LEADGRADE(A3,B3,C3,D3,"","","")', "=SUM(C3:D3)"],
    ["是", "否", 4, 0, '=SALES.LEADGRADE(A4,B4,C4,D4,"","","")', "=SUM(C4:D4)"],
  ]);
  // a formula typed by hand on another sheet, lower-case, inside another function
  wb.setValues("Notes", 2, 1, [
    ['=IFERROR(sales.intentstage("客户已认筹"),"")'],
    ["=NOW()"],
  ]);
  return wb;
}

/** The 0-based row of the criteria sheet whose column A reads `label`. */
function rowOf(wb: FakeWorkbook, label: string): number {
  for (let r = 0; r < 400; r++)
    if (wb.formulaAt(CRIT, r, 0) === label) return r;
  throw new Error(`no row ${label}`);
}

afterEach(() => {
  stopCriteriaSync();
  useDefaultCriteria();
});

test("insert writes the defaults once; a second insert only activates the sheet", async () => {
  const wb = workbook();
  const r = await insertCriteriaSheet("zh", TODAY);
  expect(r).toEqual({ name: CRIT, created: true });
  expect(wb.activeSheet).toBe(CRIT);
  const row = rowOf(wb, "回访次数 ≥");
  wb.setValues(CRIT, row, 1, [[5]]);
  const before = wb.dump(CRIT);
  expect(await insertCriteriaSheet("en", TODAY)).toEqual({
    name: CRIT,
    created: false,
  });
  expect(wb.dump(CRIT)).toEqual(before);
  expect(wb.cell(CRIT, 1, 1)).toMatchObject({ v: TODAY, nf: "yyyy-mm-dd" });
  // laid out for reading: bold titles, shaded headers, shares as percentages
  const share = rowOf(wb, "高价值：金额最高的比例");
  expect(wb.cell(CRIT, share, 1)).toMatchObject({ v: 0.2, nf: "0%" });
  const bold = wb.formats
    .filter((f) => f.prop === "font.bold")
    .map((f) => f.address);
  expect(bold).toContain("A1");
  expect(bold.filter((a) => a.includes(":")).length).toBe(14); // one header row per table
});

test("start-up reads the sheet into the functions and loads the runtime with the document from then on", async () => {
  const wb = workbook();
  await insertCriteriaSheet("zh", TODAY);
  wb.setValues(CRIT, rowOf(wb, "回访次数 ≥"), 1, [[2]]);
  const s = await startCriteriaSync(() => "zh");
  expect(s.sheet).toBe(CRIT);
  expect(s.issues).toBe(0);
  expect(currentCriteria().leadGrade.countThresholds.revisits).toBe(2);
  expect(wb.startupBehavior).toBe("Load");
  // custom criteria: the SALES cells computed before the sheet was read are recalculated
  expect(s.recalculated).toBe(4);
});

test("an edit recalculates the SALES cells and nothing else", async () => {
  const wb = workbook();
  await insertCriteriaSheet("zh", TODAY);
  await startCriteriaSync(() => "zh");
  wb.calculations.length = 0;
  const args = ["是", "是", 2, 2, 2, 1, "A"].map((v) => [[v]]);
  expect(call(F.leadgrade, ...args)).toEqual(["B"]); // 2 revisits < 3: four of five at A

  const r = rowOf(wb, "回访次数 ≥");
  wb.setValues(CRIT, r, 1, [[2]]);
  await wb.fireChanged(CRIT, `B${r + 1}`);
  await wb.fireChanged(CRIT, `B${r + 1}`); // two quick edits: one reload
  await wait(DEBOUNCE_MS + 100);
  expect(call(F.leadgrade, ...args)).toEqual(["A"]); // 2 revisits now count as A: all five
  expect(currentCriteria().leadGrade.countThresholds.revisits).toBe(2);
  expect(wb.calculations).toEqual([
    { kind: "setDirty", sheet: "Sheet1", address: "E2:E4" },
    { kind: "setDirty", sheet: "Notes", address: "B3" },
  ]);
});

test("only formula cells are read (ExcelApi 1.9): a workbook of values costs three small requests", async () => {
  const wb = installFakeOffice(new FakeWorkbook({ apiVersion: "1.20" }));
  wb.setValues(
    "Sheet1",
    0,
    0,
    Array.from({ length: 5000 }, (_, i) => [
      `客户${i}`,
      "是",
      i % 7,
      "询问价格",
    ]),
  );
  wb.syncs = 0;
  wb.responseBytes.length = 0;
  expect(await recalcSalesCells()).toBe(0);
  expect(wb.syncs).toBe(3); // the sheets, their used ranges, their formula cells (none)
  expect(Math.max(...wb.responseBytes)).toBeLessThan(200);
  // with SALES formulas among them, the formula cells alone are read
  const full = workbook();
  full.syncs = 0;
  full.responseBytes.length = 0;
  expect(await recalcSalesCells()).toBe(4);
  const read = full.responseBytes.reduce((a, b) => a + b, 0);
  expect(read).toBeLessThan(1000); // 8 formulas, not the sheet's values
});

test("property: however long the formulas, no response is over 5 MB and every SALES cell is found", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 10, max: 1500 }), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.integer({ min: 1, max: 3000 }),
      async (lengths, rows) => {
        const wb = installFakeOffice(new FakeWorkbook({ apiVersion: "1.20" }));
        // a short column first, then long ones: the first guess must not carry over
        const cols = [12, ...lengths];
        wb.setValues(
          "Sheet1",
          0,
          0,
          Array.from({ length: rows }, (_, r) =>
            cols.map((n, c) =>
              c === 0
                ? `=A${r + 1}`
                : `=SALES.INTENTSTAGE("${"询".repeat(n)}")`,
            ),
          ),
        );
        wb.responseBytes.length = 0;
        expect(await recalcSalesCells()).toBe(rows * lengths.length);
        expect(Math.max(...wb.responseBytes)).toBeLessThan(5 * 1024 * 1024);
      },
    ),
    { numRuns: 6 },
  );
});

test("ExcelApi below 1.9: range.calculate on the same cells", async () => {
  const wb = workbook("1.8");
  expect(await recalcSalesCells()).toBe(4);
  expect(wb.calculations.map((c) => [c.kind, c.address])).toEqual([
    ["calculate", "E2:E4"],
    ["calculate", "B3"],
  ]);
});

test("a bad edit: the check column says what is wrong, the functions keep the last valid value; the pane's own write does not loop", async () => {
  const wb = workbook();
  await insertCriteriaSheet("zh", TODAY);
  await startCriteriaSync(() => "zh");
  const r = rowOf(wb, "回访次数 ≥");
  wb.setValues(CRIT, r, 1, [[4]]);
  await wb.fireChanged(CRIT, `B${r + 1}`);
  await wait(DEBOUNCE_MS + 100);
  wb.setValues(CRIT, r, 1, [["abc"]]);
  await wb.fireChanged(CRIT, `B${r + 1}`);
  await wait(DEBOUNCE_MS + 100);
  expect(String(wb.formulaAt(CRIT, r, 6))).toMatch(/^⚠ B\d+: "abc" 不是/);
  expect(currentCriteria().leadGrade.countThresholds.revisits).toBe(4);
  const why = call(
    F.whyleadgrade,
    ...["是", "是", 4, 2, "", "", ""].map((v) => [[v]]),
  );
  expect(String(why[0])).toMatch(/注意：评分标准表有 1 处错误/);

  // the check column's own change event is ignored
  wb.calculations.length = 0;
  await wb.fireChanged(CRIT, `G${r + 1}`);
  await wait(DEBOUNCE_MS + 100);
  expect(wb.calculations).toEqual([]);

  // fixed: the message goes, the value is used
  wb.setValues(CRIT, r, 1, [[1]]);
  await wb.fireChanged(CRIT, `B${r + 1}`);
  await wait(DEBOUNCE_MS + 100);
  expect(wb.formulaAt(CRIT, r, 6)).toBe("");
  expect(currentCriteria().leadGrade.countThresholds.revisits).toBe(1);
});

test("reset restores the documented defaults (team words too)", async () => {
  const wb = workbook();
  await insertCriteriaSheet("zh", TODAY);
  await startCriteriaSync(() => "zh");
  wb.setValues(CRIT, rowOf(wb, "回访次数 ≥"), 1, [["abc"]]);
  expect(await addTeamWord("认筹", 3, "zh")).toBe(true);
  await wb.fireChanged(CRIT, "A1:G300");
  await wait(DEBOUNCE_MS + 100);
  expect(call(F.intentstage, [["客户已认筹"]])).toEqual([3]);
  await resetCriteriaSheet("zh", TODAY);
  await wb.fireChanged(CRIT, "A1:G300");
  await wait(DEBOUNCE_MS + 100);
  const fresh = new FakeWorkbook();
  installFakeOffice(fresh);
  await insertCriteriaSheet("zh", TODAY);
  expect(wb.dump(CRIT)).toEqual(fresh.dump(CRIT));
  installFakeOffice(wb);
  expect(currentCriteria().signals).toEqual([]);
  expect(call(F.intentstage, [["客户已认筹"]])).toMatchObject([
    { error: "#N/A" },
  ]);
});

test("a criteria sheet deleted and inserted again is listened to again", async () => {
  const wb = workbook();
  await insertCriteriaSheet("zh", TODAY);
  await startCriteriaSync(() => "zh");
  wb.deleteSheet(CRIT);
  await insertCriteriaSheet("zh", TODAY);
  await loadCriteria({ recalc: "always" }); // what the pane's insert button does next
  const r = rowOf(wb, "回访次数 ≥");
  wb.setValues(CRIT, r, 1, [[7]]);
  await wb.fireChanged(CRIT, `B${r + 1}`);
  await wait(DEBOUNCE_MS + 100);
  expect(currentCriteria().leadGrade.countThresholds.revisits).toBe(7);
});

test("switching the label language recalculates the SALES cells only", async () => {
  const wb = workbook();
  expect(await languageChanged()).toBe(4);
  expect(wb.calculations.map((c) => `${c.sheet}!${c.address}`)).toEqual([
    "Sheet1!E2:E4",
    "Notes!B3",
  ]);
});

test("the demo sheet: one click, 40 leads, one spilling formula per output column, the criteria sheet beside it", async () => {
  const wb = workbook();
  const r = await insertDemoSheet("zh", TODAY);
  expect(r).toEqual({ name: "示例", criteriaCreated: true });
  expect(wb.sheets.has(CRIT)).toBe(true);
  const header = Array.from({ length: 23 }, (_, c) =>
    wb.formulaAt("示例", 0, c),
  );
  expect(header.slice(0, 17)).toEqual([
    "客户姓名",
    "电话",
    "负责人",
    "登记日期",
    "付款能力",
    "个案满意度",
    "回访次数",
    "来电次数",
    "看房次数",
    "询问流程",
    "价格承受",
    "跟进记录",
    "截止日期",
    "资源",
    "决策层级",
    "竞争",
    "上次联系",
  ]);
  expect(wb.usedBox("示例")).toMatchObject({ h: 41, w: 23 });
  const formulas = [...wb.sheet("示例").values()]
    .filter((c) => c.f)
    .map((c) => c.f!);
  expect(formulas).toHaveLength(6);
  expect(
    formulas.every((f) => f.includes("'评分标准'!$B$2") || !/URGENCY/.test(f)),
  ).toBe(true);
  expect(wb.cell("示例", 5, 3)?.nf).toBe("yyyy-mm-dd");
  // a second demo never overwrites the first
  expect((await insertDemoSheet("zh", TODAY)).name).toBe("示例 (2)");
  wb.calculations.length = 0;
  await recalcSalesCells();
  expect(wb.calculations.filter((c) => c.sheet === "示例")).toHaveLength(6);
});

test("only check-column addresses are ignored", () => {
  expect(onlyCheckColumn("G5")).toBe(true);
  expect(onlyCheckColumn("评分标准!G2:G90")).toBe(true);
  expect(onlyCheckColumn("$G$3")).toBe(true);
  expect(onlyCheckColumn("B5")).toBe(false);
  expect(onlyCheckColumn("A1:G300")).toBe(false);
});
