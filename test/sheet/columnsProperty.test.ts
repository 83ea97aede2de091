/** Promises of the column mapping, checked over many generated sheets. */
import fc from "fast-check";
import { fold } from "../../src/engine/text";
import {
  assignColumn,
  headerScore,
  proposeMapping,
  STRONG_HEADER,
  type Mapping,
} from "../../src/sheet/columnMapping";
import { INPUTS, type InputKey } from "../../src/sheet/inputs";
import { HEADER_SYNONYMS } from "../../src/sheet/tables/headerSynonyms";
import { isSubHeaderRow } from "../../src/sheet/headerRow";
import { findColumns } from "../../src/sheet/sheetColumns";
import { OWN_SHEETS } from "./columnsSheets";

/** Headers that name no input, with cells of every kind below them. */
const UNRELATED = [
  "城市",
  "性别",
  "省份",
  "微信号",
  "Region",
  "Industry",
  "Website",
  "序号",
  "年龄",
  "兴趣爱好",
  "Zip",
];
const ANY_CELL = fc.oneof(
  fc.constantFrom(
    "13800138000",
    "+86 139 0013 9000",
    "启明科技有限公司",
    "Acme Ltd",
    "王先生",
    "2026-11-20",
    "抖音",
    "全款",
    "H",
    "C",
    "A",
    "是",
    "高",
    "问了价格，说下周再来看看，带家人一起",
    "VIP",
  ),
  fc.integer({ min: -5, max: 200000 }),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);
const UNRELATED_COLUMN = fc.record({
  header: fc.constantFrom(...UNRELATED),
  cells: fc.array(ANY_CELL, { minLength: 6, maxLength: 6 }),
});

function chosenHeaders(
  m: Mapping,
  headers: readonly unknown[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(m))
    out[k] = v.columns.map((c) => String(headers[c])).sort();
  return out;
}

test("the unrelated headers used below name no input", () => {
  for (const h of UNRELATED)
    for (const i of INPUTS)
      expect({ h, k: i.key, s: headerScore(i.key, h) }).toEqual({
        h,
        k: i.key,
        s: 0,
      });
});

describe.each(OWN_SHEETS)("$name", (sheet) => {
  const headers = sheet.rows[sheet.headerRow] as unknown[];
  const data = sheet.rows.slice(sheet.headerRow + 1) as unknown[][];
  const base = chosenHeaders(proposeMapping(headers, { rows: data }), headers);

  test("shuffling the columns and adding unrelated ones never changes which header an input gets", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), {
          minLength: headers.length,
          maxLength: headers.length,
        }),
        fc.array(fc.tuple(UNRELATED_COLUMN, fc.nat()), { maxLength: 4 }),
        (keys, extra) => {
          // A permutation from random sort keys, then unrelated columns inserted anywhere.
          let order: (number | { header: string; cells: unknown[] })[] = headers
            .map((_, i) => i)
            .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
          for (const [col, at] of extra) {
            const pos = at % (order.length + 1);
            order = [...order.slice(0, pos), col, ...order.slice(pos)];
          }
          const h2 = order.map((o) =>
            typeof o === "number" ? headers[o] : o.header,
          );
          const rows2 = data.map((row, r) =>
            order.map((o) =>
              typeof o === "number"
                ? row[o]
                : (o.cells[r % o.cells.length] ?? null),
            ),
          );
          const got = chosenHeaders(proposeMapping(h2, { rows: rows2 }), h2);
          expect(got).toEqual(base);
        },
      ),
      { numRuns: 60 },
    );
  });
});

const RATING_INPUTS: InputKey[] = [
  "payment",
  "satisfaction",
  "revisits",
  "calls",
  "siteVisits",
  "processAsked",
  "priceTolerance",
  "siteOpen",
];

/** Letters other than A/B (H, C, F, A级): when a third of the cells or more, a grade someone assigned. */
const outsideAB = (cells: readonly string[]) =>
  cells.filter((v) => !/^[ab]$/.test(fold(v))).length / cells.length;

test("a column of class letters is never mapped to an A/B rating input", () => {
  const header = fc.oneof(
    ...RATING_INPUTS.map((k) => fc.constantFrom(...HEADER_SYNONYMS[k].words)),
  );
  const letter = fc.constantFrom(
    "H",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "Ａ",
    "b",
    "A级",
    "B类",
    "C级客户",
    "h",
  );
  const column = fc
    .tuple(
      fc.array(letter, { minLength: 2, maxLength: 12 }),
      fc.constantFrom("C", "F", "H", "D", "A级"),
    )
    .map(([xs, outside]) => [...xs, outside]);
  fc.assert(
    fc.property(header, column, fc.boolean(), (h, cells, withOthers) => {
      const headers = withOthers ? ["客户姓名", h, "跟进记录"] : [h];
      const at = withOthers ? 1 : 0;
      const rows = cells.map((v) =>
        withOthers ? ["王先生", v, "问了价格"] : [v],
      );
      // A few unreadable letters under a header naming the input keep it (next property).
      fc.pre(outsideAB(cells) >= 0.3);
      const m = proposeMapping(headers, { rows });
      for (const k of RATING_INPUTS) expect(m[k].columns).not.toContain(at);
    }),
    { numRuns: 300 },
  );
});

test("a header naming a rating input keeps its column when a few cells do not read", () => {
  const strong = RATING_INPUTS.flatMap((k) =>
    HEADER_SYNONYMS[k].words.filter((w) => headerScore(k, w) >= STRONG_HEADER),
  );
  const readable = fc.constantFrom("A", "B", "是", "否", "有", "无");
  const column = fc
    .tuple(
      fc.array(readable, { minLength: 6, maxLength: 20 }),
      fc.array(fc.constantFrom("C", "D", "H", "?", "不清楚"), {
        minLength: 1,
        maxLength: 2,
      }),
    )
    .chain(([ok, bad]) =>
      fc.shuffledSubarray([...ok, ...bad], {
        minLength: ok.length + bad.length,
      }),
    );
  fc.assert(
    fc.property(fc.constantFrom(...strong), column, (h, cells) => {
      const m = proposeMapping([h], { rows: cells.map((v) => [v]) });
      const took = RATING_INPUTS.filter((k) => m[k].columns.includes(0));
      expect({ h, cells, took: took.length }).toEqual({ h, cells, took: 1 });
      expect(headerScore(took[0] as InputKey, h)).toBeGreaterThanOrEqual(
        STRONG_HEADER,
      );
    }),
    { numRuns: 300 },
  );
});

test("never throws on any cells; same sheet, same mapping; a column serves one input", () => {
  const headerPool = fc.constantFrom(
    ...INPUTS.flatMap((i) => HEADER_SYNONYMS[i.key].words.slice(0, 3)),
    ...UNRELATED,
    "",
  );
  fc.assert(
    fc.property(
      fc.array(headerPool, { minLength: 1, maxLength: 12 }),
      fc.array(
        fc.array(
          fc.oneof(
            ANY_CELL,
            fc.anything({ withNullPrototype: true, withBoxedValues: true }),
          ),
          { maxLength: 12 },
        ),
        {
          maxLength: 8,
        },
      ),
      (headers, rows) => {
        const a = proposeMapping(headers, { rows });
        const b = proposeMapping(headers, { rows });
        expect(a).toEqual(b);
        const used = Object.values(a).flatMap((c) => c.columns);
        expect(new Set(used).size).toBe(used.length);
        for (const c of Object.values(a)) {
          expect(c.column).toBe(c.columns[0] ?? null);
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test("assigning a column by hand keeps every column to one input", () => {
  const keys = INPUTS.map((i) => i.key);
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.constantFrom(...keys),
          fc.array(fc.nat({ max: 5 }), { maxLength: 3 }),
        ),
        { maxLength: 15 },
      ),
      (steps) => {
        let m = proposeMapping([
          "付款能力",
          "满意度",
          "跟进记录",
          "备注",
          "上次联系",
          "客户姓名",
        ]);
        for (const [k, cols] of steps) m = assignColumn(m, k, cols);
        const used = Object.values(m).flatMap((c) => c.columns);
        expect(new Set(used).size).toBe(used.length);
        for (const i of INPUTS)
          if (!i.multi) expect(m[i.key].columns.length).toBeLessThanOrEqual(1);
      },
    ),
  );
});

test("a column of company names is never the customer's name, whatever its header says", () => {
  const company = fc
    .tuple(
      fc.constantFrom(
        "上海",
        "杭州",
        "深圳",
        "北京",
        "Northwind",
        "Contoso",
        "华信",
        "远帆",
      ),
      fc.constantFrom(
        "启明",
        "众成",
        "蓝海",
        "Traders",
        "Systems",
        "医疗器械",
        "贸易",
      ),
      fc.constantFrom(
        "有限公司",
        "股份有限公司",
        "集团",
        "科技有限公司",
        " Ltd",
        " Inc",
        " LLC",
        " GmbH",
      ),
    )
    .map(([a, b, c]) => `${a}${/[a-z]/i.test(a) ? " " : ""}${b}${c}`);
  fc.assert(
    fc.property(
      fc.constantFrom(...HEADER_SYNONYMS.customerName.words),
      fc.array(company, { minLength: 3, maxLength: 12 }),
      (header, cells) => {
        const m = proposeMapping([header], { rows: cells.map((c) => [c]) });
        expect(m.customerName.columns).toEqual([]);
      },
    ),
    { numRuns: 300 },
  );
});

test("a phone column is recognised in every shape teams type", () => {
  const digits = fc.stringMatching(/^1[3-9]\d{9}$/);
  const shaped = fc
    .tuple(
      digits,
      fc.constantFrom(
        "plain",
        "spaces",
        "dashes",
        "+86",
        "full-width",
        "number",
      ),
    )
    .map(([d, how]) => {
      const spaced = `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
      switch (how) {
        case "spaces":
          return spaced;
        case "dashes":
          return spaced.replace(/ /g, "-");
        case "+86":
          return `+86 ${spaced}`;
        case "full-width":
          return [...spaced]
            .map((ch) =>
              ch === " "
                ? "\u3000"
                : String.fromCharCode(ch.charCodeAt(0) + 0xfee0),
            )
            .join("");
        case "number":
          return Number(d);
        default:
          return d;
      }
    });
  fc.assert(
    fc.property(
      fc.constantFrom(...HEADER_SYNONYMS.phone.words),
      fc.array(shaped, { minLength: 3, maxLength: 12 }),
      (header, cells) => {
        const m = proposeMapping([header, "客户姓名"], {
          rows: cells.map((c) => [c, "王先生"]),
        });
        expect(m.phone.columns).toEqual([0]);
        expect(m.phone.reason).toEqual({ kind: "phone", effect: "confirms" });
      },
    ),
    { numRuns: 200 },
  );
});

test("a next or planned contact date is never the last contact nor the timeline", () => {
  const header = fc
    .tuple(
      fc.constantFrom(
        "下次",
        "下一次",
        "计划",
        "预约",
        "Next ",
        "Planned ",
        "Nxt ",
      ),
      fc.constantFrom(
        "跟进",
        "联系",
        "回访",
        "沟通",
        "拜访",
        "follow-up",
        "contact",
        "call",
        "Ctc",
      ),
      fc.constantFrom("", "日期", "时间", " date", " Dt"),
    )
    .map(([a, b, c]) => `${a}${b}${c}`);
  const date = fc.oneof(
    fc.integer({ min: 46000, max: 46700 }),
    fc.constantFrom("2026-12-01", "2026/12/3", "12月5日", "2026年12月8日"),
  );
  fc.assert(
    fc.property(
      header,
      fc.array(date, { minLength: 3, maxLength: 10 }),
      (h, cells) => {
        const m = proposeMapping([h], { rows: cells.map((c) => [c]) });
        expect(m.lastContact.columns).toEqual([]);
        expect(m.timeline.columns).toEqual([]);
      },
    ),
    { numRuns: 300 },
  );
});

test("payment methods are never payment ability; lead sources and budget amounts are never resources", () => {
  const cases = fc.oneof(
    fc.record({
      key: fc.constant("payment" as const),
      header: fc.constantFrom(
        ...HEADER_SYNONYMS.payment.words,
        "付款方式",
        "支付方式",
        "付款",
        "Payment method",
        "Payment terms",
      ),
      cell: fc.constantFrom(
        "全款",
        "分期",
        "按揭",
        "一次性付款",
        "公积金贷款",
        "Cash",
        "Finance",
        "Lease",
        "Mortgage",
        "Installments",
      ),
    }),
    fc.record({
      key: fc.constant("resources" as const),
      header: fc.constantFrom(
        ...HEADER_SYNONYMS.resources.words,
        "资源来源",
        "资源渠道",
        "客户来源",
        "Lead Source",
      ),
      cell: fc.constantFrom(
        "抖音",
        "百度",
        "转介绍",
        "展会",
        "自然到访",
        "Referral",
        "Website",
        "Trade Show",
        "50万",
        "¥300,000",
        "10-20万",
        "$45,000",
      ),
    }),
  );
  fc.assert(
    fc.property(fc.array(cases, { minLength: 3, maxLength: 8 }), (cs) => {
      // one column per case type, its cells drawn from that type's traps
      for (const key of ["payment", "resources"] as const) {
        const mine = cs.filter((c) => c.key === key);
        if (mine.length < 3) continue;
        const header = mine[0]!.header;
        const m = proposeMapping([header], { rows: mine.map((c) => [c.cell]) });
        expect({ key, header, got: m[key].columns }).toEqual({
          key,
          header,
          got: [],
        });
      }
    }),
    { numRuns: 300 },
  );
});

test("a notes header over small whole numbers is not notes (a bare number would read as a stage); a stage header over the same numbers is", () => {
  const stage = (w: string) => /阶段|stage/i.test(w);
  const notesWords = HEADER_SYNONYMS.observations.words.filter(
    (w) => !stage(w) && headerScore("observations", w) > 0,
  );
  const stageWords = ["意向阶段", "阶段", "商机阶段", "Stage"];
  const numbers = fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 30 }).map(String),
    ),
    { minLength: 3, maxLength: 30 },
  );
  fc.assert(
    fc.property(
      fc.constantFrom(...notesWords),
      fc.constantFrom(...stageWords),
      numbers,
      (notes, stageHeader, cells) => {
        const rows = cells.map((v) => [v]);
        const m = proposeMapping([notes], { rows });
        expect({ notes, cells, got: m.observations.columns }).toEqual({
          notes,
          cells,
          got: [],
        });
        // Said why, unless another input reads the column (回访 of counts: revisits).
        const elsewhere = Object.values(m).some((c) => c.columns.includes(0));
        if (!elsewhere)
          expect(m.observations.refused?.reason.kind).toBe("count");
        const s = proposeMapping([stageHeader], { rows });
        expect(s.observations.columns).toEqual([0]);
      },
    ),
    { numRuns: 200 },
  );
});

test("two-row headers: sub-headers under a merged group are read with it; a data row under a group header is never a sub-header row", () => {
  const singles = fc.uniqueArray(
    fc.constantFrom(
      "客户姓名",
      "付款能力",
      "满意度",
      "回访次数",
      "电话",
      "负责人",
    ),
    { minLength: 1, maxLength: 5 },
  );
  const note = fc.constantFrom(
    "询问价格",
    "约了周末看房",
    "未接通",
    "已付定金",
  );
  fc.assert(
    fc.property(
      singles,
      fc.integer({ min: 2, max: 5 }),
      fc.array(fc.tuple(fc.array(note, { minLength: 5, maxLength: 5 })), {
        minLength: 3,
        maxLength: 8,
      }),
      fc.nat(),
      (heads, calls, data, which) => {
        const top = [...heads, "跟进记录", ...Array(calls - 1).fill(null)];
        const sub = [
          ...heads.map(() => null),
          ...Array.from({ length: calls }, (_, i) => `第${i + 1}次`),
        ];
        const rows = data.map(([notes]) => [
          ...heads.map((h) =>
            h === "回访次数" ? 2 : h === "电话" ? "13800001111" : "是",
          ),
          ...notes.slice(0, calls),
        ]);
        const found = findColumns([top, sub, ...rows]);
        expect(found.headerRows).toBe(2);
        expect(found.rows).toHaveLength(rows.length);
        expect(found.mapping.observations.columns).toEqual(
          Array.from({ length: calls }, (_, i) => heads.length + i),
        );
        // A data row right under the header: its single headers' cells are filled, never a sub-header row.
        const row = rows[which % rows.length] as unknown[];
        expect(isSubHeaderRow(top, row)).toBe(false);
      },
    ),
    { numRuns: 100 },
  );
});
