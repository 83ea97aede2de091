/**
 * Criteria are data (SPEC "rules common to every function"): every threshold, points value
 * and word list the functions use is one value of this type. `DEFAULT_CRITERIA` assembles
 * SPEC's numbers from the table modules; a workbook's own criteria replace it for that
 * workbook without touching the logic.
 */
import { NO_WORDS, YES_WORDS } from "./tables/readerWords";
import {
  COUNT_THRESHOLDS,
  INTENT_BANDS,
  LEAD_GRADE_TABLE,
} from "./tables/leadGradeTable";
import { INTENT_CLASS_MIN } from "./tables/intentClasses";
import { CONCEPTS, type Concept, type SignalWord } from "./tables/stageSignals";
import { FOLLOW_UP_DAYS } from "./tables/followUpCadence";
import { STATUS_BY_STAGE } from "./tables/customerStatus";
import {
  CRITERION_WORDS,
  LEVEL_WORDS,
  TIMELINE_POINTS,
  TIMELINE_WORDS,
  URGENCY_LEVEL_MIN,
  YES_NO_POINTS,
} from "./tables/urgencyModel";
import { ROLE_KEYWORDS } from "./tables/buyerRoles";
import {
  ACTIVE_WITHIN_DAYS,
  NO_PURCHASE_WORDS,
  VALUE_TIER_SHARES,
} from "./tables/customerTypes";

/** A table's shape with its literal numbers widened: a workbook may hold any number there. */
type Numbers<T> = {
  readonly [K in keyof T]: T[K] extends number ? number : Numbers<T[K]>;
};

export interface Criteria {
  readonly reader: {
    readonly yes: readonly string[];
    readonly no: readonly string[];
  };
  readonly leadGrade: {
    readonly table: typeof LEAD_GRADE_TABLE;
    readonly bands: Numbers<typeof INTENT_BANDS>;
    readonly countThresholds: typeof COUNT_THRESHOLDS;
    /** [default] with siteOpen = FALSE the site-inspection indicator counts as A */
    readonly siteClosedCountsAsA: boolean;
  };
  readonly intentClassMin: typeof INTENT_CLASS_MIN;
  /** SPEC §5 signal concepts (their Chinese and English forms), see tables/stageSignals.ts */
  readonly stageConcepts: readonly Concept[];
  /**
   * a workbook's own phrases, each read as the stage given (added to the concepts, winning
   * over a default form of the same spelling): the criteria sheet's team words (认筹 → 3)
   */
  readonly signals: readonly SignalWord[];
  readonly followUpDays: typeof FOLLOW_UP_DAYS;
  readonly statusByStage: typeof STATUS_BY_STAGE;
  readonly urgency: {
    readonly timeline: Numbers<typeof TIMELINE_POINTS>;
    readonly timelineWords: typeof TIMELINE_WORDS;
    readonly levelWords: typeof LEVEL_WORDS;
    readonly criterionWords: typeof CRITERION_WORDS;
    readonly yesNo: Numbers<typeof YES_NO_POINTS>;
    readonly levelMin: Numbers<typeof URGENCY_LEVEL_MIN>;
  };
  readonly roleKeywords: typeof ROLE_KEYWORDS;
  readonly valueTierShares: Numbers<typeof VALUE_TIER_SHARES>;
  readonly activeWithinDays: number;
  readonly noPurchaseWords: readonly string[];
}

export const DEFAULT_CRITERIA: Criteria = {
  reader: { yes: YES_WORDS, no: NO_WORDS },
  leadGrade: {
    table: LEAD_GRADE_TABLE,
    bands: INTENT_BANDS,
    countThresholds: COUNT_THRESHOLDS,
    siteClosedCountsAsA: true,
  },
  intentClassMin: INTENT_CLASS_MIN,
  stageConcepts: CONCEPTS,
  signals: [],
  followUpDays: FOLLOW_UP_DAYS,
  statusByStage: STATUS_BY_STAGE,
  urgency: {
    timeline: TIMELINE_POINTS,
    timelineWords: TIMELINE_WORDS,
    levelWords: LEVEL_WORDS,
    criterionWords: CRITERION_WORDS,
    yesNo: YES_NO_POINTS,
    levelMin: URGENCY_LEVEL_MIN,
  },
  roleKeywords: ROLE_KEYWORDS,
  valueTierShares: VALUE_TIER_SHARES,
  activeWithinDays: ACTIVE_WITHIN_DAYS,
  noPurchaseWords: NO_PURCHASE_WORDS,
};
