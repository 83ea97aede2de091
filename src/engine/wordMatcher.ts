import { escapeRegExp, fold } from "./text";

export interface WordMatch<T> {
  readonly phrase: string;
  readonly payload: T;
  readonly index: number;
}

const LATIN = /[a-z0-9]/;

/**
 * Finds known phrases in loose text, longest match first at each position (SPEC §5: so that
 * `不拒绝` is not read as `拒绝`). Phrases and text are folded alike (case, full-width).
 * Latin phrases match whole words only, so `none` is not found inside `nonetheless`.
 * When a phrase is listed twice, the first listing wins.
 */
export class WordMatcher<T> {
  private readonly pattern: RegExp | undefined;
  private readonly byPhrase = new Map<string, T>();
  private readonly cache = new Map<string, readonly WordMatch<T>[]>();

  constructor(
    entries: readonly { readonly phrase: string; readonly payload: T }[],
  ) {
    for (const e of entries) {
      const p = fold(e.phrase);
      if (p !== "" && !this.byPhrase.has(p)) this.byPhrase.set(p, e.payload);
    }
    const phrases = [...this.byPhrase.keys()].sort(
      (a, b) => b.length - a.length,
    );
    if (phrases.length > 0) {
      const parts = phrases.map((p) => {
        const head = LATIN.test(p[0] ?? "") ? "(?<![a-z0-9])" : "";
        const tail = LATIN.test(p[p.length - 1] ?? "") ? "(?![a-z0-9])" : "";
        return head + escapeRegExp(p) + tail;
      });
      this.pattern = new RegExp(parts.join("|"), "g");
    }
  }

  /** Every match in reading order. Results for repeated texts are cached (sheets repeat a lot). */
  all(text: string): readonly WordMatch<T>[] {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const found: WordMatch<T>[] = [];
    if (this.pattern) {
      const folded = fold(text);
      this.pattern.lastIndex = 0;
      for (
        let m = this.pattern.exec(folded);
        m !== null;
        m = this.pattern.exec(folded)
      ) {
        found.push({
          phrase: m[0],
          payload: this.byPhrase.get(m[0]) as T,
          index: m.index,
        });
      }
    }
    if (this.cache.size > 20000) this.cache.clear();
    this.cache.set(text, found);
    return found;
  }

  /** The payload of a phrase equal to the whole (folded) text. */
  exact(text: string): T | undefined {
    return this.byPhrase.get(fold(text));
  }
}

/**
 * A matcher whose payloads are points (URGENCY's level words): the strongest match in a text,
 * the first listed among equals, remembered per text (one lookup per cell on a full column).
 */
export class PointsMatcher extends WordMatcher<number> {
  private readonly top = new Map<string, WordMatch<number> | null>();
  /**
   * The points a whole text read as, words or else yes/no, kept by the reader that uses this
   * matcher (URGENCY's levelPoints). It lives here because a matcher is compiled once per
   * criteria: what a text reads as cannot change while the matcher lives.
   */
  readonly read = new Map<string, number>();

  highest(text: string): WordMatch<number> | undefined {
    const hit = this.top.get(text);
    if (hit !== undefined) return hit ?? undefined;
    let best: WordMatch<number> | undefined;
    for (const w of this.all(text))
      if (!best || w.payload > best.payload) best = w;
    if (this.top.size > 20000) this.top.clear();
    this.top.set(text, best ?? null);
    return best;
  }
}
