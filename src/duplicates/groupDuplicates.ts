/**
 * Groups the rows that are the same customer (SPEC §11): same normalised phone, or same
 * name + company. Linked transitively (row 1 and 2 share a phone, 2 and 3 a name and
 * company: one customer). One pass with two maps and a union-find: linear in the rows.
 */
import type { LeadRow } from "../sheet/leadRows";
import { customerKey } from "./customerKey";
import { normalisePhone } from "./normalisePhone";

export type MatchReason = "phone" | "nameCompany";

export interface DuplicateGroup {
  /** 1-based, in order of each group's first row */
  readonly id: number;
  /** row indexes, ascending */
  readonly members: readonly number[];
  /** why each member is in the group: the keys it shares with another member */
  readonly reasons: ReadonlyMap<number, ReadonlySet<MatchReason>>;
}

export function groupDuplicates(rows: readonly LeadRow[]): DuplicateGroup[] {
  const parent = new Int32Array(rows.length).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byPhone = new Map<string, number>();
  const byName = new Map<string, number>();
  const reasons = new Map<number, Set<MatchReason>>();
  const mark = (i: number, r: MatchReason) => {
    let s = reasons.get(i);
    if (!s) reasons.set(i, (s = new Set()));
    s.add(r);
  };
  rows.forEach((row, i) => {
    const phone = normalisePhone(row.phone);
    if (phone) {
      const first = byPhone.get(phone);
      if (first === undefined) byPhone.set(phone, i);
      else {
        union(first, i);
        mark(first, "phone");
        mark(i, "phone");
      }
    }
    const key = customerKey(row.name, row.company);
    if (key) {
      const first = byName.get(key);
      if (first === undefined) byName.set(key, i);
      else {
        union(first, i);
        mark(first, "nameCompany");
        mark(i, "nameCompany");
      }
    }
  });
  const members = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    if (!reasons.has(i)) continue;
    const root = find(i);
    let m = members.get(root);
    if (!m) members.set(root, (m = []));
    m.push(i);
  }
  const groups: DuplicateGroup[] = [];
  for (const m of [...members.values()].sort((a, b) => a[0]! - b[0]!)) {
    if (m.length < 2) continue;
    groups.push({
      id: groups.length + 1,
      members: m,
      reasons: new Map(m.map((i) => [i, reasons.get(i)!])),
    });
  }
  return groups;
}
