/**
 * The one-cell path (a formula filled down a column: every argument one cell) gives exactly
 * what the range form gives for that row — the same value, or the same error with the same
 * message — on generated rows of readable, unreadable and blank inputs; and it does not go
 * through the range form at all.
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { sales } from "../../src/engine/sales";

const StubError = (
  globalThis as unknown as {
    CustomFunctions: { Error: new (...a: unknown[]) => Error };
  }
).CustomFunctions.Error;

/**
 * Cells a lead sheet holds: ratings, counts, dates, notes, blanks (null, "", 0), unreadable
 * text, and error values (a #N/A from a lookup), which pass through naming their argument.
 */
const cell = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      null,
      "",
      " ",
      "\u3000",
      0,
      1,
      2,
      3,
      5,
      -1,
      1.5,
      true,
      false,
      "A",
      "B",
      "a",
      "Ａ",
      "是",
      "否",
      "yes",
      "N",
      "3次",
      "８",
      "一般",
      "激烈",
      "已分配",
      "老板",
      "高层",
      "2026-12-20",
      "2027年1月5日",
      "两周内",
      "询问价格",
      "客户说考虑一下，问了价格",
      "已签约",
      "不拒绝",
      "阶段9",
      "7",
      "maybe",
      "<b>x</b>",
    ),
  },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 400 }) }, // counts, days left
  { weight: 2, arbitrary: fc.integer({ min: 45000, max: 48000 }) }, // date serials
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!")
      .map((code) => new StubError(code)),
  },
);

type Shown = { value: unknown } | { code: string; message: string };
const shown = (v: unknown): Shown =>
  v instanceof StubError
    ? {
        code: (v as unknown as { code: string }).code,
        message: v.message,
      }
    : { value: v };

/** The range form's row i, and the one-cell call on row i's cells. */
function both(
  call: (...a: unknown[]) => unknown[][],
  columns: unknown[][][],
  rest: unknown[],
): { range: Shown[]; cells: Shown[] } {
  const n = columns[0]!.length;
  const range = call(...columns, ...rest).map((r) => shown(r[0]));
  const cells: Shown[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const out = call(...columns.map((c) => [[c[i]![0]]]), ...rest);
      expect(out).toHaveLength(1);
      expect(out[0]).toHaveLength(1);
      cells.push(shown(out[0]![0]));
    } catch (e) {
      cells.push(shown(e));
    }
  }
  return { range, cells };
}

/** Each column's own readable values, mostly, and any cell at all otherwise. */
const RATING = ["A", "B", "是", "否", "Y", "N", " a "];
const INDICATOR = ["A", "B", 0, 1, 2, 3, 4, "是", null, "3次"];
const LEAD = [
  RATING,
  RATING,
  INDICATOR,
  INDICATOR,
  INDICATOR,
  INDICATOR,
  RATING,
];
const SITE_OPEN = [true, false, "是", "否", null, new StubError("#N/A")];
const URGENCY_COLUMNS: unknown[][] = [
  [
    10,
    45,
    200,
    0,
    null,
    "2026-12-20",
    "2027年1月5日",
    46400,
    47000,
    "是",
    "否",
    "两周内",
  ],
  ["已分配", "申请中", "未分配", "高", "一般", null, "是", 0],
  ["老板", "总经理", "部门经理", "基层", null, "高层"],
  ["激烈", "一般", "无", "high", null],
  [46351, 46000, "2026-11-25", null],
];
const NOTES = [
  "询问价格",
  "客户说考虑一下，问了价格",
  "已签约",
  "不拒绝",
  "拒绝",
  "阶段3",
  "3",
  null,
  "",
];

const rowsOf = (readable: readonly unknown[][]) =>
  fc
    .integer({ min: 2, max: 6 })
    .chain((n) =>
      fc.tuple(
        ...readable.map((values) =>
          fc
            .array(
              fc.oneof(
                { weight: 6, arbitrary: fc.constantFrom(...values) },
                { weight: 2, arbitrary: cell },
              ),
              { minLength: n, maxLength: n },
            )
            .map((xs) => xs.map((x) => [x])),
        ),
      ),
    );

const call =
  (f: (...a: any[]) => any[][]) =>
  (...a: unknown[]) =>
    f(...a);

test("LEADGRADE: one-cell calls = the range form, row by row", () => {
  fc.assert(
    fc.property(
      rowsOf([...LEAD, SITE_OPEN]),
      fc.boolean(),
      (cols, withSiteOpen) => {
        const columns = withSiteOpen ? cols : cols.slice(0, 7);
        const rest = withSiteOpen ? [] : [null];
        const { range, cells } = both(call(F.leadgrade), columns, rest);
        expect(cells).toEqual(range);
      },
    ),
    { numRuns: 500 },
  );
});

test("URGENCY: one-cell calls = the range form, row by row (today a cell, a column or omitted)", () => {
  fc.assert(
    fc.property(
      rowsOf(URGENCY_COLUMNS),
      fc.constantFrom("cell", "column", "omitted"),
      fc.constantFrom(null, "zh", "en"),
      (cols, today, language) => {
        const columns = today === "column" ? cols : cols.slice(0, 4);
        const rest =
          today === "cell"
            ? [[[46351]], language]
            : today === "omitted"
              ? [null, language]
              : [language];
        const { range, cells } = both(call(F.urgency), columns, rest);
        expect(cells).toEqual(range);
      },
    ),
    { numRuns: 500 },
  );
});

test("INTENTSTAGE: one-cell calls = the range form, row by row", () => {
  fc.assert(
    fc.property(rowsOf([NOTES]), (cols) => {
      const { range, cells } = both(call(F.intentstage), cols, [null]);
      expect(cells).toEqual(range);
    }),
    { numRuns: 500 },
  );
});

test("one-cell calls take the direct path: the range form is not called", () => {
  const spies = [
    jest.spyOn(sales, "LEADGRADE"),
    jest.spyOn(sales, "URGENCY"),
    jest.spyOn(sales, "INTENTSTAGE"),
  ];
  try {
    const c = (v: unknown) => [[v]];
    expect(
      F.leadgrade(
        c("A"),
        c("A"),
        c(3),
        c(2),
        c(2),
        c(1),
        c("A"),
        null as never,
      ),
    ).toEqual([["A"]]);
    expect(
      F.urgency(c(10), c("已分配"), c("老板"), c("激烈"), c(46351), "zh"),
    ).toEqual([["高"]]);
    expect(F.intentstage(c("已签约"), null as never)).toEqual([[5]]);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    // a range in any argument takes the range form
    F.leadgrade(
      c("A"),
      c("A"),
      [[3], [4]],
      c(2),
      c(2),
      c(1),
      c("A"),
      null as never,
    );
    expect(spies[0]).toHaveBeenCalledTimes(1);
  } finally {
    for (const s of spies) s.mockRestore();
  }
});
