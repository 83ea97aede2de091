/**
 * The pipeline report against counts computed independently in the test from the same rows
 * (a property over generated teams), the share flags at the 15 % / 25 % boundaries, and the
 * sheet layout (every count the report holds appears where the layout says).
 */
import fc from "fast-check";
import {
  flagOf,
  pipelineReport,
  NONE,
  type Band,
  type Flag,
} from "../../src/report/pipelineReport";
import { reportLayout } from "../../src/report/reportLayout";
import type { LeadRow } from "../../src/sheet/leadRows";
import type { Stage } from "../../src/engine/tables/intentStages";
import { TODAY, lead } from "../toolsFixtures";

const rowArb = fc.record({
  owner: fc.constantFrom("", "张三", "李四", "王五"),
  grade: fc.constantFrom(undefined, "A", "B", "C", "D", "E"),
  stage: fc.constantFrom(undefined, -1, 0, 1, 2, 3, 4, 5),
  urgency: fc.constantFrom(undefined, "high", "medium", "low"),
  intentClass: fc.constantFrom(undefined, "A", "B", "C", "D"),
  blank: fc.boolean().map((b) => b && Math.random() < 0.2),
});

type Spec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;
function rowsFrom(spec: Spec[]): LeadRow[] {
  return spec.map((s, i) =>
    lead(i, {
      blank: s.blank,
      owner: s.blank ? "" : s.owner,
      grade: s.blank ? undefined : (s.grade as LeadRow["grade"]),
      stage: s.blank ? undefined : (s.stage as Stage | undefined),
      urgency: s.blank ? undefined : (s.urgency as LeadRow["urgency"]),
      intentClass: s.blank
        ? undefined
        : (s.intentClass as LeadRow["intentClass"]),
    }),
  );
}

describe("pipelineReport", () => {
  test("property: every count equals a count made independently from the same rows", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), (spec) => {
        const rows = rowsFrom(spec);
        const r = pipelineReport(rows);
        const live = rows.filter((x) => !x.blank);
        const key = (v: unknown) => (v === undefined ? NONE : String(v));
        expect(r.leads).toBe(live.length);
        for (const g of ["A", "B", "C", "D", "E", NONE])
          for (const s of ["-1", "0", "1", "2", "3", "4", "5", NONE]) {
            const n = live.filter(
              (x) => key(x.grade) === g && key(x.stage) === s,
            ).length;
            expect(r.gradeByStage[g]?.[s] ?? 0).toBe(n);
          }
        for (const u of ["high", "medium", "low", NONE])
          expect(r.byUrgency[u] ?? 0).toBe(
            live.filter((x) => key(x.urgency) === u).length,
          );
        for (const c of ["A", "B", "C", "D", NONE])
          expect(r.byIntentClass[c] ?? 0).toBe(
            live.filter((x) => key(x.intentClass) === c).length,
          );
        // Shares: the team first, then each owner; tracked = stages 0–4.
        const scopes = [
          { owner: "", rows: live },
          ...r.owners.map((o) => ({
            owner: o,
            rows: live.filter((x) => x.owner === o),
          })),
        ];
        expect(r.shares.map((s) => s.owner)).toEqual(
          scopes.map((s) => s.owner),
        );
        scopes.forEach((scope, k) => {
          const tracked = scope.rows.filter(
            (x) => x.stage !== undefined && x.stage >= 0 && x.stage <= 4,
          );
          const s0 = tracked.filter((x) => x.stage === 0).length;
          const s34 = tracked.filter(
            (x) => x.stage === 3 || x.stage === 4,
          ).length;
          const share = r.shares[k]!;
          expect(share.tracked).toBe(tracked.length);
          expect(share.bands.stage0.count).toBe(s0);
          expect(share.bands.stage3to4.count).toBe(s34);
          if (tracked.length === 0)
            expect(share.bands.stage0.flag).toBe("noData");
          else {
            const f = (n: number): Flag =>
              n * 100 < 15 * tracked.length
                ? "below"
                : n * 100 > 25 * tracked.length
                  ? "above"
                  : "within";
            expect(share.bands.stage0.flag).toBe(f(s0));
            expect(share.bands.stage3to4.flag).toBe(f(s34));
          }
        });
        // Per owner × stage adds up to the team.
        const sum = r.owners.reduce(
          (n, o) =>
            n + Object.values(r.ownerByStage[o]!).reduce((a, b) => a + b, 0),
          0,
        );
        expect(sum).toBe(live.length);
      }),
    );
  });

  test.each<[Band, number, Flag]>([
    ["stage0", 0.1499, "below"],
    ["stage0", 0.15, "within"],
    ["stage0", 3 / 20, "within"],
    ["stage0", 0.25, "within"],
    ["stage0", 5 / 20, "within"],
    ["stage0", 0.2501, "above"],
    ["stage3to4", 0.1, "below"],
    ["stage3to4", 0.3, "above"],
  ])("%s share %p → %s", (band, share, flag) => {
    expect(flagOf(band, share)).toBe(flag);
  });
});

describe("reportLayout", () => {
  const rows = [
    lead(0, {
      owner: "张三",
      grade: "A",
      stage: 3,
      urgency: "high",
      intentClass: "A",
    }),
    lead(1, { owner: "张三", grade: "B", stage: 0, urgency: "low" }),
    lead(2, { owner: "李四", grade: "A", stage: 3 }),
    lead(3, { owner: "", grade: "C", stage: 1 }),
    lead(4, { blank: true }),
  ];
  const report = pipelineReport(rows);

  test.each(["zh", "en"] as const)(
    "%s: blocks never overlap each other or the pivot's column",
    (lang) => {
      const l = reportLayout(report, lang, { today: TODAY, source: "线索" });
      const boxes = [...l.blocks, l.gradeByStage];
      for (const b of l.blocks) {
        const width = Math.max(...b.values.map((r) => r.length));
        expect(b.column + width).toBeLessThanOrEqual(l.pivotAt.column - 1);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!,
            b = boxes[j]!;
          const aw = Math.max(...a.values.map((r) => r.length)),
            bw = Math.max(...b.values.map((r) => r.length));
          const overlap =
            a.row < b.row + b.values.length &&
            b.row < a.row + a.values.length &&
            a.column < b.column + bw &&
            b.column < a.column + aw;
          expect(overlap).toBe(false);
        }
    },
  );

  test("the chart's source is the stage-count table: labels and counts", () => {
    const l = reportLayout(report, "zh", { today: TODAY, source: "线索" });
    const block = l.blocks.find((b) => b.row === l.chartSource.row)!;
    expect(block.values[0]!.slice(0, 2)).toEqual(["意向阶段", "数量"]);
    const counts = Object.fromEntries(
      block.values.slice(1).map((r) => [r[0], r[1]]),
    );
    expect(counts["阶段3 考虑成交"]).toBe(2);
    expect(counts["阶段0 不拒绝"]).toBe(1);
    expect(l.chartSource.rows).toBe(block.values.length);
  });

  test("the plain grade × stage table holds the same counts as the report", () => {
    const l = reportLayout(report, "en", { today: TODAY, source: "Leads" });
    const [, head, ...body] = l.gradeByStage.values;
    const col = head!.indexOf("Stage 3 · considers a deal");
    const rowA = body.find((r) => r[0] === "A")!;
    expect(rowA[col]).toBe(2);
    expect(rowA[rowA.length - 1]).toBe(2);
  });

  test("shares table: team row flagged, owners follow, no-owner last", () => {
    const l = reportLayout(report, "zh", { today: TODAY, source: "线索" });
    const shares = l.blocks.find((b) => b.values[0]?.[0] === "范围")!;
    expect(shares.values.map((r) => r[0])).toEqual([
      "范围",
      "全队",
      "李四",
      "张三",
      "（未分配）",
    ]);
    // team: 4 tracked, stage 0 = 1 (25 %, within), stages 3–4 = 2 (50 %, above)
    expect(shares.values[1]).toEqual([
      "全队",
      4,
      1,
      0.25,
      "正常",
      2,
      0.5,
      "偏高",
    ]);
  });
});
