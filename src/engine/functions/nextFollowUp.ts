/** SPEC §6 NEXTFOLLOWUP — 客户维护频率 [seed 002]. */
import { CellError, naError, numError, valueError } from "../cellError";
import type { Ctx } from "../ctx";
import { MAX_SERIAL, blankish, readDate } from "../read";
import { readStage } from "./stageRead";

/** lastContact + the stage's interval, as an Excel date serial; `""` for a refused lead or a blank row. */
export function nextFollowUp(
  stage: unknown,
  lastContact: unknown,
  ctx: Ctx,
): number | "" | CellError {
  if (blankish(stage) && blankish(lastContact)) return "";
  if (blankish(stage) && typeof stage !== "number")
    return naError("missing", { arg: "stage" });
  const s = readStage(stage, "stage");
  if (s instanceof CellError) return s;
  const days = ctx.criteria.followUpDays[s];
  if (days === null) return "";
  // Serial 0 is no date; older desktop builds send a blank cell as 0 (office-js #4702).
  if (blankish(lastContact)) return naError("missing", { arg: "lastContact" });
  const d = readDate(lastContact);
  if (d === undefined)
    return valueError("unreadable", {
      arg: "lastContact",
      value: lastContact,
      expected: "date",
    });
  // The next contact must be a date Excel knows (last contact 9999-12-31 has none after it).
  if (d + days > MAX_SERIAL)
    return numError("outOfRange", {
      arg: "lastContact",
      value: lastContact,
      expected: "date",
    });
  return d + days;
}
