/** Which rows are totals or footers (src/sheet/footerRows.ts): the labels, and that leads never are. */
import fc from "fast-check";
import { isFooterRow } from "../../src/sheet/footerRows";

test.each([
  [["合计", "", 8]],
  [["合 计：", null, 8]],
  [["总计"]],
  [["小计", 3]],
  [[null, "Total", 12]],
  [["制表人：小刘", "", "审核：王经理"]],
  [["审核: 王经理"]],
  [["打印日期：2026-11-25"]],
])("%j is a footer row", (row) => {
  expect(isFooterRow(row)).toBe(true);
});

test("a row of nothing but sums is a footer row; a sum beside a lead's cells is not", () => {
  expect(
    isFooterRow(
      [null, 4, 1],
      [undefined, "SUBTOTAL(109,D2:D9)", "=SUM(E2:E9)"],
    ),
  ).toBe(true);
  expect(isFooterRow(["王先生", 4], [undefined, "SUM(B2:C2)"])).toBe(false);
  expect(isFooterRow(["王先生", 4], [undefined, "VLOOKUP(A2,X!A:B,2,0)"])).toBe(
    false,
  );
});

test("property: a lead row (a name, then answers and notes) is never a footer row, even when a note mentions 合计 or 制表", () => {
  const name = fc.constantFrom(
    "王先生",
    "张女士",
    "赵总",
    "合计公司王经理",
    "Totalenergies 李工",
    "小刘",
  );
  const cell = fc.oneof(
    fc.constantFrom(
      "是",
      "否",
      "询问价格",
      "合计三套，问总价",
      "制表人是谁不清楚",
      "审核中",
    ),
    fc.integer({ min: 0, max: 100 }),
  );
  fc.assert(
    fc.property(name, fc.array(cell, { maxLength: 8 }), (n, rest) => {
      expect(isFooterRow([n, ...rest])).toBe(false);
    }),
  );
});
