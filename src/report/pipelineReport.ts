/**
 * The managers' pipeline report, as numbers (SPEC §3, §5, §8): leads by grade × stage, by
 * owner × stage, by urgency and by intent class, and each stage band's share of the tracked
 * leads beside the seed's guidance (stage 0 and stages 3–4 each 15–25 %), flagged outside it,
 * for the team and per owner. "Tracked" = leads at stages 0–4: refused (−1) and won (5, E类)
 * leads are not on the tracked list the guidance speaks of.
 */
import {
  PIPELINE_SHAPE,
  STAGES,
  type Stage,
} from "../engine/tables/intentStages";
import type { Grade } from "../engine/tables/leadGradeTable";
import type { IntentClass } from "../engine/tables/intentClasses";
import type { UrgencyLevel } from "../engine/tables/urgencyModel";
import type { LeadRow } from "../sheet/leadRows";

export const GRADES: readonly Grade[] = ["A", "B", "C", "D", "E"];
export const INTENT_CLASSES: readonly IntentClass[] = ["A", "B", "C", "D"];
export const URGENCY_LEVELS: readonly UrgencyLevel[] = [
  "high",
  "medium",
  "low",
];
/** the key for "no value" in every count */
export const NONE = "none";

export type Band = "stage0" | "stage3to4";
export const BANDS: readonly Band[] = ["stage0", "stage3to4"];
const BAND_STAGES: { [B in Band]: readonly Stage[] } = {
  stage0: PIPELINE_SHAPE[0].stages,
  stage3to4: PIPELINE_SHAPE[1].stages,
};
const BAND_RANGE: { [B in Band]: { min: number; max: number } } = {
  stage0: { min: PIPELINE_SHAPE[0].minShare, max: PIPELINE_SHAPE[0].maxShare },
  stage3to4: {
    min: PIPELINE_SHAPE[1].minShare,
    max: PIPELINE_SHAPE[1].maxShare,
  },
};
export const bandRange = (b: Band) => BAND_RANGE[b];
export const TRACKED_STAGES: readonly Stage[] = [0, 1, 2, 3, 4];

export type Flag = "below" | "within" | "above" | "noData";

export interface BandShare {
  readonly count: number;
  /** count ÷ tracked; null when nothing is tracked */
  readonly share: number | null;
  readonly flag: Flag;
}

export interface ShareRow {
  /** "" for the whole team */
  readonly owner: string;
  readonly tracked: number;
  readonly bands: Readonly<Record<Band, BandShare>>;
}

export type Counts = Readonly<Record<string, number>>;

export interface PipelineReport {
  readonly leads: number;
  /** grade (or NONE) → stage (or NONE) → count */
  readonly gradeByStage: Readonly<Record<string, Counts>>;
  readonly byStage: Counts;
  /** owner ("" = no owner) → stage (or NONE) → count */
  readonly ownerByStage: Readonly<Record<string, Counts>>;
  readonly owners: readonly string[];
  readonly byUrgency: Counts;
  readonly byIntentClass: Counts;
  readonly shares: readonly ShareRow[];
}

export function flagOf(band: Band, share: number | null): Flag {
  if (share === null) return "noData";
  const r = BAND_RANGE[band];
  // A hair of tolerance: 3/20 is exactly 15 % even if the division lands on 0.1499999….
  if (share < r.min - 1e-9) return "below";
  if (share > r.max + 1e-9) return "above";
  return "within";
}

function shareRow(owner: string, stages: Counts): ShareRow {
  const tracked = TRACKED_STAGES.reduce<number>(
    (n, s) => n + (stages[String(s)] ?? 0),
    0,
  );
  const bands = {} as Record<Band, BandShare>;
  for (const b of BANDS) {
    const count = BAND_STAGES[b].reduce<number>(
      (n, s) => n + (stages[String(s)] ?? 0),
      0,
    );
    const share = tracked > 0 ? count / tracked : null;
    bands[b] = { count, share, flag: flagOf(b, share) };
  }
  return { owner, tracked, bands };
}

const bump = (rec: Record<string, number>, key: string) => {
  rec[key] = (rec[key] ?? 0) + 1;
};

export function pipelineReport(rows: readonly LeadRow[]): PipelineReport {
  const gradeByStage: Record<string, Record<string, number>> = {};
  const ownerByStage: Record<string, Record<string, number>> = {};
  const byStage: Record<string, number> = {};
  const byUrgency: Record<string, number> = {};
  const byIntentClass: Record<string, number> = {};
  let leads = 0;
  for (const r of rows) {
    if (r.blank) continue;
    leads++;
    const stage = r.stage === undefined ? NONE : String(r.stage);
    bump((gradeByStage[r.grade ?? NONE] ??= {}), stage);
    bump((ownerByStage[r.owner] ??= {}), stage);
    bump(byStage, stage);
    bump(byUrgency, r.urgency ?? NONE);
    bump(byIntentClass, r.intentClass ?? NONE);
  }
  const owners = Object.keys(ownerByStage).sort((a, b) =>
    a === "" ? 1 : b === "" ? -1 : a.localeCompare(b, "zh-CN"),
  );
  return {
    leads,
    gradeByStage,
    byStage,
    ownerByStage,
    owners,
    byUrgency,
    byIntentClass,
    shares: [
      shareRow("", byStage),
      ...owners.map((o) => shareRow(o, ownerByStage[o]!)),
    ],
  };
}

/** Stage keys in display order: −1…5, then leads without a stage. */
export const STAGE_KEYS: readonly string[] = [...STAGES.map(String), NONE];
