/**
 * Each table of the criteria sheet is described once and that description both writes the
 * rows and reads them back: a sheet showing any valid criteria reads back as exactly those
 * criteria, with no issue, whatever the last valid criteria were.
 */
import fc from "fast-check";
import {
  SECTIONS,
  buildCriteriaSheet,
  parseCriteriaSheet,
  type SheetRows,
} from "../../src/criteria/criteriaSheet";
import { DEFAULT_CRITERIA, type Criteria } from "../../src/engine/criteria";
import type { Lang } from "../../src/engine/lang";
import { ROLES } from "../../src/engine/tables/buyerRoles";
import {
  STATUS_LABELS,
  type Status,
} from "../../src/engine/tables/customerStatus";
import { STAGES } from "../../src/engine/tables/intentStages";

const TODAY = 46351;

/** The sheet laid out as buildCriteriaSheet does, each section's rows showing `c`. */
function sheetFor(c: Criteria, lang: Lang): SheetRows {
  const base = buildCriteriaSheet(lang, TODAY);
  const out = base.slice(0, 3);
  const pad = (r: readonly unknown[]) =>
    [...r, "", "", "", "", "", "", ""].slice(0, 7) as SheetRows[number];
  for (const s of SECTIONS) {
    const title = base.findIndex((r) => r[0] === `■ ${s.title[lang]}`);
    out.push(pad([]), base[title]!, base[title + 1]!);
    for (const r of s.rows(lang, c)) out.push(pad(r));
  }
  return out;
}

const grade = fc.constantFrom("A", "B", "C", "D", "E");
const int = (min: number, max: number) => fc.integer({ min, max });
/** Two numbers, the first below the second. */
const below = (min: number, max: number) =>
  fc
    .tuple(int(min, max - 1), int(1, max - min))
    .map(([a, d]) => [a, Math.min(a + d, max)] as const);
const phrase = fc
  .string({ minLength: 1, maxLength: 6 })
  .map((s) => s.replace(/[、,，;；/\n\s]/g, "").trim())
  .filter((s) => s !== "" && !s.startsWith("■"));
const words = fc.array(fc.record({ phrase, points: int(0, 3) }), {
  maxLength: 4,
});
const STATUSES = Object.keys(STATUS_LABELS) as Status[];

/** The fields the sheet holds (the rest stay the defaults: the counterexample stays short). */
const onSheet = fc
  .record({
    table: fc.tuple(...Array.from({ length: 9 }, () => grade)),
    counts: fc.tuple(int(0, 1000), int(0, 1000), int(0, 1000), int(0, 1000)),
    siteClosed: fc.boolean(),
    bands: below(0, 5).filter(([, all]) => all >= 1),
    classes: fc
      .tuple(int(0, 9800), int(1, 100), int(1, 100))
      .map(([c, d1, d2]) => [c / 100, (c + d1) / 100, (c + d1 + d2) / 100])
      .filter(([, , a]) => a! <= 100),
    followUp: fc.tuple(
      ...STAGES.map(() => fc.option(int(1, 365), { nil: null })),
    ),
    status: fc.tuple(...STAGES.map(() => fc.constantFrom(...STATUSES))),
    days: below(0, 3650),
    points: fc.tuple(...Array.from({ length: 6 }, () => int(0, 3))),
    level: below(0, 9),
    levelWords: words,
    timelineWords: words,
    criterionWords: fc.tuple(words, words, words),
    roles: fc.shuffledSubarray([...ROLES], {
      minLength: ROLES.length,
      maxLength: ROLES.length,
    }),
    keywords: fc.tuple(...ROLES.map(() => fc.array(phrase, { maxLength: 3 }))),
    shares: fc
      .tuple(int(0, 100), int(0, 100))
      .filter(([h, m]) => h / 100 + m / 100 <= 1),
    active: int(1, 36500),
  })
  .map((g) => {
    const bands = ["k5", "k3to4", "k0to2"] as const;
    const rows = ["bothA", "oneA", "bothB"] as const;
    const [w30, w90, later, has, yes, no] = g.points;
    return {
      leadGrade: {
        table: Object.fromEntries(
          rows.map((r, i) => [
            r,
            Object.fromEntries(bands.map((b, j) => [b, g.table[i * 3 + j]])),
          ]),
        ),
        bands: { all: g.bands[1], midFrom: g.bands[0] },
        countThresholds: {
          revisits: g.counts[0],
          calls: g.counts[1],
          siteVisits: g.counts[2],
          processAsked: g.counts[3],
        },
        siteClosedCountsAsA: g.siteClosed,
      },
      intentClassMin: { A: g.classes[2], B: g.classes[1], C: g.classes[0] },
      followUpDays: Object.fromEntries(
        STAGES.map((s, i) => [s, g.followUp[i]]),
      ),
      statusByStage: Object.fromEntries(STAGES.map((s, i) => [s, g.status[i]])),
      urgency: {
        ...DEFAULT_CRITERIA.urgency,
        timeline: {
          ...DEFAULT_CRITERIA.urgency.timeline,
          within30: { maxDays: g.days[0], points: w30 },
          within90: { maxDays: g.days[1], points: w90 },
          later: { points: later },
          hasDeadline: has,
        },
        levelWords: g.levelWords,
        timelineWords: g.timelineWords,
        criterionWords: {
          resources: g.criterionWords[0],
          decisionLevel: g.criterionWords[1],
          competition: g.criterionWords[2],
        },
        yesNo: { yes, no },
        levelMin: { high: g.level[1], medium: g.level[0] },
      },
      roleKeywords: g.roles.flatMap((role) =>
        g.keywords[ROLES.indexOf(role)]!.map((keyword) => ({ keyword, role })),
      ),
      valueTierShares: { high: g.shares[0] / 100, mid: g.shares[1] / 100 },
      activeWithinDays: g.active,
    };
  });
const criteria = (part: object) =>
  ({ ...DEFAULT_CRITERIA, ...part, signals: [] }) as unknown as Criteria;

test("the rebuilt layout is the real one for the defaults", () => {
  for (const lang of ["zh", "en"] as const)
    expect(sheetFor(DEFAULT_CRITERIA, lang)).toEqual(
      buildCriteriaSheet(lang, TODAY),
    );
});

test("property: a sheet showing any valid criteria reads back as them, with no issue", () => {
  fc.assert(
    fc.property(
      onSheet,
      onSheet,
      fc.constantFrom("zh", "en"),
      (part, lastPart, lang) => {
        const c = criteria(part);
        const p = parseCriteriaSheet(
          sheetFor(c, lang as Lang),
          criteria(lastPart),
        );
        expect(p.issues).toEqual([]);
        expect(p.criteria).toEqual(c);
        expect(p.criteria.stageConcepts).toBe(DEFAULT_CRITERIA.stageConcepts);
      },
    ),
    { numRuns: 200 },
  );
});
