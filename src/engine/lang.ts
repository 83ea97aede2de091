/** Label languages (SPEC §12). Grades and stage numbers are language-neutral; all else is zh or en. */
export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];

/** Maps an Office display language ("zh-CN", "en-US", …) or a user's word ("中文", "English") to a label language. */
export function langFrom(value: unknown): Lang | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (v === "") return undefined;
  if (v.startsWith("zh") || v === "中文" || v === "chinese" || v === "cn")
    return "zh";
  if (v.startsWith("en") || v === "英文" || v === "english") return "en";
  return undefined;
}
