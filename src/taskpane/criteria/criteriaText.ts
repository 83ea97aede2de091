/** The criteria and demo group's words in the pane, per label language. */
import type { Lang } from "../../engine/lang";
import type { SyncStatus } from "./criteriaSync";

interface CriteriaWords {
  heading: string;
  intro: string;
  insert: string;
  reset: string;
  resetConfirm: string;
  demo: string;
  inserted: (name: string) => string;
  exists: (name: string) => string;
  resetDone: (name: string) => string;
  demoDone: (name: string) => string;
  status: (s: SyncStatus) => string;
}

export const CRITERIA_TEXT: Record<Lang, CriteriaWords> = {
  zh: {
    heading: "评分标准与示例",
    intro:
      "评分标准表列出所有标准与默认值；改一个数字，本工作簿所有 SALES 结果随之更新。示例表含 40 条客户记录，适合培训演示。",
    insert: "插入评分标准表",
    reset: "恢复默认",
    resetConfirm: "再点一次：恢复默认会覆盖评分标准表（含团队用语）",
    demo: "插入示例表",
    inserted: (n) => `已插入“${n}”。`,
    exists: (n) => `本工作簿已有“${n}”，未作改动。`,
    resetDone: (n) => `“${n}”已恢复为默认标准。`,
    demoDone: (n) => `已插入“${n}”：修改任一输入或评分标准，结果随之变化。`,
    status: (s) =>
      !s.sheet
        ? "本工作簿没有评分标准表：使用默认标准。"
        : s.issues === 0
          ? `正在使用“${s.sheet}”中的标准。`
          : `“${s.sheet}”有 ${s.issues} 处错误（见“检查”列），相关项沿用上次有效值。`,
  },
  en: {
    heading: "Criteria and demo",
    intro:
      "The criteria sheet lists every criterion and default; change a number and every SALES result in this workbook follows. The demo sheet holds 40 leads for training.",
    insert: "Insert criteria sheet",
    reset: "Reset to defaults",
    resetConfirm:
      "Click again: Reset overwrites the criteria sheet (team words included)",
    demo: "Insert demo sheet",
    inserted: (n) => `Inserted "${n}".`,
    exists: (n) => `This workbook already has "${n}"; nothing was changed.`,
    resetDone: (n) => `"${n}" is back to the default criteria.`,
    demoDone: (n) =>
      `Inserted "${n}": change any input or criterion and watch the results move.`,
    status: (s) =>
      !s.sheet
        ? "No criteria sheet in this workbook: the defaults apply."
        : s.issues === 0
          ? `Using the criteria in "${s.sheet}".`
          : `"${s.sheet}" has ${s.issues} error(s) (see its Check column); the last valid values are used for them.`,
  },
};
