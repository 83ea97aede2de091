/** The pane's pure core against golden sheets: header row, mapping, computed outputs. */
import {
  assignColumn,
  proposeMapping,
  restoreMapping,
  mappingToSave,
} from "../../src/sheet/columnMapping";
import { chunkRows } from "../../src/sheet/chunking";
import { placeColumns } from "../../src/sheet/placement";
import {
  asText,
  buildFormulas,
  structuredRef,
  columnLetter,
  computeStatic,
} from "../../src/sheet/rowFormulas";
import type { OutputKind } from "../../src/sheet/outputs";
import {
  scan,
  availableOutputs,
} from "../../src/taskpane/grade/gradeController";
import { sheetCases, workbookFor } from "../taskpane/sheetFixtures";

const TODAY = 46351; // 2026-11-25

describe.each(sheetCases())("golden sheet $name", (c) => {
  test("finds the data, the header row and maps every column it should", async () => {
    workbookFor(c);
    const s = await scan();
    expect(s).not.toBeNull();
    expect(s!.data.source).toBe(c.expected.source);
    expect(s!.data.headerIndex).toBe(c.expected.headerIndex);
    const mappedByHeader: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(s!.mapping))
      if (v.columns.length > 0) {
        const names = v.columns.map((c) => String(s!.headers[c]));
        mappedByHeader[k] = names.length === 1 ? (names[0] as string) : names;
      }
    expect(mappedByHeader).toEqual(c.expected.mapping);
  });

  test("computes the expected outputs", async () => {
    const wb = workbookFor(c);
    const s = (await scan())!;
    const rows = Array.from({ length: s.rowCount }, (_, i) =>
      Array.from({ length: s.data.width }, (_, j) =>
        wb.valueAt("Sheet1", s.data.headerRow + 1 + i, s.data.left + j),
      ),
    );
    const kinds = (
      ["grade", "stage", "urgency", "nextFollowUp"] as OutputKind[]
    ).filter((k) => k in c.expected);
    const lang = /[\u4e00-\u9fff]/.test(
      JSON.stringify(c.expected.urgency ?? c.expected.grade ?? "中"),
    )
      ? "zh"
      : "en";
    const out = computeStatic(rows, s.mapping, kinds, lang, undefined, TODAY);
    for (const k of kinds) expect(out.columns.get(k)).toEqual(c.expected[k]);
  });
});

describe("column mapping", () => {
  test("full-width and case-folded headers map; each column serves one input", () => {
    const m = proposeMapping(["ＰＡＹＭＥＮＴ", "满意度", "Notes", "备注"]);
    expect(m.payment.column).toBe(0);
    expect(m.satisfaction.column).toBe(1);
    expect(m.observations.columns).toEqual([2, 3]);
  });
  test("confidence: exact 1, contained less, unrelated unmapped", () => {
    const m = proposeMapping(["付款能力", "客户付款能力评估", "天气"]);
    expect(m.payment).toMatchObject({ column: 0, confidence: 1 });
    expect(Object.values(m).some((x) => x.column === 2)).toBe(false);
    const n = proposeMapping(["客户付款能力评估"]);
    expect(n.payment.column).toBe(0);
    expect(n.payment.confidence).toBeGreaterThan(0.5);
    expect(n.payment.confidence).toBeLessThan(1);
  });
  test("assigning a column takes it from any other input; null unmaps", () => {
    const m = assignColumn(
      proposeMapping(["付款能力", "满意度"]),
      "satisfaction",
      0,
    );
    expect(m.satisfaction).toMatchObject({ column: 0, confidence: 1 });
    expect(m.payment).toMatchObject({ column: null, confidence: 0 });
    expect(assignColumn(m, "satisfaction", null).satisfaction).toMatchObject({
      column: null,
      confidence: 0,
    });
  });
  test("a remembered mapping wins over the proposal and follows moved columns", () => {
    const saved = mappingToSave(
      {
        ...proposeMapping(["A列", "我的付款栏"]),
        payment: { column: 1, columns: [1], confidence: 1, reason: null },
      },
      ["A列", "我的付款栏"],
    );
    const m = restoreMapping(saved, ["新列", "A列", "我的付款栏"]);
    expect(m.payment.column).toBe(2);
  });
  test("outputs are offered only when their inputs are mapped", () => {
    expect(availableOutputs(proposeMapping(["付款能力", "满意度"]))).toEqual([
      "grade",
      "explanation",
    ]);
    expect(availableOutputs(proposeMapping(["跟进记录", "上次联系"]))).toEqual([
      "stage",
      "stageLabel",
      "nextFollowUp",
      "explanation",
    ]);
  });
});

describe("placement", () => {
  test("outputs go from the start column; kept columns stay; a taken-back middle column is gone around", () => {
    expect([...placeColumns(["grade", "stage"], new Map(), 5)]).toEqual([
      ["grade", 5],
      ["stage", 6],
    ]);
    const again = placeColumns(
      ["grade", "stage"],
      new Map([
        ["grade", 5],
        ["stage", 6],
      ]),
      5,
    );
    expect([...again]).toEqual([
      ["grade", 5],
      ["stage", 6],
    ]);
    // the user took back column 6 (stage): grade stays at 5, stage goes right of every kept column
    const middle = placeColumns(
      ["grade", "stage", "urgency"],
      new Map([
        ["grade", 5],
        ["urgency", 7],
      ]),
      5,
    );
    expect(Object.fromEntries(middle)).toEqual({
      grade: 5,
      stage: 8,
      urgency: 7,
    });
  });
});

describe("chunking by bytes", () => {
  test("each chunk stays under the budget; all rows covered once, in order", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [
      `说明 ${"长".repeat(i % 300)}`,
      i,
    ]);
    const chunks = chunkRows(rows, 200 * 1024);
    expect(chunks.length).toBeGreaterThan(3);
    let next = 0;
    for (const ch of chunks) {
      expect(ch.start).toBe(next);
      expect(ch.bytes).toBeLessThanOrEqual(200 * 1024 - 64 * 1024);
      const actual = Buffer.byteLength(
        rows
          .slice(ch.start, ch.start + ch.count)
          .map((r) => JSON.stringify(r))
          .join(","),
      );
      expect(actual).toBeLessThanOrEqual(ch.bytes);
      next += ch.count;
    }
    expect(next).toBe(rows.length);
  });
  test("short rows make few chunks", () =>
    expect(
      chunkRows(Array.from({ length: 100000 }, () => ["A", 3])),
    ).toHaveLength(1));
  test("a row over the budget alone is an error, not a silent oversize request", () =>
    expect(() => chunkRows([["x".repeat(100)]], 64 * 1024 + 10)).toThrow(
      /over the/,
    ));
});

describe("formulas and text", () => {
  test("live formulas reference the row's own cells", () => {
    const mapping = proposeMapping([
      "付款能力",
      "满意度",
      "跟进记录",
      "上次联系",
    ]);
    const f = buildFormulas(
      2,
      mapping,
      ["grade", "stage", "nextFollowUp"],
      {
        firstRow: 4,
        inputColumn: (k) =>
          mapping[k].column === null ? null : mapping[k].column! + 1,
        outputColumn: (k) => (k === "stage" ? 8 : null),
      },
      "zh",
    );
    expect(f.get("grade")).toEqual([
      '=SALES.LEADGRADE(B5,C5,"","","","","")',
      '=SALES.LEADGRADE(B6,C6,"","","","","")',
    ]);
    expect(f.get("stage")).toEqual([
      "=SALES.INTENTSTAGE(D5)",
      "=SALES.INTENTSTAGE(D6)",
    ]);
    expect(f.get("nextFollowUp")).toEqual([
      '=IF(I5="","",SALES.NEXTFOLLOWUP(I5,E5))',
      '=IF(I6="","",SALES.NEXTFOLLOWUP(I6,E6))',
    ]);
  });
  test("live formulas read the same observation cells as static values: stage and notes apart → CHOOSE({1,2},…) (no HSTACK: Excel 2021 lacks it)", () => {
    const mapping = proposeMapping(["跟进记录", "上次联系", "备注"]);
    const place = {
      firstRow: 1,
      inputColumn: (k: keyof typeof mapping) => mapping[k].column,
      outputColumn: () => null,
    };
    expect(
      buildFormulas(1, mapping, ["stage"], place, "zh").get("stage"),
    ).toEqual(["=SALES.INTENTSTAGE(CHOOSE({1,2},A2,C2))"]);
    const side = proposeMapping(["跟进记录", "备注"]);
    expect(
      buildFormulas(
        1,
        side,
        ["stage"],
        { ...place, inputColumn: (k) => side[k].column },
        "zh",
      ).get("stage"),
    ).toEqual(["=SALES.INTENTSTAGE(A2:B2)"]);
    // and the static path reads both cells of the row
    const out = computeStatic(
      [["询问价格", 46300, "已签约"]],
      mapping,
      ["stage"],
      "zh",
      undefined,
      46351,
    );
    expect(out.columns.get("stage")).toEqual([5]);
  });

  test("structured references escape the characters Excel reserves in column names", () => {
    expect(structuredRef("跟进记录")).toBe("[@[跟进记录]]");
    expect(structuredRef("Notes [old] #1 'x'")).toBe(
      "[@[Notes '[old'] '#1 ''x'']]",
    );
  });

  test("text that Excel would read as a formula stays text", () => {
    expect(asText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(asText("A")).toBe("A");
  });
  test("column letters", () =>
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
    ]));
});
