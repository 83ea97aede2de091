/** One lead's answers to the source's points checklist, each its item's first (10-point) option. */
export const FIRST_OPTIONS: readonly string[] = [
  "夫妻收入≥8000",
  "需求强烈",
  "意识强，正在使用产品",
  "自己决定",
  "夫妻/全家",
  "经理和员工一起",
  "≥2",
  "转介绍，自己来",
  "是",
];
