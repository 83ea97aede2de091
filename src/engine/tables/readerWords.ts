/**
 * SPEC §1 "Reading loose cell values": the yes-like and no-like words.
 * Matching folds case and full-width forms (see ../text.ts); these lists are criteria defaults.
 */
export const YES_WORDS: readonly string[] = [
  "true",
  "1",
  "是",
  "有",
  "对",
  "y",
  "yes",
  "√",
  "✓",
  "✔",
  "a",
  "高",
  "强",
  "好",
  "满意",
];

export const NO_WORDS: readonly string[] = [
  "false",
  "0",
  "否",
  "无",
  "没有",
  "n",
  "no",
  "×",
  "✗",
  "b",
  "低",
  "弱",
  "差",
  "一般",
  "不满意",
];
