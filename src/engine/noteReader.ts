/**
 * Reads a follow-up note (跟进记录) for the intent stage, SPEC §5 [seed 002]: finds the
 * signal concepts of ./tables/stageSignals.ts in the text — one form, or two parts a few
 * characters apart in either order (`问了下价格`, `价格问了三次`, "asked about pricing") —
 * scopes negation to its clause, and applies the decision rule: won if any won signal that
 * is not negated; else the highest positive stage; else −1 if a refusal; else nothing.
 *
 * Cost: one pass over the note's characters with a two-character index of every form
 * (signals, parts, negators, clause breaks, markers; longest first) and stage mentions, then
 * constant work per form found, in scratch arrays reused from note to note. Nothing is
 * allocated per note unless it needs folding (capitals, full-width or traditional
 * characters) or an explanation is asked for. No memo here: real notes are all different
 * (`memoByText` in ./functions/intentStage.ts serves columns of repeated tags).
 */
import { isStage, type Stage } from "./tables/intentStages";
import {
  CLAUSE_BREAKS,
  CONCEPTS,
  NEGATORS,
  NEUTRAL_WORDS,
  PARTS,
  PLANNED_MARKERS,
  INTENT_MARKERS,
  LATER_MARKERS,
  QUESTION_MARKERS,
  FUTURE_MARKERS,
  DONE_MARKERS,
  THEN_MARKERS,
  FAILURE_MARKERS,
  FAILED_DEALS,
  RIVAL_DEAL_VERBS,
  type Concept,
  type SignalPart,
  type SignalWord,
} from "./tables/stageSignals";

/**
 * A phrase a workbook adds to the vocabulary (its criteria sheet) and its stage; stage null:
 * the phrase means nothing (it only hides the signals inside it).
 */
export type StageWord = SignalWord;

/** One signal found, for the explanation. */
export interface Reading {
  /** the text as written in the note (folded) */
  readonly text: string;
  readonly concept: Concept;
  /** the stage it counts for, or null when cancelled */
  readonly stage: Stage | null;
  /**
   * why it counts for another stage than its concept's: negated (`没`), covered by a refusal
   * or complaint before it, a won form planned (stage 4), asked about (3), done with a rival (−1)
   */
  readonly why?:
    "negated" | "covered" | "planned" | "asked" | "rival" | "failed";
  /** the word that made it so */
  readonly marker?: string;
}

/** The outcome of a note: won, highest positive stage (−1 none), refusal seen. */
export interface Tally {
  won: boolean;
  best: number;
  refused: boolean;
  /** a stage mention out of range (`阶段9`), as written */
  badMention: string | undefined;
}

const NEG = 1;
const PLAN = 2;
const BREAK = 4;
const HEAD = 8; // starts with a Latin letter or digit: must start a word
const TAIL = 16; // ends with one: must end a word
const LATIN_ATOM = 32;
const INTENT = 64;
const LATER = 128;
const QUESTION = 256;
const FUTURE = 512;
const FAIL = 1024; // a deal failed, cancelled (FAILURE_MARKERS)
const FAILED_DEAL = 2048; // money given back: a failed deal on its own (FAILED_DEALS)
const RIVAL_DEAL = 4096; // bought, booked, signed… (RIVAL_DEAL_VERBS): with a rival, lost

interface Atom {
  readonly form: string;
  concept: number; // index into concepts, −1 none
  parts: number; // bit mask of SignalPart
  flags: number;
}

const PART_NAMES = Object.keys(PARTS) as SignalPart[];
const PART_BIT = new Map<SignalPart, number>(
  PART_NAMES.map((p, i) => [p, 1 << i]),
);

/** Distance (characters between) within which two parts pair up, and a negator reaches. */
const PAIR_GAP_ZH = 6;
const PAIR_GAP_LATIN = 24;
const NEG_REACH_ZH = 6;
const NEG_REACH_LATIN = 24;
/** how far a negation runs on past a negated word ("didn't ask about the price") */
const CHAIN_LATIN = 12;

const WORDY = /[a-z0-9]/;
const CJK_NUMERALS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
};
/** Full-width letters, digits, the ideographic space: the only forms that need NFKC here. */
const UPPER = /[A-Z\u00c0-\u00de]/;
const WIDE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/;

/** Where the last stage mention ended (set by `mention`, read by the scanner). */
let mentionEnd = 0;

/**
 * Punctuation that ends a clause: , ， 。 . ; ； ! ！ ? ？ newline, dashes, / | …. Brackets do
 * not: an aside belongs to its clause (`约好回来当天（18号）签合同`).
 */
function isBreakChar(c: number): boolean {
  switch (c) {
    case 44:
    case 0xff0c:
    case 0x3002:
    case 46:
    case 59:
    case 0xff1b:
    case 33:
    case 0xff01:
    case 63:
    case 0xff1f:
    case 10:
    case 13:
    case 0x2014:
    case 0x2013:
    case 47:
    case 124:
    case 0x2026:
      return true;
    default:
      return false;
  }
}

/** A comma between digits (`$5,000`, `1,200元`) is a thousands separator, not a clause break. */
function thousands(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 44 && c !== 0xff0c) return false;
  const p = text.charCodeAt(at - 1);
  const q = text.charCodeAt(at + 1);
  return p >= 48 && p <= 57 && q >= 48 && q <= 57;
}

/** Latin forms match whole words only (`won` is not found in `wonder`). */
function wholeWord(text: string, at: number, x: Atom): boolean {
  return !(
    ((x.flags & HEAD) !== 0 && at > 0 && isWordy(text.charCodeAt(at - 1))) ||
    ((x.flags & TAIL) !== 0 && isWordy(text.charCodeAt(at + x.form.length)))
  );
}

function isWordy(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39
  );
}

/** Traditional characters common in notes, and their simplified forms (the vocabulary's). */
const TRADITIONAL =
  "問沒價錢簽約報還對無這來過買賣車現優談聯繫話電興絕掛訂單與較實際試駕費氣關係見說會時間確認經後給發們個嗎為點聽樣帶預戶額專業務讓開貨幣結轉張勢產體驗總決幫據達應擬辦歡謝別條處";
const SIMPLIFIED =
  "问没价钱签约报还对无这来过买卖车现优谈联系话电兴绝挂订单与较实际试驾费气关系见说会时间确认经后给发们个吗为点听样带预户额专业务让开货币结转张势产体验总决帮据达应拟办欢谢别条处";
const HAS_TRADITIONAL = new RegExp(`[${TRADITIONAL}]`);
const TO_SIMPLIFIED = new RegExp(`[${TRADITIONAL}]`, "g");
/** One pass decides whether a note needs folding at all (most do not). */
const NEEDS_FOLD = new RegExp(
  `[A-Z\u00c0-\u00de\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000${TRADITIONAL}]`,
);
const simplify = (ch: string) => SIMPLIFIED[TRADITIONAL.indexOf(ch)] ?? ch;

/**
 * Folds a note for reading: lower case; NFKC only when full-width letters or digits occur;
 * traditional characters to simplified only when one occurs (the common case costs two tests).
 */
export function foldNote(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text;
  let t = WIDE.test(text) ? text.normalize("NFKC") : text;
  if (HAS_TRADITIONAL.test(t)) t = t.replace(TO_SIMPLIFIED, simplify);
  return UPPER.test(t) ? t.toLowerCase() : t;
}

interface Pair {
  readonly concept: number;
  readonly a: number;
  readonly b: number;
}

// Scratch space for the parts seen in the current clause (allocation-free per note).
const MAX_PARTS = 64;
const partStart = new Int32Array(MAX_PARTS);
const partEnd = new Int32Array(MAX_PARTS);
const partMask = new Int32Array(MAX_PARTS);
// The signals of the current clause, added to the tally at its end (so that what comes later
// in the clause can still outweigh or cancel them).
const MAX_CLAUSE = 64;
const CANCELLED = 99;
const clauseStage = new Int8Array(MAX_CLAUSE);
const clauseEnd = new Int32Array(MAX_CLAUSE);
const clauseWeak = new Uint8Array(MAX_CLAUSE);
/** the stage when the clause asks (`Concept.asked`), −2 none */
const clauseAsked = new Int8Array(MAX_CLAUSE);
const clauseTrace = new Int32Array(MAX_CLAUSE);
let nClause = 0;
/** the highest stage the clause being closed added (for undoing a deal two clauses back) */
let closedBest = -1;
let clauseRefusal = "";
const MAX_PENDING = 16;
const pendStart = new Int32Array(MAX_PENDING);
const pendEnd = new Int32Array(MAX_PENDING);
const pendConcept = new Int32Array(MAX_PENDING);
/** 1: intent just before it (`同意签约了`); 2: a condition (`pendThen`) */
const pendIntent = new Uint8Array(MAX_PENDING);
const pendThen: string[] = new Array<string>(MAX_PENDING).fill("");
const pendAsked = new Uint8Array(MAX_PENDING);
/** 1: marked done (`已经签了`), no plan in its clause makes it stage 4 */
const pendDone = new Uint8Array(MAX_PENDING);
/** 1: a time to come or a plan stands before it in its clause (`月底把合同签了`, "will sign") */
const pendFuture = new Uint8Array(MAX_PENDING);

/** Whether a done marker (`已`, "already") stands just before `at`, or in the form itself. */
function markedDone(text: string, at: number, form: string): boolean {
  if (form.includes("已")) return true;
  const before = text.slice(Math.max(0, at - 12), at);
  for (const m of DONE_MARKERS) {
    const i = before.lastIndexOf(m);
    if (i < 0) continue;
    // Chinese markers within three characters; English ones anywhere in the twelve
    if (/^[a-z]/.test(m) || before.length - (i + m.length) <= 3) return true;
  }
  return false;
}

/**
 * The condition marker (`就`, "then we") that puts a won form at `at`…`end` before what
 * follows (`签了就安排`) or after a condition (`走完流程就签`), or "" when there is none.
 */
function thenMarker(text: string, at: number, end: number): string {
  // `走完流程就签`: 就 just before a form not marked done (no 了) puts it after a condition
  if (
    text.charCodeAt(at - 1) === 0x5c31 &&
    text.charCodeAt(end - 1) !== 0x4e86 &&
    text.charCodeAt(end) !== 0x4e86
  )
    return "就";
  // `签了就安排`, `付了定金就开始排期`: within a few characters after, in the same clause
  for (let i = end; i <= end + 4 && i < text.length; i++) {
    if (isBreakChar(text.charCodeAt(i))) return "";
    for (const m of THEN_MARKERS) if (text.startsWith(m, i)) return m;
  }
  return "";
}

/** A compiled vocabulary: build once per criteria value. */
export class NoteReader {
  readonly concepts: readonly Concept[];
  private readonly atoms = new Map<string, Atom>();
  /**
   * The scanner's index: for each character code that starts a form (`firstIndex`, 0 = none),
   * its one-character form and its longer forms by second character, longest first.
   */
  private readonly firstIndex = new Uint16Array(65536);
  private readonly starts: {
    one: Atom | undefined;
    readonly two: Map<number, Atom[]>;
  }[] = [{ one: undefined, two: new Map() }];
  private readonly pairs: readonly Pair[];
  private readonly partsInPairs: number;
  /** the concept a question about a payment counts as (prepayment and terms, stage 3) */
  private readonly terms: Concept | undefined;
  /** the tally of the note being read (for a clause longer than the scratch arrays) */
  private tally: Tally = {
    won: false,
    best: -1,
    refused: false,
    badMention: undefined,
  };
  /** every surface form, longest first (for the benchmark's baseline scan) */
  readonly forms: readonly string[];

  constructor(
    concepts: readonly Concept[] = CONCEPTS,
    extra: readonly StageWord[] = [],
  ) {
    const all: Concept[] = [...concepts];
    // A workbook's phrases come last and override a default form of the same spelling.
    for (const w of extra) {
      const phrase = w.phrase.trim();
      if (phrase === "") continue;
      all.push({
        id: "workbook",
        label: { zh: "工作簿词语", en: "workbook phrase" },
        stage: w.stage,
        words: [phrase],
      });
    }
    this.concepts = all;
    this.terms = all.find((c) => c.id === "prepay");
    const atom = (form: string): Atom => {
      const f = foldNote(form.trim());
      let a = this.atoms.get(f);
      if (!a) {
        let flags = 0;
        if (WORDY.test(f[0] ?? "")) flags |= HEAD;
        if (WORDY.test(f[f.length - 1] ?? "")) flags |= TAIL;
        if (/^[\x20-\x7e]+$/.test(f)) flags |= LATIN_ATOM;
        a = { form: f, concept: -1, parts: 0, flags };
        this.atoms.set(f, a);
      }
      return a;
    };
    for (const w of NEUTRAL_WORDS) atom(w);
    for (const w of NEGATORS) atom(w).flags |= NEG;
    for (const w of CLAUSE_BREAKS) atom(w).flags |= BREAK;
    for (const w of PLANNED_MARKERS) atom(w).flags |= PLAN;
    for (const w of INTENT_MARKERS) atom(w).flags |= PLAN | INTENT;
    for (const w of LATER_MARKERS) atom(w).flags |= LATER;
    for (const w of QUESTION_MARKERS) atom(w).flags |= QUESTION;
    for (const w of FUTURE_MARKERS) atom(w).flags |= FUTURE;
    for (const w of FAILURE_MARKERS) atom(w).flags |= FAIL;
    for (const w of FAILED_DEALS) atom(w).flags |= FAIL | FAILED_DEAL;
    for (const w of RIVAL_DEAL_VERBS) atom(w).flags |= RIVAL_DEAL;
    // "call me again" is itself the later time a busy customer agrees to (`十分钟后再打`)
    // (Chinese forms only: "call" alone is no time)
    for (const w of PARTS.callAgain)
      if (!/^[\x20-\x7e]+$/.test(w)) atom(w).flags |= LATER;
    for (const p of PART_NAMES)
      for (const w of PARTS[p]) atom(w).parts |= PART_BIT.get(p) as number;
    // a deal verb written with 了 (`做了`, `订了`) is still that verb's part (`答应做了`)
    for (const w of RIVAL_DEAL_VERBS) {
      const v = atom(w);
      const first = this.atoms.get(v.form.charAt(0));
      if (v.form.length === 2 && first) v.parts |= first.parts;
    }
    all.forEach((c, i) => {
      for (const w of c.words) {
        const a = atom(w);
        a.concept = i;
        // A form that is a signal of its own is not also a negator or a break (`不拒绝`).
        a.flags &= ~(NEG | BREAK);
      }
    });
    const pairs: Pair[] = [];
    let used = 0;
    all.forEach((c, i) => {
      for (const [x, y] of c.pairs ?? []) {
        const a = PART_BIT.get(x) as number;
        const b = PART_BIT.get(y) as number;
        pairs.push({ concept: i, a, b });
        used |= a | b;
      }
    });
    this.pairs = pairs;
    this.partsInPairs = used;
    const forms = [...this.atoms.keys()]
      .filter((f) => f !== "")
      .sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
    this.forms = forms;
    for (const f of forms) {
      const a = this.atoms.get(f) as Atom;
      const c = f.charCodeAt(0);
      let k = this.firstIndex[c] as number;
      if (k === 0) {
        k = this.starts.push({ one: undefined, two: new Map() }) - 1;
        this.firstIndex[c] = k;
      }
      const start = this.starts[k] as (typeof this.starts)[number];
      if (f.length === 1) {
        start.one = a;
        continue;
      }
      const list = start.two.get(f.charCodeAt(1));
      if (list) list.push(a);
      else start.two.set(f.charCodeAt(1), [a]);
    }
  }

  /**
   * Reads one note into `t` (which the caller resets). When `trace` is given, every signal
   * found is pushed to it; otherwise nothing is allocated beyond the scan itself.
   */
  read(note: string, t: Tally, trace?: Reading[]): void {
    this.tally = t;
    const text = foldNote(note);
    const firstIndex = this.firstIndex;
    const starts = this.starts;
    const concepts = this.concepts;
    const askBit = PART_BIT.get("ask") as number;
    const bookBit = PART_BIT.get("book") as number;
    const rivalBit = PART_BIT.get("rival") as number;
    const dealBits =
      (PART_BIT.get("money") as number) | (PART_BIT.get("contract") as number);
    const dealPart = PART_BIT.get("deal") as number;
    const moneyBit = PART_BIT.get("money") as number;
    let nParts = 0;
    let nPending = 0;
    let negEnd = -1; // end of the last unused negator in this clause
    let negLatin = false;
    let negText = "";
    let negStart = -1;
    let busy = -1; // "cannot talk now", waiting for a later time in the note
    let busyText = "";
    let busyLater = false;
    let chainEnd = -1; // end of the last negated signal: what directly follows is negated too
    let coverEnd = -1; // end of a refusal or complaint: it covers the next signal
    let coverText = "";
    let coverDeal = false; // a condition (`如果`) covers deals only
    let coverClause = false; // a complaint covers what follows in its clause (`吐槽上一家装修公司拖工期`)
    let planned = "";
    let intentEnd = -1;
    let intentText = "";
    let rival = "";
    let asked = "";
    let askEnd = -1;
    let question = ""; // 吗 or a question mark: the clause asks, it does not report
    let future = ""; // a time to come or a plan in the clause (FUTURE_MARKERS)
    let failed = ""; // a failure or cancellation word in the clause (`签约失败`, `定金退了`)
    let dealSeen = false;
    let moneySeen = "";
    let rivalDeal = "";
    // the clause before: whether it held a deal, and the tally before it (to undo that deal)
    let prevDeal = false;
    let touched = false; // the clause holds a form (an empty clause leaves prevDeal as it was)
    let prevWon = false;
    let prevBest = -1;
    let midBest = -1; // `订了`, "booked": with a rival in the clause, a deal lost to them
    let termsSeen = ""; // a price or terms signal (stage 3) in the clause: `定金交多少` asks // a payment word in the clause (`尾款`, "deposit"), asked about: terms
    // a deal, payment or contract word in the clause, for `failed`
    let rivalCarry = ""; // a won form done with a rival runs on into the next clause (`合同都盖章了`)
    let rivalCompared = false; // the clause's rival is what they compared us with (`跟别家比`)
    let pos = 0;
    for (;;) {
      // The next form, clause break or stage mention at or after pos (longest form first).
      let at = pos;
      let a: Atom | undefined;
      let isBreak = false;
      const n = text.length;
      for (; at < n; at++) {
        const c = text.charCodeAt(at);
        if (
          (isBreakChar(c) && !thousands(text, at)) ||
          // reps separate Chinese clauses with a space: `已加微信 问了价格`
          (c === 32 &&
            text.charCodeAt(at - 1) >= 0x3000 &&
            text.charCodeAt(at + 1) >= 0x3000)
        ) {
          isBreak = true;
          break;
        }
        if ((c === 0x9636 || c === 115) && this.mention(text, at, t, trace)) {
          at = mentionEnd;
          continue;
        }
        const k = firstIndex[c] as number;
        if (k === 0) continue;
        const start = starts[k] as (typeof starts)[number];
        const list = start.two.get(text.charCodeAt(at + 1));
        if (list !== undefined)
          for (const x of list) {
            if (!text.startsWith(x.form, at) || !wholeWord(text, at, x))
              continue;
            a = x;
            break;
          }
        if (a === undefined) {
          const x = start.one;
          if (x !== undefined && wholeWord(text, at, x)) a = x;
        }
        if (a !== undefined) break;
      }
      if (at >= n) isBreak = true;
      else if (isBreak) {
        const q = text.charCodeAt(at);
        if (q === 63 || q === 0xff1f) question = "?";
      }
      pos = a !== undefined ? at + a.form.length : at + 1;
      if (a !== undefined) {
        const s = a.form;
        const end = pos;
        if ((a.flags & BREAK) !== 0) isBreak = true;
        else {
          touched = true;
          const latin = (a.flags & LATIN_ATOM) !== 0;
          let neg = "";
          if (
            negEnd >= 0 &&
            at - negEnd <= (negLatin ? NEG_REACH_LATIN : NEG_REACH_ZH)
          )
            neg = negText;
          else if (chainEnd >= 0 && at - chainEnd <= (latin ? CHAIN_LATIN : 1))
            neg = negText;
          let cover = "";
          if (
            neg === "" &&
            coverEnd >= 0 &&
            (coverClause ||
              at - coverEnd <= (latin ? NEG_REACH_LATIN : NEG_REACH_ZH))
          )
            cover = coverText;
          let signalled = false;
          if (a.concept >= 0) {
            const c = concepts[a.concept] as Concept;
            const cv = coverDeal && (c.stage ?? 0) < 4 ? "" : cover;
            signalled = true;
            if (neg !== "" || cv !== "") {
              if (this.count(c, s, end, neg, cv, rival, trace) === -1) {
                coverEnd = end; // "no interest in a demo": the demo is refused too
                coverText = s;
                coverDeal = false;
                coverClause = false;
              }
            } else if (c.stage === 5) {
              // Won forms wait for the end of their clause: a plan, a rival or a question there changes them.
              if (nPending < MAX_PENDING) {
                pendStart[nPending] = at;
                pendEnd[nPending] = end;
                pendConcept[nPending] = a.concept;
                pendThen[nPending] = thenMarker(text, at, end);
                pendIntent[nPending] =
                  intentEnd >= 0 && at - intentEnd <= 2 && !s.includes("已")
                    ? 1
                    : pendThen[nPending] !== ""
                      ? 2
                      : 0;
                pendDone[nPending] = markedDone(text, at, s) ? 1 : 0;
                // only a plan before the form: `合同签了，下周开工` / "signed and will start Monday" are done
                pendFuture[nPending] = future !== "" ? 1 : 0;
                // `已经签了合同就等发货` reports a signing: only an undone form is a condition
                if (
                  pendDone[nPending] === 1 &&
                  !(intentEnd >= 0 && at - intentEnd <= 2)
                )
                  pendIntent[nPending] = 0;
                pendAsked[nPending] =
                  asked !== "" && (c.unlessPlanned || at - askEnd <= 4) ? 1 : 0;
                nPending++;
              } else addStage(t, 5); // a clause of more won forms than we keep: still won
            } else if (c.needsLater) {
              if (busy < 0) {
                busy = a.concept;
                busyText = s;
              }
            } else {
              const got = this.count(c, s, end, "", "", rival, trace);
              if (c.coversNext !== undefined || got === -1) {
                coverEnd = end;
                coverText = s;
                coverDeal = c.coversNext === "deal";
                coverClause = c.coversNext === "clause";
              }
            }
          }
          if ((a.parts & this.partsInPairs) !== 0) {
            // Pair with an earlier part of this clause, either order, within the gap.
            for (let k = 0; k < nParts; k++) {
              const gap = at - (partEnd[k] as number);
              if (gap > (latin ? PAIR_GAP_LATIN : PAIR_GAP_ZH)) continue;
              const pm = partMask[k] as number;
              for (const p of this.pairs) {
                if (
                  ((pm & p.a) !== 0 && (a.parts & p.b) !== 0) ||
                  ((pm & p.b) !== 0 && (a.parts & p.a) !== 0)
                ) {
                  // negated when a negator stands between or just before the two parts
                  let pn = neg;
                  if (
                    pn === "" &&
                    negEnd >= 0 &&
                    negEnd > (partStart[k] as number) - 2
                  )
                    pn = negText;
                  signalled = true;
                  const pc = concepts[p.concept] as Concept;
                  if (pc.id === "compares" && ((pm | a.parts) & rivalBit) !== 0)
                    rivalCompared = true;
                  const pcov =
                    pn === "" && !(coverDeal && (pc.stage ?? 0) < 4)
                      ? cover
                      : "";
                  if (
                    pc.stage === 5 &&
                    pn === "" &&
                    pcov === "" &&
                    nPending < MAX_PENDING
                  ) {
                    // a won pair (`货款…打过来了`, "wired the deposit") waits for its clause's end too
                    const from = partStart[k] as number;
                    pendStart[nPending] = from;
                    pendEnd[nPending] = end;
                    pendConcept[nPending] = p.concept;
                    pendThen[nPending] = thenMarker(text, from, end);
                    pendIntent[nPending] = pendThen[nPending] !== "" ? 2 : 0;
                    // `问打到哪个账户`: a payment asked about is a term of the deal
                    pendAsked[nPending] =
                      asked !== "" && from - askEnd <= 4 ? 1 : 0;
                    pendFuture[nPending] = future !== "" ? 1 : 0;
                    pendDone[nPending] = markedDone(
                      text,
                      from,
                      text.slice(from, end),
                    )
                      ? 1
                      : 0;
                    nPending++;
                    continue;
                  }
                  this.count(
                    pc,
                    trace ? text.slice(partStart[k] as number, end) : "",
                    end,
                    pn,
                    pn === "" && !(coverDeal && (pc.stage ?? 0) < 4)
                      ? cover
                      : "",
                    rival,
                    trace,
                  );
                }
              }
            }
            if (nParts < MAX_PARTS) {
              partStart[nParts] = at;
              partEnd[nParts] = end;
              partMask[nParts] = a.parts;
              nParts++;
            }
          }
          // `怎么收费的还没问`, `demo还没约上`: a negated question or booking right after a
          // signal takes that signal back.
          if (
            neg !== "" &&
            (a.parts & (askBit | bookBit)) !== 0 &&
            negStart >= 0
          )
            this.takeBack(negStart, neg, trace);
          if (signalled) {
            if (neg !== "") {
              negEnd = -1; // a negator covers the first signal after it…
              chainEnd = end; // …and what directly follows it (`没问价格`)
            } else chainEnd = -1;
            if (cover !== "") coverEnd = end; // a complaint runs on over what it is about
          }
          if ((a.flags & LATER) !== 0 && busy >= 0 && !busyLater) {
            busyLater = true;
            this.count(
              concepts[busy] as Concept,
              trace ? `${busyText}…${s}` : "",
              end,
              "",
              "",
              "",
              trace,
            );
          }
          if ((a.parts & askBit) !== 0) {
            if (asked === "") asked = s;
            askEnd = end;
          }
          if ((a.parts & rivalBit) !== 0 && rival === "") rival = s;
          if ((a.flags & FAIL) !== 0 && neg === "" && failed === "") failed = s;
          if ((a.flags & RIVAL_DEAL) !== 0 && neg === "" && rivalDeal === "")
            rivalDeal = s;
          if (
            a.concept >= 0 &&
            neg === "" &&
            termsSeen === "" &&
            (concepts[a.concept] as Concept).stage === 3
          )
            termsSeen = s;
          // (two characters or more: `这款车` is a model, not a payment)
          if (
            (a.parts & moneyBit) !== 0 &&
            s.length >= 2 &&
            neg === "" &&
            moneySeen === ""
          )
            moneySeen = s;
          if (
            (a.flags & FAILED_DEAL) !== 0 ||
            (a.parts & dealBits) !== 0 ||
            // a deal word of two characters or more (`合作`, `单子`; not `要`, `做`)
            ((a.parts & dealPart) !== 0 && s.length >= 2) ||
            (a.concept >= 0 &&
              ((concepts[a.concept] as Concept).stage ?? 0) >= 4)
          )
            dealSeen = true;
          if ((a.flags & PLAN) !== 0 && planned === "") planned = s;
          if ((a.flags & QUESTION) !== 0 && question === "") question = s;
          if ((a.flags & FUTURE) !== 0 && future === "") future = s;
          if ((a.flags & INTENT) !== 0) {
            intentEnd = end;
            intentText = s;
          }
          if ((a.flags & NEG) !== 0 && a.concept < 0) {
            negEnd = end;
            negStart = at;
            negLatin = latin;
            negText = s;
          }
        }
      }
      if (isBreak) {
        let undone = false;
        const beforeWon = t.won;
        const beforeBest = t.best;
        const clauseDeal = dealSeen || nPending > 0;
        closedBest = -1;
        if (rival === "" && nPending > 0 && rivalCarry !== "")
          rival = rivalCarry;
        // a deal lost to the rival here (won with them, or gone with them: "chose another
        // vendor, already paid them") makes the next clause's won forms theirs too
        // (not a rival they only compared us with: `说过要跟别家比、还说过不做了，今天把合同签了`)
        rivalCarry =
          rival !== "" &&
          (nPending > 0 || (clauseRefusal !== "" && !rivalCompared))
            ? rival
            : "";
        // a deal that failed, was cancelled or refunded (`签约失败`, "signing fell through") is
        // a refusal; a clause that asks about it (`能退款吗`, `问了退款政策`) reports nothing
        const fail =
          failed !== "" &&
          question === "" &&
          asked === "" &&
          (dealSeen || nPending > 0)
            ? failed
            : "";
        // `合同签了，后来又退了`: a bare failure word undoes the deal of the clause before it
        if (failed !== "" && question === "" && asked === "" && prevDeal) {
          if (t.won && !prevWon) t.won = false;
          if (t.best >= 4 && prevBest < 4) t.best = Math.max(prevBest, midBest);
          prevDeal = false;
          undone = true;
          if (fail === "")
            this.count(FAILED_DEAL_CONCEPT, failed, at, "", "", "", trace);
        }
        const lostTo = rival !== "" ? rival : fail;
        // bought, booked or signed with another business (`在别的店订了`, `报了隔壁机构的班`)
        if (rival !== "" && rivalDeal !== "" && question === "")
          this.count(
            RIVAL_DEAL_CONCEPT,
            trace ? `${rival}…${rivalDeal}` : "",
            at,
            "",
            "",
            "",
            trace,
          );
        const asks =
          question !== "" ? question : asked !== "" ? asked : termsSeen;
        // asking about a payment (`问尾款什么时候交`, "asked which account to wire to") is a term of the deal
        if (asks !== "" && moneySeen !== "" && lostTo === "" && this.terms)
          this.count(
            this.terms,
            trace ? `${asks}…${moneySeen}` : "",
            at,
            "",
            "",
            "",
            trace,
          );
        if (
          this.closeClause(
            t,
            lostTo,
            rival !== "" ? "rival" : "failed",
            asks,
            trace,
          ) === 0 &&
          fail !== "" &&
          nPending === 0
        )
          this.count(FAILED_DEAL_CONCEPT, fail, at, "", "", "", trace);
        this.closeClause(t, "", "rival", "", trace);
        for (let k = 0; k < nPending; k++) {
          const c = concepts[pendConcept[k] as number] as Concept;
          let stage: Stage = 5;
          let why: Reading["why"];
          let marker = "";
          if (rival !== "") [stage, why, marker] = [-1, "rival", rival];
          else if (pendAsked[k] === 1)
            [stage, why, marker] = [3, "asked", asked];
          else if (fail !== "") [stage, why, marker] = [-1, "failed", fail];
          else if (question !== "")
            [stage, why, marker] = [3, "asked", question];
          else if (c.unlessPlanned && planned !== "")
            [stage, why, marker] = [4, "planned", planned];
          else if (pendIntent[k] !== 0)
            [stage, why, marker] = [
              4,
              "planned",
              pendIntent[k] === 1 ? intentText : (pendThen[k] as string),
            ];
          else if (pendFuture[k] === 1 && pendDone[k] === 0)
            [stage, why, marker] = [4, "planned", future];
          addStage(t, stage);
          if (trace)
            trace.push({
              text: text.slice(pendStart[k] as number, pendEnd[k] as number),
              concept: c,
              stage,
              ...(why ? { why, marker } : {}),
            });
        }
        nPending = 0;
        nParts = 0;
        negEnd = chainEnd = coverEnd = intentEnd = -1;
        coverClause = false;
        rivalCompared = false;
        planned = rival = asked = question = future = failed = "";
        dealSeen = false;
        moneySeen = termsSeen = rivalDeal = "";
        // a deal clause is remembered until the next deal clause; what the clauses between
        // add (`签了，下周开工，后来又黄了`) is kept when the deal is undone
        if (touched && !undone) {
          if (clauseDeal && fail === "") {
            prevDeal = true;
            prevWon = beforeWon;
            prevBest = beforeBest;
            midBest = -1;
          } else if (clauseDeal) prevDeal = false;
          else if (closedBest > midBest && closedBest < 4) midBest = closedBest;
        }
        touched = false;
        if (at >= n) return;
      }
    }
  }

  /** `阶段3` / `stage 3` / `阶段三` in the text. */
  /**
   * Adds the clause's signals to the tally; a refusal in it outweighs a bare question. With
   * `lost` (a rival, or a failure word), its deals (stage 4) are refusals; returns how many.
   */
  private closeClause(
    t: Tally,
    lost: string,
    why: "rival" | "failed",
    asks: string,
    trace?: Reading[],
  ): number {
    let turned = 0;
    // a clause that asks about a payment asks about terms (`问定金多少`): stage 3, not 4
    if (asks !== "" && lost === "")
      for (let k = 0; k < nClause; k++) {
        const st = clauseAsked[k] as number;
        if (st < -1 || clauseStage[k] === CANCELLED) continue;
        clauseStage[k] = st;
        const i = clauseTrace[k] as number;
        if (trace && i >= 0)
          trace[i] = {
            ...(trace[i] as Reading),
            stage: st as Stage,
            why: "asked",
            marker: asks,
          };
      }
    // a deal fixed with a rival anywhere in the clause is lost to us ("decided to build in-house")
    if (lost !== "")
      for (let k = 0; k < nClause; k++) {
        if (clauseStage[k] !== 4) continue;
        clauseStage[k] = -1;
        turned++;
        const i = clauseTrace[k] as number;
        if (trace && i >= 0)
          trace[i] = {
            ...(trace[i] as Reading),
            stage: -1,
            why,
            marker: lost,
          };
      }
    let refused = false;
    for (let k = 0; k < nClause; k++) if (clauseStage[k] === -1) refused = true;
    for (let k = 0; k < nClause; k++) {
      const st = clauseStage[k] as number;
      if (st === CANCELLED) continue;
      if (refused && clauseWeak[k] === 1) {
        const i = clauseTrace[k] as number;
        if (trace && i >= 0)
          trace[i] = {
            ...(trace[i] as Reading),
            stage: null,
            why: "covered",
            marker: clauseRefusal,
          };
        continue;
      }
      addStage(t, st as Stage);
      if (st > closedBest) closedBest = st;
    }
    nClause = 0;
    clauseRefusal = "";
    return turned;
  }

  /** Cancels the signals that end just before a negator at `negStart` (two characters at most). */
  private takeBack(negStart: number, neg: string, trace?: Reading[]): void {
    for (let k = 0; k < nClause; k++) {
      const e = clauseEnd[k] as number;
      if (e > negStart || negStart - e > 2 || clauseStage[k] === CANCELLED)
        continue;
      clauseStage[k] = CANCELLED;
      const i = clauseTrace[k] as number;
      if (trace && i >= 0)
        trace[i] = {
          ...(trace[i] as Reading),
          stage: null,
          why: "negated",
          marker: neg,
        };
    }
  }

  /**
   * A stage written out at `at` (`阶段3`, `阶段 -1`, `阶段三`, `stage 3`): counts it (or notes
   * an out-of-range one) and sets `mentionEnd`; false when there is none.
   */
  private mention(
    text: string,
    at: number,
    t: Tally,
    trace?: Reading[],
  ): boolean {
    let i: number;
    if (text.startsWith("阶段", at)) i = at + 2;
    else if (
      text.startsWith("stage", at) &&
      (at === 0 || !isWordy(text.charCodeAt(at - 1)))
    )
      i = at + 5;
    else return false;
    while (text.charCodeAt(i) === 32) i++;
    let value: number;
    const numeral = CJK_NUMERALS[text.charAt(i)];
    if (numeral !== undefined) {
      value = numeral;
      i++;
    } else {
      const start = i;
      if (text.charCodeAt(i) === 45) i++;
      const digits = i;
      while (
        i < text.length &&
        text.charCodeAt(i) >= 48 &&
        text.charCodeAt(i) <= 57
      )
        i++;
      if (i === digits) return false;
      value = Number(text.slice(start, i));
    }
    mentionEnd = i - 1;
    const written = text.slice(at, i);
    if (!isStage(value)) {
      if (t.badMention === undefined) t.badMention = written;
      return true;
    }
    addStage(t, value);
    if (trace)
      trace.push({ text: written, concept: STAGE_MENTION, stage: value });
    return true;
  }

  /** One signal found: its stage after negation, cover and rival, kept for the end of its clause. */
  private count(
    c: Concept,
    text: string,
    end: number,
    neg: string,
    cover: string,
    rival: string,
    trace?: Reading[],
  ): Stage | null {
    let stage: Stage | null = c.stage;
    if (neg !== "") stage = c.negated ?? null;
    else if (cover !== "") stage = null;
    // a deal fixed with a rival (`已经在别家定了`) is lost to us
    const lost = stage === 4 && rival !== "";
    if (lost) stage = -1;
    if (stage !== null && nClause >= MAX_CLAUSE) addStage(this.tally, stage);
    else if (stage !== null) {
      clauseStage[nClause] = stage;
      clauseEnd[nClause] = end;
      clauseWeak[nClause] = c.weak ? 1 : 0;
      clauseAsked[nClause] = neg === "" && c.asked !== undefined ? c.asked : -2;
      clauseTrace[nClause] = trace ? trace.length : -1;
      nClause++;
      if (stage === -1) clauseRefusal = text;
    }
    if (trace)
      trace.push({
        text,
        concept: c,
        stage,
        ...(neg !== ""
          ? { why: "negated" as const, marker: neg }
          : cover !== ""
            ? { why: "covered" as const, marker: cover }
            : lost
              ? { why: "rival" as const, marker: rival }
              : {}),
      });
    return stage;
  }
}

/** The pseudo-concept of a failed, cancelled or refunded deal with no deal word of its own. */
export const FAILED_DEAL_CONCEPT: Concept = {
  id: "failedDeal",
  label: {
    zh: "成交失败、取消或退款",
    en: "deal failed, cancelled or refunded",
  },
  stage: -1,
  words: [],
};

/** The pseudo-concept of a deal done with another business (a rival and a deal verb). */
export const RIVAL_DEAL_CONCEPT: Concept = {
  id: "wentElsewhere",
  label: { zh: "在别家成交", en: "bought or booked elsewhere" },
  stage: -1,
  words: [],
};

/** The pseudo-concept of a stage written out (`阶段3`). */
export const STAGE_MENTION: Concept = {
  id: "mention",
  label: { zh: "写明的阶段", en: "stage written out" },
  stage: null,
  words: [],
};

/** Counts one signal's stage into a tally. */
export function addStage(t: Tally, s: Stage): void {
  if (s === 5) t.won = true;
  else if (s === -1) t.refused = true;
  else if (s > t.best) t.best = s;
}

/** SPEC §5's rule: won; else the highest positive stage; else −1 on a refusal; else null. */
export function decide(t: Tally): Stage | null {
  if (t.won) return 5;
  if (t.best >= 0) return t.best as Stage;
  if (t.refused) return -1;
  return null;
}
