/**
 * Ranges spill (SPEC "rules common to every function"): any argument may be one cell or a
 * range; each row of a range is one lead; single cells broadcast; ranges of different
 * heights are an error naming the arguments.
 */
import type { ArgName } from "./args";
import { CellError, valueError } from "./cellError";

/** A custom-function argument: a 2-D array (a range or a 1×1 cell), a scalar, or null when omitted. */
export type Grid = readonly (readonly unknown[])[];

export function isGrid(v: unknown): v is Grid {
  return Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]));
}

/** The number of leads: the common height of the multi-row arguments, 1 when every one is a single row. */
export function leadCount(
  args: readonly (readonly [ArgName, unknown])[],
): number | CellError {
  let height = 1;
  const tall: [ArgName, number][] = [];
  for (const [name, v] of args) {
    if (isGrid(v) && v.length > 1) {
      tall.push([name, v.length]);
      if (height === 1) height = v.length;
    }
  }
  if (tall.some(([, h]) => h !== height)) {
    return valueError("heightMismatch", {
      args: tall.map(([n]) => n),
      detail: tall.map(([, h]) => h).join(" ≠ "),
    });
  }
  return height;
}

/** One-column arguments: a range of several columns is an error naming the argument. */
export function checkOneColumn(
  args: readonly (readonly [ArgName, unknown])[],
): CellError | undefined {
  for (const [name, v] of args) {
    if (isGrid(v)) {
      const w = v[0]?.length ?? 0;
      if (w > 1) return valueError("tooWide", { arg: name, detail: String(w) });
    }
  }
  return undefined;
}

/** A reader for row i of a one-column argument: the cell, broadcast when the argument is a single cell. */
export function column(v: unknown): (i: number) => unknown {
  if (!isGrid(v)) return () => v;
  if (v.length === 1) {
    const only = v[0]?.[0];
    return () => only;
  }
  return (i) => v[i]?.[0];
}

/** A reader for row i of a whole-row argument (INTENTSTAGE's observations, SCORE's answers). */
export function rows(v: unknown): (i: number) => readonly unknown[] {
  if (!isGrid(v)) return () => [v];
  if (v.length === 1) {
    const only = v[0] ?? [];
    return () => only;
  }
  return (i) => v[i] ?? [];
}

/** What `single` returns for an argument that is a range rather than one cell. */
export const MANY: unique symbol = Symbol("range");

/**
 * The value of a one-cell argument — a 1×1 range, a scalar, or an omitted argument — read
 * as `column(v)(0)` reads it; MANY for anything else (a range, or a shape the range form checks).
 */
export function single(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  if (v.length !== 1) return MANY;
  const r: unknown = v[0];
  return Array.isArray(r) && r.length === 1 ? r[0] : MANY;
}
