/**
 * Every `sales.*` function accepts an omitted optional argument however a caller omits it:
 * `undefined`, `null`, or (for the functions that take an argument list) a shorter list. The
 * result is the same in each case — a caller is never punished for leaving one out.
 */
import fc from "fast-check";
import { makeCtx } from "../../src/engine/ctx";
import { sales } from "../../src/engine/sales";

const ctx = makeCtx({ lang: "en" });

const cellValue = fc.oneof(
  fc.constantFrom(
    null,
    "",
    0,
    1,
    2,
    3,
    -1,
    85,
    46351,
    true,
    false,
    "A",
    "B",
    "是",
    "否",
    "阶段3",
    "询问价格",
    "已签约",
    "拒绝",
    "老板",
    "激烈",
    "2026-11-25",
    "采购经理",
    "none",
  ),
  fc.integer({ min: -100, max: 100000 }),
  fc.string({ maxLength: 6 }),
);
const column = (n: number) =>
  fc.array(fc.tuple(cellValue), { minLength: n, maxLength: n }) as fc.Arbitrary<
    unknown[][]
  >;
const grid = (n: number, w: number) =>
  fc.array(fc.array(cellValue, { minLength: w, maxLength: w }), {
    minLength: n,
    maxLength: n,
  }) as fc.Arbitrary<unknown[][]>;
const arg = (n: number) => fc.oneof(column(1), column(n));
const criteria = fc.constant([
  ["项目", "选项", "分值"],
  ["预算", "有", 10],
  ["", "无", 0],
  ["决策人", "是", 5],
]);

type Call = (omitted: { value?: unknown; shorter: boolean }) => unknown;
interface Case {
  name: string;
  /** builds a call with the optional argument at `k` omitted one way or another */
  calls: (n: number) => fc.Arbitrary<{ optional: string; call: Call }[]>;
}

/** Argument-list functions (LEADGRADE, URGENCY): the optional argument is the last. */
function listCase(
  name: string,
  f: (a: readonly unknown[]) => unknown,
  required: number,
  optional: string,
): Case {
  return {
    name,
    calls: (n) =>
      fc.tuple(...Array.from({ length: required }, () => arg(n))).map((a) => [
        {
          optional,
          call: ({ value, shorter }) => f(shorter ? [...a] : [...a, value]),
        },
      ]),
  };
}

const S = sales;
const CASES: Case[] = [
  listCase("LEADGRADE", (a) => S.LEADGRADE(a, ctx), 7, "siteOpen"),
  listCase("WHYLEADGRADE", (a) => S.WHYLEADGRADE(a, ctx), 7, "siteOpen"),
  listCase("URGENCY", (a) => S.URGENCY(a, ctx), 4, "today"),
  listCase("WHYURGENCY", (a) => S.WHYURGENCY(a, ctx), 4, "today"),
  {
    name: "SCORE",
    calls: (n) =>
      fc.tuple(grid(n, 2), criteria).map(([answers, crit]) => [
        {
          optional: "headers",
          call: ({ value }) => S.SCORE(answers, crit, value, null, ctx),
        },
        {
          optional: "asPercent",
          call: ({ value }) => S.SCORE(answers, crit, null, value, ctx),
        },
      ]),
  },
  ...(["INTENTSTAGE", "WHYINTENTSTAGE"] as const).map((name): Case => ({
    name,
    calls: (n) =>
      grid(n, 2).map((obs) => [
        {
          optional: "headers",
          call: ({ value }) => S[name](obs, value, ctx),
        },
      ]),
  })),
  {
    name: "ACTIVITY",
    calls: (n) =>
      arg(n).map((p) => [
        { optional: "today", call: ({ value }) => S.ACTIVITY(p, value, ctx) },
      ]),
  },
];

describe.each(CASES)("sales.$name", ({ calls }) => {
  test("an optional argument given as undefined, null or left out gives one result", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => calls(n)),
        (list) => {
          for (const { optional, call } of list) {
            const asNull = call({ value: null, shorter: false });
            const asUndefined = call({ value: undefined, shorter: false });
            const leftOut = call({ shorter: true });
            expect({ optional, r: asUndefined }).toEqual({
              optional,
              r: asNull,
            });
            expect({ optional, r: leftOut }).toEqual({ optional, r: asNull });
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

test("WHYLEADGRADE with siteOpen left out explains what LEADGRADE grades", () => {
  for (const a of [
    ["A", "A", 3, 2, 2, 1, "A"],
    ["A", "A", 0, 0, 0, 1, "B"],
  ]) {
    const grade = sales.LEADGRADE(a, ctx);
    const why = sales.WHYLEADGRADE(a, ctx);
    expect(Array.isArray(grade) && Array.isArray(why)).toBe(true);
    expect(String((why as unknown[])[0]).split(" — ")[0]).toBe(
      (grade as unknown[])[0],
    );
  }
  expect(sales.LEADGRADE(["A", "A", 3, 2, 2, 1, "A"], ctx)).toEqual(["A"]);
});
