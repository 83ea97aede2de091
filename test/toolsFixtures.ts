/** Lead rows for the managers' and admins' tools' tests: a complete default, overridden per case. */
import type { LeadRow } from "../src/sheet/leadRows";

export const TODAY = 46351; // 2026-11-25

export function lead(index: number, over: Partial<LeadRow> = {}): LeadRow {
  return {
    index,
    blank: false,
    name: "",
    company: "",
    phone: "",
    owner: "",
    closedBy: "",
    ...over,
  };
}
