/**
 * Characterization of the criteria sheet: the built sheet, cell for cell, and what parsing
 * gives back (criteria, issues with their Chinese and English text, the points range, the
 * today cell) for the pristine sheet and for every single-cell edit, row deletion and row
 * copy, and for seeded random multi-cell edits, each against two fallbacks. The expected
 * values are committed under `golden/`; a refactor of criteriaSheet.ts must keep them
 * byte-identical. Regenerate (only for an intended change) with
 * `CRITERIA_GOLDEN=write npx jest test/criteria/criteriaSheetGolden`.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import {
  addSignalWord,
  buildCriteriaSheet,
  checkColumn,
  criteriaSheetStyle,
  criteriaWarning,
  mergeCheckColumn,
  parseCriteriaSheet,
  pointsAddress,
  stageSignals,
  type ParsedCriteria,
} from "../../src/criteria/criteriaSheet";
import { STAGES } from "../../src/engine/tables/intentStages";
import { DEFAULT_CRITERIA, type Criteria } from "../../src/engine/criteria";
import type { Lang } from "../../src/engine/lang";

const TODAY = 46351; // 2026-11-25

/**
 * The sheet as built, with the built-in signal words of each stage (display only, never parsed;
 * data that grows with the vocabulary) shown as a placeholder: the golden files pin the sheet's
 * layout and its parsing, not the vocabulary, so a word added to the reader does not rewrite them.
 */
function built(lang: Lang): ReturnType<typeof buildCriteriaSheet> {
  const words = new Map<unknown, string>(
    STAGES.map((s) => [stageSignals(s, lang), `«signal words of stage ${s}»`]),
  );
  return buildCriteriaSheet(lang, TODAY).map((r) =>
    r.map((v, j) => (j === 2 && words.has(v) ? words.get(v)! : v)),
  ) as ReturnType<typeof buildCriteriaSheet>;
}
const DIR = join(__dirname, "golden");
const WRITE = process.env.CRITERIA_GOLDEN === "write";
const LANGS = ["zh", "en"] as const;

/** A fallback unlike the defaults in every field the sheet holds. */
function modifiedFallback(): Criteria {
  const { stageConcepts, ...rest } = DEFAULT_CRITERIA;
  const c = JSON.parse(JSON.stringify(rest)) as Record<string, never>;
  const m = c as unknown as {
    leadGrade: {
      table: Record<string, Record<string, string>>;
      bands: { all: number; midFrom: number };
      countThresholds: Record<string, number>;
      siteClosedCountsAsA: boolean;
    };
    intentClassMin: Record<string, number>;
    signals: { phrase: string; stage: number | null }[];
    followUpDays: Record<string, number | null>;
    statusByStage: Record<string, string>;
    urgency: {
      timeline: {
        within30: { maxDays: number; points: number };
        within90: { maxDays: number; points: number };
        later: { points: number };
        hasDeadline: number;
      };
      levelWords: { phrase: string; points: number }[];
      yesNo: { yes: number; no: number };
      levelMin: { high: number; medium: number };
    };
    roleKeywords: { keyword: string; role: string }[];
    valueTierShares: { high: number; mid: number };
    activeWithinDays: number;
  };
  m.leadGrade.table.oneA!.k5 = "E";
  m.leadGrade.bands = { all: 4, midFrom: 2 };
  m.leadGrade.countThresholds.revisits = 7;
  m.leadGrade.countThresholds.processAsked = 9;
  m.leadGrade.siteClosedCountsAsA = false;
  m.intentClassMin = { A: 91, B: 61, C: 31 };
  m.signals = [
    { phrase: "认筹", stage: 3 },
    { phrase: "定金", stage: null },
  ];
  const stages = Object.keys(m.followUpDays);
  m.followUpDays[stages[0]!] = 11;
  m.followUpDays[stages[2]!] = null;
  m.statusByStage[stages[1]!] = m.statusByStage[stages[3]!]!;
  m.urgency.timeline.within30 = { maxDays: 20, points: 2 };
  m.urgency.timeline.within90 = { maxDays: 60, points: 1 };
  m.urgency.timeline.later.points = 1;
  m.urgency.timeline.hasDeadline = 3;
  m.urgency.levelWords = [{ phrase: "非常", points: 2 }];
  m.urgency.yesNo = { yes: 1, no: 1 };
  m.urgency.levelMin = { high: 7, medium: 3 };
  m.roleKeywords = m.roleKeywords.slice(0, 3);
  m.valueTierShares = { high: 0.1, mid: 0.4 };
  m.activeWithinDays = 90;
  return { ...(c as unknown as Criteria), stageConcepts };
}

const FALLBACKS: readonly [string, Criteria][] = [
  ["default", DEFAULT_CRITERIA],
  ["modified", modifiedFallback()],
];

/** Everything a parse gives, as order-sensitive JSON (the concepts by identity). */
function record(p: ParsedCriteria, fallback: Criteria): unknown {
  const { stageConcepts, ...rest } = p.criteria;
  return {
    criteria: rest,
    conceptsKept: stageConcepts === fallback.stageConcepts,
    issues: p.issues,
    today: p.today ?? null,
    pointsRows: p.pointsRows ?? null,
  };
}

/** Leaf paths (arrays whole) where `a` differs from `b`, with `a`'s value. */
function changes(
  a: unknown,
  b: unknown,
  path: string,
  out: Record<string, unknown>,
) {
  if (
    a !== null &&
    b !== null &&
    typeof a === "object" &&
    typeof b === "object" &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      changes(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
        out,
      );
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out[path] = a ?? null;
}

/** A readable record: the criteria only where they differ from the pristine sheet's parse. */
function readable(p: ParsedCriteria, fallback: Criteria, pristine: Criteria) {
  const r = record(p, fallback) as { criteria: unknown };
  // stageConcepts is not in r.criteria: it is only ever compared by identity
  const changed: Record<string, unknown> = {};
  changes(r.criteria, { ...pristine, stageConcepts: undefined }, "", changed);
  return {
    ...r,
    criteria: changed,
    issues: p.issues.map((i) => [i.row, i.col, i.message.zh, i.message.en]),
  };
}

const digest = (parts: readonly unknown[]): string =>
  createHash("sha256").update(JSON.stringify(parts)).digest("hex");

/** The values each editable cell is set to, before the cell's neighbours in its column. */
const JUNK: readonly unknown[] = [
  "",
  "abc",
  0,
  1,
  3,
  5,
  1.5,
  -1,
  100,
  5000,
  "50%",
  "１０",
  " 4 ",
  "是",
  "no",
  "F",
  "无",
  "中性",
  null,
  true,
  "abc、xyz",
];

/** One digest per sheet row: every value of JUNK and every other value seen in that column. */
function cellEditDigests(lang: Lang): Record<string, string> {
  const base = built(lang);
  const out: Record<string, string> = {};
  base.forEach((row, i) => {
    const parts: unknown[] = [];
    for (let j = 0; j < 5; j++) {
      const swaps = [base[i - 1]?.[j], base[i + 1]?.[j], base[i - 2]?.[j]];
      for (const v of [...JUNK, ...swaps]) {
        if (v === undefined) continue;
        const rows = base.map((r) => [...r]);
        rows[i]![j] = v as never;
        // the two fallbacks on alternate edits: both covered, the run kept short
        const k = (i + j + parts.length) % 2;
        const fb = FALLBACKS[k]![1];
        parts.push([j, v, k, record(parseCriteriaSheet(rows, fb), fb)]);
      }
    }
    out[`row ${i}: ${String(row[0]).slice(0, 30)}`] = digest(parts);
  });
  return out;
}

/** A small deterministic generator (mulberry32), so the random edits are the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomEditDigests(lang: Lang): Record<string, string> {
  const base = built(lang);
  const next = rng(lang === "zh" ? 2026 : 1125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const out: Record<string, string> = {};
  for (let batch = 0; batch < 10; batch++) {
    const parts: unknown[] = [];
    for (let n = 0; n < 60; n++) {
      const rows = base.map((r) => [...r]);
      const edits = 1 + Math.floor(next() * 6);
      for (let e = 0; e < edits; e++) {
        const i = Math.floor(next() * rows.length);
        const j = Math.floor(next() * 5);
        const kind = next();
        if (kind < 0.1) rows.splice(i, 1);
        else if (kind < 0.15) rows.splice(i, 0, [...rows[i]!]);
        else if (kind < 0.2)
          rows.push([pick(["认筹", "网签", ""]), pick([3, "中性", "七", ""])]);
        else if (rows[i])
          rows[i]![j] = (kind < 0.6 ? pick(JUNK) : pick(base)[j]) as never;
      }
      const [, fb] = FALLBACKS[n % 2]!;
      parts.push(record(parseCriteriaSheet(rows, fb), fb));
    }
    out[`batch ${batch}`] = digest(parts);
  }
  return out;
}

/** Readable parses: the pristine sheet, each row deleted, each row copied below itself. */
function rowParses(lang: Lang): Record<string, unknown> {
  const base = built(lang);
  const pristine = FALLBACKS.map(([, fb]) => parseCriteriaSheet(base, fb));
  const out: Record<string, unknown> = {};
  FALLBACKS.forEach(([name, fb], k) => {
    out[`pristine, ${name} fallback`] = {
      ...(record(pristine[k]!, fb) as object),
      fallbackChanged: readable(pristine[k]!, fb, fb).criteria,
    };
  });
  base.forEach((row, i) => {
    const k = i % 2;
    const [, fb] = FALLBACKS[k]!;
    const del = base.filter((_, n) => n !== i);
    const dup = [...base.slice(0, i + 1), [...row], ...base.slice(i + 1)];
    const at = `row ${i}, ${FALLBACKS[k]![0]} fallback`;
    const label = String(row[0]).slice(0, 30);
    out[`${at}, deleted: ${label}`] = readable(
      parseCriteriaSheet(del, fb),
      fb,
      pristine[k]!.criteria,
    );
    out[`${at}, copied: ${label}`] = readable(
      parseCriteriaSheet(dup, fb),
      fb,
      pristine[k]!.criteria,
    );
  });
  return out;
}

/** The other exports that read the sheet's layout. */
function helpers(lang: Lang): unknown {
  const base = built(lang);
  const withWord = base.map((r) => [...r]);
  const a = addSignalWord(withWord, "认筹", 3, lang)!;
  withWord[a.row] = [...a.values];
  const p = parseCriteriaSheet(base);
  return {
    style: criteriaSheetStyle(base),
    addWord: a,
    addSameWord: addSignalWord(withWord, " 认筹 ", null, lang),
    addWordNoSection: addSignalWord(base.slice(0, -2), "认筹", 3, lang) ?? null,
    pointsAddress: pointsAddress(p, lang === "zh" ? "评分标准" : "O'Brien"),
    warning: criteriaWarning(
      parseCriteriaSheet(
        base.map((r, i) =>
          i > 3 && typeof r[1] === "number" ? [r[0]!, "abc"] : r,
        ),
      ).issues,
      "评分标准",
      lang,
    ),
    mergeCheck: mergeCheckColumn(
      base,
      checkColumn(
        base.length,
        [{ row: 5, col: 1, message: { zh: "错", en: "bad" } }],
        lang,
      ),
    ),
  };
}

function check(file: string, actual: unknown): void {
  const path = join(DIR, file);
  // one row or one case a line: a change reads as a line diff
  const line = (v: unknown) => JSON.stringify(v);
  const text = Array.isArray(actual)
    ? `[\n${actual.map(line).join(",\n")}\n]\n`
    : `{\n${Object.entries(actual as object)
        .map(([k, v]) => `${line(k)}: ${line(v)}`)
        .join(",\n")}\n}\n`;
  if (WRITE) {
    if (!existsSync(DIR)) mkdirSync(DIR);
    writeFileSync(path, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, "utf8")));
  // byte for byte too: key order, number forms, string escapes
  expect(text).toBe(readFileSync(path, "utf8"));
}

describe.each(LANGS)("the %s criteria sheet, as committed", (lang) => {
  test("every cell of the built sheet", () => {
    check(`sheet.${lang}.json`, built(lang));
  });
  test("the layout helpers: style, team words, points address, check column", () => {
    check(`helpers.${lang}.json`, helpers(lang));
  });
  test("parses of the pristine sheet and of each row deleted or copied", () => {
    check(`rows.${lang}.json`, rowParses(lang));
  });
  test("every single-cell edit (one digest per row)", () => {
    check(`cellEdits.${lang}.json`, cellEditDigests(lang));
  });
  test("seeded random multi-cell edits (one digest per 60)", () => {
    check(`randomEdits.${lang}.json`, randomEditDigests(lang));
  });
});
