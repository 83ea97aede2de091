/** SPEC §10 customer types: value tiers by share of amounts, activity by days since purchase. */
import { F, call, cell, col, err, useLanguage } from "../helpers";

beforeAll(() => useLanguage("zh"));
const today = 46351;

describe("VALUETIER (SPEC §10: top 20 % 高, next 30 % 中, rest 低)", () => {
  const amounts = col(100, 90, 80, 70, 60, 50, 40, 30, 20, 10);
  test("ten amounts → 2 high, 3 mid, 5 low", () =>
    expect(call(F.valuetier, amounts, amounts)).toEqual([
      "高价值",
      "高价值",
      "中价值",
      "中价值",
      "中价值",
      "低价值",
      "低价值",
      "低价值",
      "低价值",
      "低价值",
    ]));
  test("equal amounts share a tier", () => {
    const same = col(5, 5, 5, 5, 5);
    expect(call(F.valuetier, same, same)).toEqual(Array(5).fill("高价值"));
  });
  test("text amounts with ¥ and 万; blank amounts stay blank and are not ranked", () => {
    const pop = col("¥1万", "8,000元", null, 10, 20);
    expect(call(F.valuetier, pop, pop, "en")).toEqual([
      "High value",
      "Medium value",
      "",
      "Low value",
      "Low value",
    ]);
  });
  test("an unreadable amount in the population is #VALUE! naming allAmounts", () =>
    expect(call(F.valuetier, cell(5), col(1, "many"))).toEqual([
      { error: "#VALUE!", message: '全部金额: "many" 无法识别（应为数字）' },
    ]));
  test("an empty population is #N/A", () =>
    expect(call(F.valuetier, cell(5), col(null, null))).toEqual([err("#N/A")]));
});

describe("ACTIVITY (SPEC §10: no purchase 潜在, ≤ 180 days 活跃, older 流失)", () => {
  test.each<[unknown, string]>([
    [today, "活跃"],
    [today - 180, "活跃"],
    [today - 181, "流失"],
    ["2026-06-01", "活跃"],
    ["2025-01-01", "流失"],
    ["无", "潜在"],
    ["none", "潜在"],
    ["从未购买", "潜在"],
  ])("%p → %p", (d, a) =>
    expect(call(F.activity, cell(d), cell(today))).toEqual([a]),
  );
  test("a purchase after today is #NUM!", () =>
    expect(call(F.activity, cell(today + 1), cell(today))).toEqual([
      err("#NUM!"),
    ]));
  test("blank stays blank; English labels", () =>
    expect(call(F.activity, col(null, today), cell(today), "en")).toEqual([
      "",
      "Active",
    ]));
});
