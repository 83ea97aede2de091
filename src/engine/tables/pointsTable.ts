/**
 * SPEC §4 SCORE — 判断意向顾客 [seed 002]: the source's points checklist (health products,
 * options worth 10/8/5). Rows are *item · option · points*, the shape of the `criteria` range
 * that `SALES.SCORE` reads and that the criteria sheet holds. Items 10–11 are lost in the
 * source and omitted [reconstructed]; the third options of items 6 and 8 are ours
 * [reconstructed].
 */
export interface PointsRow {
  readonly item: string;
  readonly option: string;
  readonly points: number;
  readonly reconstructed?: true;
}

export const POINTS_TABLE: readonly PointsRow[] = [
  { item: "有钱", option: "夫妻收入≥8000", points: 10 },
  { item: "有钱", option: "≥5000", points: 8 },
  { item: "有钱", option: "≥3000", points: 5 },
  { item: "有需要", option: "需求强烈", points: 10 },
  { item: "有需要", option: "一般需求", points: 8 },
  { item: "有需要", option: "保健养生", points: 5 },
  { item: "有保健意识", option: "意识强，正在使用产品", points: 10 },
  { item: "有保健意识", option: "有意识，尝试购买过", points: 8 },
  { item: "有保健意识", option: "有意识，未使用", points: 5 },
  { item: "有决定权", option: "自己决定", points: 10 },
  { item: "有决定权", option: "配偶干涉", points: 8 },
  { item: "有决定权", option: "子女反对", points: 5 },
  { item: "谁是使用者", option: "夫妻/全家", points: 10 },
  { item: "谁是使用者", option: "个人使用", points: 8 },
  { item: "谁是使用者", option: "送礼", points: 5 },
  { item: "上门家访", option: "经理和员工一起", points: 10 },
  { item: "上门家访", option: "员工单独", points: 8 },
  { item: "上门家访", option: "未家访", points: 5, reconstructed: true },
  { item: "接触过老顾客", option: "≥2", points: 10 },
  { item: "接触过老顾客", option: "1", points: 8 },
  { item: "接触过老顾客", option: "未接触，听过案例", points: 5 },
  { item: "老顾客转介绍", option: "转介绍，自己来", points: 10 },
  { item: "老顾客转介绍", option: "转介绍，老顾客带来", points: 8 },
  { item: "老顾客转介绍", option: "非转介绍", points: 5, reconstructed: true },
  { item: "参加过交流会", option: "是", points: 10 },
  { item: "参加过交流会", option: "否", points: 5 },
];
