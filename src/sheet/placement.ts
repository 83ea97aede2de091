/**
 * Where the output columns go. Outputs keep the columns the add-in wrote before (found by
 * identity and checked against the header, see taskpane/grade); the others take fresh columns
 * from `start`, skipping columns already taken. Columns need not be side by side: a column the
 * user took back in the middle stays theirs and the outputs go around it.
 */
import type { OutputKind } from "./outputs";

export function placeOutputs(
  outputs: readonly OutputKind[],
  keep: ReadonlyMap<OutputKind, number>,
  start: number,
  taken: ReadonlySet<number> = new Set(),
): Map<OutputKind, number> {
  const columns = new Map<OutputKind, number>();
  const used = new Set<number>(taken);
  for (const kind of outputs) {
    const c = keep.get(kind);
    if (c !== undefined) {
      columns.set(kind, c);
      used.add(c);
    }
  }
  let next = start;
  for (const c of keep.values()) next = Math.max(next, c + 1);
  for (const kind of outputs) {
    if (columns.has(kind)) continue;
    while (used.has(next)) next++;
    columns.set(kind, next);
    used.add(next);
    next++;
  }
  return columns;
}
