/** SPEC §5 NEXTACTION: the source's advice for moving a lead up from its stage [seed 002]. */
import { CellError } from "../cellError";
import type { Ctx } from "../ctx";
import { isBlankCell } from "../read";
import { NEXT_ACTIONS } from "../tables/intentStages";
import { readStage } from "./stageRead";

export function nextAction(stage: unknown, ctx: Ctx): string | CellError {
  if (isBlankCell(stage)) return "";
  const s = readStage(stage, "stage");
  return s instanceof CellError ? s : NEXT_ACTIONS[s][ctx.lang];
}
