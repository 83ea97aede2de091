import type { ArgName } from "./args";
import type { ExpectedKey } from "./expected";

/**
 * Errors are values in the engine (STYLE: hyperformula's CellError). Each host maps the code
 * to its own surface: `#VALUE!`/`#N/A`/`#NUM!` in a custom function, readable text in the pane.
 */
export type ErrorCode = "VALUE" | "NA" | "NUM";

export type MessageKey =
  | "unreadable" // a value the reader cannot read for this argument
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
