/**
 * Where the command line writes its outputs, and what it never writes over (the hostile-sheet
 * probe's findings): a user's own column named like an output, cells right of the data with
 * no header, ragged CSV rows; outputs it cannot produce are named with the column they lack.
 * The promise — every original non-blank cell is in the copy unchanged — is a property over
 * generated sheets, for .xlsx and CSV.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { gradeFile } from "../../src/cli/gradeFile";
import type { CliError } from "../../src/cli/cliError";
import { readDate } from "../../src/engine/read";
import { readCsv, readXlsx, type Grid } from "./readBack";
import { run } from "./runCli";

const TODAY = "2026-11-25";
/**
 * exceljs's streaming reader now and then misses the last zip entry of a file exceljs wrote
 * (xl/workbook.xml: "Cannot read properties of undefined (reading 'sheets')"), about 4 % of
 * plain reads on this machine, on main too: an upstream race in its stream iteration, left to the
 * reader's owner. The properties here are about placement: that one failure is retried (twice
 * at most); any other failure fails the test.
 */
const UPSTREAM_RACE = /reading 'sheets'|no worksheet/;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sales-place-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The command line on one file, in Chinese or English, on a fixed day, with more options. */
async function runOn(input: string, lang: "zh" | "en", ...more: string[]) {
  for (let attempt = 0; ; attempt++) {
    const r = await run([input, "--lang", lang, "--today", TODAY, ...more]);
    // exceljs's reader race (see UPSTREAM_RACE): retried, twice at most
    if (attempt >= 2 || !UPSTREAM_RACE.test(r.err)) return r;
  }
}

const csv = (rows: string[][]) =>
  rows
    .map((r) =>
      r.map((s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)),
    )
    .map((r) => r.join(","))
    .join("\r\n") + "\r\n";

/** Every non-blank cell of `before` is in `after` at the same place, unchanged. */
function lostCells(before: Grid, after: Grid): string[] {
  const lost: string[] = [];
  for (const [row, cells] of Object.entries(before))
    cells.forEach((v, j) => {
      if (v === null || v === "") return;
      const w = after[row]?.[j];
      if (JSON.stringify(w) !== JSON.stringify(v))
        lost.push(
          `${row}:${j + 1} ${JSON.stringify(v)} → ${JSON.stringify(w)}`,
        );
    });
  return lost;
}

const HEAD = [
  "客户姓名",
  "付款能力",
  "满意度",
  "回访次数",
  "跟进记录",
  "上次联系",
];

/** A lead's six cells in an .xlsx (HEAD's order), the last contact a real date. */
const xlsxLead = (name: string) => [
  name,
  "是",
  "是",
  4,
  "询问价格",
  new Date(Date.UTC(2026, 10, 20)),
];

describe("a user's own column named like an output is never written over", () => {
  test("CSV: their 下次跟进 and 客户等级 are kept; the outputs go to new columns 下次跟进 (2) / 客户等级 (2), one line each", async () => {
    const input = path.join(tmp, "own.csv");
    fs.writeFileSync(
      input,
      csv([
        [...HEAD, "下次跟进", "客户等级"],
        [
          "王先生",
          "是",
          "是",
          "4",
          "询问价格",
          "2026-11-20",
          "2026-12-01 带合同上门",
          "老客户",
        ],
        [
          "张女士",
          "否",
          "是",
          "1",
          "未接通",
          "2026-11-10",
          "12月5日再打",
          "新客户",
        ],
      ]),
    );
    const r = await runOn(input, "zh");
    expect(r.code).toBe(0);
    const out = readCsv(path.join(tmp, "own.graded.csv"), "utf8").rows;
    expect(out["1"]?.slice(6, 8)).toEqual(["下次跟进", "客户等级"]);
    expect(out["2"]?.slice(6, 8)).toEqual(["2026-12-01 带合同上门", "老客户"]);
    expect(out["3"]?.slice(6, 8)).toEqual(["12月5日再打", "新客户"]);
    const h = out["1"] as string[];
    const grade = h.indexOf("客户等级 (2)");
    const next = h.indexOf("下次跟进 (2)");
    expect(grade).toBeGreaterThan(7);
    expect(next).toBeGreaterThan(7);
    expect(out["2"]?.[grade]).toBe("C");
    expect(out["2"]?.[next]).toBe("2026-11-23");
    expect(r.err).toContain(
      "“下次跟进”列（G）中有不是本工具写入的内容，原样保留",
    );
    expect(r.err).toContain(
      "“客户等级”列（H）中有不是本工具写入的内容，原样保留",
    );

    // Grading that copy again reuses the numbered columns: nothing added, nothing changed.
    const again = path.join(tmp, "again.csv");
    const r2 = await runOn(
      path.join(tmp, "own.graded.csv"),
      "zh",
      "--out",
      again,
    );
    expect(r2.code).toBe(0);
    expect(readCsv(again, "utf8").rows).toEqual(out);
  });

  test(".xlsx: a team's own follow-up dates (real dates, like the ones it writes) are theirs unless they are the dates it computes", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("线索");
    ws.addRow([...HEAD, "下次跟进"]);
    const own = new Date(Date.UTC(2026, 11, 1));
    ws.addRow([...xlsxLead("王先生"), own]);
    ws.addRow([
      "张女士",
      "否",
      "是",
      1,
      "询价",
      new Date(Date.UTC(2026, 10, 10)),
      own,
    ]);
    const input = path.join(tmp, "dates.xlsx");
    await book.xlsx.writeFile(input);
    const r = await runOn(input, "en");
    expect(r.code).toBe(0);
    const before = (await readXlsx(input)).rows;
    const after = (await readXlsx(path.join(tmp, "dates.graded.xlsx"))).rows;
    expect(lostCells(before, after)).toEqual([]);
    expect(after["1"]).toContain("Next follow-up");
    expect(r.err).toContain(
      'the column "下次跟进" (G) holds cells this tool did not write: kept as they are; Next follow-up goes to a new column "Next follow-up" (',
    );
  });

  test("a graded copy whose notes were edited since: grade and stage columns are its own (values of their kind) and replaced; a follow-up date no longer computed is kept", async () => {
    const input = path.join(tmp, "a.csv");
    fs.writeFileSync(
      input,
      csv([HEAD, ["王先生", "是", "是", "4", "询问价格", "2026-11-20"]]),
    );
    expect(
      (await runOn(input, "zh", "--outputs", "grade,stage,nextFollowUp")).code,
    ).toBe(0);
    const graded = readCsv(path.join(tmp, "a.graded.csv"), "utf8").rows;
    expect(graded["1"]?.slice(6)).toEqual(["客户等级", "意向阶段", "下次跟进"]);
    expect(graded["2"]?.slice(6)).toEqual(["C", "3", "2026-11-23"]);
    // The note now says the deal is signed: stage 5, another follow-up interval.
    const edited = path.join(tmp, "edited.csv");
    fs.writeFileSync(
      edited,
      csv([
        graded["1"] as string[],
        (graded["2"] as string[]).map((v, j) =>
          j === 4 ? "已签约，已付款" : v,
        ),
      ]),
    );
    const r = await runOn(
      edited,
      "zh",
      "--outputs",
      "grade,stage,nextFollowUp",
    );
    expect(r.code).toBe(0);
    const out = readCsv(path.join(tmp, "edited.graded.csv"), "utf8").rows;
    expect(out["1"]).toEqual([
      ...HEAD,
      "客户等级",
      "意向阶段",
      "下次跟进",
      "下次跟进 (2)",
    ]);
    expect(out["2"]?.slice(6, 8)).toEqual(["C", "5"]);
    expect(out["2"]?.[8]).toBe("2026-11-23");
    expect(out["2"]?.[9]).not.toBe("2026-11-23");
    expect(readDate(out["2"]?.[9])).toBeDefined();
  });

  test("a formula in a column named like an output is the user's (the command line writes values only)", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("线索");
    ws.addRow([...HEAD, "客户等级"]);
    ws.addRow([
      ...xlsxLead("王先生"),
      { formula: 'IF(B2="是","A","B")', result: "A" },
    ]);
    const input = path.join(tmp, "f.xlsx");
    await book.xlsx.writeFile(input);
    expect((await runOn(input, "zh", "--outputs", "grade")).code).toBe(0);
    const after = (await readXlsx(path.join(tmp, "f.graded.xlsx"))).rows;
    expect(after["2"]?.[6]).toEqual({
      formula: 'IF(B2="是","A","B")',
      result: "A",
    });
    expect(after["1"]?.[7]).toBe("客户等级 (2)");
  });
});

describe("cells right of the data, with or without a header, are never written over", () => {
  test("a side note with no header, a ragged CSV row, and a cell far right on row 1,000 (past the rows read ahead): the outputs start after the last of them", async () => {
    const rows: string[][] = [HEAD];
    for (let i = 0; i < 1000; i++)
      rows.push([`客户${i}`, "是", "是", "4", "询价", "2026-11-20"]);
    rows[2] = [...(rows[2] as string[]), "", "旁注：这两位是夫妻"];
    rows[3] = [...(rows[3] as string[]), "多出来的一列", "又一列"];
    rows[1000] = [...(rows[1000] as string[]), ...Array(9).fill(""), "最右边"];
    const input = path.join(tmp, "side.csv");
    fs.writeFileSync(input, csv(rows));
    const r = await runOn(input, "zh", "--outputs", "grade,stage");
    expect(r.code).toBe(0);
    const before = readCsv(input, "utf8").rows;
    const out = readCsv(path.join(tmp, "side.graded.csv"), "utf8").rows;
    expect(lostCells(before, out)).toEqual([]);
    // the far cell is column P (index 15): the outputs are Q and R
    expect(out["1"]?.slice(16)).toEqual(["客户等级", "意向阶段"]);
    expect(out["3"]?.[7]).toBe("旁注：这两位是夫妻");
    expect(out["1000"]?.slice(16)).toEqual(["C", "3"]);
  });

  test(".xlsx: cells with no header right of the data (and above the header) stay; the outputs go after them", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("线索");
    ws.getCell("J1").value = "备注区";
    ws.addRow([]);
    ws.getRow(2).values = HEAD;
    ws.getRow(3).values = [
      "王先生",
      "是",
      "是",
      4,
      "询价",
      "2026-11-20",
      null,
      "旁注",
      "另一条",
    ];
    const input = path.join(tmp, "side.xlsx");
    await book.xlsx.writeFile(input);
    const r = await runOn(input, "zh", "--outputs", "grade");
    expect(r.code).toBe(0);
    const before = (await readXlsx(input)).rows;
    const after = (await readXlsx(path.join(tmp, "side.graded.xlsx"))).rows;
    expect(lostCells(before, after)).toEqual([]);
    expect(after["2"]?.[10]).toBe("客户等级");
    expect(after["3"]?.[10]).toBe("C");
  });
});

describe("outputs that cannot be produced are named, with the column they lack", () => {
  const noPay = () => {
    const input = path.join(tmp, "nopay.csv");
    fs.writeFileSync(
      input,
      csv([
        ["客户姓名", "满意度", "回访次数", "跟进记录"],
        ["王", "是", "3", "询问价格"],
      ]),
    );
    return input;
  };
  test("no 付款能力 column: one line says the grade is not produced and names 付款能力 (zh), Payment (en)", async () => {
    const zh = await runOn(noPay(), "zh");
    expect(zh.code).toBe(0);
    const line = zh.err.split("\n").find((l) => l.startsWith("未输出"));
    expect(line).toContain("客户等级（缺少列“付款能力”）");
    const en = await runOn(noPay(), "en", "--force");
    expect(en.code).toBe(0);
    expect(
      en.err.split("\n").find((l) => l.startsWith("not produced")),
    ).toContain('Lead grade (no column "Payment")');
  });

  test.each([[""], [",,,"], [" , "]])(
    "--outputs %j is bad usage: exit 2, one line, no file",
    async (value) => {
      const input = noPay();
      for (const lang of ["zh", "en"]) {
        const r = await run([input, "--outputs", value, "--lang", lang]);
        expect(r.code).toBe(2);
        expect(r.err.trim().split("\n")).toHaveLength(1);
        expect(r.err).toMatch(
          lang === "zh"
            ? /--outputs “.*”没有列出任何输出/
            : /--outputs ".*" names no output/,
        );
      }
      expect(fs.existsSync(path.join(tmp, "nopay.graded.csv"))).toBe(false);
    },
  );
});

/** User cells the command line never writes itself: notes, far dates, big numbers. */
const userValue = fc.oneof(
  fc.constantFrom(
    "老客户",
    "新客户",
    "带合同上门",
    "12月5日再打",
    "重点",
    "VIP",
    "A+",
    "待定",
  ),
  fc.integer({ min: 100, max: 99999 }).map(String),
  fc
    .integer({ min: 1, max: 28 })
    .map((d) => `2030-01-${String(d).padStart(2, "0")}`),
);
const OUTPUT_NAMES = [
  "客户等级",
  "意向阶段",
  "阶段名称",
  "下次跟进",
  "评级说明",
  "紧急程度",
  "意向等级",
  "Lead grade",
  "Explanation",
  "客户等级 (2)",
  // the duplicate tool's columns (--duplicates), which a team may keep editing
  "撞单组",
  "建议归属",
  "撞单说明",
];
const leadRow = fc.tuple(
  fc.constantFrom("王先生", "张女士", "赵总"),
  fc.constantFrom("是", "否", "A", ""),
  fc.constantFrom("是", "否", ""),
  fc.integer({ min: 0, max: 6 }).map(String),
  fc.constantFrom("询问价格", "已签约，已付款", "不感兴趣", "约周末看房", ""),
  fc.constantFrom("2026-11-20", "2026-10-01", ""),
);
const sheet = fc.record({
  userCols: fc.oneof(
    fc.array(fc.constantFrom(...OUTPUT_NAMES, "备注", "来源"), {
      maxLength: 4,
    }),
    // an earlier run's duplicate columns, edited by an admin
    fc.constant(["撞单组", "建议归属", "撞单说明"]),
  ),
  rows: fc.array(
    fc.record({
      lead: leadRow,
      user: fc.array(fc.option(userValue, { nil: "" }), {
        minLength: 4,
        maxLength: 4,
      }),
      side: fc.array(fc.option(userValue, { nil: "" }), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  // user columns go after these many input columns (among them, or after all)
  at: fc.integer({ min: 1, max: 6 }),
  // graded with --duplicates too
  duplicates: fc.boolean(),
});

type Sheet = typeof sheet extends fc.Arbitrary<infer T> ? T : never;

function sheetRows(s: Sheet): string[][] {
  const header = [...HEAD.slice(0, s.at), ...s.userCols, ...HEAD.slice(s.at)];
  const rows = s.rows.map((r) => {
    const lead = [...r.lead];
    const user = r.user.slice(0, s.userCols.length);
    return [...lead.slice(0, s.at), ...user, ...lead.slice(s.at), ...r.side];
  });
  return [header, ...rows];
}

/** The grading itself, without the command line's messages. */
async function gradeTo(
  input: string,
  output: string,
  lang: "zh" | "en",
  duplicates = false,
): Promise<void> {
  for (let attempt = 0; ; attempt++)
    try {
      await gradeFile({
        input,
        output,
        lang,
        today: readDate(TODAY) as number,
        force: true,
        duplicates,
      });
      return;
    } catch (e) {
      const p = (e as CliError).problem;
      const race = p?.code === "badWorkbook" && UPSTREAM_RACE.test(p.reason);
      if (!race || attempt >= 2) throw e;
    }
}

describe("property: every original non-blank cell is in the graded copy, unchanged", () => {
  test("CSV: user columns named like outputs, side cells with no header, ragged rows", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (s) => {
        const dir = fs.mkdtempSync(path.join(tmp, "p"));
        const input = path.join(dir, "in.csv");
        fs.writeFileSync(input, csv(sheetRows(s)));
        const output = path.join(dir, "out.csv");
        await gradeTo(input, output, "zh", s.duplicates);
        expect(
          lostCells(readCsv(input, "utf8").rows, readCsv(output, "utf8").rows),
        ).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  test(".xlsx: the same sheets as a workbook (numbers as numbers, dates as dates)", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (s) => {
        const dir = fs.mkdtempSync(path.join(tmp, "p"));
        const input = path.join(dir, "in.xlsx");
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet("线索");
        for (const r of sheetRows(s))
          ws.addRow(
            r.map((v) => {
              if (v === "") return null;
              if (/^\d+$/.test(v)) return Number(v);
              return /^\d{4}-\d\d-\d\d$/.test(v)
                ? new Date(`${v}T00:00:00Z`)
                : v;
            }),
          );
        await book.xlsx.writeFile(input);
        const output = path.join(dir, "out.xlsx");
        await gradeTo(input, output, "en", s.duplicates);
        expect(
          lostCells(
            (await readXlsx(input)).rows,
            (await readXlsx(output)).rows,
          ),
        ).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe("which sheet is graded", () => {
  /** A workbook: a hidden dropdown list, an instructions sheet, then the leads. */
  async function workbook(file: string, hiddenFirst: boolean) {
    const book = new ExcelJS.Workbook();
    if (hiddenFirst) {
      const lists = book.addWorksheet("下拉选项", { state: "hidden" });
      lists.addRow(["付款能力", "满意度", "跟进记录"]);
      lists.addRow(["是", "是", "询问价格"]);
      lists.addRow(["否", "否", "不感兴趣"]);
    }
    const help = book.addWorksheet("说明");
    help.addRow(["本文件为销售一部导出"]);
    help.addRow(["付款能力", "是否能付款"]);
    const leads = book.addWorksheet("线索");
    leads.addRow(HEAD);
    leads.addRow(["王先生", "是", "是", 4, "询问价格", "2026-11-20"]);
    await book.xlsx.writeFile(file);
  }

  test("by default: not a hidden sheet, not an instructions sheet, but the first visible sheet where a lead list starts", async () => {
    const input = path.join(tmp, "book.xlsx");
    await workbook(input, true);
    const r = await runOn(input, "zh");
    expect(r.code).toBe(0);
    expect(r.err).toContain("工作表“线索”");
    const out = await readXlsx(path.join(tmp, "book.graded.xlsx"));
    expect(out.sheets).toEqual(["线索"]);
    expect(out.rows["2"]?.[6]).toBe("C");
  });

  test("--sheet naming a sheet with no data rows below its header: exit 1, one line naming the sheets, nothing written", async () => {
    const input = path.join(tmp, "book.xlsx");
    await workbook(input, false);
    for (const lang of ["zh", "en"]) {
      const r = await run([
        input,
        "--sheet",
        "说明",
        "--lang",
        lang,
        "--today",
        TODAY,
      ]);
      expect(r.code).toBe(1);
      const line = r.err.trim().split("\n").pop() as string;
      expect(line).toContain(lang === "zh" ? "没有数据行" : "no data rows");
      expect(line).toContain(
        lang === "zh" ? "“说明”、“线索”" : '"说明", "线索"',
      );
    }
    expect(fs.readdirSync(tmp)).toEqual(["book.xlsx"]);
  });

  test("no sheet with a header: exit 1, the first visible sheet's problem, naming the sheets", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("甲").addRow(["x", "y"]);
    book.addWorksheet("乙").addRow(["foo"]);
    const input = path.join(tmp, "none.xlsx");
    await book.xlsx.writeFile(input);
    const r = await runOn(input, "zh");
    expect(r.code).toBe(1);
    expect(r.err).toContain("找不到表头");
    expect(r.err).toContain("工作簿中的工作表：“甲”、“乙”");
    expect(fs.readdirSync(tmp)).toEqual(["none.xlsx"]);
  });

  test("a CSV with a header and no rows: exit 1, nothing written", async () => {
    const input = path.join(tmp, "head.csv");
    fs.writeFileSync(input, csv([HEAD]));
    const r = await runOn(input, "en");
    expect(r.code).toBe(1);
    expect(r.err).toContain('sheet "head" of');
    expect(fs.existsSync(path.join(tmp, "head.graded.csv"))).toBe(false);
  });
});

describe("totals and footer rows are copied, never graded as leads", () => {
  test("CSV: 合计, 小计 and 制表人：… rows keep blank output cells; the summary counts them apart", async () => {
    const input = path.join(tmp, "foot.csv");
    const lead = ["王先生", "是", "是", "4", "询问价格", "2026-11-20"];
    fs.writeFileSync(
      input,
      csv([
        HEAD,
        lead,
        ["小计", "", "", "4", "共1条", ""],
        lead.map((v, j) => (j === 0 ? "张女士" : v)),
        [],
        ["合计", "", "", "8", "", ""],
        ["制表人：小刘", "", "", "", "审核：王经理", ""],
      ]),
    );
    const r = await runOn(input, "zh", "--outputs", "grade,stage,explanation");
    expect(r.code).toBe(0);
    const out = readCsv(path.join(tmp, "foot.graded.csv"), "utf8").rows;
    expect(out["2"]?.slice(6, 8)).toEqual(["C", "3"]);
    expect(out["4"]?.slice(6, 8)).toEqual(["C", "3"]);
    for (const row of ["3", "6", "7"])
      expect(out[row]?.length).toBeLessThanOrEqual(6);
    expect(r.err).toContain("已写入");
    expect(r.err).toContain("2 行数据");
    expect(r.err).toContain("3 行合计或页脚行");
    expect(r.err).toMatch(/客户等级 C: 2\n/);
  });

  test(".xlsx: a row holding only SUBTOTAL formulas (a table's totals row) is not a lead", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("线索");
    ws.addRow(HEAD);
    ws.addRow(["王先生", "是", "是", 4, "询问价格", "2026-11-20"]);
    ws.addRow([
      null,
      null,
      null,
      { formula: "SUBTOTAL(109,D2:D2)", result: 4 },
      { formula: "SUBTOTAL(103,E2:E2)", result: 1 },
    ]);
    const input = path.join(tmp, "sub.xlsx");
    await book.xlsx.writeFile(input);
    const r = await runOn(input, "en", "--outputs", "grade,stage");
    expect(r.code).toBe(0);
    const out = (await readXlsx(path.join(tmp, "sub.graded.xlsx"))).rows;
    expect(out["2"]?.slice(6)).toEqual(["C", 3]);
    expect(out["3"]?.length).toBeLessThanOrEqual(6);
    expect(r.err).toContain(
      "1 totals or footer row (Total, Prepared by: …) not graded",
    );
  });
});

describe("property: grading a graded copy again changes nothing (its own columns are recognised, whatever the rows)", () => {
  const leads = fc.array(leadRow, { minLength: 1, maxLength: 10 });
  test.each([["csv"], ["xlsx"]])("%s", async (ext) => {
    await fc.assert(
      fc.asyncProperty(
        leads,
        fc.constantFrom("zh", "en"),
        async (rows, lang: "zh" | "en") => {
          const dir = fs.mkdtempSync(path.join(tmp, "r"));
          const csvIn = path.join(dir, "in.csv");
          fs.writeFileSync(csvIn, csv([HEAD, ...rows.map((r) => [...r])]));
          const once = path.join(dir, `once.${ext}`);
          const twice = path.join(dir, `twice.${ext}`);
          await gradeTo(csvIn, once, lang);
          await gradeTo(once, twice, lang);
          const read = async (f: string) =>
            ext === "csv" ? readCsv(f, "utf8").rows : (await readXlsx(f)).rows;
          expect(await read(twice)).toEqual(await read(once));
        },
      ),
      { numRuns: ext === "csv" ? 40 : 20 },
    );
  });
});
