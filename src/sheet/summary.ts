/** The summary shown after an apply: counts per grade and per stage, and the rows with errors. */
import type { RowProblem } from "./rowFormulas";

export interface Summary {
  readonly rows: number;
  readonly grades: Record<string, number>;
  readonly stages: Record<string, number>;
  readonly problems: readonly RowProblem[];
}

export function summarise(
  rows: number,
  grades: readonly (string | undefined)[],
  stages: readonly (number | undefined)[],
  problems: readonly RowProblem[],
): Summary {
  const count = <T extends string | number>(xs: readonly (T | undefined)[]) => {
    const out: Record<string, number> = {};
    for (const x of xs)
      if (x !== undefined) out[String(x)] = (out[String(x)] ?? 0) + 1;
    return out;
  };
  return { rows, grades: count(grades), stages: count(stages), problems };
}
