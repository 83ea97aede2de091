/** The summary groups the notes it could not read by text, most frequent first, and never cuts a list silently. */
import fc from "fast-check";
import { firstOf, groupUnread, summarise } from "../../src/sheet/summary";
import { proposeMapping } from "../../src/sheet/columnMapping";
import { computeStatic } from "../../src/sheet/rowFormulas";

test("groups by text, most frequent first, rows in sheet order", () => {
  const groups = groupUnread([
    { row: 4, text: "未接通" },
    { row: 0, text: "天气不错" },
    { row: 2, text: " 未接通 " },
    { row: 7, text: "同上" },
    { row: 9, text: "同上" },
    { row: 8, text: "未接通" },
  ]);
  expect(groups).toEqual([
    { text: "未接通", rows: [2, 4, 8] },
    { text: "同上", rows: [7, 9] },
    { text: "天气不错", rows: [0] },
  ]);
});

test("every row lands in exactly one group; counts never rise down the list", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("a", "b", "c", "d b", "d  b", "e"), {
        maxLength: 60,
      }),
      (texts) => {
        const groups = groupUnread(texts.map((text, row) => ({ row, text })));
        const rows = groups.flatMap((g) => g.rows).sort((x, y) => x - y);
        expect(rows).toEqual(texts.map((_, i) => i));
        for (let i = 1; i < groups.length; i++)
          expect(groups[i]!.rows.length).toBeLessThanOrEqual(
            groups[i - 1]!.rows.length,
          );
        expect(new Set(groups.map((g) => g.text)).size).toBe(groups.length);
      },
    ),
  );
});

test("firstOf says how many it leaves out", () => {
  fc.assert(
    fc.property(fc.array(fc.nat()), fc.nat(30), (xs, limit) => {
      const { shown, more } = firstOf(xs, limit);
      expect(shown.length + more).toBe(xs.length);
      expect(shown).toEqual(xs.slice(0, limit));
    }),
  );
});

describe("the static apply path", () => {
  const mapping = proposeMapping(["跟进记录", "上次联系"]);
  const rows = [
    ["未接通", 46300],
    ["询问价格", 46300],
    ["", 46300],
    ["未接通", 46301],
    ["天气不错", 46302],
  ];
  const out = computeStatic(
    rows,
    mapping,
    ["stage", "stageLabel", "nextFollowUp"],
    "zh",
    undefined,
    46351,
  );
  test("notes with no signal are grouped for the summary, not listed as problems", () => {
    expect(out.problems).toEqual([]);
    expect(
      summarise(rows.length, [], [], out.problems, undefined, out.unread)
        .unread,
    ).toEqual([
      { text: "未接通", rows: [0, 3] },
      { text: "天气不错", rows: [4] },
    ]);
  });
  test("a blank note leaves its follow-up date blank: no error naming the add-in's own output", () => {
    expect(out.columns.get("stage")?.[2]).toBe("");
    expect(out.columns.get("nextFollowUp")?.[2]).toBe("");
    expect(out.columns.get("nextFollowUp")?.[1]).toBe(46303);
  });
});
