/** The README's examples, evaluated: the reference a new user reads must be true. */
import fs from "node:fs";
import path from "node:path";
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

/**
 * The README's table of notes (`| the note says | stage | why |`), read from the README itself so
 * the two cannot drift: every example in a row's first cell (`…` or "…") reads as its stage.
 */
function readmeNoteRows(): [string, number | string][] {
  const text = fs.readFileSync(path.join(__dirname, "../README.md"), "utf8");
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("| the note says |"));
  if (start < 0) throw new Error("README: the table of notes is gone");
  const rows: [string, number | string][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const [said, stage] = line
      .split("|")
      .slice(1, 3)
      .map((x) => x.trim());
    const want = stage!.replace(/`/g, "").replace("−", "-");
    const value = /^-?\d$/.test(want) ? Number(want) : want;
    for (const m of said!.matchAll(/`([^`]+)`|"([^"]+)"/g)) {
      const note = m[1] ?? m[2]!;
      if (note !== "(the whole cell)") rows.push([note, value]);
    }
  }
  return rows;
}

describe("README: how INTENTSTAGE reads a note", () => {
  test("the README's table of notes is there and long", () =>
    expect(readmeNoteRows().length).toBeGreaterThanOrEqual(25));
  test.each<[string, number | string]>([
    ...readmeNoteRows(),
    // the examples the table's and the rules' prose give
    ["在开会，下午3点后再打", 0],
    ["不拒绝", 0],
    ["不反感递合同", 3],
  ])("%p → %p", (note, want) => {
    const got = call(F.intentstage, c(note))[0];
    if (typeof want === "string")
      expect(got).toEqual(expect.objectContaining({ error: want }));
    else expect(got).toBe(want);
  });
  test("the WHYINTENTSTAGE example", () => {
    const why = call(
      F.whyintentstage,
      c("还没签约，问了价格，但说不感兴趣"),
    )[0];
    expect(String(why)).toMatch(
      /^3 — “签约”（签约、付款）被“还没”否定，不计；“问了”（主动询问）→ 阶段1 有互动；“价格”（询问价格）→ 阶段3 考虑成交；“不感兴趣”（拒绝）→ 阶段-1 拒绝；结果：阶段3 考虑成交（取最高的正向信号，正向信号优先于拒绝）\[依据《客户意向判断》\]；下一步：/,
    );
  });
});
