/** The stored-record validator: untrusted input never crashes it, never pollutes a prototype, and is reported by path. */
import fc from "fast-check";
import { parseGradeSetting } from "../../src/sheet/gradeRecord";

describe("stored settings validator", () => {
  test("any JSON value: parsed or reported, never thrown", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const r = parseGradeSetting({ s1: a, s2: { mapping: b, written: a } });
        expect(
          Object.keys(r.records).length + r.problems.length,
        ).toBeGreaterThan(0);
      }),
    );
  });

  test('a "__proto__" key stays a plain key', () => {
    const raw = JSON.parse('{"s":{"mapping":{"__proto__":[{"h":"x","n":0}]}}}');
    const r = parseGradeSetting(raw);
    expect(r.problems).toEqual([]);
    const rec = r.records.s!;
    expect(Object.keys(rec.mapping!)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).h).toBeUndefined();
    expect(Object.getPrototypeOf(rec.mapping)).toBe(Object.prototype);
  });

  test("unknown keys are dropped; the problem names the path and the value's fault", () => {
    const r = parseGradeSetting({
      a: { live: true, extra: 1 },
      b: { cells: { kinds: ["grade"], rows: [7] } },
    });
    expect(r.records.a).toEqual({ live: true });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain("cells.rows.0");
    expect(r.problems[0]).toContain("expected string");
  });
});
