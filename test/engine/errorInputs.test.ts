/**
 * An error value in an input passes through as that error (Excel's rule: `#N/A` in, `#N/A`
 * out), with a message naming the argument; nothing ever shows "[object Object]".
 */
import fc from "fast-check";
import { makeCtx } from "../../src/engine/ctx";
import { sales } from "../../src/engine/sales";
import { errorMessage } from "../../src/engine/messages";
import { CellError } from "../../src/engine/cellError";
import { showValue } from "../../src/engine/text";
import { SheetError } from "../../src/sheet/rowFormulas";
import { F, call, cell, col, useLanguage } from "../helpers";

const XlError = (
  globalThis as unknown as {
    CustomFunctions: { Error: new (code: string, message?: string) => Error };
  }
).CustomFunctions.Error;

beforeAll(() => useLanguage("en"));
afterAll(() => useLanguage("zh"));

const LEAD = ["A", "A", 3, 2, 2, 1, "A", true];
const LEAD_NAMES = [
  "payment",
  "satisfaction",
  "revisits",
  "calls",
  "siteVisits",
  "processAsked",
  "priceTolerance",
  "siteOpen",
];

describe("an error value in an input cell (Excel's CustomFunctions.Error)", () => {
  test.each(LEAD_NAMES.map((n, k) => [n, k] as const))(
    "LEADGRADE: #N/A in %s gives #N/A naming it, one cell or in a range",
    (name, k) => {
      const args = LEAD.map((v, j) => cell(j === k ? new XlError("#N/A") : v));
      expect(call(F.leadgrade, ...args)).toEqual([
        {
          error: "#N/A",
          message: `${name}: the input cell holds the error #N/A`,
        },
      ]);
      const ranged = LEAD.map((v, j) =>
        j === k ? col(v, new XlError("#N/A")) : col(v, v),
      );
      expect(call(F.leadgrade, ...ranged)).toEqual([
        "A",
        {
          error: "#N/A",
          message: `${name}: the input cell holds the error #N/A`,
        },
      ]);
    },
  );

  test("the error keeps its code: #DIV/0!, #REF!, #NAME?, #NULL!, #NUM!, #VALUE!", () => {
    for (const code of [
      "#DIV/0!",
      "#REF!",
      "#NAME?",
      "#NULL!",
      "#NUM!",
      "#VALUE!",
    ])
      expect(call(F.intentgrade, cell(new XlError(code)))).toEqual([
        expect.objectContaining({ error: code }),
      ]);
  });

  test("the first error in argument order decides", () => {
    const args = LEAD.map((v) => cell(v));
    args[1] = cell(new XlError("#REF!"));
    args[4] = cell(new XlError("#N/A"));
    expect(call(F.leadgrade, ...args)).toEqual([
      expect.objectContaining({ error: "#REF!" }),
    ]);
  });

  test("every function passes an error in its lead input through", () => {
    const na = () => new XlError("#N/A");
    const cases: [string, unknown[][]][] = [
      ["INTENTGRADE", call(F.intentgrade, cell(na())) as never],
      ["INTENTSTAGE", call(F.intentstage, cell(na())) as never],
      [
        "INTENTSTAGE range",
        call(F.intentstage, col("问价格", na())).slice(1) as never,
      ],
      ["NEXTFOLLOWUP", call(F.nextfollowup, cell(3), cell(na())) as never],
      ["STAGELABEL", call(F.stagelabel, cell(na())) as never],
      ["STATUS", call(F.status, cell(na())) as never],
      ["NEXTACTION", call(F.nextaction, cell(na())) as never],
      [
        "URGENCY",
        call(
          F.urgency,
          cell(na()),
          cell("高"),
          cell("高"),
          cell("高"),
        ) as never,
      ],
      ["ROLE", call(F.role, cell(na())) as never],
      ["ROLEFOCUS", call(F.rolefocus, cell(na())) as never],
      ["VALUETIER", call(F.valuetier, cell(na()), col(1, 2, 3)) as never],
      [
        "VALUETIER population",
        call(F.valuetier, cell(1), col(1, na(), 3)) as never,
      ],
      ["ACTIVITY", call(F.activity, cell(na()), cell(46351)) as never],
      ["SCORE", call(F.score, [[na()]], [["a", "x", 1]]) as never],
      ["SCORE criteria", call(F.score, [["x"]], [["a", "x", na()]]) as never],
    ];
    for (const [name, out] of cases)
      expect({ name, out }).toEqual({
        name,
        out: [expect.objectContaining({ error: "#N/A" })],
      });
  });

  test("WHY… functions show the error and its message as text", () => {
    const args = LEAD.map((v, j) => cell(j === 0 ? new XlError("#N/A") : v));
    expect(call(F.whyleadgrade, ...args, "en")).toEqual([
      "#N/A payment: the input cell holds the error #N/A",
    ]);
    expect(call(F.whyintentgrade, cell(new XlError("#N/A")), "zh")).toEqual([
      "#N/A 得分: 输入单元格是错误值 #N/A",
    ]);
  });
});

describe("the engine reads the pane's SheetError alike", () => {
  const ctx = makeCtx({ lang: "en" });
  test("sales.LEADGRADE over rows with an error cell", () => {
    const rows = [
      LEAD,
      LEAD.map((v, j) => (j === 2 ? new SheetError("#N/A") : v)),
    ];
    const args = LEAD.map((_, j) => rows.map((r) => [r[j]]));
    const out = sales.LEADGRADE(args, ctx) as (string | CellError)[];
    expect(out[0]).toBe("A");
    expect(out[1]).toBeInstanceOf(CellError);
    const e = out[1] as CellError;
    expect(e.code).toBe("NA");
    expect(errorMessage(e, "en")).toBe(
      "revisits: the input cell holds the error #N/A",
    );
  });
  test("an error Excel's functions cannot return (#SPILL!) is #VALUE! naming it", () => {
    const out = sales.INTENTGRADE(
      [[new SheetError("#SPILL!")]],
      ctx,
    ) as CellError[];
    expect(out[0]?.code).toBe("VALUE");
    expect(errorMessage(out[0] as CellError, "en")).toBe(
      "score: the input cell holds the error #SPILL!",
    );
  });
  test("text typed as #N/A is text, not an error", () => {
    const out = sales.INTENTGRADE([["#N/A"]], ctx) as CellError[];
    expect(errorMessage(out[0] as CellError, "en")).toBe(
      'score: "#N/A" is not readable (expected a number)',
    );
  });
});

describe("the range forms find error values row by row (no whole-sheet scan)", () => {
  const ctx = makeCtx({ lang: "en" });
  const CODES: Record<string, string> = {
    "#N/A": "NA",
    "#REF!": "REF",
    "#DIV/0!": "DIV0",
  };
  const value = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom<unknown>(
        "A",
        "B",
        "是",
        "高",
        3,
        1,
        0,
        null,
        "",
        "x?",
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...Object.keys(CODES))
        .map((c) => new XlError(c)),
    },
  );
  const blank = (v: unknown) => v === null || v === "" || v === 0;
  const shown = (v: unknown) =>
    v instanceof CellError ? `${v.code} ${errorMessage(v, "en")}` : v;
  const SUITES = [
    {
      name: "LEADGRADE",
      names: LEAD_NAMES,
      lead: 7,
      fn: (a: unknown[]) => sales.LEADGRADE(a, ctx),
    },
    {
      name: "URGENCY",
      names: ["timeline", "resources", "decisionLevel", "competition", "today"],
      lead: 4,
      fn: (a: unknown[]) => sales.URGENCY(a, ctx),
    },
  ];
  test.each(SUITES.map((x) => [x.name, x] as const))(
    "%s: a row is blank, or its first error value in argument order (named), or what the row alone gives (property)",
    (_, { names, lead, fn }) => {
      const width = names.length;
      fc.assert(
        fc.property(
          fc.array(fc.array(value, { minLength: width, maxLength: width }), {
            minLength: 2,
            maxLength: 8,
          }),
          fc.array(fc.boolean(), { minLength: width, maxLength: width }),
          (rows, single) => {
            // An argument given as one cell broadcasts its value to every row.
            const args = single.map((one, j) =>
              one ? [[rows[0]![j]]] : rows.map((r) => [r[j]]),
            );
            const n = single.every((x) => x) ? 1 : rows.length;
            const out = fn(args) as unknown[];
            expect(out).toHaveLength(n);
            const ranged = single.slice(0, lead).map((x) => !x);
            const broadcast = ranged.some((x) => x) && ranged.some((x) => !x);
            for (let i = 0; i < n; i++) {
              const row = rows[i]!.map((v, j) => (single[j] ? rows[0]![j] : v));
              const leadIn = row.slice(0, lead);
              const isBlank = broadcast
                ? leadIn.every((v, j) => !ranged[j] || blank(v))
                : leadIn.every(blank);
              const k = row.findIndex((v) => v instanceof XlError);
              if (isBlank) expect(out[i]).toBe("");
              else if (k >= 0) {
                const code = (row[k] as unknown as { code: string }).code;
                expect(shown(out[i])).toBe(
                  `${CODES[code]} ${names[k]}: the input cell holds the error ${code}`,
                );
              } else
                expect(shown(out[i])).toEqual(
                  shown((fn(row.map((v) => [[v]])) as unknown[])[0]),
                );
            }
          },
        ),
        { numRuns: 500 },
      );
    },
  );
});

describe("showValue never prints [object Object]", () => {
  test("error objects print as their text", () => {
    expect(showValue(new SheetError("#N/A"))).toBe("#N/A");
    expect(showValue(new XlError("#DIV/0!", "x"))).toBe("#DIV/0!");
    expect(showValue(new CellError("NUM", "missing"))).toBe("#NUM!");
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    expect(showValue([1, "a"])).toBe('[1, "a"]');
  });
  test("any value (property)", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({
            withDate: true,
            withMap: true,
            withSet: true,
            withBigInt: true,
          }),
          fc.constantFrom<unknown>(
            cyclic,
            Object.create(null),
            new Error("x"),
            () => 1,
            Symbol("s"),
          ),
        ),
        (v) => {
          const t = showValue(v);
          expect(typeof t).toBe("string");
          expect(t).not.toContain("[object");
        },
      ),
      { numRuns: 500 },
    );
  });
  test("no message of any function holds [object Object] for object inputs (property)", () => {
    const fns = [
      F.intentgrade,
      F.role,
      F.rolefocus,
      F.stagelabel,
      F.intentstage,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...fns),
        fc.oneof(fc.object(), fc.array(fc.integer()), fc.date()),
        (fn, v) => {
          for (const r of call(fn, cell(v)))
            expect(JSON.stringify(r)).not.toContain("[object");
        },
      ),
      { numRuns: 300 },
    );
  });
});
