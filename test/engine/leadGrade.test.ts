/**
 * SPEC §2 grade table, row by row: every necessary-condition state × every k = 0…5
 * (18 cells), each reached through every combination of which indicators are A.
 */
import { F, call, cell, col, err, useLanguage } from "../helpers";

// The SPEC table, written out again here (not imported) so the test checks the engine's copy.
const SPEC_TABLE: Record<"bothA" | "oneA" | "bothB", Record<number, string>> = {
  bothA: { 5: "A", 4: "B", 3: "B", 2: "C", 1: "C", 0: "C" },
  oneA: { 5: "C", 4: "D", 3: "D", 2: "D", 1: "D", 0: "D" },
  bothB: { 5: "E", 4: "E", 3: "E", 2: "E", 1: "E", 0: "E" },
};

const necessary: [string, string, keyof typeof SPEC_TABLE][] = [
  ["A", "A", "bothA"],
  ["A", "B", "oneA"],
  ["B", "A", "oneA"],
  ["B", "B", "bothB"],
];

const masks = Array.from({ length: 32 }, (_, m) => m);
const bits = (m: number) => [0, 1, 2, 3, 4].map((b) => (m >> b) & 1);

beforeAll(() => useLanguage("zh"));

describe("LEADGRADE grade table (SPEC §2)", () => {
  for (const [p, s, row] of necessary) {
    for (let k = 0; k <= 5; k++) {
      const combos = masks.filter(
        (m) => bits(m).reduce((a, b) => a + b, 0) === k,
      );
      test(`payment ${p}, satisfaction ${s}, k = ${k} → ${SPEC_TABLE[row][k]} (${combos.length} combinations)`, () => {
        for (const m of combos) {
          const ind = bits(m).map((b) => cell(b ? "A" : "B"));
          expect(call(F.leadgrade, cell(p), cell(s), ...ind)).toEqual([
            SPEC_TABLE[row][k],
          ]);
        }
      });
    }
  }

  test("the whole table in one spilled call (128 rows) matches row by row", () => {
    const rows: unknown[][] = [];
    const expected: string[] = [];
    for (const [p, s, row] of necessary) {
      for (const m of masks) {
        const b = bits(m);
        rows.push([p, s, ...b.map((x) => (x ? "是" : "否"))]);
        expected.push(SPEC_TABLE[row][b.reduce((a, c) => a + c, 0)] as string);
      }
    }
    const colOf = (j: number) => rows.map((r) => [r[j]]);
    expect(
      call(
        F.leadgrade,
        colOf(0),
        colOf(1),
        colOf(2),
        colOf(3),
        colOf(4),
        colOf(5),
        colOf(6),
      ),
    ).toEqual(expected);
  });
});

describe("LEADGRADE reading its inputs", () => {
  const grade = (...a: unknown[]) =>
    call(F.leadgrade, ...a.map((v) => (v === undefined ? null : cell(v))))[0];

  test.each([
    [
      "yes-like words for the necessary conditions",
      ["是", "好", "A", "A", "A", "A", "A"],
      "A",
    ],
    ["no-like words", ["否", "差", "A", "A", "A", "A", "A"], "E"],
    [
      "full-width Ａ and ＹＥＳ",
      ["Ａ", "ＹＥＳ", "A", "A", "A", "A", "A"],
      "A",
    ],
    ["booleans", [true, true, true, true, true, true, true], "A"],
    [
      "counts at the [default] thresholds 3/2/2/1",
      ["A", "A", 3, 2, 2, 1, "A"],
      "A",
    ],
    ["counts one below the thresholds", ["A", "A", 2, 1, 1, 0, "A"], "C"],
    [
      "text counts with full-width digits and units",
      ["A", "A", "３次", "２", "2次", "1", "A"],
      "A",
    ],
    [
      "blank indicators count as not A",
      ["A", "A", "A", "A", null, null, null],
      "C",
    ],
  ])("%s", (_name, inputs, expected) => {
    expect(grade(...inputs)).toBe(expected);
  });

  test("siteOpen FALSE counts site visits as A [default]", () => {
    expect(grade("A", "A", "A", "A", 0, "A", "A", true)).toBe("B");
    expect(grade("A", "A", "A", "A", 0, "A", "A", false)).toBe("A");
    expect(grade("A", "A", "A", "A", 0, "A", "A", "否")).toBe("A");
    expect(grade("A", "A", "A", "A", 5, "A", "A", false)).toBe("A");
  });

  test("priceTolerance takes a rating or yes/no only", () => {
    expect(grade("A", "A", "A", "A", "A", "A", 1)).toBe("A");
    expect(grade("A", "A", "A", "A", "A", "A", 3)).toEqual(err("#VALUE!"));
  });

  test("a blank necessary condition is #N/A naming it", () => {
    expect(grade(null, "A", "A", "A", "A", "A", "A")).toEqual({
      error: "#N/A",
      message: "付款能力: 必填，不能为空",
    });
    expect(grade("A", " ", "A", "A", "A", "A", "A")).toEqual(err("#N/A"));
  });

  test("an unreadable value is #VALUE! naming argument and value", () => {
    expect(grade("maybe", "A", "A", "A", "A", "A", "A")).toEqual({
      error: "#VALUE!",
      message: '付款能力: "maybe" 无法识别（应为A/B、是/否）',
    });
    expect(grade("A", "A", "很多", "A", "A", "A", "A")).toEqual(err("#VALUE!"));
    expect(grade("A", "A", "A", "A", "A", "A", "A", "perhaps")).toEqual(
      err("#VALUE!"),
    );
  });

  test("a negative count is #NUM!", () => {
    expect(grade("A", "A", -1, "A", "A", "A", "A")).toEqual(err("#NUM!"));
  });

  test("a count is a whole number from 0 to 10,000, else #NUM! naming it and the value", () => {
    const revisits = (v: unknown) =>
      call(
        F.whyleadgrade,
        ...["A", "A", v, "A", "A", "A", "A"].map(cell),
        null,
        "en",
      )[0];
    for (const v of [2.5, "1.5万", 1e308, 10001, "2.5次"]) {
      expect(grade("A", "A", v, "A", "A", "A", "A")).toEqual(err("#NUM!"));
      expect(String(revisits(v))).toMatch(
        /^#NUM! revisits: .* is out of range/,
      );
    }
    expect(String(revisits(2.5))).toContain("revisits: 2.5 is out of range");
    expect(String(revisits("1.5万"))).toContain(
      'revisits: "1.5万" is out of range',
    );
    for (const [v, g] of [
      [10000, "A"],
      [3, "A"],
      [0, "B"],
      ["1万", "A"],
    ] as const)
      expect(grade("A", "A", v, "A", "A", "A", "A")).toEqual(g);
  });

  test("messages follow the label language", () => {
    useLanguage("en");
    try {
      expect(grade("maybe", "A", "A", "A", "A", "A", "A")).toEqual({
        error: "#VALUE!",
        message: 'payment: "maybe" is not readable (expected A/B or yes/no)',
      });
    } finally {
      useLanguage("zh");
    }
  });
});

describe("LEADGRADE over ranges", () => {
  test("blank rows stay blank; errors stay on their row; single cells broadcast", () => {
    const out = call(
      F.leadgrade,
      col("A", null, "maybe", "B"),
      cell("A"),
      col(3, null, 3, 3),
      col(2, null, 2, 2),
      col(2, null, 2, 2),
      col(1, null, 1, 1),
      cell("A"),
    );
    expect(out[0]).toBe("A");
    expect(out[1]).toBe("");
    expect(out[2]).toEqual(err("#VALUE!"));
    expect(out[3]).toBe("C");
  });

  test("older desktop builds send blanks as 0: an all-0 row stays blank", () => {
    expect(
      call(F.leadgrade, ...Array.from({ length: 7 }, () => col(0, "A"))),
    ).toEqual(["", "A"]);
  });

  test("ranges of different heights are #VALUE! naming the arguments", () => {
    const out = call(
      F.leadgrade,
      col("A", "A"),
      col("A", "A", "A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
    );
    expect(out).toEqual([
      {
        error: "#VALUE!",
        message: "区域行数不一致: 付款能力、个案满意程度（2 ≠ 3）",
      },
    ]);
  });

  test("a range of several columns for a one-column argument is #VALUE!", () => {
    const out = call(
      F.leadgrade,
      [["A", "A"]],
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
    );
    expect(out).toEqual([err("#VALUE!")]);
  });
});

describe("WHYLEADGRADE", () => {
  test("names every input, the [default] thresholds used and the table rule", () => {
    const [why] = call(
      F.whyleadgrade,
      cell("是"),
      cell("A"),
      cell(4),
      cell("A"),
      cell(0),
      cell("A"),
      cell("否"),
      cell(false),
      "en",
    );
    expect(why).toContain("B — ");
    expect(why).toContain('payment = A ("是")');
    expect(why).toContain("revisits = 4 ≥ 3 [default] → A");
    expect(why).toContain("site not open: siteVisits counts as A [default]");
    expect(why).toContain(
      "intent indicators at A: 4/5 (3–4) → grade B [per “Customer intent”]",
    );
  });

  test("explains an error instead of failing", () => {
    const [why] = call(
      F.whyleadgrade,
      cell(null),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      null,
      "zh",
    );
    expect(why).toBe("#N/A 付款能力: 必填，不能为空");
  });

  test("an unknown language is #VALUE! naming the argument", () => {
    const [why] = call(
      F.whyleadgrade,
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      cell("A"),
      null,
      "fr",
    );
    expect(why).toEqual(err("#VALUE!"));
  });
});
