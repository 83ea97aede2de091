/** Helpers shared by the tests: call the custom functions as Excel would and read back what it shows. */
import * as F from "../src/functions/functions";
import { setLabelLanguage } from "../src/functions/host";

export { F };

/** What a cell shows: a value, or the error code with its message. */
export type Shown = string | number | { error: string; message: string };

function show(v: unknown): Shown {
  if (v instanceof Error && "code" in v)
    return { error: String((v as { code: string }).code), message: v.message };
  return v as string | number;
}

/** Calls a custom function; a thrown CustomFunctions.Error becomes a one-cell error, as Excel shows it. */
export function call(
  fn: (...args: any[]) => any[][],
  ...args: unknown[]
): Shown[] {
  try {
    const out = fn(...args);
    return out.map((row) => show(row[0]));
  } catch (e) {
    if (e instanceof Error && "code" in e) return [show(e)];
    throw e;
  }
}

/** One cell → the 1×1 range Excel passes for `any[][]` arguments. */
export const cell = (v: unknown): unknown[][] => [[v]];
/** A column of values → an n×1 range. */
export const col = (...vs: unknown[]): unknown[][] => vs.map((v) => [v]);

export function useLanguage(lang: "zh" | "en"): void {
  setLabelLanguage(lang);
}

export const err = (code: string) => expect.objectContaining({ error: code });
