/**
 * Property tests (fast-check) over every custom function: nothing but a CustomFunctions.Error
 * is ever thrown, the same input gives the same output, and a spill has one row per lead.
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";

const StubError = (
  globalThis as unknown as {
    CustomFunctions: { Error: new (...a: unknown[]) => Error };
  }
).CustomFunctions.Error;

/** Values a sheet can hold: numbers, text (messy, CJK, full-width), booleans, blanks, and Excel's 0-for-blank. */
const cellValue = fc.oneof(
  fc.constantFrom(null, "", " ", 0, 1, 2, 3, -1, 5, 90, 46351, true, false),
  fc.constantFrom(
    "A",
    "B",
    "是",
    "否",
    "一般",
    "Ａ",
    "８０００",
    "¥1万",
    "85%",
    "阶段3",
    "询问价格",
    "已签约",
    "未签约",
    "拒绝",
    "不拒绝",
    "老板",
    "激烈",
    "已分配",
    "2026-11-25",
    "2026年11月25日",
    "采购经理",
    "none",
    "<img src=x onerror=alert(1)>",
  ),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100000, max: 100000 }),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
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
/** An argument: a single cell (broadcast), or a column of `n` rows. */
const arg = (n: number) => fc.oneof(column(1), column(n));

type Fn = (...a: any[]) => any[][];
interface Case {
  name: string;
  fn: Fn;
  args: (n: number) => fc.Arbitrary<unknown[]>;
  /** which arguments carry leads (the rest are settings, criteria or a population) */
  leads?: number[];
}

const lang = fc.constantFrom(null, "zh", "en", "xx");
const CASES: Case[] = [
  {
    name: "LEADGRADE",
    fn: F.leadgrade,
    args: (n) => fc.tuple(...Array.from({ length: 8 }, () => arg(n))),
  },
  {
    name: "WHYLEADGRADE",
    fn: F.whyleadgrade,
    args: (n) => fc.tuple(...Array.from({ length: 8 }, () => arg(n)), lang),
  },
  { name: "INTENTGRADE", fn: F.intentgrade, args: (n) => fc.tuple(arg(n)) },
  {
    name: "WHYINTENTGRADE",
    fn: F.whyintentgrade,
    args: (n) => fc.tuple(arg(n), lang),
  },
  {
    name: "SCORE",
    fn: F.score,
    args: (n) =>
      fc.tuple(
        grid(n, 2),
        grid(4, 3),
        fc.constant(null),
        fc.constantFrom(null, true, "x"),
      ),
    leads: [0],
  },
  {
    name: "INTENTSTAGE",
    fn: F.intentstage,
    args: (n) => fc.tuple(grid(n, 3), fc.oneof(fc.constant(null), grid(1, 3))),
  },
  {
    name: "WHYINTENTSTAGE",
    fn: F.whyintentstage,
    args: (n) => fc.tuple(grid(n, 2), fc.constant(null), lang),
  },
  {
    name: "NEXTFOLLOWUP",
    fn: F.nextfollowup,
    args: (n) => fc.tuple(arg(n), arg(n)),
  },
  { name: "STAGELABEL", fn: F.stagelabel, args: (n) => fc.tuple(arg(n), lang) },
  { name: "STATUS", fn: F.status, args: (n) => fc.tuple(arg(n), lang) },
  { name: "NEXTACTION", fn: F.nextaction, args: (n) => fc.tuple(arg(n), lang) },
  {
    name: "URGENCY",
    fn: F.urgency,
    args: (n) =>
      fc.tuple(
        arg(n),
        arg(n),
        arg(n),
        arg(n),
        fc.oneof(fc.constant(null), column(1)),
        lang,
      ),
  },
  {
    name: "WHYURGENCY",
    fn: F.whyurgency,
    args: (n) => fc.tuple(arg(n), arg(n), arg(n), arg(n), column(1), lang),
  },
  { name: "ROLE", fn: F.role, args: (n) => fc.tuple(arg(n), lang) },
  { name: "ROLEFOCUS", fn: F.rolefocus, args: (n) => fc.tuple(arg(n), lang) },
  {
    name: "VALUETIER",
    fn: F.valuetier,
    args: (n) => fc.tuple(arg(n), column(5), lang),
    leads: [0],
  },
  {
    name: "ACTIVITY",
    fn: F.activity,
    args: (n) => fc.tuple(arg(n), fc.oneof(fc.constant(null), column(1)), lang),
  },
];

function run(
  fn: Fn,
  args: unknown[],
): { ok: unknown[][] } | { thrown: unknown } {
  try {
    return { ok: fn(...args) };
  } catch (e) {
    return { thrown: e };
  }
}

function shown(v: unknown): unknown {
  return v instanceof Error
    ? { code: (v as unknown as { code: string }).code, message: v.message }
    : v;
}

describe.each(CASES)("$name", ({ fn, args, leads }) => {
  const params = fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.tuple(fc.constant(n), args(n)));

  test("throws nothing but a CustomFunctions.Error; results are values or errors", () => {
    fc.assert(
      fc.property(params, ([, a]) => {
        const r = run(fn, a);
        if ("thrown" in r) return r.thrown instanceof StubError;
        return r.ok.every(
          (row) =>
            row.length === 1 &&
            (typeof row[0] === "string" ||
              typeof row[0] === "number" ||
              row[0] instanceof StubError) &&
            row[0] !== null,
        );
      }),
      { numRuns: 300 },
    );
  });

  test("same input, same output", () => {
    fc.assert(
      fc.property(params, ([, a]) => {
        const x = run(fn, a);
        const y = run(fn, structuredClone(a));
        const norm = (r: ReturnType<typeof run>) =>
          "thrown" in r
            ? { thrown: shown(r.thrown) }
            : r.ok.map((row) => row.map(shown));
        expect(norm(y)).toEqual(norm(x));
      }),
      { numRuns: 150 },
    );
  });

  test("a spill has one row per lead", () => {
    fc.assert(
      fc.property(params, ([n, a]) => {
        const r = run(fn, a);
        if ("thrown" in r) return true; // a shape error or a single-cell error: one cell
        const leadArgs = (leads ?? a.map((_, k) => k)).map((k) => a[k]);
        const expected =
          n > 1 && leadArgs.some((x) => Array.isArray(x) && x.length === n)
            ? n
            : 1;
        return r.ok.length === expected;
      }),
      { numRuns: 150 },
    );
  });
});
