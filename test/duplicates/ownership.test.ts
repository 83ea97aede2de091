/**
 * Duplicate leads (SPEC §11): grouping, and every ownership rule as one table — first complete
 * registration, same day by the reception log (column or row order), another rep closed with the
 * 7-day boundary (day 7 → first rep, day 8 → closer), incomplete rows, the same rep twice.
 */
import fc from "fast-check";
import { decideOwner } from "../../src/duplicates/decideOwner";
import { findDuplicates } from "../../src/duplicates/findDuplicates";
import { groupDuplicates } from "../../src/duplicates/groupDuplicates";
import { normalisePhone } from "../../src/duplicates/normalisePhone";
import { customerKey } from "../../src/duplicates/customerKey";
import type { DuplicateRule } from "../../src/engine/tables/duplicateLeads";
import type { LeadRow } from "../../src/sheet/leadRows";
import { TODAY, lead } from "../toolsFixtures";

const D = 46300; // a registration day
const P = "13812345678";
const A = (i: number, o: Partial<LeadRow> = {}) =>
  lead(i, { name: "王伟", phone: P, owner: "张三", registeredAt: D, ...o });
const B = (i: number, o: Partial<LeadRow> = {}) =>
  lead(i, {
    name: "王伟",
    phone: "+86 138-1234-5678",
    owner: "李四",
    registeredAt: D + 2,
    ...o,
  });

interface Case {
  name: string;
  rows: LeadRow[];
  hasLogColumn?: boolean;
  owner: string;
  rule: DuplicateRule;
  /** words the explanation must contain (zh) */
  says?: string[];
}

const CASES: Case[] = [
  {
    name: "earlier complete registration wins",
    rows: [B(0), A(1)],
    owner: "张三",
    rule: "firstComplete",
  },
  {
    name: "an earlier but incomplete row cannot claim",
    rows: [
      A(0, {
        phone: "",
        name: "王伟",
        company: "星辰科技",
        registeredAt: D - 5,
      }),
      B(1, { company: "星辰科技" }),
    ],
    owner: "李四",
    rule: "firstComplete",
    says: ["缺少：电话"],
  },
  {
    name: "same day, log column decides",
    rows: [
      A(0, { receptionOrder: 2 }),
      B(1, { registeredAt: D, receptionOrder: 1 }),
    ],
    hasLogColumn: true,
    owner: "李四",
    rule: "sameDayLog",
    says: ["登记本序号"],
  },
  {
    name: "same day, no log column: row order, and it says so",
    rows: [B(0, { registeredAt: D }), A(1)],
    owner: "李四",
    rule: "sameDayLog",
    says: ["按行的先后"],
  },
  {
    name: "same day, log column present but empty for these rows: row order",
    rows: [A(0), B(1, { registeredAt: D })],
    hasLogColumn: true,
    owner: "张三",
    rule: "sameDayLog",
  },
  {
    name: "another rep closed, raised on day 7: first rep",
    rows: [A(0, { raisedAt: D + 10 + 7 }), B(1, { closedAt: D + 10 })],
    owner: "张三",
    rule: "closedWithinWindow",
    says: ["第 7 天"],
  },
  {
    name: "another rep closed, raised on day 8: the closer",
    rows: [A(0, { raisedAt: D + 10 + 8 }), B(1, { closedAt: D + 10 })],
    owner: "李四",
    rule: "closedAfterWindow",
    says: ["第 8 天"],
  },
  {
    name: "raised at the time (before the close): first rep",
    rows: [A(0, { raisedAt: D + 9 }), B(1, { closedAt: D + 10 })],
    owner: "张三",
    rule: "closedWithinWindow",
    says: ["成交之前"],
  },
  {
    name: "closer named in 成交人 on the first rep's row",
    rows: [A(0, { closedBy: "李四", closedAt: D + 3, raisedAt: D + 11 }), B(1)],
    owner: "李四",
    rule: "closedAfterWindow",
  },
  {
    name: "no claim date: today counts (day 7 from today)",
    rows: [A(0), B(1, { closedAt: TODAY - 7 })],
    owner: "张三",
    rule: "closedWithinWindow",
    says: ["按今天计"],
  },
  {
    name: "no claim date: today counts (day 8 from today)",
    rows: [A(0), B(1, { closedAt: TODAY - 8 })],
    owner: "李四",
    rule: "closedAfterWindow",
  },
  {
    name: "the first rep closed it: no 7-day question",
    rows: [A(0, { closedAt: D + 5 }), B(1)],
    owner: "张三",
    rule: "firstComplete",
  },
  {
    name: "another rep closed without a close date: cannot decide",
    rows: [A(0), B(1, { closedBy: "李四" })],
    owner: "",
    rule: "incomplete",
    says: ["缺少成交日期"],
  },
  {
    name: "no row complete: cannot decide, each says what it lacks",
    rows: [
      A(0, { registeredAt: undefined }),
      B(1, { owner: "李四", registeredAt: undefined }),
    ],
    owner: "",
    rule: "incomplete",
    says: ["缺少：登记日期"],
  },
  {
    name: "same rep twice: no dispute",
    rows: [A(0), A(1, { registeredAt: undefined })],
    owner: "张三",
    rule: "sameRep",
  },
];

describe("decideOwner: SPEC §11 rules", () => {
  test.each(CASES)("$name", (c) => {
    const groups = groupDuplicates(c.rows);
    expect(groups).toHaveLength(1);
    const ds = decideOwner(groups[0]!, c.rows, {
      lang: "zh",
      today: TODAY,
      hasLogColumn: c.hasLogColumn ?? false,
      rowNumber: (i) => i + 2,
    });
    expect(ds).toHaveLength(c.rows.length);
    for (const d of ds) {
      expect(d.owner).toBe(c.owner);
      expect(d.rule).toBe(c.rule);
    }
    const all = ds.map((d) => d.explanation).join("\n");
    for (const w of c.says ?? []) expect(all).toContain(w);
    if (c.owner) expect(all).toContain(`建议归 ${c.owner}`);
  });

  test("English explanations name the rule and the owner", () => {
    const rows = [A(0, { raisedAt: D + 18 }), B(1, { closedAt: D + 10 })];
    const [d] = decideOwner(groupDuplicates(rows)[0]!, rows, {
      lang: "en",
      today: TODAY,
      hasLogColumn: false,
      rowNumber: (i) => i + 2,
    });
    expect(d!.explanation).toContain("day 8 after the close");
    expect(d!.explanation).toContain("proposed owner: 李四");
    expect(d!.explanation).toContain("same phone");
  });
});

describe("groupDuplicates", () => {
  test("links through a shared phone and a shared name + company, transitively", () => {
    const rows = [
      lead(0, { phone: "138 1234 5678" }),
      lead(1, {
        phone: "+8613812345678",
        name: "王伟",
        company: "星辰科技有限公司",
      }),
      lead(2, { name: "王 伟", company: "星辰科技" }),
      lead(3, { phone: "13900000000", name: "王伟" }),
      lead(4, { phone: "" }),
    ];
    const g = groupDuplicates(rows);
    expect(g.map((x) => x.members)).toEqual([[0, 1, 2]]);
    expect([...g[0]!.reasons.get(1)!].sort()).toEqual(["nameCompany", "phone"]);
  });

  test("property: two rows share a group exactly when linked by some chain of equal keys", () => {
    const phone = fc.constantFrom(
      "",
      "13812345678",
      "138-1234-5678",
      "13900001111",
      "+86 139 0000 1111",
      "010-6552 8888",
    );
    const name = fc.constantFrom("", "王伟", "王 伟", "李娜");
    const company = fc.constantFrom("", "星辰科技", "星辰科技有限公司", "Acme");
    const rowsArb = fc.array(fc.tuple(phone, name, company), { maxLength: 25 });
    fc.assert(
      fc.property(rowsArb, (spec) => {
        const rows = spec.map(([p, n, c], i) =>
          lead(i, { phone: p, name: n, company: c }),
        );
        // Independent model: pairwise "same" relation, closed by repeated passes.
        const same = (a: LeadRow, b: LeadRow) =>
          (normalisePhone(a.phone) !== "" &&
            normalisePhone(a.phone) === normalisePhone(b.phone)) ||
          (customerKey(a.name, a.company) !== "" &&
            customerKey(a.name, a.company) === customerKey(b.name, b.company));
        const comp = rows.map((_, i) => i);
        for (let changed = true; changed;) {
          changed = false;
          for (let i = 0; i < rows.length; i++)
            for (let j = 0; j < rows.length; j++)
              if (same(rows[i]!, rows[j]!) && comp[i] !== comp[j]) {
                const m = Math.min(comp[i]!, comp[j]!);
                comp[i] = comp[j] = m;
                changed = true;
              }
        }
        const groups = groupDuplicates(rows);
        const groupOf = new Map<number, number>();
        for (const g of groups) for (const m of g.members) groupOf.set(m, g.id);
        for (let i = 0; i < rows.length; i++)
          for (let j = i + 1; j < rows.length; j++) {
            const together =
              groupOf.has(i) && groupOf.get(i) === groupOf.get(j);
            expect(together).toBe(comp[i] === comp[j]);
          }
        // Only rows with a partner are grouped.
        for (const g of groups)
          expect(g.members.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});

describe("findDuplicates", () => {
  test("one row of cells per data row; ungrouped rows blank; rows never reordered or dropped", () => {
    const rows = [A(0), lead(1, { name: "李娜", phone: "13700000000" }), B(2)];
    const r = findDuplicates(rows, {
      lang: "zh",
      today: TODAY,
      hasLogColumn: false,
      rowNumber: (i) => i + 2,
    });
    expect(r.cells).toHaveLength(3);
    expect(r.cells[1]).toEqual(["", "", ""]);
    expect(r.cells[0]![0]).toBe("撞单1");
    expect(r.cells[2]![1]).toBe("张三");
    expect(r.cells[0]![2]).toContain("与第 4 行为同一客户");
  });
});

describe("ownership properties", () => {
  const reps = ["张三", "李四", "王五"];
  const rowArb = fc.record({
    owner: fc.constantFrom(...reps),
    day: fc.integer({ min: 0, max: 400 }),
    phoneForm: fc.integer({ min: 0, max: 3 }),
    complete: fc.boolean(),
  });
  const forms = [
    "13812345678",
    "138 1234 5678",
    "+86 138-1234-5678",
    "008613812345678",
  ];

  test("property: the proposed owner is the rep of the earliest complete registration, whatever the row order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, {
          minLength: 2,
          maxLength: 8,
          selector: (r) => r.day,
        }),
        fc.nat(),
        (spec, seed) => {
          const make = (order: typeof spec) =>
            order.map((s, i) =>
              lead(i, {
                name: "王伟",
                phone: forms[s.phoneForm]!,
                owner: s.owner,
                registeredAt: s.complete ? D + s.day : undefined,
              }),
            );
          const shuffled = [...spec].sort(
            (a, b) =>
              ((a.day * 7919 + seed) % 101) - ((b.day * 7919 + seed) % 101),
          );
          const decide = (rows: LeadRow[]) => {
            const r = findDuplicates(rows, {
              lang: "zh",
              today: TODAY,
              hasLogColumn: false,
              rowNumber: (i) => i + 2,
            });
            expect(r.cells).toHaveLength(rows.length); // every row keeps its place; none dropped
            return new Set(r.decisions.map((d) => d.owner));
          };
          const a = decide(make(spec));
          const b = decide(make(shuffled));
          expect(a.size).toBe(1);
          expect([...a]).toEqual([...b]);
          const owners = new Set(spec.map((s) => s.owner));
          const complete = spec
            .filter((s) => s.complete)
            .sort((x, y) => x.day - y.day);
          const expected =
            owners.size === 1
              ? spec[0]!.owner
              : complete.length
                ? complete[0]!.owner
                : "";
          expect([...a][0]).toBe(expected);
        },
      ),
    );
  });
});
