/** The summary shown after an apply: counts per grade and per stage, and the rows with errors. */
import type { RowProblem } from "./rowFormulas";

export interface Summary {
  readonly rows: number;
  readonly grades: Record<string, number>;
  readonly stages: Record<string, number>;
  readonly problems: readonly RowProblem[];
  /** notes with no signal recognised, grouped by text (not listed among the problems) */
  readonly unread?: readonly UnreadGroup[];
}

export function summarise(
  rows: number,
  grades: readonly (string | undefined)[],
  stages: readonly (number | undefined)[],
  problems: readonly RowProblem[],
  unread?: readonly UnreadNote[],
): Summary {
  const count = <T extends string | number>(xs: readonly (T | undefined)[]) => {
    const out: Record<string, number> = {};
    for (const x of xs)
      if (x !== undefined) out[String(x)] = (out[String(x)] ?? 0) + 1;
    return out;
  };
  return {
    rows,
    grades: count(grades),
    stages: count(stages),
    problems,
    ...(unread && unread.length > 0 ? { unread: groupUnread(unread) } : {}),
  };
}

/** A note the reader found no signal in (SPEC §5 "no signal recognised"), by data row. */
export interface UnreadNote {
  /** 0-based index among the data rows */
  readonly row: number;
  readonly text: string;
}

/** Rows whose notes read the same, as one line of the summary. */
export interface UnreadGroup {
  /** the note as written (trimmed; white space runs folded to one space) */
  readonly text: string;
  /** the rows holding it, in sheet order */
  readonly rows: readonly number[];
}

/**
 * Groups the notes with no signal by their text, most frequent first (ties: the one seen
 * first), so a summary shows "未联系上 × 120" once instead of 120 error lines.
 */
export function groupUnread(notes: readonly UnreadNote[]): UnreadGroup[] {
  const byText = new Map<string, number[]>();
  for (const n of notes) {
    const key = n.text.trim().replace(/\s+/g, " ");
    const rows = byText.get(key);
    if (rows) rows.push(n.row);
    else byText.set(key, [n.row]);
  }
  return [...byText.entries()]
    .map(([text, rows]) => ({ text, rows: [...rows].sort((a, b) => a - b) }))
    .sort(
      (a, b) =>
        b.rows.length - a.rows.length || (a.rows[0] ?? 0) - (b.rows[0] ?? 0),
    );
}

/** The first `limit` items and how many are left out, so a list is never cut off silently. */
export function firstOf<T>(
  items: readonly T[],
  limit: number,
): { shown: readonly T[]; more: number } {
  const shown = items.slice(0, Math.max(0, limit));
  return { shown, more: items.length - shown.length };
}
