/**
 * Every text the add-in writes fits in a cell (Excel holds at most 32,767 characters and refuses
 * a longer text, so one over-long explanation would fail a whole write), and an explanation
 * names a repeated reading once with its count. Dates computed stay within Excel's calendar.
 */
import fc from "fast-check";
import { CELL_TEXT_MAX, clipCellText } from "../../src/engine/text";
import { joinTrace, makeCtx } from "../../src/engine/ctx";
import { sales } from "../../src/engine/sales";
import { CellError } from "../../src/engine/cellError";
import { asText } from "../../src/sheet/rowFormulas";

const zh = makeCtx({ lang: "zh" });
const en = makeCtx({ lang: "en" });

test("clipCellText: at most a cell, a prefix of the text, never half a surrogate pair (property)", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.integer({ min: 1, max: 3000 }),
      (piece, times) => {
        const t = piece.repeat(times);
        const c = clipCellText(t);
        expect(c.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
        if (t.length <= CELL_TEXT_MAX) expect(c).toBe(t);
        else {
          expect(c.endsWith("…")).toBe(true);
          const body = c.slice(0, -1);
          expect(t.startsWith(body)).toBe(true);
          const last = body.charCodeAt(body.length - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        }
      },
    ),
    { numRuns: 200 },
  );
});

const PHRASES = [
  "客户说考虑一下，问了价格",
  "又问了售后",
  "还在对比别家",
  "asked about the price and the warranty",
  "已签约",
  "没拒绝",
  "约了周六上门量房",
  "😀",
];

test("WHY… texts and the pane's static texts of very long notes fit in a cell (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 4000 }),
      (parts, times) => {
        const note = parts.join("，").repeat(times);
        for (const ctx of [zh, en]) {
          const why = (
            sales.WHYINTENTSTAGE([[note]], null, ctx) as unknown[]
          )[0] as string;
          expect(typeof why).toBe("string");
          expect(why.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
          expect(asText(why + why).length).toBeLessThanOrEqual(CELL_TEXT_MAX);
        }
      },
    ),
    { numRuns: 40 },
  );
});

test("a reading repeated in a note is shown once with its count", () => {
  const why = (
    sales.WHYINTENTSTAGE(
      [["问了价格，问了价格，问了价格"]],
      null,
      zh,
    ) as string[]
  )[0]!;
  expect(why).toContain("（×3）");
  expect(why.match(/“价格”/g)).toHaveLength(1);
  expect(joinTrace(en, ["a", "b", "a"])).toBe("a (×2); b");
  expect(joinTrace(zh, ["a", "b"])).toBe("a；b");
});

test("NEXTFOLLOWUP past Excel's last date is #NUM! naming lastContact, not a serial Excel cannot show", () => {
  const r = sales.NEXTFOLLOWUP([[3]], [["9999-12-31"]], en) as unknown[];
  expect(r[0]).toBeInstanceOf(CellError);
  expect((r[0] as CellError).code).toBe("NUM");
  expect(sales.NEXTFOLLOWUP([[3]], [["9999-12-28"]], en)).toEqual([2958465]);
});
