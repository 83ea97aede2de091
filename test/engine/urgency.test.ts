/** SPEC §8 urgency: each criterion's points, every total 0–9 and its level. */
import { F, call, cell, col, err, useLanguage } from "../helpers";

beforeAll(() => useLanguage("zh"));
const today = 46351; // 2026-11-25
const urg = (t: unknown, r: unknown, d: unknown, c: unknown, lang?: string) =>
  call(F.urgency, cell(t), cell(r), cell(d), cell(c), cell(today), lang)[0];

// Inputs worth 0…3 points for the timeline and 0…2 for the others (SPEC §8 table).
const TIMELINE = { 3: 20, 2: 60, 1: 200, 0: null } as const;
const RESOURCES = { 2: "已分配", 1: "申请中", 0: "未分配" } as const;
const DECISION = { 2: "老板", 1: "部门负责人", 0: "基层" } as const;
const COMPETITION = { 2: "激烈", 1: "一般", 0: "无" } as const;
const LEVEL = (total: number) => (total >= 6 ? "高" : total >= 3 ? "中" : "低");

describe("every total 0–9 → level (SPEC §8: ≥6 高, 3–5 中, 0–2 低)", () => {
  for (let total = 0; total <= 9; total++) {
    test(`total ${total} → ${LEVEL(total)}`, () => {
      let seen = 0;
      for (const t of [0, 1, 2, 3] as const)
        for (const r of [0, 1, 2] as const)
          for (const d of [0, 1, 2] as const)
            for (const c of [0, 1, 2] as const) {
              if (t + r + d + c !== total) continue;
              expect(
                urg(TIMELINE[t], RESOURCES[r], DECISION[d], COMPETITION[c]),
              ).toBe(LEVEL(total));
              seen++;
            }
      expect(seen).toBeGreaterThan(0);
    });
  }
});

describe("timeline (SPEC §8)", () => {
  const pts = (t: unknown) => {
    // with resources 高(2) and decision 高层(2): total = timeline + 4
    const v = urg(t, "高", "高层", "无");
    return v === "高" ? "≥2" : v === "中" ? "<2" : v;
  };
  test.each<[unknown, string]>([
    [30, "≥2"], // ≤ 30 days → 3
    [0.5, "≥2"],
    [-3, "≥2"], // passed → 3
    [90, "≥2"], // ≤ 90 → 2
    [91, "<2"], // > 90 → 1
    ["2026-12-20", "≥2"], // a text date 25 days away
    ["2027-06-01", "<2"],
    [today + 10, "≥2"], // a date serial
    ["有截止日期", "≥2"],
    ["是", "≥2"], // yes → 2
    ["否", "<2"], // no → 0
    ["30天", "≥2"],
  ])("%p", (t, expected) => expect(pts(t)).toBe(expected));

  test("exact points through the explanation", () => {
    const why = (t: unknown) =>
      call(
        F.whyurgency,
        cell(t),
        cell(null),
        cell(null),
        cell("激烈"),
        cell(today),
        "en",
      )[0] as string;
    expect(why(30)).toContain("30 days to the deadline → 3");
    expect(why(31)).toContain("31 days to the deadline → 2");
    expect(why(90)).toContain("→ 2");
    expect(why(91)).toContain("91 days to the deadline → 1");
    expect(why("2026-11-20")).toContain(
      "2026-11-20, -5 days to the deadline → 3",
    );
    expect(why("yes")).toContain('timeline: "yes" → 2');
  });
  test("days below −3650 are #NUM!", () =>
    expect(urg(-4000, "高", "高", "高")).toEqual(err("#NUM!")));
  test("an unreadable deadline is #VALUE! naming timeline", () =>
    expect(urg("soonish", "高", "高", "高")).toEqual({
      error: "#VALUE!",
      message:
        '项目时间线: "soonish" 无法识别（应为日期、剩余天数或有/无截止日期）',
    }));
  test("an unreadable today is #VALUE!", () =>
    expect(
      call(
        F.urgency,
        cell("2026-12-01"),
        cell("高"),
        cell("高"),
        cell("高"),
        cell("someday"),
      ),
    ).toEqual([err("#VALUE!")]));
  test("today defaults to the current date", () => {
    const now = new Date();
    const iso = `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
    const [why] = call(
      F.whyurgency,
      cell(iso),
      cell(null),
      cell(null),
      cell("激烈"),
      null,
      "en",
    );
    expect(why).toContain("0 days to the deadline → 3");
  });
});

describe("level and criterion words (SPEC §8)", () => {
  test("一般 is 1 here, not no-like", () =>
    expect(urg(null, "一般", "一般", "一般")).toBe("中"));
  test("yes-like 2, no-like 0", () => {
    expect(urg(null, "是", "是", "否")).toBe("中");
    expect(urg(null, "否", "否", "否")).toBe("低");
  });
  test("longest match first: 总经理 is senior (2), 部门经理 is middle (1)", () => {
    expect(urg(null, null, "总经理", "激烈")).toBe("中"); // 0+0+2+2 = 4
    expect(urg(20, null, "部门经理", "激烈")).toBe("高"); // 3+0+1+2 = 6
    expect(urg(20, null, "部门经理", "一般")).toBe("中"); // 3+0+1+1 = 5
  });
  test("English words", () =>
    expect(urg(10, "approved", "CEO", "fierce", "en")).toBe("High"));
  test("negated level words: 竞争不激烈 is 0", () =>
    expect(urg(20, "已分配", null, "竞争不激烈")).toBe("中"));
  test("unreadable level → #VALUE! naming the argument", () =>
    expect(urg(null, "maybe", "高", "高")).toEqual(
      expect.objectContaining({
        error: "#VALUE!",
        message: expect.stringContaining("资源投入"),
      }),
    ));
  test("an all-blank row stays blank; a column spills", () =>
    expect(
      call(
        F.urgency,
        col(20, null),
        col("已分配", null),
        col("老板", null),
        col("激烈", null),
        cell(today),
      ),
    ).toEqual(["高", ""]));
  test("WHYURGENCY gives the source's strategy", () => {
    const [why] = call(
      F.whyurgency,
      cell(20),
      cell("已分配"),
      cell("老板"),
      cell("激烈"),
      cell(today),
      "zh",
    );
    expect(why).toContain("高 — ");
    expect(why).toContain("合计 9/9");
    expect(why).toContain("[默认]");
    expect(why).toContain("积极主动跟进");
  });
});
