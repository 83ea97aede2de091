/**
 * The grade tool against the fake host, one test per broken promise of the pane (stale
 * re-apply, hand edits, ownership by position, tables, partial applies, revert, user formatting,
 * 5 MB, stage 0, duplicate headers, taken-back columns, malformed settings, error values).
 */
import fc from "fast-check";
import {
  FakeWorkbook,
  installFakeOffice,
  type Box,
} from "../fakeExcel/fakeExcel";
import {
  apply,
  revert,
  scan,
  type ApplyOptions,
} from "../../src/taskpane/grade/gradeController";
import { GRADE_SETTING } from "../../src/sheet/gradeRecord";
import { cellId, type ConflictAnswer } from "../../src/sheet/ownership";
import { assignColumn } from "../../src/sheet/columnMapping";
import { setCriteria } from "../../src/functions/host";
import { DEFAULT_CRITERIA } from "../../src/engine/criteria";

const TODAY = 46351;
const S = "Sheet1";
const box = (r: number, c: number, h = 1, w = 1): Box => ({
  sheet: S,
  r,
  c,
  h,
  w,
});

function leads(wb: FakeWorkbook, n = 4) {
  const rows = [
    [
      "客户姓名",
      "付款能力",
      "满意度",
      "回访次数",
      "意向阶段",
      "跟进记录",
      "上次联系",
    ],
    ["王", "是", "是", 4, "", "已签约", 46340],
    ["张", "否", "否", 0, 0, "", 46340],
    ["李", "是", "否", 2, "", "询问价格", 46300],
    ["赵", "否", "是", 1, 3, "", 46330],
  ].slice(0, n + 1);
  wb.setValues(S, 0, 0, rows);
  wb.selection = box(1, 1);
}

const opts = (o: Partial<ApplyOptions> = {}): ApplyOptions => ({
  outputs: ["grade", "stage", "nextFollowUp"],
  live: false,
  lang: "zh",
  today: TODAY,
  ...o,
});

async function applyNow(o: Partial<ApplyOptions> = {}) {
  const s = (await scan())!;
  return apply(s, s.mapping, opts(o));
}

function outside(wb: FakeWorkbook, cols: readonly number[]) {
  return Object.fromEntries(
    Object.entries(wb.dump(S)).filter(
      ([k]) => !cols.includes(Number(k.split(",")[1])),
    ),
  );
}

describe("read at apply time", () => {
  test("an input edited after the pane read the sheet is graded from its new value", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    const s = (await scan())!;
    wb.type(S, 2, 1, "是"); // 张 now pays
    wb.type(S, 2, 2, "是");
    wb.type(S, 2, 3, "4");
    const r = await apply(s, s.mapping, opts());
    expect(r.status).toBe("done");
    expect(wb.formulaAt(S, 2, 7)).toBe(wb.formulaAt(S, 1, 7)); // same inputs as 王 → same grade
  });
  test("after a sort, each grade lands on its own lead", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    const s = (await scan())!;
    const first = await apply(s, s.mapping, opts());
    expect(first.status).toBe("done");
    const gradeOf = () =>
      Object.fromEntries(
        [1, 2, 3, 4].map((r) => [wb.formulaAt(S, r, 0), wb.formulaAt(S, r, 7)]),
      );
    const before = gradeOf();
    wb.sortRows(box(1, 0, 4, 10), [{ key: 0, ascending: false }]);
    const again = await apply(s, s.mapping, opts()); // the old scan: the apply reads again
    expect(again.status).toBe("done");
    expect(gradeOf()).toEqual(before);
  });
});

describe("ownership by content", () => {
  test("a note typed into an output cell stops the apply and is named; overwrite, skip or cancel", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    expect((await applyNow()).status).toBe("done");
    wb.type(S, 3, 7, "A（经理确认）");
    const before = wb.dump(S);
    const r = await applyNow();
    expect(r.status).toBe("conflict");
    if (r.status !== "conflict") return;
    expect(r.conflicts).toEqual([
      { row: 3, column: 7, content: "A（经理确认）", output: "grade" },
    ]);
    expect(wb.dump(S)).toEqual(before);
    const answer = (choice: "overwrite" | "skip"): ConflictAnswer => ({
      choice,
      cells: new Map(
        r.conflicts.map((c) => [cellId(c.row, c.column), c.content]),
      ),
    });
    expect((await applyNow({ answer: answer("skip") })).status).toBe("done");
    expect(wb.formulaAt(S, 3, 7)).toBe("A（经理确认）");
    // the next apply asks again about the same cell
    expect((await applyNow()).status).toBe("conflict");
    expect((await applyNow({ answer: answer("overwrite") })).status).toBe(
      "done",
    );
    expect(wb.formulaAt(S, 3, 7)).not.toBe("A（经理确认）");
  });
  test("a grade letter typed over another grade is the user's too", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    await applyNow();
    const was = wb.formulaAt(S, 3, 7);
    const other = was === "A" ? "E" : "A";
    wb.type(S, 3, 7, other);
    const r = await applyNow();
    expect(r.status).toBe("conflict");
    expect(wb.formulaAt(S, 3, 7)).toBe(other);
  });
  test("after a rename, output columns are still found and never read as inputs", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    await applyNow();
    wb.renameSheet(S, "线索");
    wb.selection = { sheet: "线索", r: 1, c: 1, h: 1, w: 1 };
    wb.activeSheet = "线索";
    const s = (await scan())!;
    expect([...s.ownedInBlock].sort()).toEqual([7, 8, 9]);
    expect(s.mapping.observations.columns.length).toBeGreaterThan(0);
    // the add-in's own 意向阶段 (column 8) is never an input
    for (const choice of Object.values(s.mapping))
      for (const c of choice.columns) expect([7, 8, 9]).not.toContain(c);
    const r = await apply(s, s.mapping, opts());
    expect(r.status).toBe("done");
    if (r.status === "done") expect([...r.columns.values()]).toEqual([7, 8, 9]);
  });
  test("a replaced sheet of the same name: nothing remembered applies; the user's block is asked about", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    await applyNow();
    wb.addSheet("其他");
    wb.deleteSheet(S);
    wb.addSheet(S);
    leads(wb);
    wb.setValues(S, 0, 7, [["我的列"], ["x"]]);
    wb.activeSheet = S;
    const r = await applyNow();
    // the user's column is part of the data now: the outputs go right of it, it stays as it was
    expect(r.status).toBe("done");
    if (r.status === "done")
      expect([...r.columns.values()]).toEqual([8, 9, 10]);
    expect(wb.formulaAt(S, 1, 7)).toBe("x");
    expect(wb.formulaAt(S, 0, 7)).toBe("我的列");
  });
  test("an inserted column: outputs follow their names; inputs are found by header", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    const s = (await scan())!;
    await apply(s, s.mapping, opts());
    wb.insertColumns(S, 2, 1);
    wb.setValues(S, 0, 2, [["备注"]]);
    const r = await apply(s, s.mapping, opts()); // the old scan's mapping, resolved by header
    expect(r.status).toBe("done");
    if (r.status === "done")
      expect([...r.columns.values()]).toEqual([8, 9, 10]);
    expect(wb.formulaAt(S, 0, 8)).toBe("客户等级");
  });
  test("a taken-back middle column stays the user's; later applies go around it", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    await applyNow();
    wb.type(S, 0, 8, "我的阶段");
    const r = await applyNow();
    expect(r.status).toBe("done");
    if (r.status === "done")
      expect(Object.fromEntries(r.columns)).toEqual({
        grade: 7,
        stage: 10,
        nextFollowUp: 9,
      });
    expect(wb.formulaAt(S, 0, 8)).toBe("我的阶段");
    expect((await applyNow()).status).toBe("done");
  });
});

describe("stored settings are untrusted", () => {
  test("malformed settings: ignored with a message; nothing written outside the data", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    wb.settings.set(GRADE_SETTING, {
      "1": { mapping: { payment: 5 } },
      x: "junk",
    });
    wb.settings.set("SALES.sheets", { Sheet1: { owned: { grade: 2 } } });
    const s = (await scan())!;
    expect(s.settingsProblems.length).toBe(2);
    const before = outside(wb, [7, 8, 9]);
    expect((await apply(s, s.mapping, opts())).status).toBe("done");
    expect(outside(wb, [7, 8, 9])).toEqual(before);
  });
});

describe("duplicate headers", () => {
  test("the user's choice among equal headers survives a re-scan", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    wb.setValues(S, 0, 0, [
      ["客户姓名", "付款能力", "满意度", "付款能力"],
      ["王", "否", "是", "是"],
    ]);
    const s = (await scan())!;
    const mapping = assignColumn(s.mapping, "payment", 3);
    expect((await apply(s, mapping, opts({ outputs: ["grade"] }))).status).toBe(
      "done",
    );
    const s2 = (await scan())!;
    expect(s2.mapping.payment.column).toBe(3);
  });
});

describe("tables", () => {
  test("outputs are table columns; the totals row is not a lead; cancel removes the columns", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    wb.setValues(S, 5, 0, [["合计", "", "", 7]]);
    wb.addTable("Leads", S, 0, 0, 6, 7, { showTotals: true });
    const before = wb.dump(S);
    const s = (await scan())!;
    expect(s.rowCount).toBe(4);
    let n = 0;
    const c = await apply(
      s,
      s.mapping,
      opts({ maxBytes: 70 * 1024, cancelled: () => ++n > 1 }),
    );
    expect(c.status).toBe("cancelled");
    expect(wb.tables[0]!.cols).toBe(7);
    expect(wb.dump(S)).toEqual(before);
    const r = await apply(s, s.mapping, opts());
    expect(r.status).toBe("done");
    expect(wb.tables[0]!.cols).toBe(10);
    expect(wb.formulaAt(S, 5, 7)).toBe(""); // the totals row got no grade
  });
  test("further right on a table, then the one-click re-apply: all outputs stay outside", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    wb.addTable("Leads", S, 0, 0, 5, 7);
    wb.setValues(S, 1, 7, [["不要动"]]);
    const r1 = await applyNow();
    expect(r1.status).toBe("conflict");
    const r2 = await applyNow({ placeAfterUsed: true });
    expect(r2.status).toBe("done");
    const r3 = await applyNow({
      outputs: ["grade", "stage", "nextFollowUp", "urgency"],
    });
    expect(r3.status).toBe("done");
    expect(wb.tables[0]!.cols).toBe(7);
    expect(wb.formulaAt(S, 1, 7)).toBe("不要动");
  });
});

describe("all or nothing", () => {
  test("a write Excel refuses mid-apply (merged cell): everything put back, the cell named", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    const rows = [
      ["付款能力", "满意度", "跟进记录"],
      ...Array.from({ length: 400 }, (_, i) => [
        "是",
        "否",
        `备注 ${"长".repeat(200)} ${i}`,
      ]),
    ];
    wb.setValues(S, 0, 0, rows);
    wb.merge(box(300, 4, 2, 1));
    const before = wb.dump(S);
    const r = await applyNow({
      outputs: ["grade", "stage", "explanation"],
      maxBytes: 100 * 1024,
    });
    expect(r.status).toBe("failed");
    if (r.status === "failed") expect(r.cell).toMatch(/^[A-Z]+\d+/);
    expect(wb.dump(S)).toEqual(before);
  });
});

describe("all or nothing: a protected sheet", () => {
  test("the first write is refused: nothing changed, the pane names the range and Excel's reason", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    wb.protect(S);
    const before = wb.dump(S);
    const r = await applyNow();
    expect(r.status).toBe("failed");
    if (r.status === "failed") {
      expect(r.cell).toMatch(/^[A-Z]+\d+/);
      expect(r.message.length).toBeGreaterThan(0);
    }
    expect(wb.dump(S)).toEqual(before);
    expect(wb.names).toEqual([]);
  });
});

describe("revert", () => {
  test("keeps cells edited since, puts back the rest on the right leads after a sort; text stays text", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    expect((await applyNow({ outputs: ["grade"] })).status).toBe("done");
    wb.type(S, 1, 7, "'00123");
    wb.type(S, 2, 7, "'2026-11-25");
    wb.type(S, 3, 7, "'TRUE");
    const typed = Object.fromEntries(
      [1, 2, 3, 4].map((r) => [
        wb.formulaAt(S, r, 0),
        [wb.formulaAt(S, r, 7), wb.valueAt(S, r, 7)],
      ]),
    );
    const first = await applyNow({ outputs: ["grade"] });
    expect(first.status).toBe("conflict");
    if (first.status !== "conflict") return;
    expect(first.conflicts).toHaveLength(3);
    const cells = new Map(
      first.conflicts.map((c) => [cellId(c.row, c.column), c.content]),
    );
    expect(
      (
        await applyNow({
          outputs: ["grade"],
          answer: { choice: "overwrite", cells },
        })
      ).status,
    ).toBe("done");
    wb.sortRows(box(1, 0, 4, 8), [{ key: 0 }]);
    const rowOf = (name: string) =>
      [1, 2, 3, 4].find((r) => wb.formulaAt(S, r, 0) === name)!;
    wb.type(S, rowOf("李"), 7, "经理：先放一放");
    const s = (await scan())!;
    const r = await revert(s);
    expect(r!.edited.map((e) => e.row)).toEqual([rowOf("李")]);
    for (const name of ["王", "张", "赵"])
      expect([
        wb.formulaAt(S, rowOf(name), 7),
        wb.valueAt(S, rowOf(name), 7),
      ]).toEqual(typed[name]);
    expect(wb.valueAt(S, rowOf("王"), 7)).toBe("00123");
    expect(wb.valueAt(S, rowOf("李"), 7)).toBe("经理：先放一放");
  });
  test("cells edited since are kept, then put back too when the user says so", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    const before = wb.dump(S);
    await applyNow();
    wb.type(S, 2, 7, "经理：先放一放");
    const s = (await scan())!;
    const first = await revert(s);
    expect(first!.edited).toHaveLength(1);
    expect(wb.formulaAt(S, 2, 7)).toBe("经理：先放一放");
    expect(wb.formulaAt(S, 0, 7)).toBe("客户等级"); // the column stays the add-in's
    const again = await revert((await scan())!, true);
    expect(again!.edited).toHaveLength(0);
    expect(wb.dump(S)).toEqual(before);
  });
  test("survives closing the pane: the snapshot is kept with the workbook", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    const before = wb.dump(S);
    await applyNow();
    jest.resetModules();
    const fresh = await import("../../src/taskpane/grade/gradeController");
    const s = (await fresh.scan())!;
    await fresh.revert(s);
    expect(wb.dump(S)).toEqual(before);
  });
  test("the user's conditional formats stay through apply and revert; the add-in's are replaced", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    await applyNow();
    wb.addConditionalFormat(
      box(1, 7, 4, 1),
      "ContainsText",
      { operator: "Contains", text: "A" },
      { fill: { color: "#0000FF" } },
    );
    const mine = wb.conditionalFormats.length;
    await applyNow();
    await applyNow();
    expect(wb.conditionalFormats.length).toBe(mine);
    expect(
      wb.conditionalFormats.some((f) => f.format.fill.color === "#0000FF"),
    ).toBe(true);
    const s = (await scan())!;
    await revert(s);
    expect(
      wb.conditionalFormats.some((f) => f.format.fill.color === "#0000FF"),
    ).toBe(true);
  });
});

describe("every request and response under 4 MB, measured in bytes", () => {
  test("7,000 leads with two ~200-character notes (all different) and an explanation output", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    const note = (i: number, k: number) =>
      `第${i}条${k}：客户询问了价格和优惠政策，表示需要和家人商量后再决定，约了下周再联系。`.repeat(
        4,
      ) + i;
    wb.setValues(S, 0, 0, [
      ["客户姓名", "付款能力", "满意度", "跟进记录", "跟进记录", "上次联系"],
      ...Array.from({ length: 7000 }, (_, i) => [
        `客户${i}`,
        i % 2 ? "是" : "否",
        "是",
        note(i, 1),
        note(i, 2),
        46300 + (i % 40),
      ]),
    ]);
    wb.selection = box(1, 1);
    const s = (await scan())!;
    const r = await apply(
      s,
      s.mapping,
      opts({ outputs: ["grade", "stage", "explanation"] }),
    );
    expect(r.status).toBe("done");
    const MB4 = 4 * 1024 * 1024;
    expect(Math.max(...wb.requests.map((q) => q.bytes))).toBeLessThan(MB4);
    expect(Math.max(...wb.requests.map((q) => q.responseBytes))).toBeLessThan(
      MB4,
    );
    // the data read back is over 4 MB in all: it took several requests
    expect(
      wb.requests.reduce((b, q) => b + q.responseBytes, 0),
    ).toBeGreaterThan(MB4);
    // and the revert (the snapshot is large: kept in the pane) too
    const before = wb.requests.length;
    await revert((await scan())!);
    const rev = wb.requests.slice(before);
    expect(Math.max(...rev.map((q) => q.bytes))).toBeLessThan(MB4);
    expect(Math.max(...rev.map((q) => q.responseBytes))).toBeLessThan(MB4);
  }, 120000);
});

describe("the workbook's own criteria", () => {
  afterEach(() => setCriteria(DEFAULT_CRITERIA));
  test("static values follow the criteria sheet in force, as live formulas do", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    leads(wb);
    const before = await applyNow();
    expect(before.status).toBe("done");
    // 王 has signed (stage 5): by default the next contact is 15 days after 46340
    const col = (header: string) =>
      [...Array(12).keys()].find((c) => wb.valueAt(S, 0, c) === header)!;
    const next = col("下次跟进");
    expect(wb.valueAt(S, 1, next)).toBe(46340 + 15);
    setCriteria({
      ...DEFAULT_CRITERIA,
      followUpDays: { ...DEFAULT_CRITERIA.followUpDays, 5: 30 },
    });
    const after = await applyNow();
    expect(after.status).toBe("done");
    expect(wb.valueAt(S, 1, next)).toBe(46340 + 30);
  });
});

describe("all or nothing, whatever the chunk boundaries", () => {
  test("a merged cell anywhere in the outputs: the apply fails and every cell is as before (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 500 }),
        fc.integer({ min: 100, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(80 * 1024, 100 * 1024, 160 * 1024),
        fc.integer({ min: 2, max: 60 }),
        async (n, noteLength, where, col, maxBytes, tall) => {
          const wb = installFakeOffice(new FakeWorkbook());
          wb.setValues(S, 0, 0, [
            ["付款能力", "满意度", "跟进记录"],
            ...Array.from({ length: n }, (_, i) => [
              i % 3 ? "是" : "否",
              "是",
              i % 2 ? `问了价格 ${i}` : `备注 ${"长".repeat(noteLength)} ${i}`,
            ]),
          ]);
          const h = Math.min(tall, n - 1);
          const at = 1 + Math.floor(where * (n - h));
          wb.merge(box(at, 3 + col, h, 1)); // tall enough to straddle a chunk's edge
          const before = wb.dump(S);
          const r = await applyNow({
            outputs: ["grade", "stage", "explanation"],
            maxBytes,
          });
          expect(r.status).toBe("failed");
          expect(wb.dump(S)).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });
});
