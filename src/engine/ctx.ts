import { compile, type Compiled } from "./compiled";
import { DEFAULT_CRITERIA, type Criteria } from "./criteria";
import type { Lang } from "./lang";

/**
 * What every engine function is given besides its inputs: the criteria in force, their
 * compiled matchers, the label language, and — only when an explanation is asked for —
 * a trace to which each rule that fires adds one line.
 */
export interface Ctx {
  readonly criteria: Criteria;
  readonly c: Compiled;
  readonly lang: Lang;
  readonly trace: string[] | undefined;
}

export function makeCtx(
  options: { criteria?: Criteria; lang?: Lang; trace?: boolean } = {},
): Ctx {
  const criteria = options.criteria ?? DEFAULT_CRITERIA;
  return {
    criteria,
    c: compile(criteria),
    lang: options.lang ?? "zh",
    trace: options.trace ? [] : undefined,
  };
}

/** A fresh trace for the next row, same criteria and language. */
export function withTrace(ctx: Ctx): Ctx {
  return { ...ctx, trace: [] };
}

/**
 * The source course each methodology table comes from, by its title (users see titles, never
 * the project's file numbers; docs/methodology.md quotes each one).
 */
export const SOURCE_TITLES: Record<string, Record<Lang, string>> = {
  "000": { zh: "客户状态判断", en: "Customer status" },
  "001": { zh: "客户类型识别", en: "Customer types" },
  "002": { zh: "客户意向判断", en: "Customer intent" },
  "003": { zh: "客户角色识别", en: "Buyer roles" },
  "004": { zh: "客户紧急程度", en: "Customer urgency" },
};

/** Names a source by its title, in the given language. */
export function sourceName(n: string, lang: Lang): string {
  const t = SOURCE_TITLES[n];
  if (t === undefined) throw new Error(`unknown source ${n}`);
  return lang === "zh" ? `依据《${t.zh}》` : `per “${t.en}”`;
}

/** Tags that say where a rule comes from, in the explanation text. */
export const tag = {
  default: (lang: Lang) => (lang === "zh" ? "[默认]" : "[default]"),
  seed: (n: string, lang: Lang) => `[${sourceName(n, lang)}]`,
};

/**
 * Adds a line to the trace, in the context's language. Call it under `if (ctx.trace)`: the
 * closures are then created only when an explanation is asked for. They are not free even
 * so when they capture the caller's locals — V8 then allocates a context for those locals on
 * every call of the caller, explained or not. Hot paths use `say` from a separate function
 * that takes the values as arguments (leadGrade.ts, urgency.ts).
 */
export function note(ctx: Ctx, zh: () => string, en: () => string): void {
  if (ctx.trace) ctx.trace.push(ctx.lang === "zh" ? zh() : en());
}

/** Adds a line in the context's language (both texts are built: call it only when explaining). */
export function say(ctx: Ctx, zh: string, en: string): void {
  if (ctx.trace) ctx.trace.push(ctx.lang === "zh" ? zh : en);
}

/**
 * The explanation's lines joined, a line that repeats shown once with its count (a long note
 * names `问了` twenty times: `“问了”（主动询问）→ 阶段1 有互动（×20）`).
 */
export function joinTrace(ctx: Ctx, lines: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  const shown = [...counts].map(([l, n]) =>
    n === 1 ? l : ctx.lang === "zh" ? `${l}（×${n}）` : `${l} (×${n})`,
  );
  return shown.join(ctx.lang === "zh" ? "；" : "; ");
}
