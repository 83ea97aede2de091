/**
 * The criteria sheet round trip: insert → read back equals SPEC's defaults → edit a threshold,
 * a points value and a signal word → the functions use them → bad edits give messages next
 * to the cell and keep the last valid criteria → reset restores the defaults.
 */
import fc from "fast-check";
import { FIRST_OPTIONS } from "./pointsAnswers";
import { readFileSync } from "fs";
import { join } from "path";
import {
  CHECK_COL,
  addSignalWord,
  buildCriteriaSheet,
  checkColumn,
  parseCriteriaSheet,
  pointsAddress,
  type SheetRows,
} from "../../src/criteria/criteriaSheet";
import { DEFAULT_CRITERIA } from "../../src/engine/criteria";
import {
  useSheetCriteria,
  useDefaultCriteria,
} from "../../src/taskpane/criteria/useSheetCriteria";
import { setLabelLanguage } from "../../src/functions/host";
import { call, F } from "../helpers";

const TODAY = 46351; // 2026-11-25
const c1 = (v: unknown) => [[v]];

/** The 0-based row whose column A is `label` (after an optional title row). */
function rowOf(rows: SheetRows, label: string, from = 0): number {
  const i = rows.findIndex((r, k) => k >= from && r[0] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}
function titleRow(rows: SheetRows, startsWith: string): number {
  const i = rows.findIndex((r) => String(r[0]).startsWith(`■ ${startsWith}`));
  if (i < 0) throw new Error(`no section ${startsWith}`);
  return i;
}
const copy = (rows: SheetRows): SheetRows => rows.map((r) => [...r]);

afterEach(() => {
  useDefaultCriteria();
  setLabelLanguage("zh");
});

describe("insert → read back", () => {
  test.each(["zh", "en"] as const)(
    "the %s sheet reads back as SPEC's defaults, with no issue",
    (lang) => {
      const rows = buildCriteriaSheet(lang, TODAY);
      const p = parseCriteriaSheet(rows);
      expect(p.issues).toEqual([]);
      expect(p.criteria).toEqual(DEFAULT_CRITERIA);
      expect(p.today).toBe(TODAY);
      expect(rows.every((r) => r.length === 7)).toBe(true);
    },
  );

  test("every [default] is marked as ours and every seed number cites its source", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    const src = (label: string) => rows[rowOf(rows, label)]![5];
    expect(src("回访次数 ≥")).toBe("默认（我们的默认值）");
    expect(src("高：总分 ≥")).toBe("默认（我们的默认值）");
    expect(src("高价值：金额最高的比例")).toBe("默认（我们的默认值）");
    expect(src("两项必要条件都是A")).toBe("依据《客户意向判断》");
    const en = buildCriteriaSheet("en", TODAY);
    expect(en[rowOf(en, "revisits ≥")]![5]).toBe("our default");
  });

  test("the intent classes hold the source's 9/8/4/4 traits", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    const count = (c: string) =>
      rows.filter((r) => r[0] === c && /^\d+\. /.test(String(r[2]))).length;
    expect(["A", "B", "C", "D"].map(count)).toEqual([9, 8, 4, 4]);
  });

  test("SALES.SCORE reads the points checklist straight from the sheet", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    const p = parseCriteriaSheet(rows);
    expect(pointsAddress(p, "评分标准")).toBe("'评分标准'!$A$54:$C$80");
    // the README's SCORE examples point at this range
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    expect(readme).toContain("评分标准!A54:C80");
    expect(readme).toContain("Criteria!A54:C80");
    const block = rows
      .slice(p.pointsRows!.first, p.pointsRows!.last + 1)
      .map((r) => r.slice(0, 3));
    // 9 answers, each the first (10-point) option → 90 of 90 → 100 %
    const answers = [[...FIRST_OPTIONS]];
    expect(call(F.score, answers, block)).toEqual([90]);
    // a points value edited on the sheet is what SCORE adds up
    block[1]![2] = 7;
    expect(call(F.score, answers, block)).toEqual([87]);
  });
});

describe("edits reach the functions", () => {
  test("a threshold, a points value and a signal word", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    const args = ["是", "是", 2, 2, 2, 1, "A"].map(c1);
    expect(call(F.leadgrade, ...args)).toEqual(["B"]); // 2 revisits < 3
    rows[rowOf(rows, "回访次数 ≥")]![1] = 2;
    // urgency: High from 5 points instead of 6
    rows[rowOf(rows, "高：总分 ≥")]![1] = 5;
    const added = addSignalWord(rows, "认筹", 3, "zh")!;
    rows[added.row] = [...added.values, "", "", "", "", ""];
    expect(call(F.intentstage, c1("客户已认筹"))).toMatchObject([
      { error: "#N/A" },
    ]);

    const { parsed } = useSheetCriteria(rows, "评分标准", "zh");
    expect(parsed.issues).toEqual([]);
    expect(call(F.leadgrade, ...args)).toEqual(["A"]);
    expect(call(F.intentstage, c1("客户已认筹"))).toEqual([3]);
    expect(
      call(F.urgency, c1(20), c1("已分配"), c1("无"), c1("无"), c1(TODAY)),
    ).toEqual(["高"]); // 3+2 = 5
  });

  test("adding a phrase twice changes its stage instead of adding a row", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    const a = addSignalWord(rows, "网签", 4, "zh")!;
    rows[a.row] = [...a.values, "", "", "", "", ""];
    const b = addSignalWord(rows, "网签", 5, "zh")!;
    expect(b.row).toBe(a.row);
    rows[b.row] = [...b.values, "", "", "", "", ""];
    rows.push(["定金", "中性", "", "", "", "", ""]);
    expect(parseCriteriaSheet(rows).criteria.signals).toEqual([
      { phrase: "网签", stage: 5 },
      { phrase: "定金", stage: null },
    ]);
  });
});

describe("bad edits are caught, never crash", () => {
  test("'abc' as a threshold: a message next to the cell, the last valid value kept, WHY says so", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    const r = rowOf(rows, "回访次数 ≥");
    rows[r]![1] = 2;
    useSheetCriteria(rows, "评分标准", "zh"); // 2 is now the last valid value
    rows[r]![1] = "abc";
    const { parsed, check } = useSheetCriteria(rows, "评分标准", "zh");
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]).toMatchObject({ row: r, col: 1 });
    expect(check[r]).toMatch(
      /^⚠ B\d+: "abc" 不是 0–1000 之间的整数；已沿用上次有效值$/,
    );
    expect(parsed.criteria.leadGrade.countThresholds.revisits).toBe(2);
    const why = call(F.whyleadgrade, ...["是", "是", 2, 2, 2, 1, "A"].map(c1));
    expect(String(why[0])).toMatch(
      /^A — .*注意：评分标准表有 1 处错误（如 评分标准!B\d+/,
    );
    setLabelLanguage("en");
    expect(
      String(call(F.whyleadgrade, ...["是", "是", 2, 2, 2, 1, "A"].map(c1))[0]),
    ).toMatch(/Note: the criteria sheet has 1 error\(s\)/);
  });

  test("B above A: the band order is refused", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    const b = rows.findIndex((r) => r[0] === "B" && r[1] === 70);
    rows[b]![1] = 95;
    const p = parseCriteriaSheet(rows);
    expect(p.issues.map((i) => [i.row, i.col])).toEqual([[b, 1]]);
    expect(p.issues[0]!.message.zh).toMatch(/分数线顺序不合理/);
    expect(p.criteria.intentClassMin).toEqual(DEFAULT_CRITERIA.intentClassMin);
  });

  test("a deleted row: named on its section's title, values kept", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    const r = rowOf(rows, "主动来电次数 ≥");
    rows.splice(r, 1);
    const p = parseCriteriaSheet(rows);
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]!.row).toBe(titleRow(rows, "意向程度"));
    expect(p.issues[0]!.message.zh).toMatch(/缺少“主动来电次数 ≥”一行/);
    expect(p.criteria.leadGrade.countThresholds.calls).toBe(2);
  });

  test("other bad cells: a grade letter, a status, shares over 100 %, a medium cut-off above high, a wrong stage", () => {
    const rows = buildCriteriaSheet("zh", TODAY);
    rows[rowOf(rows, "两项都是B")]![1] = "F";
    rows[rowOf(rows, "中价值：其后的比例")]![1] = 0.9;
    rows[rowOf(rows, "中：总分 ≥")]![1] = 7;
    rows.push(["认筹", "七", "", "", "", "", ""]);
    const p = parseCriteriaSheet(rows);
    expect(p.issues).toHaveLength(4);
    const check = checkColumn(rows.length, p.issues, "en");
    expect(check.filter((x) => x !== "")).toHaveLength(4);
    expect(p.criteria.leadGrade.table).toEqual(
      DEFAULT_CRITERIA.leadGrade.table,
    );
    expect(p.criteria.urgency.levelMin).toEqual(
      DEFAULT_CRITERIA.urgency.levelMin,
    );
    expect(p.criteria.signals).toEqual([]);
  });

  test("property: any text in any editable cell never throws; every issue points at a real cell; the result stays usable", () => {
    const base = buildCriteriaSheet("zh", TODAY);
    const editable: [number, number][] = [];
    base.forEach((r, i) =>
      r.forEach((v, j) => {
        if (
          j > 0 &&
          j < 5 &&
          (typeof v === "number" || /^[A-E]$/.test(String(v)))
        )
          editable.push([i, j]);
      }),
    );
    const junk = fc.oneof(
      fc.string(),
      fc.integer({ min: -100, max: 10000 }),
      fc.double({ noNaN: false }),
      fc.constantFrom(
        "",
        "abc",
        "１０",
        "50%",
        "-1",
        "E",
        "无",
        null as unknown as string,
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...editable), junk), {
          maxLength: 6,
        }),
        fc.boolean(),
        (edits, drop) => {
          const rows = copy(base);
          for (const [[i, j], v] of edits) rows[i]![j] = v as never;
          if (drop) rows.splice(editable[0]![0], 1);
          const p = parseCriteriaSheet(rows);
          for (const i of p.issues) {
            expect(i.row).toBeGreaterThanOrEqual(0);
            expect(i.row).toBeLessThan(rows.length);
            expect(i.message.zh.length).toBeGreaterThan(0);
          }
          const m = p.criteria.intentClassMin;
          expect(m.A > m.B && m.B > m.C).toBe(true);
          expect(p.criteria.urgency.levelMin.high).toBeGreaterThan(
            p.criteria.urgency.levelMin.medium,
          );
          // the functions run on whatever was kept
          useSheetCriteria(rows, "评分标准", "zh");
          expect(() =>
            call(F.leadgrade, ...["是", "是", 3, 2, 2, 1, "A"].map(c1)),
          ).not.toThrow();
        },
      ),
      { numRuns: 150 },
    );
  });

  test("property: a valid threshold typed in any form is what the functions use", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom("number", "text", "fullwidth"),
        (n, form) => {
          const rows = buildCriteriaSheet("zh", TODAY);
          const v =
            form === "number"
              ? n
              : form === "text"
                ? ` ${n} `
                : String(n).replace(/\d/g, (d) =>
                    String.fromCharCode(0xff10 + Number(d)),
                  );
          rows[rowOf(rows, "回访次数 ≥")]![1] = v;
          const p = parseCriteriaSheet(rows);
          expect(p.issues).toEqual([]);
          expect(p.criteria.leadGrade.countThresholds.revisits).toBe(n);
        },
      ),
    );
  });
});

test("reset: a fresh sheet restores the documented defaults, whatever was edited", () => {
  const rows = buildCriteriaSheet("zh", TODAY);
  rows[rowOf(rows, "回访次数 ≥")]![1] = 9;
  rows.push(["认筹", 3, "", "", "", "", ""]);
  useSheetCriteria(rows, "评分标准", "zh");
  const reset = buildCriteriaSheet("zh", TODAY);
  const { parsed, check } = useSheetCriteria(reset, "评分标准", "zh");
  expect(parsed.criteria).toEqual(DEFAULT_CRITERIA);
  expect(check.every((x) => x === "")).toBe(true);
  expect(
    reset.every((r) => r[CHECK_COL] === "" || r[CHECK_COL] === "检查"),
  ).toBe(true);
});
