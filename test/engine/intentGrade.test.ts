/** SPEC §3 intent classes: each band and each boundary. */
import { F, call, cell, col, err, useLanguage } from "../helpers";

beforeAll(() => useLanguage("zh"));

describe("INTENTGRADE bands (SPEC §3)", () => {
  test.each<[unknown, string]>([
    [100, "A"],
    [90, "A"],
    [89.999, "B"],
    [70, "B"],
    [69.999, "C"],
    [60, "C"],
    [59.999, "D"],
    [0, "D"],
    ["90", "A"],
    ["９０", "A"],
    ["85%", "B"],
    ["65分", "C"],
  ])("%p → %p", (score, cls) =>
    expect(call(F.intentgrade, cell(score))).toEqual([cls]),
  );

  test.each([-0.1, 100.1, 1000, "120"])("%p is out of range → #NUM!", (score) =>
    expect(call(F.intentgrade, cell(score))).toEqual([err("#NUM!")]),
  );
  test.each([0.85, 0.5, 0.001, 0.999])(
    "%p, a fraction (what a cell showing 85%% holds), is #NUM! asking for points",
    (score) => {
      expect(call(F.intentgrade, cell(score))).toEqual([err("#NUM!")]);
      expect(String(call(F.whyintentgrade, cell(score), "en")[0])).toContain(
        "looks like a percentage",
      );
    },
  );
  test("0 and 1 are points (D), the text 85% is 85 points", () =>
    expect(call(F.intentgrade, col(0, 1, "85%"))).toEqual(["D", "D", "B"]));
  test.each(["high", true, "A"])("%p is unreadable → #VALUE!", (score) =>
    expect(call(F.intentgrade, cell(score))).toEqual([err("#VALUE!")]),
  );
  test("a column spills, blank cells stay blank, 0 is a score", () => {
    expect(call(F.intentgrade, col(95, null, 0, "x"))).toEqual([
      "A",
      "",
      "D",
      err("#VALUE!"),
    ]);
  });
  test("WHYINTENTGRADE reads the source's traits of the class", () => {
    const [why] = call(F.whyintentgrade, cell(75), "zh");
    expect(why).toContain("B — 得分 75 ≥ 70 → B类 [依据《客户意向判断》]");
    expect(why).toContain("需要与家人商量");
    const [d] = call(F.whyintentgrade, cell(10), "en");
    expect(d).toContain("class D");
    expect(d).toContain("随便看看或者近期不急买房子");
  });
});
