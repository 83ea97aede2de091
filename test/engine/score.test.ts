/** SPEC §4 SCORE over the source's points table, given as a criteria range like the criteria sheet's. */
import { POINTS_TABLE } from "../../src/engine/tables/pointsTable";
import { F, call, err, useLanguage } from "../helpers";

beforeAll(() => useLanguage("zh"));

const criteria = [
  ["项目", "选项", "分值"],
  ...POINTS_TABLE.map((r) => [r.item, r.option, r.points]),
];
const ITEMS = [
  "有钱",
  "有需要",
  "有保健意识",
  "有决定权",
  "谁是使用者",
  "上门家访",
  "接触过老顾客",
  "老顾客转介绍",
  "参加过交流会",
];

describe("SCORE (SPEC §4)", () => {
  test("the source's nine items, in order, best options → 90", () => {
    const answers = [
      [
        9000,
        "需求强烈",
        "意识强，正在使用产品",
        "自己决定",
        "夫妻/全家",
        "经理和员工一起",
        3,
        "转介绍，自己来",
        "是",
      ],
    ];
    expect(call(F.score, answers, criteria)).toEqual([90]);
  });

  test("thresholds: the highest threshold the answer meets wins", () => {
    const s = (income: unknown) => call(F.score, [[income]], criteria)[0];
    expect(s(8000)).toBe(10);
    expect(s("８，０００元")).toBe(10);
    expect(s(7999)).toBe(8);
    expect(s(5000)).toBe(8);
    expect(s(3000)).toBe(5);
    expect(s("1万")).toBe(10);
    expect(s(2999)).toEqual({
      error: "#N/A",
      message: "有钱: 2999 不匹配任何选项",
    });
  });

  test.each([
    [">=8000", 9000, 10],
    ["8000以上", 8000, 10],
    ["8000及以上", 8000, 10],
    ["≥8000", 8000, 10],
    [">8000", 8000, null],
  ])("threshold form %p", (option, answer, points) => {
    const out = call(F.score, [[answer]], [["收入", option, 10]])[0];
    if (points === null) expect(out).toEqual(err("#N/A"));
    else expect(out).toBe(points);
  });

  test("options match by text, yes/no polarity, or a unique partial", () => {
    const s = (item: string, a: unknown) => {
      const cols = ITEMS.map((it) => (it === item ? a : null));
      return call(F.score, [cols], criteria)[0];
    };
    expect(s("参加过交流会", "Y")).toBe(10);
    expect(s("参加过交流会", "×")).toBe(5);
    expect(s("接触过老顾客", 1)).toBe(8);
    expect(s("接触过老顾客", 2)).toBe(10);
    expect(s("有需要", "强烈")).toBe(10);
    expect(s("谁是使用者", "送礼")).toBe(5);
  });

  test("headers match answers to items by name, in any order; other headers are #N/A", () => {
    const headers = [["参加过交流会", "有钱"]];
    expect(call(F.score, [["是", 5000]], criteria, headers)).toEqual([18]);
    expect(
      call(F.score, [["是", 5000]], criteria, [["参加过交流会", "电话"]]),
    ).toEqual([err("#N/A")]);
  });

  test("asPercent: total ÷ maximum × 100", () => {
    expect(
      call(F.score, [["是", 5000]], criteria, [["参加过交流会", "有钱"]], true),
    ).toEqual([20]);
    expect(call(F.score, [[3000]], criteria, null, "是")).toEqual([
      (5 / 90) * 100,
    ]);
  });

  test("blank answers score 0; blank rows stay blank", () => {
    expect(
      call(
        F.score,
        [
          [8000, null],
          [null, null],
        ],
        criteria,
      ),
    ).toEqual([10, ""]);
  });

  test("more answer columns than items is #VALUE!", () => {
    expect(
      call(
        F.score,
        [[1, 2, 3, 4]],
        [
          ["a", "x", 1],
          ["b", "y", 2],
        ],
      ),
    ).toEqual([err("#VALUE!")]);
  });

  test("criteria with blank item cells continue the item above (merged cells)", () => {
    const merged = [
      ["有钱", "≥8000", 10],
      [null, "≥5000", 8],
      ["有需要", "强", 10],
      [null, "弱", 2],
    ];
    expect(call(F.score, [[6000, "弱"]], merged)).toEqual([10]);
  });

  test("unreadable points in criteria name the row", () =>
    expect(
      call(
        F.score,
        [[1]],
        [
          ["a", "x", 1],
          ["a", "y", "lots"],
        ],
      ),
    ).toEqual([
      {
        error: "#VALUE!",
        message: '评分标准: 第 2 行（a · y）的分值 "lots" 无法识别',
      },
    ]));

  test("a first row with unreadable points that is no header row is #VALUE! naming it, never dropped", () => {
    const bad = [
      ["预算", "有", "abc"],
      ["预算", "无", 0],
      ["决策人", "是", 5],
    ];
    expect(call(F.score, [["有", "是"]], bad)).toEqual([
      {
        error: "#VALUE!",
        message: '评分标准: 第 1 行（预算 · 有）的分值 "abc" 无法识别',
      },
    ]);
    useLanguage("en");
    try {
      expect(call(F.score, [["有", "是"]], bad)).toEqual([
        {
          error: "#VALUE!",
          message: 'criteria: row 1 (预算 · 有) has unreadable points "abc"',
        },
      ]);
    } finally {
      useLanguage("zh");
    }
  });

  test("a header row is a first row that names its columns, in either language", () => {
    for (const header of [
      ["项目", "选项", "分值"],
      ["Item", "Option", "Points"],
      ["", "", "得分"],
      ["问题", "回答", ""],
      ["Criterion", "Answer", "Score (pts)"],
    ])
      expect(
        call(
          F.score,
          [["有"]],
          [header, ["预算", "有", 10], ["预算", "无", 0]],
        ),
      ).toEqual([10]);
  });

  test("unreadable points below the first row name the row, the item and the value", () =>
    expect(
      call(
        F.score,
        [[1]],
        [
          ["项目", "选项", "分值"],
          ["a", "x", 1],
          [null, "y", "lots"],
        ],
      ),
    ).toEqual([
      {
        error: "#VALUE!",
        message: '评分标准: 第 3 行（a · y）的分值 "lots" 无法识别',
      },
    ]));

  test("a trainer changes a points value and the score moves", () => {
    const edited = criteria.map((r) =>
      r[0] === "有钱" && r[2] === 10 ? [r[0], r[1], 20] : r,
    );
    expect(call(F.score, [[9000]], edited)).toEqual([20]);
  });

  test("SCORE → INTENTGRADE", () => {
    const pct = call(
      F.score,
      [
        [
          9000,
          "需求强烈",
          "意识强，正在使用产品",
          "自己决定",
          "夫妻/全家",
          "员工单独",
          3,
          "转介绍，自己来",
          "否",
        ],
      ],
      criteria,
      null,
      true,
    );
    expect(pct[0]).toBeCloseTo((83 / 90) * 100, 9); // 92.2 %
    expect(call(F.intentgrade, [[pct[0]]])).toEqual(["A"]);
    const b = call(
      F.score,
      [
        [
          6000,
          "一般需求",
          "有意识，尝试购买过",
          "配偶干涉",
          "夫妻/全家",
          "员工单独",
          3,
          "转介绍，自己来",
          "否",
        ],
      ],
      criteria,
      null,
      true,
    );
    expect(b[0]).toBeCloseTo((75 / 90) * 100, 9); // 83.3 %
    expect(call(F.intentgrade, [[b[0]]])).toEqual(["B"]);
  });
});
