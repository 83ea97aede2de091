import type { Criteria } from "./criteria";
import type { Role } from "./tables/buyerRoles";
import type { UrgencyCriterion } from "./tables/urgencyModel";
import { PointsMatcher, WordMatcher } from "./wordMatcher";
import { NoteReader } from "./noteReader";
import { fold } from "./text";
import type { Loose } from "./read";

/** Matchers built once per criteria value (word lists → sets and longest-first patterns). */
export interface Compiled {
  readonly yes: ReadonlySet<string>;
  readonly no: ReadonlySet<string>;
  /** SPEC §5: the note reader over the signal concepts and the workbook's own phrases */
  readonly stageReader: NoteReader;
  readonly timelineWords: WordMatcher<number>;
  readonly levelWords: {
    [C in Exclude<UrgencyCriterion, "timeline">]: PointsMatcher;
  };
  readonly roles: WordMatcher<Role>;
  readonly noPurchase: ReadonlySet<string>;
  /** what a raw text read as yes/no under these words (null: neither) */
  readonly yesNoMemo: Map<string, boolean | null>;
  readonly looseMemo: Map<string, Loose>;
  /** URGENCY: the points a timeline text that is not a date reads as (a word, yes/no, days) */
  readonly timelineTextPoints: Map<string, number>;
}

const cache = new WeakMap<Criteria, Compiled>();

export function compile(criteria: Criteria): Compiled {
  let c = cache.get(criteria);
  if (c) return c;
  const u = criteria.urgency;
  const levels = (extra: readonly { phrase: string; points: number }[]) =>
    new PointsMatcher(
      [...extra, ...u.levelWords].map((w) => ({
        phrase: w.phrase,
        payload: w.points,
      })),
    );
  c = {
    yes: new Set(criteria.reader.yes.map(fold)),
    no: new Set(criteria.reader.no.map(fold)),
    stageReader: new NoteReader(criteria.stageConcepts, criteria.signals),
    timelineWords: new WordMatcher(
      u.timelineWords.map((w) => ({ phrase: w.phrase, payload: w.points })),
    ),
    levelWords: {
      resources: levels(u.criterionWords.resources),
      decisionLevel: levels(u.criterionWords.decisionLevel),
      competition: levels(u.criterionWords.competition),
    },
    roles: new WordMatcher(
      criteria.roleKeywords.map((k) => ({
        phrase: k.keyword,
        payload: k.role,
      })),
    ),
    noPurchase: new Set(criteria.noPurchaseWords.map(fold)),
    yesNoMemo: new Map(),
    looseMemo: new Map(),
    timelineTextPoints: new Map(),
  };
  cache.set(criteria, c);
  return c;
}
