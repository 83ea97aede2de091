/**
 * Where the output columns go, and whether writing there would touch anything the add-in
 * does not own. Outputs reuse the columns the add-in wrote before (remembered per sheet),
 * else take the columns right of the data. A target cell holding anything not written by
 * the add-in is a conflict: the pane stops and asks.
 */
import { fold } from "../engine/text";
import type { OutputKind } from "./outputs";
import { headersOf } from "./outputs";

/** What the workbook remembers about a sheet: the columns the add-in owns (absolute 0-based). */
export interface SheetRegistry {
  readonly owned: Partial<Record<OutputKind, number>>;
  /** each input's header text (a list for an input read over several columns); untrusted */
  readonly mapping?: Partial<Record<string, string | string[]>>;
  /** the outputs and mode of the last apply: the next one is one click */
  readonly outputs?: readonly OutputKind[];
  readonly live?: boolean;
}

export interface Placement {
  readonly columns: Map<OutputKind, number>;
  /** the block's own columns that are ours (previous outputs), excluded from input mapping */
  readonly ownedInBlock: Set<number>;
}

/**
 * @param headerRow the block's header cells (absolute columns from `left`)
 * @param left absolute column of the block's first column
 */
export function placeOutputs(
  outputs: readonly OutputKind[],
  headerRow: readonly unknown[],
  left: number,
  registry: SheetRegistry | undefined,
  /** place every output in fresh columns from here (the user's "use empty columns further right") */
  startAt?: number,
): Placement {
  const columns = new Map<OutputKind, number>();
  const ownedInBlock = new Set<number>();
  const used = new Set<number>();
  // A column is recognised as ours when the registry says so and its header is still our header.
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
    if (ours || h === undefined) {
      if (ours) ownedInBlock.add(col);
      if (outputs.includes(kind) && startAt === undefined) {
        columns.set(kind, col);
        used.add(col);
      }
    }
  }
  let next = Math.max(left + headerRow.length, startAt ?? 0);
  for (const c of ownedInBlock) next = Math.max(next, c + 1);
  for (const kind of outputs) {
    if (columns.has(kind)) continue;
    while (used.has(next)) next++;
    columns.set(kind, next);
    used.add(next);
    next++;
  }
  return { columns, ownedInBlock };
}

export interface Conflict {
  /** absolute 0-based row and column */
  readonly row: number;
  readonly column: number;
  readonly content: string;
}

/**
 * Cells in the target columns that hold something and are not the add-in's: `current[r][j]`
 * is the formula-or-value of row `top + r` in `targets[j]`.
 */
export function findConflicts(
  current: readonly (readonly unknown[])[],
  top: number,
  targets: readonly number[],
  owned: ReadonlySet<number>,
  limit = 20,
): Conflict[] {
  const out: Conflict[] = [];
  for (let j = 0; j < targets.length; j++) {
    const col = targets[j] as number;
    if (owned.has(col)) continue;
    for (let r = 0; r < current.length; r++) {
      const v = current[r]?.[j];
      if (v === null || v === undefined || v === "") continue;
      out.push({ row: top + r, column: col, content: String(v) });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
