/** The README's examples, evaluated: the reference a new user reads must be true. */
import { F, call, cell, useLanguage } from "./helpers";

const c = cell;
const today = [[46351]]; // TODAY() on 2026-11-25

beforeAll(() => useLanguage("zh"));

test.each<[string, () => unknown[], unknown]>([
  [
    'LEADGRADE("是","是",4,2,"A","是","A")',
    () =>
      call(F.leadgrade, c("是"), c("是"), c(4), c(2), c("A"), c("是"), c("A")),
    "A",
  ],
  [
    'LEADGRADE("A","B",3,2,2,1,"A")',
    () => call(F.leadgrade, c("A"), c("B"), c(3), c(2), c(2), c(1), c("A")),
    "C",
  ],
  ["INTENTGRADE(85)", () => call(F.intentgrade, c(85)), "B"],
  [
    'INTENTSTAGE("客户询问价格和优惠，不反感递合同")',
    () => call(F.intentstage, c("客户询问价格和优惠，不反感递合同")),
    3,
  ],
  ["STAGELABEL(3)", () => call(F.stagelabel, c(3)), "阶段3 考虑成交"],
  [
    'NEXTFOLLOWUP(3,"2026-11-25")',
    () => call(F.nextfollowup, c(3), c("2026-11-25")),
    46354,
  ],
  [
    'URGENCY("2026-12-20","已分配","老板","激烈",TODAY())',
    () =>
      call(
        F.urgency,
        c("2026-12-20"),
        c("已分配"),
        c("老板"),
        c("激烈"),
        today,
      ),
    "高",
  ],
  ['ROLE("采购经理")', () => call(F.role, c("采购经理")), "采购者"],
  [
    'LEADGRADE("yes","yes",4,2,"A","yes","A")',
    () =>
      call(
        F.leadgrade,
        c("yes"),
        c("yes"),
        c(4),
        c(2),
        c("A"),
        c("yes"),
        c("A"),
      ),
    "A",
  ],
  [
    'INTENTSTAGE("asked price and discount")',
    () => call(F.intentstage, c("asked price and discount")),
    3,
  ],
  [
    'STAGELABEL(4,"en")',
    () => call(F.stagelabel, c(4), "en"),
    "Stage 4 · deal confirmed",
  ],
  ['STATUS(2,"en")', () => call(F.status, c(2), "en"), "Intending"],
  [
    'URGENCY(20,"approved","CEO","fierce",TODAY(),"en")',
    () =>
      call(F.urgency, c(20), c("approved"), c("CEO"), c("fierce"), today, "en"),
    "High",
  ],
  [
    'ROLEFOCUS("Buyer","en")',
    () => call(F.rolefocus, c("Buyer"), "en"),
    "price, contract terms and supplier reputation",
  ],
  [
    'ACTIVITY("2026-06-01",TODAY(),"en")',
    () => call(F.activity, c("2026-06-01"), today, "en"),
    "Active",
  ],
])("=SALES.%s", (_formula, run, expected) => expect(run()).toEqual([expected]));

test('=SALES.WHYINTENTSTAGE("not interested", , "en")', () =>
  expect(call(F.whyintentstage, c("not interested"), null, "en")[0]).toMatch(
    /^-1 — “not interested” \(refuses\) → stage -1 refused; result: /,
  ));

test('=SALES.WHYURGENCY(60,"partial","manager","some",TODAY(),"en")', () =>
  expect(
    call(
      F.whyurgency,
      c(60),
      c("partial"),
      c("manager"),
      c("some"),
      today,
      "en",
    )[0],
  ).toContain("total 5/9 (≥6 high, 3–5 medium, else low) [default] → Medium"));

test('=SALES.NEXTACTION(3,"en")', () =>
  expect(call(F.nextaction, c(3), "en")[0]).toMatch(
    /^From stage 3 to 4: clear the decision-maker; /,
  ));
