/**
 * Follow-ups due: the date boundaries (due today = 0 days overdue, tomorrow not due), grouping
 * by owner, the stage's advice, and the lead rows the list is built from (the sheet's own
 * follow-up column, else last contact + the stage's cadence).
 */
import {
  dueList,
  dueSheetRows,
  stageAdvice,
} from "../../src/followups/dueList";
import { proposeMapping } from "../../src/sheet/columnMapping";
import { readLeadRows } from "../../src/sheet/leadRows";
import { NEXT_ACTIONS } from "../../src/engine/tables/intentStages";
import { TODAY, lead } from "../toolsFixtures";

describe("dueList boundaries", () => {
  test.each([
    [TODAY - 30, true, 30],
    [TODAY - 1, true, 1],
    [TODAY, true, 0],
    [TODAY + 1, false, null],
    [undefined, false, null],
  ])("next follow-up %p → due %p, overdue %p", (next, due, overdue) => {
    const list = dueList(
      [lead(0, { owner: "张三", stage: 2, nextFollowUp: next })],
      TODAY,
    );
    expect(list.length > 0).toBe(due);
    if (due) expect(list[0]!.items[0]!.overdueDays).toBe(overdue);
  });

  test("grouped by owner (most due first, no owner last), most overdue first, blank rows skipped", () => {
    const rows = [
      lead(0, { owner: "李四", stage: 3, nextFollowUp: TODAY - 1 }),
      lead(1, { owner: "张三", stage: 0, nextFollowUp: TODAY - 2 }),
      lead(2, { owner: "张三", stage: 4, nextFollowUp: TODAY - 9 }),
      lead(3, { owner: "", stage: 1, nextFollowUp: TODAY - 20 }),
      lead(4, { owner: "王五", stage: 1, nextFollowUp: TODAY + 3 }),
      lead(5, { blank: true, nextFollowUp: TODAY - 1 }),
    ];
    const list = dueList(rows, TODAY);
    expect(list.map((g) => g.owner)).toEqual(["张三", "李四", ""]);
    expect(list[0]!.items.map((i) => [i.index, i.overdueDays])).toEqual([
      [2, 9],
      [1, 2],
    ]);
    const sheet = dueSheetRows(list, "zh", (i) => i + 2);
    expect(sheet[0]).toEqual([
      "负责人",
      "行号",
      "客户",
      "意向阶段",
      "下次跟进",
      "逾期天数",
      "建议",
    ]);
    expect(sheet[1]).toEqual([
      "张三",
      4,
      "",
      "阶段4 确定成交",
      TODAY - 9,
      9,
      NEXT_ACTIONS[4].zh,
    ]);
    expect(sheet[sheet.length - 1]![0]).toBe("（未分配）");
    expect(stageAdvice(3, "en")).toBe(NEXT_ACTIONS[3].en);
  });
});

describe("readLeadRows: where the follow-up date comes from", () => {
  const headers = ["客户姓名", "负责人", "上次联系", "意向阶段", "下次跟进"];
  test("the sheet's own follow-up column wins; without it, last contact + cadence", () => {
    const rows = [
      ["王伟", "张三", "2026-11-20", 3, TODAY - 4],
      ["李娜", "李四", "2026-11-20", 3, ""],
      ["", "", "", "", ""],
    ];
    const m = proposeMapping(headers);
    const r = readLeadRows(headers, rows, m, "zh", TODAY);
    expect(r.sources.nextFollowUp).toEqual({ column: 4 });
    expect(r.rows[0]!.nextFollowUp).toBe(TODAY - 4);
    expect(r.rows[1]!.nextFollowUp).toBe(TODAY - 5 + 3); // 2026-11-20 + 3 days (stage 3)
    expect(r.rows[2]!.blank).toBe(true);
    const without = readLeadRows(
      headers.slice(0, 4),
      rows.map((x) => x.slice(0, 4)),
      proposeMapping(headers.slice(0, 4)),
      "zh",
      TODAY,
    );
    expect(without.rows[0]!.nextFollowUp).toBe(TODAY - 2);
  });

  test("grades, urgency and class read from the add-in's columns in either language", () => {
    const h = [
      "Name",
      "Owner",
      "Lead grade",
      "Intent stage",
      "Urgency",
      "Intent class",
    ];
    const rows = [
      ["Li", "Ann", "b", "Stage 3", "High", "A"],
      ["Wu", "Bo", "Ｃ", "阶段0 不拒绝", "低", "x"],
    ];
    const r = readLeadRows(h, rows, proposeMapping(h), "en", TODAY);
    expect(
      r.rows.map((x) => [x.grade, x.stage, x.urgency, x.intentClass]),
    ).toEqual([
      ["B", 3, "high", "A"],
      ["C", 0, "low", undefined],
    ]);
  });
});
