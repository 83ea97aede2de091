import type { Stage } from "./intentStages";

/**
 * SPEC §6 NEXTFOLLOWUP — 客户维护频率 [seed 002]: contact at least every N days per stage.
 * `null`: no cadence (refused leads are re-approached "every so often").
 */
export const FOLLOW_UP_DAYS: { [S in Stage]: number | null } = {
  [-1]: null,
  0: 15, // 15天最少联系一次
  1: 7, // 7天左右联系一次
  2: 7,
  3: 3, // 3天以内联系一次
  4: 3,
  5: 15, // E类: 1个月联系至少2次
};
