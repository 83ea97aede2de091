/**
 * The columns the add-in can write, each owned by it: what it needs, its header in each
 * language, and how a row gets its value — a live formula (=SALES.…, recalculating) or a
 * static value computed by the same engine the functions use.
 */
import type { Lang } from "../engine/lang";
import { OBSERVATION_INPUTS, URGENCY_INPUTS, type InputKey } from "./inputs";
import { LEADGRADE_ARGS } from "../engine/sales";

export type OutputKind =
  | "grade"
  | "intentClass"
  | "stage"
  | "stageLabel"
  | "urgency"
  | "nextFollowUp"
  | "explanation";

export interface OutputSpec {
  readonly kind: OutputKind;
  readonly header: Record<Lang, string>;
  /** at least one of these inputs must be mapped */
  readonly needsAny: readonly InputKey[];
  /** all of these must be mapped (or produced by another output) */
  readonly needsAll: readonly (InputKey | OutputKind)[];
  readonly numberFormat?: string;
}

export const OUTPUTS: readonly OutputSpec[] = [
  {
    kind: "grade",
    header: { zh: "客户等级", en: "Lead grade" },
    needsAny: [],
    needsAll: LEADGRADE_ARGS.slice(0, 2),
  },
  {
    kind: "intentClass",
    header: { zh: "意向等级", en: "Intent class" },
    needsAny: [],
    needsAll: ["score"],
  },
  {
    kind: "stage",
    header: { zh: "意向阶段", en: "Intent stage" },
    needsAny: OBSERVATION_INPUTS,
    needsAll: [],
  },
  {
    kind: "stageLabel",
    header: { zh: "阶段名称", en: "Stage label" },
    needsAny: OBSERVATION_INPUTS,
    needsAll: [],
  },
  {
    kind: "urgency",
    header: { zh: "紧急程度", en: "Urgency" },
    needsAny: URGENCY_INPUTS,
    needsAll: [],
  },
  {
    kind: "nextFollowUp",
    header: { zh: "下次跟进", en: "Next follow-up" },
    needsAny: OBSERVATION_INPUTS,
    needsAll: ["lastContact"],
    numberFormat: "yyyy-mm-dd",
  },
  {
    kind: "explanation",
    header: { zh: "评级说明", en: "Explanation" },
    needsAny: ["payment", ...OBSERVATION_INPUTS, ...URGENCY_INPUTS],
    needsAll: [],
  },
];

export const OUTPUT_BY_KIND: ReadonlyMap<OutputKind, OutputSpec> = new Map(
  OUTPUTS.map((o) => [o.kind, o]),
);

/** Every header this output has ever been written under (either language): it identifies its column. */
export function headersOf(kind: OutputKind): string[] {
  const o = OUTPUT_BY_KIND.get(kind);
  return o ? [o.header.zh, o.header.en] : [];
}

/** Outputs whose inputs are mapped (shared by the pane and the command line). */
export function availableOutputs(
  mapping: Record<InputKey, { readonly column: number | null }>,
): OutputKind[] {
  const has = (k: InputKey) => mapping[k].column !== null;
  return OUTPUTS.filter(
    (o) =>
      o.needsAll.every(
        (k) => OUTPUT_BY_KIND.has(k as OutputKind) || has(k as InputKey),
      ) &&
      (o.needsAny.length === 0 || o.needsAny.some(has)),
  ).map((o) => o.kind);
}
