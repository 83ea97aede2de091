/** SPEC §10 VALUETIER and ACTIVITY — 客户类型 [seed 001]; the cut-offs are [default]. */
import { CellError, naError, numError, valueError } from "../cellError";
import type { Ctx } from "../ctx";
import { isBlankCell, readDate, readNumber, readYesNo } from "../read";
import {
  ACTIVITY_LABELS,
  VALUE_TIER_LABELS,
  type Activity,
  type ValueTier,
} from "../tables/customerTypes";
import type { TodayReader } from "./urgency";
import { fold } from "../text";

/**
 * Ranks amounts against a population, sorted once: an amount is high value when fewer than
 * 20 % of the population are strictly greater, mid when fewer than 50 %, else low. Equal
 * amounts share a tier. Blank cells in the population are skipped.
 */
export function valueTierRanker(
  allAmounts: readonly (readonly unknown[])[],
  ctx: Ctx,
): ((amount: unknown) => ValueTier | "" | CellError) | CellError {
  const values: number[] = [];
  for (const row of allAmounts) {
    for (const v of row) {
      if (isBlankCell(v)) continue;
      const n = typeof v === "boolean" ? undefined : readNumber(v);
      if (n === undefined)
        return valueError("unreadable", {
          arg: "allAmounts",
          value: v,
          expected: "number",
        });
      values.push(n);
    }
  }
  if (values.length === 0)
    return naError("emptyPopulation", { arg: "allAmounts" });
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const shares = ctx.criteria.valueTierShares;
  return (amount) => {
    if (isBlankCell(amount)) return "";
    const a = typeof amount === "boolean" ? undefined : readNumber(amount);
    if (a === undefined)
      return valueError("unreadable", {
        arg: "amount",
        value: amount,
        expected: "number",
      });
    // count strictly greater = n − (index of the first element > a)
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= a) lo = mid + 1;
      else hi = mid;
    }
    const greater = n - lo;
    return greater < shares.high * n
      ? "high"
      : greater < (shares.high + shares.mid) * n
        ? "mid"
        : "low";
  };
}

export function valueTierLabel(tier: ValueTier, ctx: Ctx): string {
  return VALUE_TIER_LABELS[tier][ctx.lang];
}

/** No purchase (a no-like word) → potential; within 180 days of today → active; older → lapsed. */
export function activity(
  lastPurchase: unknown,
  today: TodayReader,
  ctx: Ctx,
): Activity | "" | CellError {
  if (isBlankCell(lastPurchase) || lastPurchase === 0) return "";
  if (
    typeof lastPurchase === "string" &&
    (readYesNo(lastPurchase, ctx.c) === false ||
      ctx.c.noPurchase.has(fold(lastPurchase)))
  ) {
    return "potential";
  }
  const d =
    typeof lastPurchase === "boolean" ? undefined : readDate(lastPurchase);
  if (d === undefined)
    return valueError("unreadable", {
      arg: "lastPurchase",
      value: lastPurchase,
      expected: "date",
    });
  const now = today();
  if (now instanceof CellError) return now;
  const days = now - d;
  if (days < 0)
    return numError("afterToday", { arg: "lastPurchase", value: lastPurchase });
  return days <= ctx.criteria.activeWithinDays ? "active" : "lapsed";
}

export function activityLabel(a: Activity, ctx: Ctx): string {
  return ACTIVITY_LABELS[a][ctx.lang];
}
