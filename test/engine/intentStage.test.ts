/** SPEC §5 intent stages: signals, longest match first, and the rule that picks the stage. */
import { F, call, col, err, useLanguage } from "../helpers";

beforeAll(() => useLanguage("zh"));
const stage = (...cells: unknown[]) => call(F.intentstage, [cells])[0];

describe("INTENTSTAGE signals, one per stage (SPEC §5 table)", () => {
  test.each<[string, number]>([
    ["客户拒绝，直接挂了", -1],
    ["不感兴趣", -1],
    ["not interested", -1],
    ["不拒绝，说在开会，约下次", 0],
    ["客户抱怨上次的服务", 0],
    ["in a meeting, call back later", 0],
    ["愿意听，回答问题", 1],
    ["询问基本信息", 1],
    ["answers questions", 1],
    ["询问效果，和竞品比较", 2],
    ["可以约访", 2],
    ["compares with competitors", 2],
    ["询问价格和优惠", 3],
    ["问售后和上线时间", 3],
    ["asked price and discount", 3],
    ["确定成交，但在外地出差", 4],
    ["确定成交，考虑推广金额", 4],
    ["deal confirmed, signing date next week", 4],
    ["已签约，已付款", 5],
    ["E类", 5],
    ["signed and paid", 5],
  ])("%p → %p", (text, s) => expect(stage(text)).toBe(s));
});

describe("longest match first", () => {
  test("不拒绝 is not read as 拒绝", () => expect(stage("不拒绝")).toBe(0));
  test("不反感 is not read as 反感", () => expect(stage("不反感")).toBe(0));
  test("反感 alone is a refusal", () => expect(stage("很反感")).toBe(-1));
  test("未签约 is not read as 已签约/签约", () =>
    expect(stage("未签约，询问价格")).toBe(3));
  test("unpaid is not read as paid", () =>
    expect(stage("unpaid, asked price")).toBe(3));
  test("签约时间 is stage 4, not won", () =>
    expect(stage("约定签约时间")).toBe(4));
});

describe("the rule: won > highest positive > refusal > #N/A", () => {
  test("won beats everything", () =>
    expect(stage("拒绝过", "询问价格", "已签约")).toBe(5));
  test("the highest positive stage wins", () =>
    expect(stage("有互动", "询问价格", "可以约访")).toBe(3));
  test("a positive signal beats an earlier refusal", () =>
    expect(stage("上次拒绝，这次询问价格")).toBe(3));
  test("refusal only → −1", () => expect(stage("拒绝")).toBe(-1));
  test("nothing recognised → #N/A", () =>
    expect(stage("天气不错")).toEqual({
      error: "#N/A",
      message: '跟进记录: 未识别到任何意向信号（"天气不错"）',
    }));
});

describe("stage names and numbers", () => {
  test.each<[unknown, number]>([
    [3, 3],
    ["3", 3],
    ["阶段3", 3],
    ["Stage 2", 2],
    ["stage -1", -1],
    ["阶段4 确定成交", 4],
    ["考虑成交", 3],
    ["评估价值", 2],
  ])("%p → %p", (v, s) => expect(stage(v)).toBe(s));
  test("第2次来访 counts visits, it is not a stage", () =>
    expect(stage("第2次来访，询问价格")).toBe(3));
  test.each([7, "阶段9", -2])("%p is out of range → #NUM!", (v) =>
    expect(stage(v)).toEqual(err("#NUM!")),
  );
});

describe("signal headers", () => {
  test("a yes mark under a signal header is that signal; a no mark is nothing", () => {
    const headers = [["询问价格", "已签约", "备注"]];
    const rows = [
      ["✓", "", ""],
      ["", "是", ""],
      ["否", "否", "愿意听"],
      ["", "", ""],
    ];
    expect(call(F.intentstage, rows, headers)).toEqual([3, 5, 1, ""]);
  });
  test("headers of another width are #VALUE!", () =>
    expect(call(F.intentstage, [["x", "y"]], [["a"]])).toEqual([
      err("#VALUE!"),
    ]));
});

describe("WHYINTENTSTAGE", () => {
  test("names each signal, the rule and the next step", () => {
    const [why] = call(F.whyintentstage, [["有互动，询问价格"]], null, "zh");
    expect(why).toContain("3 — ");
    expect(why).toContain("“有互动”（有互动）→ 阶段1 有互动");
    expect(why).toContain("“价格”（询问价格）→ 阶段3 考虑成交");
    expect(why).toContain(
      "结果：阶段3 考虑成交（取最高的正向信号）[依据《客户意向判断》]",
    );
    expect(why).toContain("推动从阶段3到阶段4");
  });
  test("in English", () => {
    const [why] = call(F.whyintentstage, [["not interested"]], null, "en");
    expect(why).toContain(
      "result: stage -1 refused (refusal signals only) [per “Customer intent”]",
    );
  });
});

test("a column of notes spills one stage per row", () => {
  expect(call(F.intentstage, col("询问价格", null, "已付款", "拒绝"))).toEqual([
    3,
    "",
    5,
    -1,
  ]);
});
