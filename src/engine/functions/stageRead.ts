/** Reads a stage given as a number, `阶段3`, `Stage 3`, or a stage name (SPEC §5). */
import type { ArgName } from "../args";
import { CellError, numError, valueError } from "../cellError";
import { readNumber } from "../read";
import {
  STAGES,
  STAGE_NAMES,
  isStage,
  type Stage,
} from "../tables/intentStages";
import { fold } from "../text";

/** `阶段3`, `stage 3`, `Stage -1` (not `第2次`, which counts visits). */
export const STAGE_MENTION = /(?:阶段|stage)\s*(-?\d+)/g;

const STAGE_BY_NAME = new Map<string, Stage>();
for (const s of STAGES) {
  STAGE_BY_NAME.set(fold(STAGE_NAMES[s].zh), s);
  STAGE_BY_NAME.set(fold(STAGE_NAMES[s].en), s);
}
STAGE_BY_NAME.set("e类", 5);

export function readStage(value: unknown, arg: ArgName): Stage | CellError {
  const n = typeof value === "boolean" ? undefined : readNumber(value);
  if (n !== undefined) {
    return isStage(n)
      ? n
      : numError("outOfRange", { arg, value, expected: "stage" });
  }
  if (typeof value === "string") {
    const f = fold(value);
    const named = STAGE_BY_NAME.get(f);
    if (named !== undefined) return named;
    STAGE_MENTION.lastIndex = 0;
    const m = STAGE_MENTION.exec(f);
    if (m) {
      const k = Number(m[1]);
      return isStage(k)
        ? k
        : numError("outOfRange", { arg, value, expected: "stage" });
    }
  }
  return valueError("unreadable", { arg, value, expected: "stage" });
}
