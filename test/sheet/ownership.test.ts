/**
 * The pure half of the pane's safety promise: ownership by content, restore encodings that keep
 * text as text, stored settings parsed as untrusted input, stage 0 and error values in the
 * static path.
 */
import fc from "fast-check";
import {
  assignColumn,
  emptyMapping,
  proposeMapping,
} from "../../src/sheet/columnMapping";
import {
  boundedRecord,
  parseGradeSetting,
  STORE_LIMIT,
  SheetRecordSchema,
  type SheetRecord,
} from "../../src/sheet/gradeRecord";
import { OUTPUTS, type OutputKind } from "../../src/sheet/outputs";
import {
  encodeRow,
  fingerprint,
  foreignCells,
  foreignInColumn,
  needsQuote,
  restoreCell,
  writtenSet,
} from "../../src/sheet/ownership";
import {
  buildFormulas,
  computeStatic,
  SheetError,
} from "../../src/sheet/rowFormulas";

const kinds = OUTPUTS.map((o) => o.kind);

describe("fingerprints", () => {
  test("a live formula keeps its fingerprint on any row and after an inserted column", () => {
    const m = proposeMapping([
      "客户姓名",
      "付款能力",
      "满意度",
      "意向阶段",
      "跟进记录",
      "上次联系",
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.constantFrom<OutputKind>(
          "grade",
          "stage",
          "nextFollowUp",
          "explanation",
        ),
        fc.integer({ min: 0, max: 3 }),
        (r1, r2, kind, shift) => {
          const at = (firstRow: number, delta: number) =>
            buildFormulas(
              1,
              m,
              [kind],
              {
                firstRow,
                inputColumn: (k) =>
                  m[k].column === null ? null : m[k].column! + delta,
                outputColumn: () => 10 + delta,
              },
              "zh",
            ).get(kind)![0]!;
          expect(fingerprint(at(r1, 0), r1)).toBe(
            fingerprint(at(r2, shift), r2),
          );
          // a formula pointing at another row is a different formula
          if (r1 !== r2)
            expect(fingerprint(at(r1, 0), r2)).not.toBe(
              fingerprint(at(r2, 0), r2),
            );
        },
      ),
      { numRuns: 100 },
    );
  });

  test("values: text, numbers and booleans differ; empty is nothing", () => {
    expect(fingerprint("", 3)).toBe("");
    expect(fingerprint(null, 3)).toBe("");
    expect(fingerprint("1", 3)).not.toBe(fingerprint(1, 3));
    expect(fingerprint("TRUE", 3)).not.toBe(fingerprint(true, 3));
    expect(fingerprint("A", 3)).toBe(fingerprint("A", 9));
  });
});

describe("foreignCells: a cell is the user's unless its content is what the add-in wrote", () => {
  const written = fc.array(fc.constantFrom("A", "B", "C", "D", "E", ""), {
    minLength: 1,
    maxLength: 40,
  });
  test("a sorted column of the add-in's own cells has no foreign cell", () => {
    fc.assert(
      fc.property(written, fc.func(fc.integer()), (w, order) => {
        const fps = w.map((v) => fingerprint(v, 0));
        const sorted = fps
          .map((f, i) => ({ f, k: order(i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.f);
        expect(foreignCells(sorted, writtenSet(fps))).toEqual([]);
      }),
    );
  });
  test("every typed cell is listed, whatever it says (even a grade written elsewhere), after any sort", () => {
    fc.assert(
      fc.property(
        written,
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.oneof(
              fc.constantFrom("A", "E", "A（经理确认）", "00123"),
              fc.string({ minLength: 1 }),
            ),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fc.func(fc.integer()),
        (w, typed, order) => {
          const keys = w.map((_, i) => `lead${i}`);
          const fps = w.map((v) => fingerprint(v, 0));
          const record = {
            kinds: ["grade" as OutputKind],
            rows: fps.map((f, i) => encodeRow(keys[i]!, [f])),
          };
          const now = [...fps];
          const typedAt = new Set<number>();
          for (const [at, text] of typed) {
            const i = at % now.length;
            if (fingerprint(text, 0) === fps[i]) continue; // the same as was there: nothing to lose
            now[i] = fingerprint(text, 0);
            typedAt.add(i);
          }
          // the user sorts: rows (with their keys) move together
          const perm = now.map((_, i) => i).sort((a, b) => order(a) - order(b));
          const listed = new Set(
            foreignInColumn(
              perm.map((i) => now[i]!),
              perm.map((i) => keys[i]!),
              "grade",
              writtenSet(fps),
              record,
            ).map((p) => perm[p]!),
          );
          for (const i of typedAt)
            if (now[i] !== "") expect(listed.has(i)).toBe(true);
          for (const i of listed) expect(typedAt.has(i)).toBe(true);
        },
      ),
    );
  });
  test("without the per-row record, content counts: a typed text not written anywhere is listed", () => {
    expect(
      foreignCells(
        [fingerprint("A", 0), fingerprint("A（经理确认）", 0)],
        writtenSet([fingerprint("A", 0), fingerprint("B", 0)]),
      ),
    ).toEqual([1]);
  });
  test("a column not known to be the add-in's: every non-empty cell is the user's", () => {
    expect(foreignCells(["", "x", "", "y"], null)).toEqual([1, 3]);
  });
});

describe("restoring keeps text as text", () => {
  test.each([
    ["00123", "String", "'00123"],
    ["2026-11-25", "String", "'2026-11-25"],
    ["TRUE", "String", "'TRUE"],
    ["=A1+1", "Double", "=A1+1"],
    [42, "Double", 42],
    [true, "Boolean", true],
    ["#N/A", "Error", "#N/A"],
    ["", "Empty", ""],
    ["'quoted", "String", "''quoted"],
  ])("%p (%s) is written back as %p", (f, t, out) => {
    expect(restoreCell(f, t)).toBe(out);
  });
  test("text Excel would parse is quoted when written as a static value", () => {
    for (const s of [
      "00123",
      "2026-11-25",
      "TRUE",
      "false",
      "-3",
      "=1",
      "#N/A",
      "12:30",
      "1e5",
      "50%",
    ])
      expect(needsQuote(s)).toBe(true);
    for (const s of [
      "A",
      "阶段3 考虑成交",
      "高",
      "A（经理确认）",
      "#N/A 意向阶段: 必填",
    ])
      expect(needsQuote(s)).toBe(false);
  });
});

describe("stored settings are untrusted input", () => {
  test("anything at all parses without throwing; what is kept satisfies the schema", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (a, b) => {
          for (const raw of [
            a,
            b,
            { s1: a },
            { s1: { mapping: a, written: b } },
          ]) {
            const r = parseGradeSetting(raw);
            for (const rec of Object.values(r.records))
              expect(SheetRecordSchema.safeParse(rec).success).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
  test("a column number where a header was stored is ignored with a message", () => {
    const r = parseGradeSetting({
      "{sheet-1}": { mapping: { payment: 5 } },
      "{sheet-2}": { outputs: ["grade"] },
    });
    expect(Object.keys(r.records)).toEqual(["{sheet-2}"]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain("mapping.payment");
  });
  test("unknown output kinds and negative counts are refused", () => {
    expect(
      parseGradeSetting({ x: { outputs: ["grade", "drop table"] } }).problems,
    ).toHaveLength(1);
    expect(
      parseGradeSetting({ x: { written: { grade: { abc: -1 } } } }).problems,
    ).toHaveLength(1);
    expect(parseGradeSetting("not an object").problems).toHaveLength(1);
  });
  test("the stored record stays under its bound: the revert is dropped first", () => {
    const big = "长".repeat(2000);
    const rec: SheetRecord = {
      outputs: ["explanation"],
      written: { explanation: { abc: 1 } },
      revert: {
        at: "now",
        kinds: ["explanation"],
        header: [""],
        added: [],
        rules: [],
        rows: Array.from({ length: 600 }, () => ({
          k: "k",
          w: ["x"],
          b: [big],
        })),
      },
    };
    const { record, revertStored } = boundedRecord(rec);
    expect(revertStored).toBe(false);
    expect(record.revert).toBeUndefined();
    expect(JSON.stringify(record).length).toBeLessThanOrEqual(STORE_LIMIT);
    expect(record.written).toEqual(rec.written);
  });
  test("kinds of output in the schema are exactly the outputs", () => {
    expect(parseGradeSetting({ x: { outputs: kinds } }).problems).toEqual([]);
  });
});

describe("static path", () => {
  const m = assignColumn(
    assignColumn(emptyMapping(), "observations", [1, 2]),
    "lastContact",
    3,
  );
  test("stage 0 is a stage, not a blank (张|0||46340)", () => {
    const r = computeStatic(
      [["张", 0, "", 46340]],
      m,
      ["stage", "nextFollowUp", "stageLabel"],
      "zh",
      undefined,
      46351,
    );
    expect(r.columns.get("stage")).toEqual([0]);
    expect(typeof r.columns.get("nextFollowUp")![0]).toBe("number");
    expect(r.problems).toEqual([]);
  });
  test("an error value in an input cell gives that error, as the live formula does", () => {
    const r = computeStatic(
      [
        ["张", new SheetError("#N/A"), "已签约", 46340],
        ["李", 2, "", 46340],
      ],
      m,
      ["stage", "nextFollowUp", "stageLabel"],
      "zh",
      undefined,
      46351,
    );
    expect(r.columns.get("stage")).toEqual(["#N/A", 2]);
    expect(r.columns.get("nextFollowUp")![0]).toBe("#N/A");
    expect(r.columns.get("stageLabel")![0]).toBe("#N/A");
  });
  test("an error in siteOpen leaves a blank lead row blank and fills a lead's grade with it, as LEADGRADE does", () => {
    const lm = proposeMapping([
      "付款能力",
      "满意度",
      "回访次数",
      "来电次数",
      "工地考察次数",
      "询问流程",
      "价格接受度",
      "工地是否开放",
    ]);
    expect(lm.siteOpen.column).toBe(7);
    const na = new SheetError("#N/A");
    const r = computeStatic(
      [
        ["", "", "", "", "", "", "", na],
        ["A", "A", 3, 2, 2, 1, "A", na],
        ["A", "A", 3, 2, 2, 1, "A", true],
      ],
      lm,
      ["grade"],
      "zh",
    );
    expect(r.columns.get("grade")).toEqual(["", "#N/A", "A"]);
  });
});
