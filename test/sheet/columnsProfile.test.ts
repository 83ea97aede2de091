/** What a cell holds, as the column profile reads it: one row per shape teams type. */
import {
  cellKind,
  phoneDigits,
  profileColumn,
} from "../../src/sheet/columnProfile";

test.each([
  // phones: +86, spaces, dashes, full-width digits, numbers, masked, other countries
  ["13800138000", "phone"],
  [13800138000, "phone"],
  ["138 0013 8000", "phone"],
  ["138-0013-8000", "phone"],
  ["+86 138 0013 8000", "phone"],
  ["+86-13800138000", "phone"],
  ["１３８　００１３　８０００", "phone"],
  ["138****8000", "phone"],
  ["021-6688 1234", "phone"],
  ["(555) 123-4567", "phone"],
  ["+44 20 7946 0958", "phone"],
  ["555-0100", "phone"],
  // dates: text, serials, with times
  ["2026-11-25", "date"],
  ["2026/11/25", "date"],
  ["2026.11.25", "date"],
  ["2026年11月25日", "date"],
  ["２０２６年１１月２５日", "date"],
  ["11月25日", "date"],
  ["3/5/2026", "date"],
  ["2026-11-25 14:30", "date"],
  [46351, "serial"],
  [46351.58, "serial"],
  // counts and amounts
  [3, "count"],
  ["3次", "count"],
  ["３次", "count"],
  ["5 times", "count"],
  ["¥86,000", "amount"],
  ["12.5万", "amount"],
  ["12.5万元", "amount"],
  ["10-20万", "amount"],
  ["$50k", "amount"],
  ["50万以上", "amount"],
  [1200000, "amount"],
  // ratings vs grade letters
  ["是", "rating"],
  ["否", "rating"],
  ["√", "rating"],
  ["A", "rating"],
  ["b", "rating"],
  ["Yes", "rating"],
  [true, "rating"],
  ["H", "letter"],
  ["C", "letter"],
  ["A级", "letter"],
  ["B类", "letter"],
  ["Hot", "letter"],
  ["Warm", "letter"],
  // words
  ["全款", "paymentMethod"],
  ["分期", "paymentMethod"],
  ["Finance", "paymentMethod"],
  ["抖音", "source"],
  ["转介绍", "source"],
  ["Trade Show", "source"],
  ["激烈", "levels"],
  ["较激烈", "levels"],
  ["一般", "rating"],
  // who
  ["上海启明科技有限公司", "company"],
  ["蓝海集团", "company"],
  ["Northwind Traders Ltd", "company"],
  ["Contoso Inc", "company"],
  ["王先生", "person"],
  ["张伟", "person"],
  ["欧阳娜娜", "person"],
  ["李总", "person"],
  ["小韩", "person"],
  ["Sarah Jones", "person"],
  ["Mr. Li", "person"],
  ["a@b.com", "email"],
  // text
  ["重点", "text"],
  ["已加微信", "text"],
  ["高意向", "levels"],
  ["问了价格和优惠政策，说周末带家人来看", "longText"],
  ["Asked for pricing tiers and a pilot next month", "longText"],
] as [unknown, string][])("%p is %s", (cell, kind) => {
  expect(cellKind(cell)).toBe(kind);
});

test.each([
  ["13800138000", "13800138000"],
  ["+86 138 0013 8000", "13800138000"],
  ["0086 138 0013 8000", "13800138000"],
  ["１３８－００１３－８０００", "13800138000"],
  ["12345", undefined],
  ["2026-11-25", undefined],
])("phone digits of %p", (cell, digits) =>
  expect(phoneDigits(cell)).toBe(digits),
);

test("a column of H/A/B/C is grade letters; A/B alone only under a grade header", () => {
  const rows = (xs: string[]) => xs.map((x) => [x]);
  expect(profileColumn(rows(["H", "A", "B", "C", "A"]), 0).classLetters).toBe(
    true,
  );
  expect(
    profileColumn(rows(["A", "B", "A", "B"]), 0, "付款能力").classLetters,
  ).toBe(false);
  expect(
    profileColumn(rows(["A", "B", "A", "B"]), 0, "客户等级").classLetters,
  ).toBe(true);
  expect(profileColumn(rows(["是", "否", "C"]), 0).classLetters).toBe(false);
});

test("the sample is bounded: a 100,000-row column reads its first rows", () => {
  const rows = Array.from({ length: 100000 }, (_, i) => [
    i < 400 ? "王先生" : "上海启明科技有限公司",
  ]);
  const p = profileColumn(rows, 0);
  expect(p.cells).toBe(400);
  expect(p.share.person).toBe(1);
});
