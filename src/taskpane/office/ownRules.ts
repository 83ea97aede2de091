/*
 * The add-in's own conditional-format rules (colour codes), told apart from the user's by a
 * stored list of their ids (kept with the workbook). Only these are ever deleted or replaced;
 * the user's rules on the same cells stay. A rule whose id the add-in does not know is the
 * user's: with the list lost, the add-in may add its rules twice but never deletes a user's.
 */
import { columnLetter } from "../../sheet/rowFormulas";

export type RuleKind = "grade" | "nextFollowUp";

export const GRADE_FILLS: readonly (readonly [string, string])[] = [
  ["A", "#C6EFCE"],
  ["B", "#E2F0D9"],
  ["C", "#FFF2CC"],
  ["D", "#FCE4D6"],
  ["E", "#F8CBAD"],
];
const DUE_FILL = "#F8CBAD";
const DUE_FONT = "#9C0006";

/** Whether the host has conditional formats (ExcelApi 1.6). */
export function rulesSupported(): boolean {
  return !(
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.6") === false
  );
}

/** Queues the add-in's rules for `kind` on a one-column range whose top-left is (row, col); their ids load at the next sync. */
export function queueOwnRules(
  range: Excel.Range,
  kind: RuleKind,
  row: number,
  col: number,
): Excel.ConditionalFormat[] {
  const added: Excel.ConditionalFormat[] = [];
  if (kind === "grade") {
    for (const [grade, fill] of GRADE_FILLS) {
      const cf = range.conditionalFormats.add(
        Excel.ConditionalFormatType.cellValue,
      );
      cf.cellValue.format.fill.color = fill;
      cf.cellValue.rule = { formula1: `="${grade}"`, operator: "EqualTo" };
      added.push(cf);
    }
  } else {
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    const cell = `${columnLetter(col)}${row + 1}`;
    cf.custom.rule.formula = `=AND(ISNUMBER(${cell}),${cell}<=TODAY())`;
    cf.custom.format.fill.color = DUE_FILL;
    cf.custom.format.font.color = DUE_FONT;
    added.push(cf);
  }
  for (const cf of added) cf.load("id");
  return added;
}

export interface FoundRule {
  readonly kind: RuleKind;
  readonly id: string;
  /** A1 address without the sheet */
  readonly address: string;
  readonly rule: Excel.ConditionalFormat;
}

/**
 * The add-in's rules (ids in `ownIds`) among those touching the given ranges. Two requests,
 * whatever the number of rules.
 */
export async function findOwnRules(
  context: Excel.RequestContext,
  ranges: readonly { kind: RuleKind; range: Excel.Range }[],
  ownIds: ReadonlySet<string>,
): Promise<FoundRule[]> {
  if (!rulesSupported() || ranges.length === 0 || ownIds.size === 0) return [];
  const cols = ranges.map((r) => {
    const c = r.range.conditionalFormats;
    c.load("items/id,items/type");
    return { ...r, c };
  });
  await context.sync();
  const cands: {
    kind: RuleKind;
    id: string;
    cf: Excel.ConditionalFormat;
    at: Excel.Range;
  }[] = [];
  const seen = new Set<string>();
  for (const { kind, c } of cols)
    for (const cf of c.items) {
      if (!ownIds.has(cf.id) || seen.has(cf.id)) continue;
      seen.add(cf.id);
      const at = cf.getRange();
      at.load("address");
      cands.push({ kind, id: cf.id, cf, at });
    }
  if (cands.length === 0) return [];
  await context.sync();
  return cands.map(({ kind, id, cf, at }) => ({
    kind,
    id,
    address: at.address.replace(/^.*!/, ""),
    rule: cf,
  }));
}

/** Row and column (0-based) of an A1 address's top-left cell. */
export function topLeftOf(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address.replace(/^.*!/, ""));
  if (!m) throw new Error(`not an address: ${address}`);
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
