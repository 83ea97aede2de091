/**
 * Proposes which column holds each input, from its header and the cells below it together.
 *
 * A header scores 1 when it equals one of the input's words (./tables/headerSynonyms.ts),
 * 0.5–0.9 when it contains one (by how much of it the word covers), less when it is part of
 * one; a never-word rules the input out (下次跟进 is not last contact). Then the column's
 * contents (./columnProfile.ts) confirm the match, lower it, or overturn it: 客户名称 holding
 * …有限公司 is the company, not the customer's name; 采购预算 holding amounts is not the
 * resources allocated; a column of H/A/B/C/F is the team's own grade, never an A/B rating.
 * Every choice carries its reason, shown beside the confidence in the pane.
 *
 * The most confident pairs are taken first; a column serves one input, except that the
 * observations input takes every column of notes (one per call, a stage column…).
 * Pure: the task pane and the command line share it.
 */
import { fold, isBlankCell } from "../engine/text";
import {
  columnKinds,
  IDENTIFYING,
  profileColumn,
  SAMPLE_ROWS,
  type ColumnKind,
  type ColumnProfile,
} from "./columnProfile";
import { INPUTS, INPUT_BY_KEY, type InputKey, type InputSpec } from "./inputs";
import { HEADER_SYNONYMS, type HeaderWords } from "./tables/headerSynonyms";

/** Why a column was chosen, lowered or refused: what its cells hold, or its header alone. */
export interface Reason {
  /** what the cells hold; "header" when judged by the header alone (no cells, or mixed) */
  readonly kind: ColumnKind | "header" | "mixed" | "empty";
  readonly effect:
    | "confirms"
    | "lowers"
    | "overturns"
    | "remembered"
    | "chosen"
    /** the user picked it by hand in the pane */
    | "yours";
}

export interface ColumnChoice {
  /** the column (0-based within the block), or null when unmapped; the first of `columns` */
  readonly column: number | null;
  /** every column chosen: at most one, except for an input read over several columns */
  readonly columns: readonly number[];
  readonly confidence: number;
  readonly reason: Reason | null;
  /** a column whose header named this input but whose contents overturned it */
  readonly refused?: { readonly column: number; readonly reason: Reason };
}
export type Mapping = Record<InputKey, ColumnChoice>;

/** A workbook's own header words on top of the default table (stored settings, a criteria sheet). */
export type WorkbookWords = Partial<Record<InputKey, HeaderWords>>;

export interface MappingOptions {
  /** the data rows below the header row (the contents judged); omitted: headers alone */
  readonly rows?: readonly (readonly unknown[])[];
  /** columns never chosen: the add-in's own output columns */
  readonly exclude?: ReadonlySet<number>;
  /** the workbook's own words */
  readonly words?: WorkbookWords;
  /** a group row above the headers (merged cells carry their text rightwards) */
  readonly groups?: readonly unknown[];
}

/** A weak word's score: proposed, marked "check". */
const WEAK = 0.5;
/** Below this a header match is not proposed. */
const MIN_CONFIDENCE = 0.3;
/** A header whose contents contradict it softly keeps this share of its score. */
const LOWERED = 0.6;
/** Non-blank cells needed before contents may lower or overturn a header. */
const MIN_EVIDENCE = 3;
/** The cap on a column taken over from another input by its contents (客户名称 → company). */
const MOVED = 0.75;
/**
 * A header that names an input this surely (价格承受能力, 购买流程询问) keeps its column when
 * some cells do not read: those rows give the function's own error naming the cell. Only
 * contents that clearly belong to something else (FOREIGN) overrule it.
 */
export const STRONG_HEADER = 0.9;
/** A notes column this much whole numbers holds counts, not notes (unless it is a stage column). */
const NUMBERS_NOT_NOTES = 0.8;
/** Contents that are something else whatever the header says: phones, amounts, dates, counts, notes… */
const FOREIGN: ReadonlySet<ColumnKind> = new Set<ColumnKind>([
  ...IDENTIFYING.filter((k) => k !== "classLetters"),
  "longText",
]);
/** Under a strong header, letters other than A/B (H, C, F, A级) in this share of cells are a grade someone assigned. */
const ASSIGNED_LETTERS = 0.3;

/** Cell kinds that identify a column on their own: a mismatch with one overturns a header. */
const STRONG: ReadonlySet<ColumnKind> = new Set<ColumnKind>(IDENTIFYING);
/** Inputs that take nothing but their own kind of cell: any mismatch overturns. */
const STRICT: ReadonlySet<InputKey> = new Set<InputKey>([
  "customerName",
  "phone",
  "owner",
  "closedBy",
  "lastContact",
  "registeredAt",
  "closedAt",
  "conflictRaisedAt",
  "amount",
  "teamGrade",
  "competition",
]);
/**
 * A column overturned for holding this kind is offered to the input that kind identifies.
 * (Grade letters are not moved: 满意度 of A/B/C/D is a scale of its own, not the team's grade;
 * a grade column is found by its own header words.)
 */
const MOVES_TO: Partial<Record<ColumnKind, InputKey>> = {
  company: "company",
  phone: "phone",
};
/** Header words of a catch-all remarks column: left out of observations when it holds short tags and another column holds written notes. */
const GENERIC_NOTES = [
  "备注",
  "说明",
  "其他",
  "其它",
  "标签",
  "remark",
  "remarks",
  "comment",
  "comments",
  "note",
  "notes",
  "memo",
  "tags",
  "other",
];

const ORDINAL =
  /第[一二三四五六七八九十\d]+次?|^\d+[.、)）]|[（(]\d+[)）]$|\d+$|\b\d+(st|nd|rd|th)\b|#\s*\d+|\bcall\s*\d+\b/;
const LATIN = /[a-z]/;

function compact(s: string): string {
  return s.replace(/[\s_\-–—.·:：*＊※#]+/g, "");
}

/** A header's parts: the whole, each bracketed or slashed part, its Chinese and its English runs. */
function segments(header: string): string[] {
  const f = fold(header).replace(/[\r\n]+/g, " ");
  const out = new Set<string>([f]);
  for (const part of f.split(/[/|\\()（）【】[\]、,，;；]+/)) {
    const p = part.trim();
    if (!p) continue;
    out.add(p);
    for (const run of p.match(/[\u3400-\u9fff\d]+/g) ?? []) out.add(run);
    for (const run of p.match(/[a-z][a-z0-9 '&-]*[a-z0-9]|[a-z]/g) ?? [])
      out.add(run.trim());
  }
  return [...out].filter((s) => s !== "");
}

/** A word or a header part ready to compare: folded, without separators, English as spaced words. */
interface Prepared {
  readonly compact: string;
  /** " word word " for whole-word matching; "" for Chinese */
  readonly spaced: string;
}

function prepare(text: string): Prepared {
  const f = fold(text);
  return {
    compact: compact(f),
    spaced: LATIN.test(f)
      ? ` ${f.replace(/[^a-z0-9\u3400-\u9fff%]+/g, " ").trim()} `
      : "",
  };
}

/** Latin words: compared as whole words; Chinese: as characters. */
function contains(hay: Prepared, needle: Prepared): boolean {
  if (!needle.spaced) return hay.compact.includes(needle.compact);
  return hay.spaced.includes(needle.spaced);
}

function scoreSegment(seg: Prepared, word: Prepared, whole = true): number {
  const s = seg.compact;
  const w = word.compact;
  if (!s || !w) return 0;
  if (s === w) return 1;
  // A one-character word (电, 级) names a column only on its own.
  if (w.length === 1 && !word.spaced) return 0;
  if (contains(seg, word)) return 0.5 + 0.4 * (w.length / s.length);
  if (seg.spaced) return abbreviatedWords(seg.spaced, word.spaced);
  // Part of a longer Chinese word (考察次 of 工地考察次数).
  if (s.length >= 3 && w.includes(s) && s.length / w.length >= 0.6)
    return 0.4 + 0.3 * (s.length / w.length);
  // An abbreviation: its characters in order, from the first (付能 付款能力, 置顾 置业顾问).
  // (A plain prefix such as 时间 of 时间线 is a different word, not an abbreviation.)
  // Only a whole header abbreviates (预约 inside 预约contact is a word of its own).
  if (
    whole &&
    s.length >= 2 &&
    s.length < w.length &&
    s[0] === w[0] &&
    !w.includes(s) &&
    inOrder(s, w)
  )
    return 0.45 + 0.2 * (s.length / w.length);
  return 0;
}

/**
 * English abbreviated word by word: each header word (three letters or more) begins the word's
 * word in the same place (Comp. Level → competition level, Cust Name → customer name).
 */
function abbreviatedWords(header: string, word: string): number {
  if (!word) return 0;
  const h = header.trim().split(" ");
  const w = word.trim().split(" ");
  if (h.length !== w.length) return 0;
  let shortened = false;
  for (let i = 0; i < h.length; i++) {
    const a = h[i] as string;
    const b = w[i] as string;
    if (a === b) continue;
    if (a.length < 3 || !b.startsWith(a)) return 0;
    shortened = true;
  }
  return shortened ? 0.6 : 0;
}

function inOrder(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

interface PreparedWords {
  readonly words: readonly Prepared[];
  readonly never: readonly Prepared[];
  readonly weak: readonly Prepared[];
}

const preparedDefault = new Map<InputKey, PreparedWords>();
const preparedOwn = new WeakMap<WorkbookWords, Map<InputKey, PreparedWords>>();

/** The input's words (the workbook's own first), prepared once per table. */
function wordsFor(key: InputKey, extra?: WorkbookWords): PreparedWords {
  const cache = extra
    ? (preparedOwn.get(extra) ??
      (preparedOwn.set(extra, new Map()), preparedOwn.get(extra)!))
    : preparedDefault;
  let p = cache.get(key);
  if (!p) {
    const base = HEADER_SYNONYMS[key];
    const own = extra?.[key];
    p = {
      words: [...(own?.words ?? []), ...base.words].map(prepare),
      never: [...(own?.never ?? []), ...(base.never ?? [])].map(prepare),
      weak: (base.weak ?? []).map(prepare),
    };
    cache.set(key, p);
  }
  return p;
}

/** Headers repeat across calls (six candidate header rows, every input): their parts are kept. */
const headerParts = new Map<
  string,
  { whole: Prepared; plain: Prepared[]; numbered: Prepared[] }
>();

function partsOf(text: string) {
  let p = headerParts.get(text);
  if (!p) {
    const segs = segments(text);
    // One column per call (第一次跟进, 跟进记录2, Call 1 notes): without its numbering.
    const unnumbered = segs.map((x) =>
      x.replace(ORDINAL, "").replace(/第|次/g, "").trim(),
    );
    p = {
      whole: prepare(text),
      plain: segs.map(prepare),
      numbered: [...segs, ...unnumbered].map(prepare),
    };
    if (headerParts.size > 5000) headerParts.clear();
    headerParts.set(text, p);
  }
  return p;
}

/** How well a header names an input, 0–1, by header words alone. */
export function headerScore(
  key: InputKey,
  header: unknown,
  extra?: WorkbookWords,
): number {
  if (header === null || header === undefined) return 0;
  const text = String(header);
  if (text.trim() === "") return 0;
  const { words, never, weak } = wordsFor(key, extra);
  const parts = partsOf(text);
  // The workbook's own word for exactly this header wins over any never-word.
  const own = extra?.[key]?.words;
  if (own?.some((w) => prepare(w).compact === parts.whole.compact)) return 1;
  if (never.some((w) => contains(parts.whole, w))) return 0;
  const spec = INPUT_BY_KEY.get(key) as InputSpec;
  if (!spec.multi && key === "lastContact" && ORDINAL.test(fold(text)))
    return 0;
  let best = 0;
  if (weak.some((w) => w.compact === parts.whole.compact)) best = WEAK;
  // Earlier words are the more usual names: between two exact matches (看房次数 and 到访次数
  // for site visits) the earlier wins, by at most 0.05.
  for (const seg of spec.multi ? parts.numbered : parts.plain)
    words.forEach((w, i) => {
      const score =
        scoreSegment(seg, w, seg.compact === parts.whole.compact) -
        Math.min(0.05, i * 0.0005);
      if (score > best) best = score;
    });
  return Math.round(best * 10000) / 10000;
}

/** Judges a header match by the column's contents. */
function judge(
  spec: InputSpec,
  profile: ColumnProfile | undefined,
  sheetHasData: boolean,
  header = 0,
  stageHeader = false,
): { factor: number; reason: Reason | null; moveTo?: InputKey } {
  if (!profile) return { factor: 1, reason: null };
  // An empty column beside filled ones holds nothing to read; on a new sheet headers decide.
  if (profile.cells === 0)
    return sheetHasData
      ? { factor: 0, reason: { kind: "empty", effect: "overturns" } }
      : { factor: 1, reason: null };
  const wantsAmount =
    spec.fits.includes("amount") && !spec.fits.includes("date");
  const kinds = columnKinds(profile, wantsAmount ? "amount" : "date");
  let top: ColumnKind | undefined;
  let topShare = 0;
  for (const [k, s] of kinds)
    if (s > topShare) {
      top = k;
      topShare = s;
    }
  if (top === undefined) return { factor: 1, reason: null };
  // Numbers under a notes header (联系记录 of contact counts 5, 2, 3) are counts, not notes: a
  // bare number would be read as a stage. Only a stage column (意向阶段 1–5) writes stages so.
  if (
    spec.multi &&
    profile.wholeNumbers >= NUMBERS_NOT_NOTES &&
    !stageHeader &&
    profile.cells >= MIN_EVIDENCE
  )
    return { factor: 0, reason: { kind: "count", effect: "overturns" } };
  if (topShare >= 0.5 && spec.fits.includes(top))
    // Short text confirms nothing worth saying: the header alone chose it.
    return {
      factor: 1,
      reason: top === "shortTags" ? null : { kind: top, effect: "confirms" },
    };
  // Two cells are not evidence enough to go against a header.
  if (profile.cells < MIN_EVIDENCE) return { factor: 1, reason: null };
  if (
    header >= STRONG_HEADER &&
    !(topShare >= 0.5 && FOREIGN.has(top)) &&
    !(topShare >= 0.5 && STRICT.has(spec.key) && top !== "shortTags") &&
    !(top === "classLetters" && (profile.share.letter ?? 0) >= ASSIGNED_LETTERS)
  )
    // The header says what it is; the cells that do not read are errors on their rows.
    // (Mostly A/B with a few other letters: a rating to check, not a grade someone assigned.)
    return {
      factor: 1,
      reason: {
        kind:
          topShare < 0.5 ? "mixed" : top === "classLetters" ? "rating" : top,
        effect: "lowers",
      },
    };
  if (topShare >= 0.5) {
    if (
      STRONG.has(top) ||
      (STRICT.has(spec.key) &&
        // names too short to tell from tags (刘, 甲) only lower a name column
        !(top === "shortTags" && spec.fits.includes("person")))
    )
      return {
        factor: 0,
        reason: { kind: top, effect: "overturns" },
        moveTo: MOVES_TO[top],
      };
    return { factor: LOWERED, reason: { kind: top, effect: "lowers" } };
  }
  // Mixed contents: fine if a quarter or more fits, else lowered.
  const fitting = spec.fits.reduce((n, k) => n + (kinds.get(k) ?? 0), 0);
  if (fitting >= 0.25) return { factor: 1, reason: null };
  return {
    factor: STRICT.has(spec.key) ? 0 : LOWERED,
    reason: {
      kind: "mixed",
      effect: STRICT.has(spec.key) ? "overturns" : "lowers",
    },
  };
}

const UNMAPPED: ColumnChoice = {
  column: null,
  columns: [],
  confidence: 0,
  reason: null,
};

export function emptyMapping(): Mapping {
  return Object.fromEntries(INPUTS.map((i) => [i.key, UNMAPPED])) as Mapping;
}

function chosen(
  columns: readonly number[],
  confidence: number,
  reason: Reason | null,
): ColumnChoice {
  return {
    column: columns[0] ?? null,
    columns,
    confidence: Math.round(confidence * 100) / 100,
    reason,
  };
}

interface Candidate {
  readonly key: InputKey;
  readonly column: number;
  readonly confidence: number;
  readonly reason: Reason | null;
  readonly header: string;
}

/** Headers that say what, not of what: under a group (上次联系 › 日期) they are read with it. */
const SUB_HEADERS = [
  "日期",
  "时间",
  "次数",
  "记录",
  "内容",
  "情况",
  "结果",
  "金额",
  "人",
  "date",
  "time",
  "count",
  "notes",
  "amount",
  "by",
];

function isSubHeader(header: unknown): boolean {
  const f = compact(fold(String(header ?? "")));
  // An ordinal alone (第一次, 第2次, 1, Call 1): one column per call under its group.
  return SUB_HEADERS.includes(f) || ORDINAL_ONLY.test(f);
}

/** A sub-header that is nothing but a number in a series: 第一次, 第2次, 1, (2), #3, 1st, call 1. */
const ORDINAL_ONLY =
  /^(第[一二三四五六七八九十\d]+次?|[一二三四五六七八九十]|\d{1,2}|[（(]\d{1,2}[)）]|#\d{1,2}|\d{1,2}(st|nd|rd|th)|call\d{1,2})$/;

/** Each group cell's text carried rightwards over the blank cells a merge leaves. */
function groupTexts(
  groups: readonly unknown[] | undefined,
  width: number,
): string[] {
  const out: string[] = [];
  let carried = "";
  const filled = (groups ?? []).filter(
    (g) => g !== null && g !== undefined && String(g).trim() !== "",
  ).length;
  for (let c = 0; c < width; c++) {
    const g = groups?.[c];
    if (g !== null && g !== undefined && String(g).trim() !== "")
      carried = String(g);
    // A title row (one cell) is not a group row.
    out.push(filled >= 2 ? carried : "");
  }
  return out;
}

/**
 * The proposed mapping for a header row, judged by the data rows below it when given.
 * The same call serves the task pane and the command line.
 */
export function proposeMapping(
  headers: readonly unknown[],
  options: MappingOptions = {},
): Mapping {
  const { rows, exclude, words } = options;
  const groups = groupTexts(options.groups, headers.length);
  const profiles = new Map<number, ColumnProfile>();
  const profile = (c: number) => {
    if (!rows) return undefined;
    let p = profiles.get(c);
    if (!p) {
      p = profileColumn(rows, c, headers[c]);
      profiles.set(c, p);
    }
    return p;
  };
  const headerText = (c: number) =>
    fold(String(headers[c] ?? "")).replace(/\s+/g, " ");
  const sheetHasData =
    (rows ?? [])
      .slice(0, SAMPLE_ROWS)
      .filter((r) => r.some((v) => !isBlankCell(v))).length >= MIN_EVIDENCE;

  const candidates: Candidate[] = [];
  const refusals = new Map<
    InputKey,
    { column: number; reason: Reason; score: number; moveTo?: InputKey }
  >();
  for (let c = 0; c < headers.length; c++) {
    if (exclude?.has(c)) continue;
    for (const spec of INPUTS) {
      let h = headerScore(spec.key, headers[c], words);
      // A sub-header under a group (上次联系 › 日期) is read with its group when alone it names nothing.
      if (h === 0 && groups[c] && isSubHeader(headers[c]))
        h =
          0.9 *
          headerScore(
            spec.key,
            `${groups[c]}${String(headers[c] ?? "")}`,
            words,
          );
      if (h === 0) continue;
      const verdict = judge(
        spec,
        profile(c),
        sheetHasData,
        h,
        isStageHeader(headers[c]),
      );
      const confidence = Math.min(1, h * verdict.factor);
      if (verdict.factor === 0 && verdict.reason) {
        const prev = refusals.get(spec.key);
        if (!prev || h > prev.score)
          refusals.set(spec.key, {
            column: c,
            reason: verdict.reason,
            score: h,
            moveTo: verdict.moveTo,
          });
        if (verdict.moveTo && verdict.moveTo !== spec.key)
          candidates.push({
            key: verdict.moveTo,
            column: c,
            confidence: Math.min(MOVED, Math.max(h, 0.6)),
            reason: { kind: verdict.reason.kind, effect: "confirms" },
            header: headerText(c),
          });
        continue;
      }
      if (confidence < MIN_CONFIDENCE) continue;
      candidates.push({
        key: spec.key,
        column: c,
        confidence,
        reason: verdict.reason ?? { kind: "header", effect: "chosen" },
        header: headerText(c),
      });
    }
  }
  // Most confident first; ties by header text, so the choice never depends on column order.
  candidates.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      (a.header < b.header ? -1 : a.header > b.header ? 1 : 0) ||
      a.column - b.column,
  );
  const mapping = emptyMapping();
  const used = new Set<number>();
  for (const p of candidates) {
    if (used.has(p.column)) continue;
    const current = mapping[p.key];
    const multi = INPUT_BY_KEY.get(p.key)?.multi === true;
    if (current.column !== null && !multi) continue;
    mapping[p.key] =
      current.column === null
        ? chosen([p.column], p.confidence, p.reason)
        : chosen(
            [...current.columns, p.column],
            current.confidence,
            current.reason,
          );
    used.add(p.column);
  }
  for (const spec of INPUTS)
    if (spec.multi) {
      const m = dropStages(
        dropShortRemarks(mapping[spec.key], headers, profile),
        headers,
      );
      // Read left to right, as the sheet shows them.
      mapping[spec.key] = chosen(
        [...m.columns].sort((a, b) => a - b),
        m.confidence,
        m.reason,
      );
    }
  // A refusal is worth showing for a column no other input took, or one its contents moved
  // (客户名称 → company: the customer's name says why it is not there).
  for (const [key, r] of refusals)
    if (
      mapping[key].column === null &&
      (!used.has(r.column) ||
        (r.moveTo !== undefined &&
          mapping[r.moveTo].columns.includes(r.column)))
    )
      mapping[key] = {
        ...UNMAPPED,
        refused: { column: r.column, reason: r.reason },
      };
  return mapping;
}

/**
 * A catch-all remarks column (备注, Remarks) of short tags is not the notes when another chosen
 * column holds written notes: its "VIP" or "已加微信" says nothing about intent.
 */
function dropShortRemarks(
  choice: ColumnChoice,
  headers: readonly unknown[],
  profile: (c: number) => ColumnProfile | undefined,
): ColumnChoice {
  if (choice.columns.length < 2) return choice;
  const length = (c: number) => profile(c)?.meanLength ?? 0;
  const longest = Math.max(...choice.columns.map(length));
  if (longest < 8) return choice;
  const keep = choice.columns.filter((c) => {
    const generic = segments(String(headers[c] ?? "")).some((s) =>
      GENERIC_NOTES.some(
        (g) =>
          compact(s) === compact(g) || compact(s).replace(/\d+$/, "") === g,
      ),
    );
    // Tags: short, and less than half as long as the notes beside them.
    return !(generic && length(c) <= 8 && length(c) * 2 <= longest);
  });
  return keep.length === choice.columns.length
    ? choice
    : chosen(keep, choice.confidence, choice.reason);
}

/**
 * A stage column (意向阶段, 商机阶段, Stage) is the team's own judgement, like its grade: read
 * as observations only when the sheet has no notes to read.
 */
function dropStages(
  choice: ColumnChoice,
  headers: readonly unknown[],
): ColumnChoice {
  const notes = choice.columns.filter((c) => !isStageHeader(headers[c]));
  return notes.length === 0 || notes.length === choice.columns.length
    ? choice
    : chosen(notes, choice.confidence, choice.reason);
}

const STAGE_WORDS = ["阶段", "stage"].map(prepare);

function isStageHeader(header: unknown): boolean {
  return partsOf(String(header ?? "")).plain.some((p) =>
    STAGE_WORDS.some((w) => contains(p, w)),
  );
}

/**
 * The mapping with `key` set to these columns (the user's choice) and the columns taken from
 * any other input: a column serves one input. `null` or [] unmaps.
 */
export function assignColumn(
  mapping: Mapping,
  key: InputKey,
  column: number | readonly number[] | null,
): Mapping {
  const wanted =
    column === null
      ? []
      : typeof column === "number"
        ? [column]
        : [...new Set(column)];
  // Several columns are read left to right, as the sheet shows them.
  const columns = INPUT_BY_KEY.get(key)?.multi
    ? wanted.sort((a, b) => a - b)
    : wanted.slice(0, 1);
  const next = { ...mapping };
  for (const k of Object.keys(next) as InputKey[]) {
    if (k === key) continue;
    const left = next[k].columns.filter((c) => !columns.includes(c));
    if (left.length !== next[k].columns.length)
      next[k] = left.length
        ? chosen(left, next[k].confidence, next[k].reason)
        : UNMAPPED;
  }
  next[key] = columns.length
    ? chosen(columns, 1, { kind: "header", effect: "yours" })
    : UNMAPPED;
  return next;
}

const LEGACY_KEYS: Readonly<Record<string, InputKey>> = {
  name: "customerName",
  notes: "observations",
  stage: "observations",
  deadline: "timeline",
};

/** What is remembered per sheet: each mapped input's header text (a list for several columns). */
export type SavedMapping = Partial<Record<InputKey, string | string[]>>;

/**
 * A remembered mapping (by header text) applied to today's headers: columns may have moved.
 * Stored settings are untrusted: unknown inputs and values that are not text are ignored.
 */
export function restoreMapping(
  saved: unknown,
  headers: readonly unknown[],
  options: MappingOptions = {},
): Mapping {
  let mapping = proposeMapping(headers, options);
  if (typeof saved !== "object" || saved === null) return mapping;
  const folded = headers.map((h) =>
    h === null || h === undefined ? "" : fold(String(h)),
  );
  const taken = new Set<number>();
  // Mappings saved before the inputs were renamed (name, notes, stage, deadline) still apply.
  const merged = new Map<InputKey, unknown[]>();
  for (const [k, value] of Object.entries(saved)) {
    const key = (LEGACY_KEYS[k] ?? k) as InputKey;
    if (!INPUT_BY_KEY.has(key)) continue;
    merged.set(key, [
      ...(merged.get(key) ?? []),
      ...(Array.isArray(value) ? value : [value]),
    ]);
  }
  for (const [key, values] of merged) {
    const names = values.filter(
      (v): v is string => typeof v === "string" && v.trim() !== "",
    );
    const cols: number[] = [];
    for (const name of names) {
      // Two columns may share a header (two 备注): take the next one not taken yet.
      const c = folded.findIndex(
        (f, j) => f === fold(name) && !taken.has(j) && !options.exclude?.has(j),
      );
      if (c >= 0) {
        cols.push(c);
        taken.add(c);
      }
    }
    if (cols.length) {
      mapping = assignColumn(mapping, key as InputKey, cols);
      const m = mapping[key as InputKey];
      mapping[key as InputKey] = {
        ...m,
        reason: { kind: "header", effect: "remembered" },
      };
    }
  }
  return mapping;
}

/** What to remember per sheet: each mapped input's header text. */
export function mappingToSave(
  mapping: Mapping,
  headers: readonly unknown[],
): SavedMapping {
  const out: SavedMapping = {};
  for (const spec of INPUTS) {
    const cols = mapping[spec.key].columns;
    if (!cols.length) continue;
    const names = cols.map((c) => String(headers[c] ?? ""));
    out[spec.key] = spec.multi ? names : (names[0] as string);
  }
  return out;
}

/** One problem found in stored header words: which entry, and why it was ignored. */
export interface WordsIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * A workbook's own header words, from stored settings or a criteria sheet (untrusted):
 * `{ "付款能力": ["经济条件"], "lastContact": { "words": ["最后拜访"], "never": ["拜访计划"] } }`.
 * Keys are input keys or their Chinese or English labels; a word starting with "-" is a
 * never-word. Entries that cannot be read are reported and skipped, never guessed.
 */
export function parseWorkbookWords(raw: unknown): {
  words: WorkbookWords;
  issues: WordsIssue[];
} {
  const issues: WordsIssue[] = [];
  const words: Partial<Record<InputKey, { words: string[]; never: string[] }>> =
    {};
  if (raw === null || raw === undefined) return { words, issues };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    issues.push({
      path: "",
      message: `expected an object of input → words, got ${JSON.stringify(raw)}`,
    });
    return { words, issues };
  }
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const key = inputNamed(name);
    if (!key) {
      issues.push({ path: name, message: `"${name}" is not an input` });
      continue;
    }
    const entry = (words[key] ??= { words: [], never: [] });
    const add = (list: unknown, never: boolean, path: string) => {
      for (const w of Array.isArray(list) ? list : [list]) {
        if (typeof w !== "string" || w.trim() === "" || w.length > 60) {
          issues.push({
            path,
            message: `${JSON.stringify(w)} is not a header word`,
          });
          continue;
        }
        const t = w.trim();
        if (!never && t.startsWith("-") && t.length > 1)
          entry.never.push(t.slice(1));
        else (never ? entry.never : entry.words).push(t);
      }
    };
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (v.words !== undefined) add(v.words, false, `${name}.words`);
      if (v.never !== undefined) add(v.never, true, `${name}.never`);
    } else add(value, false, name);
  }
  return { words, issues };
}

/** An input by its key or its label in either language. */
export function inputNamed(name: string): InputKey | undefined {
  const f = fold(name);
  return INPUTS.find(
    (i) => fold(i.key) === f || fold(i.zh) === f || fold(i.en) === f,
  )?.key;
}

/** Words kept per input: a workbook teaches a few names, not a dictionary. */
const MAX_OWN_WORDS = 40;

/**
 * The workbook's words after the user mapped columns by hand: each header picked for an input
 * that its words do not already name surely is added, so the next sheet with that header is
 * recognised. `undefined` when there is nothing new.
 */
export function learnWords(
  current: WorkbookWords,
  mapping: Mapping,
  headers: readonly unknown[],
): WorkbookWords | undefined {
  const next: Partial<Record<InputKey, HeaderWords>> = { ...current };
  let changed = false;
  for (const spec of INPUTS) {
    const choice = mapping[spec.key];
    if (choice.reason?.effect !== "yours") continue;
    for (const c of choice.columns) {
      const header = String(headers[c] ?? "").trim();
      if (!header || header.length > 60) continue;
      if (headerScore(spec.key, header, current) >= 0.95) continue;
      if (next[spec.key]?.words.includes(header)) continue;
      const own = next[spec.key];
      const words = [header, ...(own?.words ?? [])].slice(0, MAX_OWN_WORDS);
      next[spec.key] = { words, never: own?.never ?? [] };
      changed = true;
    }
  }
  return changed ? next : undefined;
}

/** Why a column whose header names an input is not read. */
export type UnusedWhy =
  /** its cells hold something else (the reason says what) */
  | { readonly why: "contents"; readonly reason: Reason }
  /** another column was chosen for the same input */
  | { readonly why: "another"; readonly instead: number }
  /** a stage column beside written notes: the notes are read */
  | { readonly why: "stage" }
  /** short tags in a remarks column beside written notes */
  | { readonly why: "tags" }
  /** its header names the input too weakly beside its contents */
  | { readonly why: "weak"; readonly reason: Reason | null };

export type UnusedColumn = {
  readonly column: number;
  readonly input: InputKey;
} & UnusedWhy;

/**
 * The columns whose header names an input (score 0.5 or more) that the mapping does not read,
 * each with why: the command line prints one line per column, the pane shows the same reason.
 */
export function unusedColumns(
  headers: readonly unknown[],
  mapping: Mapping,
  options: MappingOptions = {},
): UnusedColumn[] {
  const used = new Set(Object.values(mapping).flatMap((c) => c.columns));
  const rows = options.rows;
  const sheetHasData =
    (rows ?? [])
      .slice(0, SAMPLE_ROWS)
      .filter((r) => r.some((v) => !isBlankCell(v))).length >= MIN_EVIDENCE;
  const out: UnusedColumn[] = [];
  // A column its contents moved to another input (价格承受能力 holding phones → phone) says so.
  for (const spec of INPUTS) {
    const r = mapping[spec.key].refused;
    if (r && used.has(r.column))
      out.push({
        column: r.column,
        input: spec.key,
        why: "contents",
        reason: r.reason,
      });
  }
  for (let c = 0; c < headers.length; c++) {
    if (used.has(c) || options.exclude?.has(c)) continue;
    let best: InputSpec | undefined;
    let score = 0;
    for (const spec of INPUTS) {
      const h = headerScore(spec.key, headers[c], options.words);
      if (h > score) {
        best = spec;
        score = h;
      }
    }
    if (!best || score < WEAK) continue;
    const input = best.key;
    const p = rows ? profileColumn(rows, c, headers[c]) : undefined;
    const verdict = judge(
      best,
      p,
      sheetHasData,
      score,
      isStageHeader(headers[c]),
    );
    const taken = mapping[input].columns;
    if (verdict.factor === 0 && verdict.reason)
      out.push({ column: c, input, why: "contents", reason: verdict.reason });
    else if (best.multi && taken.length && isStageHeader(headers[c]))
      out.push({ column: c, input, why: "stage" });
    else if (best.multi && taken.length)
      out.push({ column: c, input, why: "tags" });
    else if (taken.length)
      out.push({
        column: c,
        input,
        why: "another",
        instead: taken[0] as number,
      });
    else out.push({ column: c, input, why: "weak", reason: verdict.reason });
  }
  return out.sort((a, b) => a.column - b.column);
}
