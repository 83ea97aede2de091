/**
 * Where the output columns go. Outputs keep the columns the add-in wrote before (found by
 * identity and checked against the header, see taskpane/grade); the others take fresh columns
 * from `start`, skipping columns already taken. Columns need not be side by side: a column the
 * user took back in the middle stays theirs and the outputs go around it.
 */
import { fold } from "../engine/text";
import type { OutputKind } from "./outputs";
import { headersOf } from "./outputs";

export function placeColumns(
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

/**
 * What a file remembers about a sheet (the command line's mapping file): the columns the
 * add-in wrote, absolute 0-based. The pane keeps its own record (sheet/gradeRecord) instead.
 */
export interface SheetRegistry {
  readonly owned: Partial<Record<OutputKind, number>>;
  /** each input's header text (a list for an input read over several columns); untrusted */
  readonly mapping?: Partial<Record<string, string | string[]>>;
  readonly outputs?: readonly OutputKind[];
  readonly live?: boolean;
}

export interface Placement {
  readonly columns: Map<OutputKind, number>;
  /** the block's own columns that are ours (previous outputs), excluded from input mapping */
  readonly ownedInBlock: Set<number>;
}

/**
 * The command line's placement (it writes a new file): a remembered column is reused while its
 * header is still the output's header; the others go right of the data.
 * @param headerRow the block's header cells (absolute columns from `left`)
 */
export function placeOutputs(
  outputs: readonly OutputKind[],
  headerRow: readonly unknown[],
  left: number,
  registry: SheetRegistry | undefined,
  startAt?: number,
): Placement {
  const keep = new Map<OutputKind, number>();
  const ownedInBlock = new Set<number>();
  for (const [kind, col] of Object.entries(registry?.owned ?? {}) as [
    OutputKind,
    number,
  ][]) {
    const h = headerRow[col - left];
    const ours =
      h !== undefined &&
      headersOf(kind)
        .map(fold)
        .includes(fold(String(h ?? "")));
    if (ours) ownedInBlock.add(col);
    if (
      (ours || h === undefined) &&
      outputs.includes(kind) &&
      startAt === undefined
    )
      keep.set(kind, col);
  }
  let start = Math.max(left + headerRow.length, startAt ?? 0);
  for (const c of ownedInBlock) start = Math.max(start, c + 1);
  return { columns: placeColumns(outputs, keep, start), ownedInBlock };
}
