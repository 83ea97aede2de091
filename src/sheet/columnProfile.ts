/**
 * What the cells below a header hold. Each sampled cell is read as one kind (a company name,
 * a phone number, a date, a count, an A/B rating, a letter someone assigned as a class…) and a
 * column's profile is the share of each kind among its non-blank cells. The column mapping
 * weighs a header match against this profile: contents confirm, lower or overturn it.
 */
import { readDate, readNumber } from "../engine/read";
import { NO_WORDS, YES_WORDS } from "../engine/tables/readerWords";
import { fold, isBlankCell } from "../engine/text";
import {
  COMPANY_ENDINGS_LATIN,
  COMPANY_WORDS_ZH,
  GRADE_HEADER_WORDS,
  LEVEL_PARTS,
  LEVEL_WORDS,
  NOT_NAME_CHARS,
  PAYMENT_METHOD_WORDS,
  PERSON_SUFFIXES,
  SOURCE_WORDS,
  SURNAMES,
} from "./tables/contentWords";

/** What a column holds, as shown to the user beside the confidence. */
export type ColumnKind =
  | "company"
  | "person"
  | "phone"
  | "email"
  | "date"
  | "count"
  | "amount"
  | "rating"
  | "classLetters"
  | "levels"
  | "paymentMethod"
  | "source"
  | "longText"
  | "shortTags";

/** Kinds that identify a column on their own: a header naming something else is overturned by them. */
export const IDENTIFYING = [
  "company",
  "person",
  "phone",
  "email",
  "date",
  "count",
  "amount",
  "classLetters",
  "paymentMethod",
  "source",
] as const satisfies readonly ColumnKind[];

/** A cell's kind; `serial` is a number that may be a date serial or an amount, `text` is anything else. */
export type CellKind =
  | Exclude<ColumnKind, "classLetters" | "shortTags" | "longText">
  | "letter"
  | "serial"
  | "longText"
  | "text";

export interface ColumnProfile {
  /** non-blank cells sampled */
  readonly cells: number;
  /** share of each cell kind among them (0–1) */
  readonly share: Readonly<Partial<Record<CellKind, number>>>;
  /** distinct folded values among them */
  readonly distinct: number;
  /** mean size of the text cells (Chinese characters; an English word counts 2.5) */
  readonly meanLength: number;
  /** letters someone assigned as a class (H/A/B/C/F, A级, B类): never a yes/no rating */
  readonly classLetters: boolean;
  /** share of whole numbers below 1000 (5, "5", "5.0"): counts, or stages in a stage column */
  readonly wholeNumbers: number;
}

/** Rows sampled per column: enough to judge, bounded for 100,000-row sheets. */
export const SAMPLE_ROWS = 400;

const YES_NO = new Set<string>([...YES_WORDS, ...NO_WORDS, "不是", "没"]);
const LATIN_WORDS = /[a-z]+/g;
const HAN = /[\u4e00-\u9fff]/;
/** A letter grade as teams write it: `A`, `h`, `A+`, `B-`, `A级`, `C类`, `A级客户`, `H级`. */
const LETTER = /^([a-fhnos])([+-]{0,2})(级|类|档|等)?(客户|线索)?$/;
/** A lead's temperature, as teams grade it (Hot/Warm/Cold): a class, like a letter. */
const TEMPERATURE = new Set(["hot", "warm", "cold", "热", "温", "冷"]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/;
const DATE_LOOSE =
  /^(\d{4}\s*[-/.年]\s*\d{1,2}(\s*月)?|\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}\d{2}\d{2})(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;
const AMOUNT_TEXT =
  /^(约|大约|~)?(¥|\$|€|£|rmb|usd|cny)?\d[\d,.]*(万|w|k|千|百万|m)?(元|块|rmb|usd|美元)?([-~至到](¥|\$)?\d[\d,.]*(万|w|k|千|百万|m)?(元)?)?(以上|以下|左右|\+)?$/;
const COUNT_TEXT = /^\d{1,3}\s*(次|个|回|趟|times?|x)?$/;

/** Digits of a phone number, with +86/0086, spaces, dashes, dots and brackets removed; else undefined. */
export function phoneDigits(value: unknown): string | undefined {
  let s: string;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1e6) return undefined;
    s = String(value);
  } else if (typeof value === "string") {
    s = fold(value);
    // Exports often mask the middle digits: 138****8000.
    if (/^1[3-9]\d\s*[*x]{4}\s*\d{4}$/.test(s)) return s.replace(/\s/g, "");
    if (!/^[+(\d][\d\s\-().]*$/.test(s)) return undefined;
  } else return undefined;
  const international = s.startsWith("+") || s.startsWith("00");
  let d = s.replace(/\D/g, "");
  if (d.startsWith("0086")) d = d.slice(4);
  else if (d.startsWith("86") && d.length === 13) d = d.slice(2);
  // Chinese mobiles, landlines with an area code, and other countries' numbers.
  if (/^1[3-9]\d{9}$/.test(d)) return d;
  if (/^0\d{9,11}$/.test(d) && /[-\s()]/.test(s)) return d;
  if (international && d.length >= 8 && d.length <= 15) return d;
  if (/^\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}$/.test(s)) return d; // (555) 123-4567
  // Local numbers without an area code: 555-0100, 6688 1234.
  if (/^\d{3,4}[\s-]\d{4}$/.test(s)) return d;
  return undefined;
}

function isCompany(f: string): boolean {
  const han = HAN.test(f);
  if (han && COMPANY_WORDS_ZH.some((w) => f.includes(w))) return true;
  // Ends with Ltd, Inc, GmbH… after a name in either script (上海启明 GmbH, Acme Ltd.).
  const words = f.match(LATIN_WORDS) ?? [];
  const last = words[words.length - 1];
  return (
    last !== undefined &&
    COMPANY_ENDINGS_LATIN.has(last) &&
    (words.length >= 2 || han) &&
    /[a-z]\.?$/.test(f)
  );
}

function isPerson(f: string, raw: string): boolean {
  if (HAN.test(f)) {
    const s = f.replace(/\s+/g, "");
    if (s.length < 2 || s.length > 5 || !/^[\u4e00-\u9fff]+$/.test(s))
      return false;
    for (const ch of s) if (NOT_NAME_CHARS.has(ch)) return false;
    if (PERSON_SUFFIXES.some((x) => s.length > x.length && s.endsWith(x)))
      return SURNAMES.has(s[0] as string);
    // 阿杰, 小韩, 老王: familiar forms of a name.
    if (s.length === 2 && /^[阿小老]/.test(s)) return true;
    // 乐乐, 朵朵: a doubled character is a child's or familiar name.
    if (s.length === 2 && s[0] === s[1]) return true;
    return (
      s.length <= 4 &&
      (SURNAMES.has(s[0] as string) || SURNAMES.has(s.slice(0, 2)))
    );
  }
  // "John Smith", "Mr. Li", "Dr Jane Doe": two or three capitalised words.
  return (
    /^((Mr|Mrs|Ms|Miss|Dr|MR|MRS|MS|DR)\.?\s+)?[A-Z][a-z'’-]+(\s+[A-Z][a-z'’.-]*){0,2}$/.test(
      raw.trim(),
    ) &&
    (/^(mr|mrs|ms|miss|dr)\b/i.test(raw.trim()) || /\s/.test(raw.trim()))
  );
}

/** One matcher per word list: Chinese words anywhere, English words whole. */
function matcher(words: readonly string[]): (folded: string) => boolean {
  const han = words.filter((w) => !/^[a-z0-9 ]+$/.test(w));
  const latin = words.filter((w) => /^[a-z0-9 ]+$/.test(w));
  const re = latin.length
    ? new RegExp(`(^|[^a-z])(${latin.join("|")})([^a-z]|$)`)
    : undefined;
  return (f) => han.some((w) => f.includes(w)) || (re?.test(f) ?? false);
}

const isPaymentMethod = matcher(PAYMENT_METHOD_WORDS);
const isSource = matcher(SOURCE_WORDS);
const isGradeHeader = matcher(GRADE_HEADER_WORDS);
/** A short cell saying a degree: 较激烈, 竞争一般, 无竞品, very high. */
const hasLevel = matcher(LEVEL_PARTS);

/** How much a text says: Chinese characters count one each, an English word about two and a half. */
function textSize(folded: string): number {
  const han = (folded.match(/[\u3400-\u9fff]/g) ?? []).length;
  const words = (folded.match(/[a-z]+|\d+/g) ?? []).length;
  return han + words * 2.5;
}

/** One cell's kind. */
export function cellKind(value: unknown): CellKind | undefined {
  if (isBlankCell(value)) return undefined;
  if (typeof value === "boolean") return "rating";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    if (phoneDigits(value)) return "phone";
    if (Number.isInteger(value) && value >= -1 && value <= 999) return "count";
    // Excel keeps dates as serials: 1995-01-01 … 2100-12-31 may be a date or an amount.
    if (value >= 34700 && value <= 73415) return "serial";
    return "amount";
  }
  if (typeof value !== "string") return "text";
  const f = fold(value);
  const compact = f.replace(/\s+/g, "");
  if (EMAIL.test(f)) return "email";
  // A whole number stored as text with its decimals (1.0, 12.00): a count, not 1月0日.
  if (/^\d{1,3}\.0+$/.test(compact)) return "count";
  if (phoneDigits(value)) return "phone";
  if (readDate(value) !== undefined || DATE_LOOSE.test(f)) return "date";
  if (compact === "a" || compact === "b" || YES_NO.has(compact))
    return "rating";
  if (LETTER.test(compact) || TEMPERATURE.has(compact)) return "letter";
  if (COUNT_TEXT.test(compact)) return "count";
  if (AMOUNT_TEXT.test(compact)) {
    const n = readNumber(compact);
    return n !== undefined && Number.isInteger(n) && Math.abs(n) < 1000
      ? "count"
      : "amount";
  }
  if (compact.length <= 12 && isPaymentMethod(f)) return "paymentMethod";
  if (compact.length <= 6 && LEVEL_WORDS.has(compact)) return "levels";
  // 已加微信 is a tag about the lead, not where it came from.
  if (compact.length <= 12 && isSource(f) && !/[已未没加待]/.test(compact))
    return "source";
  if (isCompany(f)) return "company";
  if (isPerson(f, value)) return "person";
  if (compact.length <= 6 && hasLevel(f)) return "levels";
  return textSize(f) >= 15 ? "longText" : "text";
}

/** The profile of column `column` over the data rows (a sample of the first rows). */
export function profileColumn(
  rows: readonly (readonly unknown[])[],
  column: number,
  header: unknown = "",
): ColumnProfile {
  const counts: Partial<Record<CellKind, number>> = {};
  const seen = new Set<string>();
  let cells = 0;
  let textLength = 0;
  let texts = 0;
  let outsideAB = 0;
  let ab = 0;
  let whole = 0;
  for (let r = 0; r < rows.length && r < SAMPLE_ROWS; r++) {
    const v = rows[r]?.[column];
    const kind = cellKind(v);
    if (kind === undefined) continue;
    cells++;
    counts[kind] = (counts[kind] ?? 0) + 1;
    // Excel gives text, numbers and booleans; anything else is counted, never printed.
    const f =
      typeof v === "string"
        ? fold(v)
        : typeof v === "number" || typeof v === "boolean"
          ? String(v)
          : "\u0000object";
    seen.add(f);
    if (typeof v === "string") {
      textLength += textSize(f);
      texts++;
    }
    if (kind === "letter") outsideAB++;
    if (isWholeNumber(v)) whole++;
    if (typeof v === "string" && /^[ab]$/.test(f)) ab++;
  }
  const share: Partial<Record<CellKind, number>> = {};
  for (const [k, n] of Object.entries(counts) as [CellKind, number][])
    share[k] = n / cells;
  // A/B alone is a rating unless the header says it is a grade; any other letter, or A级/B类,
  // makes the whole column a class someone assigned.
  const letters = cells ? (outsideAB + ab) / cells : 0;
  const gradeHeader = isGradeHeader(fold(String(header ?? "")));
  const classLetters =
    cells > 0 && letters >= 0.6 && (outsideAB > 0 || gradeHeader);
  return {
    cells,
    share,
    distinct: seen.size,
    meanLength: texts ? textLength / texts : 0,
    classLetters,
    wholeNumbers: cells ? whole / cells : 0,
  };
}

/** 5, "5", "5.0", "05": a whole number below 1000, as a number or as text. */
function isWholeNumber(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 1000;
  return typeof v === "string" && /^\s*\d{1,3}(\.0+)?\s*$/.test(fold(v));
}

/**
 * The column's kinds with their shares, as an input sees them: a number in the date-serial
 * range counts as a date for an input that wants dates, as an amount for one that wants
 * amounts (Excel stores both as plain numbers).
 */
export function columnKinds(
  p: ColumnProfile,
  serialAs: "date" | "amount",
): Map<ColumnKind, number> {
  const out = new Map<ColumnKind, number>();
  const add = (k: ColumnKind, s: number | undefined) => {
    if (s) out.set(k, (out.get(k) ?? 0) + s);
  };
  if (p.classLetters) {
    add("classLetters", (p.share.letter ?? 0) + (p.share.rating ?? 0));
  } else {
    add("rating", p.share.rating);
    add("shortTags", p.share.letter);
  }
  for (const k of IDENTIFYING) if (k !== "classLetters") add(k, p.share[k]);
  add("levels", p.share.levels);
  add("longText", p.share.longText);
  add(serialAs, p.share.serial);
  // Short free text: tags unless the column repeats few of them; long free text: notes.
  add(p.meanLength <= 8 ? "shortTags" : "longText", p.share.text);
  return out;
}
