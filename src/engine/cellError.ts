import type { ArgName } from "./args";
import type { ExpectedKey } from "./expected";

/**
 * Errors are values in the engine (STYLE: hyperformula's CellError). Each host maps the code
 * to its own surface: `#VALUE!`/`#N/A`/`#NUM!` in a custom function, readable text in the pane.
 */
export type ErrorCode =
  "VALUE" | "NA" | "NUM" | "DIV0" | "REF" | "NAME" | "NULL";

/** How each error shows in a cell (and as text: the pane's static values, explanations). */
export const ERROR_TEXT = {
  VALUE: "#VALUE!",
  NA: "#N/A",
  NUM: "#NUM!",
  DIV0: "#DIV/0!",
  REF: "#REF!",
  NAME: "#NAME?",
  NULL: "#NULL!",
} as const satisfies Record<ErrorCode, string>;

const CODE_OF_TEXT = new Map<string, ErrorCode>(
  Object.entries(ERROR_TEXT).map(([k, t]) => [t, k as ErrorCode]),
);

/** An Excel error as text: `#N/A`, `#SPILL!`, `#GETTING_DATA`… */
const ERROR_LIKE = /^#[A-Z0-9_/]+[!?]?$/;

/**
 * The Excel error an input cell holds, as its text (`#N/A`), or undefined for any other value.
 * Hosts hand error cells over as objects: the task pane and the command line as a SheetError
 * (`text`), Excel's custom-function runtime as its error object (`code`), the engine as
 * a CellError. Text typed into a cell is text, never an error.
 */
export function errorTextOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (value instanceof CellError) return ERROR_TEXT[value.code];
  for (const key of ["code", "text"] as const) {
    const t = (value as Record<string, unknown>)[key];
    if (typeof t === "string" && ERROR_LIKE.test(t.trim())) return t.trim();
  }
  return undefined;
}

/**
 * An error value in an input passes through as the same error (Excel's rule: `#N/A` in gives
 * `#N/A` out), its message naming the argument. An error Excel's custom functions cannot
 * return (`#SPILL!`, `#CALC!`…) becomes `#VALUE!` with the same message.
 */
export function inputError(
  arg: ArgName,
  value: unknown,
): CellError | undefined {
  const text = errorTextOf(value);
  if (text === undefined) return undefined;
  return new CellError(CODE_OF_TEXT.get(text) ?? "VALUE", "inputError", {
    arg,
    detail: text,
  });
}

export type MessageKey =
  | "unreadable" // a value the reader cannot read for this argument
  | "inputError" // an input cell holds an error value (#N/A…): it passes through
  | "missing" // a required input is blank
  | "outOfRange" // a number outside the argument's range
  | "heightMismatch" // ranges of different heights
  | "tooWide" // a one-column argument given several columns
  | "noSignal" // INTENTSTAGE: nothing recognised in the row
  | "noOption" // SCORE: answer matches no option of its item
  | "tooManyAnswers" // SCORE: more answer columns than criteria items
  | "unknownHeader" // SCORE: a header names no criteria item
  | "badCriteriaRow" // SCORE: a criteria row whose points cannot be read
  | "emptyCriteria" // SCORE: no criteria rows
  | "noKeyword" // ROLE: no keyword in the title
  | "emptyPopulation" // VALUETIER: no amounts to rank against
  | "afterToday"; // ACTIVITY: purchase date after today

export interface MessageParams {
  arg?: ArgName;
  /** further arguments named by the message (height mismatch) */
  args?: readonly ArgName[];
  value?: unknown;
  /** free detail: an item name, an accepted range, a count */
  detail?: string;
  /** SCORE: the criteria row's item and option, as written */
  item?: string;
  expected?: ExpectedKey;
}

export class CellError {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {}
}

export function isCellError(value: unknown): value is CellError {
  return value instanceof CellError;
}

export const valueError = (key: MessageKey, params: MessageParams) =>
  new CellError("VALUE", key, params);
export const naError = (key: MessageKey, params: MessageParams) =>
  new CellError("NA", key, params);
export const numError = (key: MessageKey, params: MessageParams) =>
  new CellError("NUM", key, params);
