/**
 * The one reader of loose cell values (SPEC §1). Every function reads its inputs through
 * these; each returns `undefined` for a value it cannot read, and the caller names the
 * argument in the error.
 */
import type { Compiled } from "./compiled";
import { fold, isBlankCell } from "./text";

export { isBlankCell };

/** Yes-like → true, no-like → false, anything else → undefined. Blank is the caller's business. */
export function readYesNo(value: unknown, c: Compiled): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number")
    return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const hit = c.yesNoMemo.get(value);
  if (hit !== undefined) return hit ?? undefined;
  const f = fold(value);
  const yn = c.yes.has(f) ? true : c.no.has(f) ? false : undefined;
  remember(c.yesNoMemo, value, yn ?? null);
  return yn;
}

/** How a text reads both as yes/no and as a number, looked up once (hot paths that accept either). */
export interface Loose {
  readonly yn: boolean | undefined;
  readonly num: number | undefined;
}

export function readLoose(value: string, c: Compiled): Loose {
  let hit = c.looseMemo.get(value);
  if (hit === undefined) {
    hit = { yn: readYesNo(value, c), num: readNumber(value) };
    remember(c.looseMemo, value, hit);
  }
  return hit;
}

/** Sheets repeat their values: readers remember what a text read as (bounded). */
export function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size > 20000) memo.clear();
  memo.set(key, value);
}
const numberMemo = new Map<string, number | null>();
const dateMemo = new Map<string, number | null>();

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+(\.\d*)?|\.\d+)$/;
const UNIT = /(元|块|次|天|日|个|分|人民币|rmb|days?|times?|points?)$/;
const CURRENCY = /^(¥|\$|人民币|rmb)/;

/**
 * Excel numbers as they are; text numbers with full-width digits, thousands separators,
 * currency marks (¥ ￥ $ 元), 万 (×10 000) and a trailing % (÷100, as Excel reads "85%").
 * A trailing unit word (次, 天, 日, 个, 分, days, times, points) is allowed, so "3次" is 3.
 */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number")
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const hit = numberMemo.get(value);
  if (hit !== undefined) return hit ?? undefined;
  const n = parseNumber(value);
  remember(numberMemo, value, n ?? null);
  return n;
}

function parseNumber(value: string): number | undefined {
  let s = fold(value).replace(/\s+/g, "");
  let negative = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = s.startsWith("-");
    s = s.slice(1);
  }
  s = s.replace(CURRENCY, "");
  if (!negative && s.startsWith("-")) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(UNIT, "");
  let scale = 1;
  let divide = 1;
  if (s.endsWith("%")) {
    divide = 100;
    s = s.slice(0, -1);
  } else if (s.endsWith("万")) {
    scale = 10000;
    s = s.slice(0, -1);
  }
  if (THOUSANDS.test(s)) s = s.replace(/,/g, "");
  if (!PLAIN.test(s)) return undefined;
  const n = (Number(s) * scale) / divide;
  return negative ? -n : n;
}

/** 9999-12-31, the last date Excel knows. */
export const MAX_SERIAL = 2958465;

/** Days between 1899-12-30 (Excel's day 0 for modern dates) and 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86400000;

export function serialFromYMD(
  y: number,
  m: number,
  d: number,
): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999)
    return undefined;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== m - 1 ||
    back.getUTCDate() !== d
  )
    return undefined;
  return t / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function ymdFromSerial(serial: number): string {
  const d = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return d.toISOString().slice(0, 10);
}

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Excel serials (a positive number; the fraction, a time of day, is dropped); text
 * `2026-11-25`, `2026/11/25`, `2026.11.25`, `2026年11月25日` (a trailing time is allowed).
 */
export function readDate(value: unknown): number | undefined {
  if (typeof value === "number")
    return value >= 1 && value <= MAX_SERIAL ? Math.floor(value) : undefined;
  if (typeof value !== "string") return undefined;
  const hit = dateMemo.get(value);
  if (hit !== undefined) return hit ?? undefined;
  const m = DATE_TEXT.exec(fold(value));
  const d = m
    ? serialFromYMD(Number(m[1]), Number(m[2]), Number(m[3]))
    : undefined;
  remember(dateMemo, value, d ?? null);
  return d;
}

/** Today's date as an Excel serial, in the machine's time zone. Read only when `today` is omitted. */
export function todaySerial(now: Date = new Date()): number {
  return (
    Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY +
    UNIX_EPOCH_SERIAL
  );
}

/**
 * A row whose inputs are all blank stays blank (SPEC). Older Excel desktop builds pass a
 * blank cell as 0 (office-js #4702), so in a row of several inputs a numeric 0 counts as
 * blank for this test; a single-input function keeps 0 as a value (stage 0 is a stage).
 */
export function blankish(v: unknown): boolean {
  return v === 0 || isBlankCell(v);
}
