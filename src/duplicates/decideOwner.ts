/**
 * Who owns a customer two reps registered (SPEC §11, rules in
 * src/engine/tables/duplicateLeads.ts), with the reason in words for every row of the group.
 *
 * 1. Only complete registrations claim (customer name or company, phone, rep, date).
 * 2. The earliest registration date wins; on the same day the reception log decides: the
 *    log-order column when the sheet has one, else the order of the rows (the explanation says which).
 * 3. When another rep closed the deal, the claim date decides against the close date: raised
 *    within 7 days (day 7 included), or before the close, keeps the first rep; day 8 on goes to
 *    the closer. No claim date recorded = raised today (this report is the claim).
 */
import type { Lang } from "../engine/lang";
import { ymdFromSerial } from "../engine/read";
import {
  CLAIM_WINDOW_DAYS,
  COMPLETE_FIELD_LABELS,
  DUPLICATE_RULES,
  type CompleteField,
  type DuplicateRule,
} from "../engine/tables/duplicateLeads";
import type { LeadRow } from "../sheet/leadRows";
import type { DuplicateGroup, MatchReason } from "./groupDuplicates";
import { normalisePhone } from "./normalisePhone";

export interface OwnerDecision {
  readonly index: number;
  readonly group: number;
  /** "" when the group cannot be decided */
  readonly owner: string;
  readonly rule: DuplicateRule;
  /** what this row lacks to claim the customer (empty when complete) */
  readonly missing: readonly CompleteField[];
  readonly explanation: string;
}

export interface DecideOptions {
  readonly lang: Lang;
  /** the date a claim is taken to be raised when the sheet records none */
  readonly today: number;
  /** the sheet has a reception-log order column */
  readonly hasLogColumn: boolean;
  /** the sheet row number (1-based) of a data row, for the explanation */
  readonly rowNumber: (index: number) => number;
}

export function missingFields(row: LeadRow): CompleteField[] {
  const missing: CompleteField[] = [];
  if (!row.name && !row.company) missing.push("customer");
  if (!normalisePhone(row.phone)) missing.push("phone");
  if (!row.owner) missing.push("owner");
  if (row.registeredAt === undefined) missing.push("registeredAt");
  return missing;
}

const LIST_ROWS = 10;

const W = {
  zh: {
    more: (n: number) => ` 等另 ${n} 行`,
    same: (rows: string, why: string) => `与第 ${rows} 行为同一客户（${why}）`,
    phone: "电话相同",
    nameCompany: "姓名和公司相同",
    and: "、",
    sep: "；",
    arrow: " → 建议归 ",
    none: " → 暂无法判定",
    missing: (f: string) => `本行资料不完整（缺少：${f}），不参与归属判定`,
    noComplete: "组内没有一行登记完整",
    first: (o: string, d: string, r: number) =>
      `${o} 于 ${d} 首先登记完整资料（第 ${r} 行）`,
    sameDayLog: (o: string) => `同一天登记，${o} 在登记本序号中更靠前`,
    sameDayRows: (o: string) =>
      `同一天登记，表中没有登记本序号列，按行的先后：${o} 在前`,
    closed: (c: string, d: string) => `${c} 于 ${d} 成交`,
    raised: (d: string, n: number) => `撞单于 ${d} 提出，距成交第 ${n} 天`,
    raisedBefore: (d: string) => `撞单于 ${d} 提出，在成交之前（当时即发现）`,
    raisedToday: (n: number) =>
      `表中未填撞单提出日期，按今天计，距成交第 ${n} 天`,
    noCloseDate: "已有他人成交，但缺少成交日期，无法按七天规则判定",
    sameRep: (o: string) => `均为 ${o} 登记`,
  },
  en: {
    more: (n: number) => ` and ${n} more`,
    same: (rows: string, why: string) =>
      `same customer as row ${rows} (${why})`,
    phone: "same phone",
    nameCompany: "same name and company",
    and: ", ",
    sep: "; ",
    arrow: " → proposed owner: ",
    none: " → cannot decide yet",
    missing: (f: string) =>
      `this row is incomplete (missing: ${f}) and cannot claim the customer`,
    noComplete: "no row of the group is complete",
    first: (o: string, d: string, r: number) =>
      `${o} registered complete details first, on ${d} (row ${r})`,
    sameDayLog: (o: string) =>
      `registered the same day; ${o} comes first in the reception-log order`,
    sameDayRows: (o: string) =>
      `registered the same day; the sheet has no log-order column, so row order decides: ${o} first`,
    closed: (c: string, d: string) => `${c} closed on ${d}`,
    raised: (d: string, n: number) =>
      `the claim was raised on ${d}, day ${n} after the close`,
    raisedBefore: (d: string) =>
      `the claim was raised on ${d}, before the close (at the time)`,
    raisedToday: (n: number) =>
      `no claim date on the sheet, so today counts: day ${n} after the close`,
    noCloseDate:
      "another rep closed, but the close date is missing: the 7-day rule cannot be applied",
    sameRep: (o: string) => `all registered by ${o}`,
  },
} as const;

function firstRegistration(
  complete: readonly LeadRow[],
  hasLogColumn: boolean,
): { row: LeadRow; tie: "none" | "log" | "rows" } {
  const day = Math.min(...complete.map((r) => r.registeredAt as number));
  const sameDay = complete.filter((r) => r.registeredAt === day);
  const owners = new Set(sameDay.map((r) => r.owner));
  if (owners.size === 1) return { row: sameDay[0]!, tie: "none" };
  // Same day, different reps: the reception log's order (a missing entry goes last), else row order.
  const useLog =
    hasLogColumn && sameDay.some((r) => r.receptionOrder !== undefined);
  const sorted = [...sameDay].sort((a, b) =>
    useLog
      ? (a.receptionOrder ?? Infinity) - (b.receptionOrder ?? Infinity) ||
        a.index - b.index
      : a.index - b.index,
  );
  return { row: sorted[0]!, tie: useLog ? "log" : "rows" };
}

export function decideOwner(
  group: DuplicateGroup,
  rows: readonly LeadRow[],
  opts: DecideOptions,
): OwnerDecision[] {
  const w = W[opts.lang];
  const members = group.members.map((i) => rows[i]!);
  const missing = new Map(members.map((r) => [r.index, missingFields(r)]));
  const label = (f: CompleteField) => COMPLETE_FIELD_LABELS[f][opts.lang];
  const date = (d: number) => ymdFromSerial(d);
  const rule = (r: DuplicateRule) => `［${DUPLICATE_RULES[r][opts.lang]}］`;

  let owner = "";
  let decided: DuplicateRule = "incomplete";
  const because: string[] = [];
  const owners = new Set(members.map((r) => r.owner).filter((o) => o !== ""));
  const complete = members.filter((r) => missing.get(r.index)!.length === 0);

  if (owners.size === 1) {
    owner = [...owners][0]!;
    decided = "sameRep";
    because.push(w.sameRep(owner));
  } else if (complete.length === 0) {
    because.push(w.noComplete);
  } else {
    const first = firstRegistration(complete, opts.hasLogColumn);
    owner = first.row.owner;
    decided = first.tie === "none" ? "firstComplete" : "sameDayLog";
    because.push(
      w.first(
        owner,
        date(first.row.registeredAt!),
        opts.rowNumber(first.row.index),
      ),
    );
    if (first.tie === "log") because.push(w.sameDayLog(owner));
    if (first.tie === "rows") because.push(w.sameDayRows(owner));
    // Another rep closed? The earliest close in the group counts.
    const closes = members
      .filter((r) => r.closedAt !== undefined || r.closedBy !== "")
      .map((r) => ({ by: r.closedBy || r.owner, at: r.closedAt }))
      .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
    const close = closes.find((c) => c.by !== "" && c.by !== owner);
    if (
      close &&
      !closes.some(
        (c) => c.by === owner && (c.at ?? Infinity) <= (close.at ?? Infinity),
      )
    ) {
      if (close.at === undefined) {
        because.push(w.noCloseDate);
        owner = "";
        decided = "incomplete";
      } else {
        because.push(w.closed(close.by, date(close.at)));
        const raisedDates = members
          .map((r) => r.raisedAt)
          .filter((d): d is number => d !== undefined);
        const raised = raisedDates.length
          ? Math.min(...raisedDates)
          : undefined;
        const day = (raised ?? opts.today) - close.at;
        if (raised === undefined) because.push(w.raisedToday(day));
        else if (day < 0) because.push(w.raisedBefore(date(raised)));
        else because.push(w.raised(date(raised), day));
        if (day <= CLAIM_WINDOW_DAYS) decided = "closedWithinWindow";
        else {
          decided = "closedAfterWindow";
          owner = close.by;
        }
      }
    }
  }
  const verdict = owner ? `${w.arrow}${owner}` : w.none;
  return members.map((r) => {
    // A cell names at most LIST_ROWS other rows: a shared placeholder phone can link hundreds.
    const rest = group.members.filter((i) => i !== r.index);
    const others =
      rest
        .slice(0, LIST_ROWS)
        .map((i) => String(opts.rowNumber(i)))
        .join(w.and) +
      (rest.length > LIST_ROWS ? w.more(rest.length - LIST_ROWS) : "");
    const why = [...(group.reasons.get(r.index) ?? [])]
      .map((m: MatchReason) => w[m])
      .join(w.and);
    const own = missing.get(r.index)!;
    const parts = [w.same(others, why), ...because];
    if (own.length > 0 && decided !== "sameRep")
      parts.push(w.missing(own.map(label).join(w.and)));
    return {
      index: r.index,
      group: group.id,
      owner,
      rule: decided,
      missing: own,
      explanation: `${parts.join(w.sep)}${verdict} ${rule(decided)}`,
    };
  });
}
