/**
 * The command line's column finding on hostile sheets: a header that names an input keeps
 * its column when a few cells do not read; every header-named column left unread gets one
 * line saying why; group headers over two rows; a header row given by hand.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { parse } from "csv-parse/sync";
import { run as runCli } from "./runCli";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sales-cols-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The command line with a fixed today, so dates never depend on the day the tests run. */
const run = (args: string[]) => runCli([...args, "--today", "2026-11-25"]);

/** `--out <tmp>/name` */
const to = (name: string) => ["--out", path.join(tmp, name)];

/** A graded CSV's data rows (below the header), as text cells. */
function dataRows(file: string): string[][] {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  return (parse(text, { relax_column_count: true }) as string[][]).slice(1);
}

function csv(name: string, lines: readonly (readonly unknown[])[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, "\uFEFF" + lines.map((l) => l.join(",")).join("\r\n"));
  return file;
}

const NAMES = ["王", "张", "李", "赵", "钱", "孙"];

describe("a header naming an input keeps its column when a few cells do not read", () => {
  test("价格承受能力 of A/B with one C: read; the C row is an error naming the argument and the value; the A rows say A, not blank", async () => {
    const tolerance = ["A", "C", "B", "A", "B", "A"];
    const file = csv("f6.csv", [
      [
        "客户姓名",
        "付款能力",
        "满意度",
        "回访次数",
        "价格承受能力",
        "跟进记录",
      ],
      ...NAMES.map((n, i) => [n, "A", "A", 3, tolerance[i], "询问价格"]),
    ]);
    const r = await run([file, "--outputs=grade,explanation", "--lang=zh"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/价格承受能力=E/);
    const rows = dataRows(path.join(tmp, "f6.graded.csv"));
    rows.forEach((row, i) => {
      const explanation = String(row[7]);
      if (tolerance[i] === "C") {
        expect(String(row[6])).toMatch(/^#VALUE! .*价格.*承受能力.*"C"/);
      } else {
        expect(explanation).toContain(
          `价格变化心理承受能力 = ${tolerance[i] === "A" ? "A" : "非A"}（"${tolerance[i]}"）`,
        );
        expect(explanation).not.toMatch(/价格变化心理承受能力：空/);
      }
    });
  });

  test("购买流程询问 stored as text 1.0 / 0.0 in an .xlsx: read as the counts 1 and 0", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["客户姓名", "付款能力", "满意度", "购买流程询问", "跟进记录"]);
    const counts = ["1.0", "0.0", "2.0", "1.0", "0.0"];
    counts.forEach((v, i) => ws.addRow([NAMES[i], "是", "是", v, "询问价格"]));
    const file = path.join(tmp, "t19b.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run([
      file,
      ...to("o.csv"),
      "--outputs=explanation",
      "--lang=zh",
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/购买流程询问=D/);
    const rows = dataRows(path.join(tmp, "o.csv"));
    rows.forEach((row, i) =>
      expect(String(row[5])).toContain(`购买流程询问 = ${Number(counts[i])}`),
    );
  });

  test("a header-named column that is not read gets one line naming it and why (Chinese, and English under --lang en)", async () => {
    const file = csv("phones.csv", [
      ["客户姓名", "付款能力", "满意度", "价格承受能力", "跟进记录"],
      ...NAMES.map((n, i) => [n, "是", "是", `1380000111${i}`, "询问价格"]),
    ]);
    const zh = await run([file, "--outputs=grade", "--lang=zh"]);
    expect(zh.code).toBe(0);
    expect(zh.err).toContain(
      "D 列“价格承受能力”未作为“价格承受能力”读取：内容多为电话号码",
    );
    fs.rmSync(path.join(tmp, "phones.graded.csv"));
    const en = await run([file, "--outputs=grade", "--lang=en"]);
    expect(en.err).toContain(
      'column D "价格承受能力" not read as Price tolerance: mostly phone numbers',
    );
  });
});

test("联系记录 holding contact counts is not read as notes (no stages 5/2/3), and the line says it holds numbers", async () => {
  const file = csv("contacts.csv", [
    ["客户姓名", "付款能力", "满意度", "回访次数", "联系记录"],
    ["王先生", "是", "是", 3, 5],
    ["张女士", "否", "是", 1, 2],
    ["李先生", "是", "否", 2, 3],
  ]);
  const r = await run([file, "--lang=zh"]);
  expect(r.code).toBe(0);
  expect(r.err).toContain(
    "E 列“联系记录”未作为“跟进记录”读取：内容多为次数或数字",
  );
  expect(r.err).not.toMatch(/跟进记录=E/);
  expect(r.err).not.toMatch(/意向阶段 /);
});

/** The probe's sheet: 跟进记录 merged over 第一次/第二次/第三次, 上次联系 over 日期/方式. */
async function groupSheet(file: string, mergedDown: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  const singles = ["客户姓名", "付款能力", "满意度", "回访次数"];
  ws.getRow(1).values = [
    ...(mergedDown ? singles : [null, null, null, null]),
    "跟进记录",
    null,
    null,
    "上次联系",
    null,
  ];
  ws.mergeCells("E1:G1");
  ws.mergeCells("H1:I1");
  if (mergedDown)
    ["A", "B", "C", "D"].forEach((c) => ws.mergeCells(`${c}1:${c}2`));
  ws.getRow(2).values = [
    ...(mergedDown ? [null, null, null, null] : singles),
    "第一次",
    "第二次",
    "第三次",
    "日期",
    "方式",
  ];
  const d = (day: number) => new Date(Date.UTC(2026, 10, day));
  [
    [
      "王先生",
      "是",
      "是",
      3,
      "未接通",
      "客户说要看房",
      "已付定金",
      d(20),
      "电话",
    ],
    ["张女士", "否", "是", 1, "不感兴趣", null, null, d(2), "微信"],
    ["赵总", "是", "是", 4, "询问价格", "约了周末看房", null, d(18), "上门"],
  ].forEach((row, i) => (ws.getRow(3 + i).values = row));
  await wb.xlsx.writeFile(file);
}

describe("a group row merged over a sub-header row", () => {
  test.each([
    ["other headers merged down over both rows", true],
    ["other headers in the sub-header row", false],
  ])(
    "%s: the two rows are the header, the data starts below both, all three note columns are read",
    async (_about, mergedDown) => {
      const file = path.join(tmp, "group.xlsx");
      await groupSheet(file, mergedDown);
      const out = path.join(tmp, "group.csv");
      const r = await run([file, "--out", out, "--outputs=stage", "--lang=zh"]);
      expect(r.code).toBe(0);
      expect(r.err).toContain("跟进记录=E，跟进记录=F，跟进记录=G，上次联系=H");
      expect(r.err).toContain(mergedDown ? "表头在第 1–2 行" : "表头在第 2 行");
      // Three leads, no sub-header row graded as a lead; 王先生's third note (已付定金) is read.
      expect(r.err).toContain("3 行数据");
      const rows = dataRows(out);
      const graded = rows.filter((row) => /^-?\d+$/.test(row[9] ?? ""));
      expect(graded.map((row) => [row[0], row[9]])).toEqual([
        ["王先生", "5"],
        ["张女士", "-1"],
        ["赵总", "3"],
      ]);
    },
  );
});

describe("--header-row", () => {
  async function metaSheet(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    for (let i = 1; i <= 7; i++)
      ws.getRow(i).values = [`导出信息 ${i}：系统 CRM`];
    ws.getRow(9).values = [
      "客户姓名",
      "付款能力",
      "满意度",
      "回访次数",
      "跟进记录",
    ];
    NAMES.forEach(
      (n, i) => (ws.getRow(10 + i).values = [n, "是", "是", 3, "询问价格"]),
    );
    await wb.xlsx.writeFile(file);
  }

  test("a header below row 6 (export metadata on top) is found, and given by hand it is used", async () => {
    const file = path.join(tmp, "meta.xlsx");
    await metaSheet(file);
    const found = await run([file, ...to("a.csv"), "--lang=zh"]);
    expect(found.code).toBe(0);
    expect(found.err).toContain("表头在第 9 行");
    expect(found.err).toContain(`${NAMES.length} 行数据`);
    const given = await run([
      file,
      ...to("b.csv"),
      "--header-row=9",
      "--lang=en",
    ]);
    expect(given.code).toBe(0);
    expect(given.err).toContain("header row 9");
  });

  test.each([["0"], ["-3"], ["2.5"], ["x"]])(
    "--header-row %s is bad usage naming the option and the value (exit 2)",
    async (value) => {
      const file = path.join(tmp, "meta.xlsx");
      await metaSheet(file);
      const r = await run([file, `--header-row=${value}`, "--lang=zh"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--header-row “${value}”`);
    },
  );

  test("a blank row given is named; a row without known titles says to check the number", async () => {
    const file = path.join(tmp, "meta.xlsx");
    await metaSheet(file);
    const blank = await run([file, "--header-row=8", "--lang=zh"]);
    expect([blank.code, blank.err]).toEqual([
      1,
      "sales-qualify: --header-row 8：“" + file + "”的第 8 行是空的或不存在\n",
    ]);
    const wrong = await run([file, "--header-row=3", "--lang=en"]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/row 3 of .* no column title .*--header-row/);
  });

  test("when no header is found the message's suggestion works: --header-row with the row it names", async () => {
    const file = path.join(tmp, "deep.csv");
    const lines = [
      ...Array.from({ length: 25 }, (_, i) => [`导出信息 ${i + 1}`]),
      ["客户姓名", "付款能力", "满意度", "回访次数", "跟进记录"],
      ...NAMES.map((n) => [n, "是", "是", 3, "询问价格"]),
    ];
    fs.writeFileSync(file, lines.map((l) => l.join(",")).join("\n"));
    const r = await run([file, "--lang=zh"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("前 20 行中找不到表头");
    expect(r.err).toContain("--header-row <行号>");
    const fixed = await run([file, "--header-row=26", "--lang=zh"]);
    expect(fixed.code).toBe(0);
    expect(fixed.err).toContain("表头在第 26 行");
  });
});

describe("messages in the user's language, naming what is wrong", () => {
  const leads = () =>
    csv("leads.csv", [
      ["客户姓名", "付款能力", "满意度", "回访次数", "跟进记录"],
      ...NAMES.map((n) => [n, "是", "是", 3, "询问价格"]),
    ]);
  const mapping = (text: string) => {
    const f = path.join(tmp, "m.json");
    fs.writeFileSync(f, text);
    return f;
  };

  test.each([
    [
      "not JSON",
      "{",
      /^sales-qualify: 列映射文件“.*m\.json”不是有效的 JSON；应写成 \{"付款能力"/,
    ],
    ["not an object", "[1]", /列映射文件“.*m\.json”应是一个对象/],
    [
      "an unknown input",
      '{"预算":"预算"}',
      /“预算”不是可识别的输入；可用：客户姓名（customerName）、/,
    ],
    [
      "a value that is not a header",
      '{"付款能力": 3}',
      /“付款能力”的值应是表头文字/,
    ],
    [
      "a header the sheet lacks",
      '{"付款能力": "支付"}',
      /把“付款能力”指向列“支付”，但表头中没有这一列/,
    ],
  ])(
    "a mapping file with %s: one Chinese line, no English",
    async (_about, text, message) => {
      const r = await run([leads(), "--mapping", mapping(text), "--lang=zh"]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
      expect(r.err).not.toMatch(/unknown|expected|not JSON|must/);
    },
  );

  test("a mapping file may name inputs as users see them (付款能力, Satisfaction) as well as by key", async () => {
    const out = path.join(tmp, "o.csv");
    const r = await run([
      leads(),
      "--out",
      out,
      "--lang=zh",
      "--outputs=grade",
      "--mapping",
      mapping(
        '{"付款能力":"付款能力","Satisfaction":"满意度","observations":["跟进记录"],"回访次数":"回访次数"}',
      ),
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("付款能力=B，满意程度=C，回访次数=D，跟进记录=E");
  });

  test.each([
    ["2026-13-01", "zh", "--today “2026-13-01”：月份 13 不存在（应为 1–12）"],
    [
      "2026-02-30",
      "zh",
      "--today “2026-02-30”：2026 年 2 月没有 30 日（该月有 28 天）",
    ],
    [
      "2028-02-30",
      "en",
      '--today "2028-02-30": 2028-02 has no day 30 (it has 29 days)',
    ],
    [
      "tomorrow",
      "zh",
      "--today “tomorrow”：应为日期 YYYY-MM-DD，如 2026-11-25",
    ],
  ])(
    "--today %s says which part is wrong (%s)",
    async (value, lang, message) => {
      let err = "";
      const code = await main([leads(), "--today", value, "--lang", lang], {
        out: () => undefined,
        err: (s) => (err += s),
        isTTY: false,
      });
      expect(code).toBe(2);
      expect(err).toContain(message);
    },
  );

  test("--lang fr is refused with the languages there are, in Chinese when the system names no language", async () => {
    let err = "";
    const saved = { ...process.env };
    Object.assign(process.env, { LANG: "C", LC_ALL: "", LC_MESSAGES: "" });
    try {
      const code = await main([leads(), "--lang=fr"], {
        out: () => undefined,
        err: (s) => (err += s),
        isTTY: false,
      });
      expect(code).toBe(2);
    } finally {
      process.env = saved;
    }
    expect(err).toContain(
      "--lang “fr”：不支持这种语言，可用 zh（中文）或 en（English）",
    );
  });

  test("a semicolon-separated CSV and a UTF-16 one are named as such, not as 'no header'", async () => {
    const semi = path.join(tmp, "semi.csv");
    fs.writeFileSync(
      semi,
      "\uFEFF客户姓名;付款能力;满意度;跟进记录\n王;是;是;询问价格\n张;否;是;未接通\n",
    );
    const a = await run([semi, "--lang=zh"]);
    expect(a.code).toBe(1);
    expect(a.err).toContain("各列用分号（;）分隔");
    const u16 = path.join(tmp, "u16.csv");
    fs.writeFileSync(
      u16,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          "客户姓名\t付款能力\t跟进记录\r\n王\t是\t询问价格\r\n",
          "utf16le",
        ),
      ]),
    );
    const b = await run([u16, "--lang=en"]);
    expect(b.code).toBe(1);
    expect(b.err).toContain("is UTF-16 text");
    // A good CSV is never told either.
    const good = await run([leads(), "--lang=zh"]);
    expect(good.code).toBe(0);
  });
});
