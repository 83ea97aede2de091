/** The summary shown after an apply: counts per grade and per stage, and the rows with errors. */
import { fold } from "../engine/text";
import type { RowProblem } from "./rowFormulas";

export interface Summary {
  readonly rows: number;
  readonly grades: Record<string, number>;
  readonly stages: Record<string, number>;
  readonly problems: readonly RowProblem[];
  /** the grade the team already assigned (its own column), counted beside ours */
  readonly team?: TeamGrades;
  /** notes with no signal recognised, grouped by text (not listed among the problems) */
  readonly unread?: readonly UnreadGroup[];
}

export interface TeamGrades {
  readonly grades: Record<string, number>;
  /** rows where both the team's grade and ours are letters */
  readonly compared: number;
  /** of those, rows where the letters are the same */
  readonly agree: number;
}

export function summarise(
  rows: number,
  grades: readonly (string | undefined)[],
  stages: readonly (number | undefined)[],
  problems: readonly RowProblem[],
  teamCells?: readonly unknown[],
  unread?: readonly UnreadNote[],
): Summary {
  const count = <T extends string | number>(xs: readonly (T | undefined)[]) => {
    const out: Record<string, number> = {};
    for (const x of xs)
      if (x !== undefined) out[String(x)] = (out[String(x)] ?? 0) + 1;
    return out;
  };
  const summary = {
    rows,
    grades: count(grades),
    stages: count(stages),
    problems,
    ...(unread && unread.length > 0 ? { unread: groupUnread(unread) } : {}),
  };
  return teamCells
    ? { ...summary, team: teamAgreement(teamCells, grades) }
    : summary;
}

/** A team's grade cell as a letter: `A`, `a`, `Ａ级`, `B类`, `H级客户` → A, A, A, B, H. */
export function teamLetter(cell: unknown): string | undefined {
  if (typeof cell !== "string") return undefined;
  const m = /^([a-z])[+-]{0,2}(级|类|档|等)?(客户|线索)?$/.exec(fold(cell));
  return m ? (m[1] as string).toUpperCase() : undefined;
}

/**
 * The team's own grades beside ours: their counts, and on how many rows they are the same
 * letter. Read for this count only: a team's "A" is never an input.
 */
export function teamAgreement(
  teamCells: readonly unknown[],
  ours: readonly (string | undefined)[],
): TeamGrades {
  const grades: Record<string, number> = {};
  let compared = 0;
  let agree = 0;
  teamCells.forEach((cell, i) => {
    const team = teamLetter(cell);
    if (team === undefined) return;
    grades[team] = (grades[team] ?? 0) + 1;
    const our = ours[i];
    if (our === undefined || !/^[A-E]$/.test(our)) return;
    compared++;
    if (our === team) agree++;
  });
  return { grades, compared, agree };
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
