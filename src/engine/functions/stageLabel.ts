/** SPEC §5 STAGELABEL: `阶段3 考虑成交` / `Stage 3 · considers a deal`. */
import { CellError } from "../cellError";
import type { Ctx } from "../ctx";
import { isBlankCell } from "../read";
import { STAGE_NAMES, type Stage } from "../tables/intentStages";
import { readStage } from "./stageRead";

export function formatStageLabel(s: Stage, lang: "zh" | "en"): string {
  return lang === "zh"
    ? `阶段${s} ${STAGE_NAMES[s].zh}`
    : `Stage ${s} · ${STAGE_NAMES[s].en}`;
}

export function stageLabel(stage: unknown, ctx: Ctx): string | CellError {
  if (isBlankCell(stage)) return "";
  const s = readStage(stage, "stage");
  return s instanceof CellError ? s : formatStageLabel(s, ctx.lang);
}
