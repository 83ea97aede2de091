/** SPEC §5–§7: the follow-up cadence per stage, stage labels, status and next actions. */
import { F, call, cell, col, err, useLanguage } from "../helpers";

beforeAll(() => useLanguage("zh"));
const nov25 = 46351;

describe("NEXTFOLLOWUP cadence (SPEC §6)", () => {
  test.each<[unknown, number | ""]>([
    [0, 15],
    [1, 7],
    [2, 7],
    [3, 3],
    [4, 3],
    [5, 15],
    [-1, ""],
  ])("stage %p → last contact + %p days", (s, days) =>
    expect(call(F.nextfollowup, cell(s), cell(nov25))).toEqual([
      days === "" ? "" : nov25 + days,
    ]),
  );

  test("reads stage labels and text dates", () => {
    expect(
      call(F.nextfollowup, cell("阶段3 考虑成交"), cell("2026年11月25日")),
    ).toEqual([nov25 + 3]);
    expect(call(F.nextfollowup, cell("Stage 1"), cell("2026/11/25"))).toEqual([
      nov25 + 7,
    ]);
  });
  test("a missing last contact is #N/A naming it", () =>
    expect(call(F.nextfollowup, cell(2), cell(null))).toEqual([
      { error: "#N/A", message: "上次联系日期: 必填，不能为空" },
    ]));
  test("a missing stage is #N/A", () =>
    expect(call(F.nextfollowup, cell(null), cell(nov25))).toEqual([
      err("#N/A"),
    ]));
  test("an unreadable date is #VALUE!", () =>
    expect(call(F.nextfollowup, cell(1), cell("上周"))).toEqual([
      err("#VALUE!"),
    ]));
  test("a stage out of range is #NUM!", () =>
    expect(call(F.nextfollowup, cell(6), cell(nov25))).toEqual([err("#NUM!")]));
  test("columns spill; blank rows stay blank", () =>
    expect(
      call(F.nextfollowup, col(0, null, 3), col(nov25, null, nov25)),
    ).toEqual([nov25 + 15, "", nov25 + 3]));
});

describe("STAGELABEL, STATUS, NEXTACTION", () => {
  test.each<[number, string, string, string]>([
    [-1, "阶段-1 拒绝", "Stage -1 · refused", "排斥型"],
    [0, "阶段0 不拒绝", "Stage 0 · not refusing", "潜在客户"],
    [1, "阶段1 有互动", "Stage 1 · interacts", "关注型"],
    [2, "阶段2 评估价值", "Stage 2 · evaluates", "意向型"],
    [3, "阶段3 考虑成交", "Stage 3 · considers a deal", "决策型"],
    [4, "阶段4 确定成交", "Stage 4 · deal confirmed", "决策型"],
    [5, "阶段5 已成交", "Stage 5 · won", "忠诚客户"],
  ])("stage %p", (s, zh, en, st) => {
    expect(call(F.stagelabel, cell(s))).toEqual([zh]);
    expect(call(F.stagelabel, cell(s), "en")).toEqual([en]);
    expect(call(F.status, cell(s))).toEqual([st]);
    expect(call(F.stagelabel, cell(zh))).toEqual([zh]);
  });
  test("English status labels", () =>
    expect(call(F.status, col(3, 5), "English")).toEqual([
      "Deciding",
      "Loyal",
    ]));
  test("NEXTACTION gives the source's advice for 2→3 and 3→4", () => {
    expect(call(F.nextaction, cell(2))[0]).toContain("明确决策人情况");
    expect(call(F.nextaction, cell(3))[0]).toContain("让客户没有借口不签单");
    expect(call(F.nextaction, cell(3), "en")[0]).toContain("create urgency");
  });
  test("stage 0 given as a number over a column is a stage, not a blank", () =>
    expect(call(F.stagelabel, col(0, null))).toEqual(["阶段0 不拒绝", ""]));
  test.each(["x", 2.5, 9])("%p is not a stage", (s) =>
    expect(call(F.status, cell(s))[0]).toHaveProperty("error"),
  );
});
