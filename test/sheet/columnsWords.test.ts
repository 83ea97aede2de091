/** A workbook's own header words, remembered mappings, and the team's own grade beside ours. */
import {
  assignColumn,
  learnWords,
  mappingToSave,
  parseWorkbookWords,
  proposeMapping,
  restoreMapping,
} from "../../src/sheet/columnMapping";
import { teamAgreement, teamLetter } from "../../src/sheet/summary";
import { apply, scan } from "../../src/taskpane/grade/gradeController";
import { FakeWorkbook, installFakeOffice } from "../fakeExcel/fakeExcel";

describe("the workbook's own words", () => {
  test("keys or labels in either language; '-' words rule an input out", () => {
    const { words, issues } = parseWorkbookWords({
      付款能力: ["经济条件", "-付款方式说明"],
      "Last contact": "最后拜访",
      timeline: { words: ["交期"], never: ["交期说明"] },
    });
    expect(issues).toEqual([]);
    expect(words.payment).toEqual({
      words: ["经济条件"],
      never: ["付款方式说明"],
    });
    expect(words.lastContact?.words).toEqual(["最后拜访"]);
    expect(words.timeline).toEqual({ words: ["交期"], never: ["交期说明"] });
    const m = proposeMapping(["经济条件", "最后拜访", "交期"], { words });
    expect([m.payment.column, m.lastContact.column, m.timeline.column]).toEqual(
      [0, 1, 2],
    );
    expect(m.payment.confidence).toBeGreaterThanOrEqual(0.95);
  });

  test("a never-word overrides the built-in table", () => {
    const { words } = parseWorkbookWords({ payment: ["-支付能力评估"] });
    expect(proposeMapping(["支付能力评估"]).payment.column).toBe(0);
    expect(
      proposeMapping(["支付能力评估"], { words }).payment.column,
    ).toBeNull();
  });

  test.each([
    ["not an object", "付款能力", [""]],
    ["an array", ["a"], [""]],
    ["an unknown input", { 天气: ["晴"] }, ["天气"]],
    ["a word that is not text", { payment: [3, "经济条件"] }, ["payment"]],
    ["a blank word", { payment: ["  "] }, ["payment"]],
    [
      "a word too long to be a header",
      { payment: ["长".repeat(61)] },
      ["payment"],
    ],
  ])(
    "stored words are untrusted: %s is reported and skipped",
    (_, raw, paths) => {
      const { words, issues } = parseWorkbookWords(raw);
      expect(issues.map((i) => i.path)).toEqual(paths);
      for (const i of issues) expect(i.message.length).toBeGreaterThan(5);
      // what could be read is kept
      if (JSON.stringify(raw).includes("经济条件"))
        expect(words.payment?.words).toEqual(["经济条件"]);
    },
  );

  test("null or missing settings are no words", () => {
    expect(parseWorkbookWords(null)).toEqual({ words: {}, issues: [] });
    expect(parseWorkbookWords(undefined)).toEqual({ words: {}, issues: [] });
  });

  test("a header mapped by hand is learned; one already known is not", () => {
    const headers = ["客户", "钱袋子", "付款能力"];
    let m = proposeMapping(headers);
    expect(m.payment.column).toBe(2);
    m = assignColumn(m, "payment", 1);
    const learned = learnWords({}, m, headers);
    expect(learned?.payment?.words).toEqual(["钱袋子"]);
    expect(proposeMapping(["钱袋子"], { words: learned }).payment.column).toBe(
      0,
    );
    // already recognised surely: nothing to learn
    expect(
      learnWords(
        {},
        assignColumn(proposeMapping(headers), "payment", 2),
        headers,
      ),
    ).toBeUndefined();
    // a proposal the user did not touch teaches nothing
    expect(learnWords({}, proposeMapping(headers), headers)).toBeUndefined();
  });
});

describe("remembered mappings", () => {
  test("several observation columns are remembered and follow moved columns", () => {
    const headers = ["客户", "第一次回访", "第二次回访", "上次联系"];
    const saved = mappingToSave(proposeMapping(headers), headers);
    expect(saved.observations).toEqual(["第一次回访", "第二次回访"]);
    const moved = ["上次联系", "第二次回访", "客户", "第一次回访"];
    const m = restoreMapping(saved, moved);
    expect(m.observations.columns).toEqual([1, 3]);
    expect(m.observations.reason?.effect).toBe("remembered");
  });
  test("a mapping saved before the inputs were renamed still applies", () => {
    const headers = ["我的客户", "我的记录", "阶段", "交期"];
    const m = restoreMapping(
      { name: "我的客户", notes: "我的记录", stage: "阶段", deadline: "交期" },
      headers,
    );
    expect(m.customerName.column).toBe(0);
    expect(m.observations.columns).toEqual([1, 2]);
    expect(m.timeline.column).toBe(3);
  });
  test("two columns with the same header are restored to two columns", () => {
    const headers = ["备注", "备注", "客户"];
    const m = restoreMapping({ observations: ["备注", "备注"] }, headers);
    expect(m.observations.columns).toEqual([0, 1]);
  });
  test.each([
    ["a string", "payment"],
    ["null", null],
    ["numbers", { payment: 3 }],
    ["an unknown input", { weather: "客户" }],
    ["a header no longer there", { payment: "旧表头" }],
  ])("untrusted stored mapping (%s) falls back to the proposal", (_, saved) => {
    const headers = ["付款能力", "客户"];
    expect(restoreMapping(saved, headers)).toEqual(proposeMapping(headers));
  });
});

describe("the team's own grade", () => {
  test.each([
    ["A", "A"],
    ["ａ", "A"],
    ["B级", "B"],
    ["C类", "C"],
    ["H级客户", "H"],
    ["A+", "A"],
    ["很好", undefined],
    [3, undefined],
    ["", undefined],
  ])("%p reads as %p", (cell, letter) => expect(teamLetter(cell)).toBe(letter));

  test("counts the team's grades and the rows where they equal ours", () => {
    const t = teamAgreement(
      ["A", "B级", "H", "", "C"],
      ["A", "C", "A", "B", undefined],
    );
    expect(t.grades).toEqual({ A: 1, B: 1, H: 1, C: 1 });
    expect(t.compared).toBe(3);
    expect(t.agree).toBe(1);
  });

  test("in the pane: shown beside ours, never read as an input; learned words saved", async () => {
    const wb = installFakeOffice(new FakeWorkbook());
    wb.setValues("Sheet1", 0, 0, [
      [
        "客户姓名",
        "客户类别",
        "钱袋子",
        "满意度",
        "回访次数",
        "来电次数",
        "看房次数",
        "购买流程询问",
        "价格承受能力",
      ],
      ["王先生", "A", "A", "A", 3, 2, 2, "A", "A"],
      ["李女士", "A", "B", "B", 1, 0, 0, "B", "B"],
      ["张先生", "C", "A", "A", 1, 1, 0, "B", "B"],
      ["刘女士", "B", "A", "A", 2, 1, 1, "A", "B"],
    ]);
    wb.selection = { sheet: "Sheet1", r: 1, c: 0, h: 1, w: 1 };
    const s = (await scan())!;
    expect(s.mapping.teamGrade.column).toBe(1);
    expect(s.mapping.payment.column).toBeNull();
    const mapping = assignColumn(s.mapping, "payment", 2);
    const r = await apply(s, mapping, {
      outputs: ["grade"],
      live: false,
      lang: "zh",
      today: 46351,
    });
    expect(r.status).toBe("done");
    if (r.status !== "done") return;
    expect(r.summary.team?.grades).toEqual({ A: 2, B: 1, C: 1 });
    expect(r.summary.team?.compared).toBe(4);
    // grades computed from 钱袋子 etc.; the team's "A" never entered them
    const ours = r.summary.grades;
    expect(Object.values(ours).reduce((a, b) => a + b, 0)).toBe(4);
    expect(wb.settings.get("SALES.headerWords")).toEqual({
      payment: { words: ["钱袋子"], never: [] },
    });
    // the next scan recognises the taught word
    const again = (await scan())!;
    expect(again.mapping.payment.column).toBe(2);
  });
});
