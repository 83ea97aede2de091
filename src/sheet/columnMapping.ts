/**
 * Proposes which column holds each input, from the header words of INPUTS, with a confidence:
 * 1 for a header equal to a synonym, less for a header that contains one (or is contained in
 * one), scaled by how much of the header the synonym covers. Each column serves one input;
 * the most confident pairs are taken first.
 */
import { fold } from "../engine/text";
import { INPUTS, type InputKey } from "./inputs";

export interface ColumnChoice {
  readonly column: number | null;
  readonly confidence: number;
}
export type Mapping = Record<InputKey, ColumnChoice>;

function score(header: string, synonym: string): number {
  if (header === "" || synonym === "") return 0;
  if (header === synonym) return 1;
  if (header.includes(synonym))
    return 0.5 + 0.4 * (synonym.length / header.length);
  if (synonym.includes(header) && header.length >= 2)
    return 0.4 + 0.4 * (header.length / synonym.length);
  return 0;
}

export function emptyMapping(): Mapping {
  return Object.fromEntries(
    INPUTS.map((i) => [i.key, { column: null, confidence: 0 }]),
  ) as Mapping;
}

export function proposeMapping(headers: readonly unknown[]): Mapping {
  const folded = headers.map((h) =>
    h === null || h === undefined ? "" : fold(String(h)),
  );
  const pairs: { key: InputKey; column: number; confidence: number }[] = [];
  for (const input of INPUTS) {
    for (let c = 0; c < folded.length; c++) {
      let best = 0;
      for (const s of input.synonyms)
        best = Math.max(best, score(folded[c] as string, fold(s)));
      if (best > 0)
        pairs.push({
          key: input.key,
          column: c,
          confidence: Math.round(best * 100) / 100,
        });
    }
  }
  pairs.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  const mapping = emptyMapping();
  const usedColumns = new Set<number>();
  for (const p of pairs) {
    if (mapping[p.key].column !== null || usedColumns.has(p.column)) continue;
    mapping[p.key] = { column: p.column, confidence: p.confidence };
    usedColumns.add(p.column);
  }
  return mapping;
}

/** The mapping with `column` given to `key` and taken from any other input (a column serves one input). */
export function assignColumn(
  mapping: Mapping,
  key: InputKey,
  column: number | null,
): Mapping {
  const next = { ...mapping };
  if (column !== null) {
    for (const k of Object.keys(next) as InputKey[])
      if (next[k].column === column) next[k] = { column: null, confidence: 0 };
  }
  next[key] = { column, confidence: column === null ? 0 : 1 };
  return next;
}

/** A remembered mapping (by header text) applied to today's headers: columns may have moved. */
export function restoreMapping(
  saved: Partial<Record<InputKey, string>>,
  headers: readonly unknown[],
): Mapping {
  let mapping = proposeMapping(headers);
  const folded = headers.map((h) =>
    h === null || h === undefined ? "" : fold(String(h)),
  );
  for (const [key, header] of Object.entries(saved) as [InputKey, string][]) {
    const c = folded.indexOf(fold(header));
    if (c >= 0) mapping = assignColumn(mapping, key, c);
  }
  return mapping;
}

/** What to remember per sheet: each mapped input's header text. */
export function mappingToSave(
  mapping: Mapping,
  headers: readonly unknown[],
): Partial<Record<InputKey, string>> {
  const out: Partial<Record<InputKey, string>> = {};
  for (const [key, choice] of Object.entries(mapping) as [
    InputKey,
    ColumnChoice,
  ][]) {
    if (choice.column !== null) out[key] = String(headers[choice.column] ?? "");
  }
  return out;
}
