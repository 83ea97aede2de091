/** SPEC §7 STATUS — 客户状态 [seed 000]; the stage → status mapping is [default]. */
import { CellError } from "../cellError";
import type { Ctx } from "../ctx";
import { isBlankCell } from "../read";
import { STATUS_LABELS } from "../tables/customerStatus";
import { readStage } from "./stageRead";

export function status(stage: unknown, ctx: Ctx): string | CellError {
  if (isBlankCell(stage)) return "";
  const s = readStage(stage, "stage");
  return s instanceof CellError
    ? s
    : STATUS_LABELS[ctx.criteria.statusByStage[s]][ctx.lang];
}
