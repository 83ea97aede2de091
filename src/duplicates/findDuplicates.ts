/**
 * The duplicate-lead tool's pure core: groups, a decision per grouped row, and the three
 * columns the add-in owns on the data sheet (group, proposed owner, explanation). Rows that
 * are no one's duplicate get blanks. Nothing here deletes, merges or reorders a row.
 */
import type { Lang } from "../engine/lang";
import type { LeadRow } from "../sheet/leadRows";
import {
  decideOwner,
  type DecideOptions,
  type OwnerDecision,
} from "./decideOwner";
import { groupDuplicates, type DuplicateGroup } from "./groupDuplicates";

export type DuplicateColumn = "group" | "owner" | "explanation";
export const DUPLICATE_COLUMNS: readonly DuplicateColumn[] = [
  "group",
  "owner",
  "explanation",
];

export const DUPLICATE_HEADERS: {
  [C in DuplicateColumn]: { zh: string; en: string };
} = {
  group: { zh: "撞单组", en: "Duplicate group" },
  owner: { zh: "建议归属", en: "Proposed owner" },
  explanation: { zh: "撞单说明", en: "Duplicate reason" },
};

export const groupLabel = (id: number, lang: Lang): string =>
  lang === "zh" ? `撞单${id}` : `Dup ${id}`;

export interface DuplicateResult {
  readonly groups: readonly DuplicateGroup[];
  readonly decisions: readonly OwnerDecision[];
  /** one row per data row: group, proposed owner, explanation */
  readonly cells: readonly (readonly [string, string, string])[];
}

export function findDuplicates(
  rows: readonly LeadRow[],
  opts: DecideOptions,
): DuplicateResult {
  const groups = groupDuplicates(rows);
  const decisions = groups.flatMap((g) => decideOwner(g, rows, opts));
  const cells: [string, string, string][] = rows.map(() => ["", "", ""]);
  for (const d of decisions)
    cells[d.index] = [groupLabel(d.group, opts.lang), d.owner, d.explanation];
  return { groups, decisions, cells };
}
