/*
 * The add-in's own conditional-format rules (colour codes), told apart from the user's by what
 * they are: a grade rule is "cell value equals "A"…"E"" with the add-in's fill; a follow-up
 * rule is exactly =AND(ISNUMBER(X),X<=TODAY()) on its own top-left cell with the add-in's fill.
 * Only these are ever deleted or replaced; the user's rules on the same cells stay.
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

/** Queues the add-in's rules for `kind` on a one-column range whose top-left is (row, col). */
export function queueOwnRules(
  range: Excel.Range,
  kind: RuleKind,
  row: number,
  col: number,
): void {
  if (kind === "grade") {
    for (const [grade, fill] of GRADE_FILLS) {
      const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      cf.cellValue.format.fill.color = fill;
      cf.cellValue.rule = { formula1: `="${grade}"`, operator: "EqualTo" };
    }
  } else {
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    const cell = `${columnLetter(col)}${row + 1}`;
    cf.custom.rule.formula = `=AND(ISNUMBER(${cell}),${cell}<=TODAY())`;
    cf.custom.format.fill.color = DUE_FILL;
    cf.custom.format.font.color = DUE_FONT;
  }
}

const same = (a: unknown, b: string) =>
  typeof a === "string" && a.toUpperCase() === b.toUpperCase();

export interface FoundRule {
  readonly kind: RuleKind;
  /** A1 address without the sheet */
  readonly address: string;
  readonly rule: Excel.ConditionalFormat;
}

/**
 * The add-in's rules among those touching the given ranges (one per output column that can
 * carry rules). Two requests, whatever the number of rules.
 */
export async function findOwnRules(
  context: Excel.RequestContext,
  ranges: readonly { kind: RuleKind; range: Excel.Range }[],
): Promise<FoundRule[]> {
  if (!rulesSupported() || ranges.length === 0) return [];
  const cols = ranges.map((r) => {
    const c = r.range.conditionalFormats;
    c.load("items/type");
    return { ...r, c };
  });
  await context.sync();
  const cands: { kind: RuleKind; cf: Excel.ConditionalFormat; at: Excel.Range }[] = [];
  for (const { kind, c } of cols) {
    for (const cf of c.items) {
      const want = kind === "grade" ? "CellValue" : "Custom";
      if (String(cf.type) !== want) continue;
      if (kind === "grade") cf.cellValue.load("rule,format/fill/color");
      else cf.custom.load("rule/formula,format/fill/color");
      const at = cf.getRange();
      at.load("address");
      cands.push({ kind, cf, at });
    }
  }
  if (cands.length === 0) return [];
  await context.sync();
  const out: FoundRule[] = [];
  const seen = new Set<Excel.ConditionalFormat>();
  for (const { kind, cf, at } of cands) {
    if (seen.has(cf)) continue;
    seen.add(cf);
    const address = at.address.replace(/^.*!/, "");
    let ours = false;
    if (kind === "grade") {
      const rule = cf.cellValue.rule;
      const fill = GRADE_FILLS.find(([g]) => same(rule.formula1, `="${g}"`));
      ours =
        !!fill &&
        String(rule.operator) === "EqualTo" &&
        same(cf.cellValue.format.fill.color, fill[1]);
    } else {
      const m = /^=AND\(ISNUMBER\(([A-Z]+\d+)\),([A-Z]+\d+)<=TODAY\(\)\)$/.exec(
        cf.custom.rule.formula ?? "",
      );
      const topLeft = address.split(":")[0]?.replace(/\$/g, "");
      ours =
        !!m && m[1] === m[2] && m[1] === topLeft && same(cf.custom.format.fill.color, DUE_FILL);
    }
    if (ours) out.push({ kind, address, rule: cf });
  }
  return out;
}

/** Row and column (0-based) of an A1 address's top-left cell. */
export function topLeftOf(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address.replace(/^.*!/, ""));
  if (!m) throw new Error(`not an address: ${address}`);
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
