/**
 * The command line (src/cli/): golden files (test/cases/cli/<case>/: input, args.json,
 * expected.json) read back with a second reader; bad files, each one clear line and a
 * non-zero exit; the graded copy equals the pane's static values for generated sheets.
 * UPDATE_GOLDEN=1 rewrites expected.json (then read the diff).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import fc from "fast-check";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { progress } from "../../src/cli/main";
import { gradeFile } from "../../src/cli/gradeFile";
import { fsProblem } from "../../src/cli/cliError";
import { csvValue } from "../../src/cli/sources";
import { proposeMapping } from "../../src/sheet/columnMapping";
import { availableOutputs } from "../../src/sheet/outputs";
import { computeStatic } from "../../src/sheet/rowFormulas";
import { LEAD_HEADERS } from "../sampleLeads";
import { readCsv, readXlsx } from "./readBack";
import { run } from "./runCli";

const root = path.join(__dirname, "../..");
const casesDir = path.join(root, "test/cases/cli");
const TODAY = "2026-11-25";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sales-cli-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface CaseArgs {
  args: string[];
  output: string;
  sheet?: string;
  encoding?: "utf8" | "gb18030";
}

const cases = fs
  .readdirSync(casesDir)
  .filter((d) => fs.existsSync(path.join(casesDir, d, "args.json")));

describe.each(cases)("golden file %s", (name) => {
  test("graded copy, read back with a second reader, equals expected.json; the input is unchanged", async () => {
    const dir = path.join(casesDir, name);
    const spec: CaseArgs = JSON.parse(
      fs.readFileSync(path.join(dir, "args.json"), "utf8"),
    );
    const input = fs
      .readdirSync(dir)
      .find((f) => f.startsWith("input.")) as string;
    fs.copyFileSync(path.join(dir, input), path.join(tmp, input));
    const before = fs.readFileSync(path.join(tmp, input));
    const r = await run([
      path.join(tmp, input),
      ...spec.args.map((a) => a.replace("{tmp}", tmp)),
    ]);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const outFile = path.join(tmp, spec.output);
    const got = spec.output.endsWith(".xlsx")
      ? await readXlsx(outFile, spec.sheet)
      : readCsv(outFile, spec.encoding ?? "utf8");
    const expectedFile = path.join(dir, "expected.json");
    if (process.env.UPDATE_GOLDEN)
      fs.writeFileSync(expectedFile, JSON.stringify(got, null, 1) + "\n");
    expect(got).toEqual(JSON.parse(fs.readFileSync(expectedFile, "utf8")));
    expect(fs.readFileSync(path.join(tmp, input)).equals(before)).toBe(true);
    expect(fs.readdirSync(tmp).filter((f) => f.includes(".partial"))).toEqual(
      [],
    );
  });
});

test("GB18030 and UTF-8 exports of the same sheet grade to the same cells (encoding detected; a 4-byte GB18030 character survives)", async () => {
  const a = path.join(tmp, "a.csv");
  const b = path.join(tmp, "b.csv");
  fs.copyFileSync(path.join(casesDir, "zh-csv-utf8/input.csv"), a);
  const text = fs.readFileSync(a, "utf8").replace("王先生", "王先生（𠀀）");
  fs.writeFileSync(b, iconv.encode(text, "gb18030"));
  expect((await run([a, "--lang", "zh", "--today", TODAY])).code).toBe(0);
  expect((await run([b, "--lang", "zh", "--today", TODAY])).code).toBe(0);
  const ra = readCsv(path.join(tmp, "a.graded.csv"), "utf8");
  const rb = readCsv(path.join(tmp, "b.graded.csv"), "gb18030");
  expect(ra.bom).toBe(true);
  expect(rb.bom).toBe(false);
  expect(rb.rows["2"]?.[0]).toBe("王先生（𠀀）");
  const strip = (g: typeof ra.rows) =>
    JSON.stringify(g).replace("王先生（𠀀）", "王先生");
  expect(strip(rb.rows)).toBe(strip(ra.rows));
});

test("grading a graded copy again replaces the add-in's columns instead of adding more", async () => {
  const a = path.join(tmp, "a.csv");
  fs.copyFileSync(path.join(casesDir, "zh-csv-utf8/input.csv"), a);
  expect((await run([a, "--lang", "zh", "--today", TODAY])).code).toBe(0);
  const once = readCsv(path.join(tmp, "a.graded.csv"), "utf8");
  const again = path.join(tmp, "again.csv");
  expect(
    (
      await run([
        path.join(tmp, "a.graded.csv"),
        "--out",
        again,
        "--lang",
        "zh",
        "--today",
        TODAY,
      ])
    ).code,
  ).toBe(0);
  expect(readCsv(again, "utf8").rows).toEqual(once.rows);
});

describe("bad files and bad usage: one line, a non-zero exit, no output file", () => {
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const leads = () => {
    const f = path.join(tmp, "leads.csv");
    fs.copyFileSync(path.join(casesDir, "zh-csv-utf8/input.csv"), f);
    return f;
  };
  const badCases: [string, () => string[], RegExp, number?][] = [
    [
      "a text file named .xlsx",
      () => [write("x.xlsx", "hello")],
      /不是 \.xlsx 工作簿/,
    ],
    [
      "an old .xls workbook",
      () => [
        write(
          "x.xls",
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        ),
      ],
      /旧版 \.xls/,
    ],
    [
      "a damaged .xlsx (zip header, garbage after)",
      () => [
        write(
          "x.xlsx",
          Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]),
        ),
      ],
      /无法读取工作簿|已损坏/,
    ],
    [
      "a binary file",
      () => [write("x.bin", Buffer.from([1, 0, 2, 0, 3]))],
      /不是 \.xlsx 工作簿/,
    ],
    ["a missing file", () => [path.join(tmp, "nope.csv")], /找不到文件/],
    ["a folder", () => [tmp], /不是文件/],
    ["an empty CSV", () => [write("e.csv", "")], /是空的/],
    ["no header row", () => [write("n.csv", "1,2,3\n4,5,6\n")], /找不到表头/],
    [
      "an unmapped required column",
      () => [leads(), "--outputs", "urgency"],
      /无法输出“紧急程度”：缺少列/,
    ],
    [
      "the output is the input",
      () => {
        const f = leads();
        return [f, "--out", f];
      },
      /就是输入文件/,
    ],
    [
      "the output exists",
      () => {
        const f = leads();
        write("leads.graded.csv", "mine");
        return [f];
      },
      /已存在/,
    ],
    [
      "a mapping file that is not JSON",
      () => [leads(), "--mapping", write("m.json", "{")],
      /列映射文件.*不是有效的 JSON/,
    ],
    [
      "a mapping file with an unknown input",
      () => [leads(), "--mapping", write("m.json", '{"budget":"预算"}')],
      /“budget”不是可识别的输入；可用：客户姓名（customerName）/,
    ],
    [
      "a mapping file naming a missing header",
      () => [leads(), "--mapping", write("m.json", '{"payment":"支付"}')],
      /表头中没有这一列/,
    ],
    [
      "a sheet that does not exist",
      () => [
        path.join(casesDir, "en-xlsx-outputs/input.xlsx"),
        "--sheet",
        "Nope",
        "--out",
        path.join(tmp, "o.xlsx"),
      ],
      /没有名为“Nope”的工作表；现有：“Leads”/,
    ],
    [
      "an unknown option",
      () => [leads(), "--colour"],
      /sales-qualify --help/,
      2,
    ],
    [
      "an unknown output",
      () => [leads(), "--outputs", "grade,budget"],
      /--outputs “budget”：没有这一项输出，可用 grade（客户等级）/,
      2,
    ],
    [
      "an unknown encoding",
      () => [leads(), "--encoding", "latin9"],
      /--encoding “latin9”无法识别/,
      2,
    ],
    [
      "an output that is neither .xlsx nor .csv",
      () => [leads(), "--out", path.join(tmp, "x.pdf")],
      /--out “.*x\.pdf”：输出文件须以 \.xlsx 或 \.csv 结尾/,
      2,
    ],
    [
      "an unknown option, named plainly (no parser text, balanced quotes)",
      () => [leads(), "--bogus"],
      /^sales-qualify: 未知选项“--bogus”（运行 sales-qualify --help 查看用法）\n$/,
      2,
    ],
    [
      "an option without its value",
      () => [leads(), "--out"],
      /^sales-qualify: 选项“--out”缺少值（/,
      2,
    ],
    [
      "a mapping file that does not exist",
      () => [leads(), "--mapping", path.join(tmp, "missing.json")],
      /找不到列映射文件“.*missing\.json”/,
    ],
  ];
  test.each(badCases)("%s", async (_name, args, message, exitCode = 1) => {
    const argv = args();
    const before = new Set(fs.readdirSync(tmp));
    const r = await run([...argv, "--lang", "zh"]);
    expect(r.code).toBe(exitCode);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^sales-qualify: /);
    const created = fs.readdirSync(tmp).filter((f) => !before.has(f));
    expect(created).toEqual([]);
  });

  test("a locked or unreadable file is named with the reason (EBUSY/EACCES as the OS reports it)", () => {
    for (const code of ["EBUSY", "EACCES", "EPERM"]) {
      const e = fsProblem(Object.assign(new Error("x"), { code }), "线索.xlsx");
      expect(e.text("zh")).toBe(
        `无法打开“线索.xlsx”：文件被占用或没有读取权限（${code}）。请在 Excel 中关闭该文件后重试`,
      );
      expect(e.text("en")).toContain(
        `cannot open "线索.xlsx": it is locked or not readable (${code})`,
      );
    }
  });
});

test("the bin runs as a separate process: --help in Chinese, exit 0; a bad file exits 1 with one line", () => {
  const bin = path.join(root, "bin/sales-qualify.js");
  const help = spawnSync(process.execPath, [bin, "--help", "--lang", "zh"], {
    encoding: "utf8",
  });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("用法：sales-qualify");
  const bad = spawnSync(
    process.execPath,
    [bin, path.join(tmp, "missing.xlsx"), "--lang", "en"],
    { encoding: "utf8" },
  );
  expect(bad.status).toBe(1);
  expect(bad.stderr.trim()).toBe(
    `sales-qualify: no such file: "${path.join(tmp, "missing.xlsx")}"`,
  );
});

/** Lead rows as a CRM might export them: loose yes/no words, counts, notes, dates, blanks. */
const cell = (xs: string[]) =>
  fc.oneof(fc.constantFrom(...xs), fc.constant(""));
const leadRow = fc.tuple(
  cell(["是", "否", "A", "B", "yes", "no", "maybe"]),
  cell(["是", "否", "A", "B"]),
  cell(["0", "1", "3", "5次", "A", "-1"]),
  cell(["0", "2", "A", "x"]),
  cell(["1", "2", "A"]),
  cell(["0", "1", "是"]),
  cell(["A", "B", "是"]),
  cell([
    "询问价格",
    "不感兴趣",
    "已签约",
    "阶段2",
    "愿意见面，询问价格",
    "=1+1",
    "-1",
  ]),
  cell(["2026-11-20", "2026/11/01", "46300", "昨天"]),
  cell(["2026-12-20", "30", "无截止日期", "x"]),
  cell(["已分配", "未分配", "高"]),
);
// leadRow's eleven cells: LEADGRADE's seven, the notes, last contact, deadline, resources
const HEADERS = LEAD_HEADERS.slice(0, 11);

test("property: the graded CSV holds exactly the pane's static values for the whole sheet, whatever the chunk size", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(leadRow, { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 7 }),
      async (rows, chunkRows) => {
        const dir = fs.mkdtempSync(path.join(tmp, "p"));
        const file = path.join(dir, "in.csv");
        const q = (s: string) =>
          /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        fs.writeFileSync(
          file,
          [HEADERS, ...rows].map((r) => r.map(q).join(",")).join("\n") + "\n",
        );
        const today = 46351;
        // Numeric text typed as numbers, as the CLI reads a CSV (csvValue).
        const values = rows.map((r) => r.map(csvValue));
        // The pane maps from headers and the cells below them; the CLI must agree.
        const mapping = proposeMapping(HEADERS, { rows: values });
        const outputs = availableOutputs(mapping);
        const grading = gradeFile({
          input: file,
          lang: "zh",
          today,
          chunkRows,
        });
        // Columns that hold nothing to read (all blank, say) give the pane nothing to write:
        // the command line then says so and writes nothing, it does not guess.
        if (outputs.length === 0) {
          await expect(grading).rejects.toMatchObject({
            problem: { code: "nothingToGrade" },
          });
          return;
        }
        const res = await grading;
        const expected = computeStatic(
          values,
          mapping,
          outputs,
          "zh",
          undefined,
          today,
        );
        const back = readCsv(res.output, "utf8").rows;
        rows.forEach((_, i) => {
          const got = back[String(i + 2)] ?? [];
          outputs.forEach((kind, k) => {
            const v = expected.columns.get(kind)?.[i];
            const want =
              kind === "nextFollowUp" && typeof v === "number"
                ? new Date((v - 25569) * 86400000).toISOString().slice(0, 10)
                : v === "" || v === undefined
                  ? null
                  : String(v);
            expect(got[HEADERS.length + k] ?? null).toBe(want);
          });
        });
        const blank = values.map((r) => r.every((v) => v === null));
        const last = blank.lastIndexOf(false);
        const inside = blank.slice(0, last + 1);
        expect(res.rows).toBe(inside.filter((b) => !b).length);
        expect(res.blankRows).toBe(inside.filter((b) => b).length);
      },
    ),
    { numRuns: 40 },
  );
});

test("an .xlsx written by Excel-like tools: dates arrive as dates, the follow-up column is formatted as a date", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.addRow(["跟进记录", "上次联系"]);
  ws.addRow(["询问价格", new Date(Date.UTC(2026, 10, 20))]);
  const f = path.join(tmp, "d.xlsx");
  await wb.xlsx.writeFile(f);
  expect(
    (
      await run([
        f,
        "--lang",
        "zh",
        "--today",
        TODAY,
        "--outputs",
        "stage,nextFollowUp",
      ])
    ).code,
  ).toBe(0);
  const back = await readXlsx(path.join(tmp, "d.graded.xlsx"));
  expect(back.rows["2"]).toEqual([
    "询问价格",
    "date:2026-11-20 mm-dd-yy",
    3,
    "date:2026-11-23 yyyy-mm-dd",
  ]);
});

describe("the progress line on long runs", () => {
  afterEach(() => jest.useRealTimers());
  const capture = (isTTY: boolean) => {
    let err = "";
    return {
      io: { out: () => undefined, err: (s: string) => (err += s), isTTY },
      text: () => err,
    };
  };

  test("on a terminal: nothing in the first 1.5 s, then one line rewritten in place, cleared at the end", () => {
    jest.useFakeTimers({ now: 0 });
    const c = capture(true);
    const p = progress(c.io, "zh");
    jest.setSystemTime(1000);
    p.tick(4096);
    expect(c.text()).toBe("");
    jest.setSystemTime(2000);
    p.tick(8192);
    expect(c.text()).toBe("\r已评级 8,192 行（每秒 4,096 行）…");
    jest.setSystemTime(2100);
    p.tick(9000); // within 0.5 s of the last line: not rewritten
    expect(c.text().split("\r")).toHaveLength(2);
    p.done();
    expect(c.text().endsWith("\r\x1b[K")).toBe(true);
  });

  test("in a log (not a terminal): a plain line every 10 s, nothing to clear", () => {
    jest.useFakeTimers({ now: 0 });
    const c = capture(false);
    const p = progress(c.io, "en");
    for (let t = 1000; t <= 25000; t += 1000) {
      jest.setSystemTime(t);
      p.tick(t * 10);
    }
    p.done();
    expect(c.text()).toBe(
      "graded 100,000 rows (10,000 rows/s)…\ngraded 200,000 rows (10,000 rows/s)…\n",
    );
  });
});

test("the command line chooses columns as the pane does, from headers and contents; several note columns round-trip through a mapping file", async () => {
  const dir = fs.mkdtempSync(path.join(tmp, "m"));
  const file = path.join(dir, "in.csv");
  const rows = [
    ["客户名称", "联系人", "电话", "第一次回访", "第二次回访", "上次联系"],
    [
      "启明科技有限公司",
      "王伟",
      "13800138000",
      "问了价格和优惠，约下周到公司详谈",
      "已交定金，准备签合同",
      "2026-11-20",
    ],
    [
      "远帆贸易有限公司",
      "陈静",
      "139 0013 9000",
      "在开会，说月底再联系",
      "对比了两家供应商的方案",
      "2026-11-18",
    ],
    [
      "华信医疗股份有限公司",
      "刘洋",
      "+86 137 0013 7000",
      "不感兴趣，直接挂了",
      "",
      "2026-11-02",
    ],
    [
      "众成物流有限公司",
      "赵敏",
      "136-0013-6000",
      "确认了需求范围，下周演示",
      "演示后客户很满意",
      "2026-11-22",
    ],
  ];
  fs.writeFileSync(file, rows.map((r) => r.join(",")).join("\n") + "\n");
  const saveTo = path.join(dir, "mapping.json");
  let seen: { input: string; header: string }[] = [];
  await gradeFile({
    input: file,
    lang: "zh",
    today: 46351,
    saveMappingFile: saveTo,
    onMapping: (m) => (seen = m.columns),
  });
  const by = (input: string) =>
    seen.filter((c) => c.input === input).map((c) => c.header);
  expect(by("company")).toEqual(["客户名称"]);
  expect(by("customerName")).toEqual(["联系人"]);
  expect(by("observations")).toEqual(["第一次回访", "第二次回访"]);
  const saved = JSON.parse(fs.readFileSync(saveTo, "utf8"));
  expect(saved.observations).toEqual(["第一次回访", "第二次回访"]);
  // the saved file is read back: the list of note columns is accepted
  const again = await gradeFile({
    input: file,
    output: path.join(dir, "again.csv"),
    lang: "zh",
    today: 46351,
    mappingFile: saveTo,
    onMapping: (m) => (seen = m.columns),
  });
  expect(again.rows).toBe(4);
  expect(by("observations")).toEqual(["第一次回访", "第二次回访"]);
});

describe("numbers in a CSV are read as Excel reads them when it opens the file", () => {
  test("property: plain integers and decimals become numbers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.boolean(),
        (n, frac, withFrac) => {
          const s = withFrac ? `${n}.${frac}` : String(n);
          expect(csvValue(s)).toBe(Number(s));
        },
      ),
    );
  });
  test("property: leading-zero codes, 11+ digit ids and other text stay text", () => {
    const keep = fc.oneof(
      fc.stringMatching(/^-?0\d{1,12}(\.\d{1,3})?$/),
      fc.stringMatching(/^\d{11,20}$/),
      fc.stringMatching(/^(1,234|50%|1e5|¥12| 12|12 |\+12|\.5|5\.)$/),
    );
    fc.assert(fc.property(keep, (s) => expect(csvValue(s)).toBe(s)));
    expect(csvValue("")).toBeNull();
  });
  test("a date serial in a CSV is read like the same value in an .xlsx (no #VALUE!)", async () => {
    const csv = path.join(tmp, "s.csv");
    fs.writeFileSync(
      csv,
      "跟进记录,上次联系日期,电话\r\n询问价格,46340,13812345678\r\n",
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.addRow(["跟进记录", "上次联系日期", "电话"]);
    ws.addRow(["询问价格", 46340, "13812345678"]);
    const xlsx = path.join(tmp, "x.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const args = [
      "--lang",
      "zh",
      "--today",
      TODAY,
      "--outputs",
      "nextFollowUp",
    ];
    expect(
      (await run([csv, "--out", path.join(tmp, "a.xlsx"), ...args])).code,
    ).toBe(0);
    expect(
      (await run([xlsx, "--out", path.join(tmp, "b.xlsx"), ...args])).code,
    ).toBe(0);
    const a = await readXlsx(path.join(tmp, "a.xlsx"));
    const b = await readXlsx(path.join(tmp, "b.xlsx"));
    expect(a.rows["2"]?.[1]).toBe(46340);
    expect(a.rows["2"]?.[2]).toBe("13812345678");
    expect(String(a.rows["2"]?.[3])).toMatch(
      /^date:\d{4}-\d\d-\d\d yyyy-mm-dd$/,
    );
    expect(a.rows).toEqual(b.rows);
  });
});

test("an output error is a real error value in an .xlsx (its message in the cell's comment) and text in a CSV", async () => {
  const csv = path.join(tmp, "e.csv");
  fs.writeFileSync(csv, "付款能力,满意度,回访次数\r\n是,是,-1\r\n");
  const args = ["--lang", "en", "--outputs", "grade"];
  const first = await run([csv, "--out", path.join(tmp, "e.xlsx"), ...args]);
  expect(first.code).toBe(0);
  expect(first.out + first.err).toContain(
    "1 row has values that could not be read",
  );
  expect(
    (await run([csv, "--out", path.join(tmp, "e2.csv"), ...args])).code,
  ).toBe(0);
  const x = await readXlsx(path.join(tmp, "e.xlsx"));
  expect(x.rows["2"]?.[3]).toEqual({
    value: { error: "#NUM!" },
    note: expect.stringMatching(/^revisits: -1/),
  });
  const c = readCsv(path.join(tmp, "e2.csv"), "utf8");
  expect(c.rows["2"]?.[3]).toMatch(/^#NUM! revisits: -1/);
});

test("property: CSV output shows text that starts with = + - @ tab or CR as text (a leading '), never changes numbers", async () => {
  const risky = fc
    .tuple(
      fc.constantFrom("=", "+", "-", "@", "\t", "\r"),
      fc.string({ maxLength: 12 }),
    )
    .map(([a, b]) => a + b)
    .filter((s) => csvValue(s) === s);
  await fc.assert(
    fc.asyncProperty(
      risky,
      fc.integer({ min: -999, max: 999 }),
      async (text, n) => {
        const dir = fs.mkdtempSync(path.join(tmp, "i"));
        const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const input = path.join(dir, "in.csv");
        fs.writeFileSync(
          input,
          `客户姓名,编号,跟进记录\r\n${q(text)},${n},询问价格\r\n`,
        );
        const r = await run([input, "--lang", "zh", "--today", TODAY]);
        expect(r.code).toBe(0);
        const back = readCsv(path.join(dir, "in.graded.csv"), "utf8").rows;
        expect(back["2"]?.[0]).toBe(`'${text}`);
        expect(back["2"]?.[1]).toBe(String(n));
      },
    ),
    { numRuns: 25 },
  );
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("s").addRows([
    ["客户姓名", "金额", "跟进记录"],
    ['=HYPERLINK("http://x","y")', -5, "询问价格"],
    ["@SUM(A1)", 3, "询问价格"],
  ]);
  const x = path.join(tmp, "h.xlsx");
  await wb.xlsx.writeFile(x);
  expect(
    (await run([x, "--out", path.join(tmp, "h.csv"), "--today", TODAY])).code,
  ).toBe(0);
  const h = readCsv(path.join(tmp, "h.csv"), "utf8").rows;
  expect(h["2"]?.slice(0, 2)).toEqual(['\'=HYPERLINK("http://x","y")', "-5"]);
  expect(h["3"]?.slice(0, 2)).toEqual(["'@SUM(A1)", "3"]);
});

test("blank rows are counted apart, the same for a CSV and an .xlsx of the same sheet", async () => {
  const rows = [
    ["跟进记录", "上次联系"],
    ["询问价格", "2026-11-20"],
    [],
    ["不感兴趣", "2026-11-01"],
  ];
  const csv = path.join(tmp, "b.csv");
  fs.writeFileSync(csv, rows.map((r) => r.join(",")).join("\r\n") + "\r\n\r\n");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("b");
  rows.forEach((r, i) =>
    r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)),
  );
  const xlsx = path.join(tmp, "b.xlsx");
  await wb.xlsx.writeFile(xlsx);
  const a = await run([csv, "--lang", "en", "--today", TODAY]);
  const b = await run([xlsx, "--lang", "en", "--today", TODAY]);
  expect(a.err).toMatch(/: 2 data rows, 1 blank row\n/);
  expect(b.err).toMatch(/: 2 data rows, 1 blank row\n/);
});

describe("the repository root stays clean", () => {
  const listRoot = () => fs.readdirSync(root).sort();
  const before = listRoot();
  afterAll(() => expect(listRoot()).toEqual(before));
  test("no graded file is committed at the root, and one made there is ignored", () => {
    const git = (...a: string[]) =>
      spawnSync("git", a, { cwd: root, encoding: "utf8" });
    const tracked = git("ls-files").stdout.split("\n");
    expect(tracked.filter((f) => /^[^/]+\.(xlsx|csv)$/.test(f))).toEqual([]);
    expect(git("check-ignore", "-q", "graded.xlsx").status).toBe(0);
  });
});

describe("--report", () => {
  test("the report sheet's stage counts are the graded sheet's stage column, counted", async () => {
    const input = path.join(tmp, "in.csv");
    fs.copyFileSync(path.join(casesDir, "zh-csv-utf8/input.csv"), input);
    const out = path.join(tmp, "r.xlsx");
    const r = await run([
      input,
      "--lang",
      "zh",
      "--today",
      TODAY,
      "--out",
      out,
      "--report",
    ]);
    expect(r.code).toBe(0);
    const graded = await readXlsx(out);
    const report = await readXlsx(out, "报表");
    const header = graded.rows["1"] ?? [];
    const col = header.indexOf("阶段名称");
    const counted: Record<string, number> = {};
    for (const [n, cells] of Object.entries(graded.rows))
      if (n !== "1" && typeof cells[col] === "string")
        counted[cells[col] as string] =
          (counted[cells[col] as string] ?? 0) + 1;
    const shown: Record<string, number> = {};
    for (const cells of Object.values(report.rows))
      if (
        typeof cells[0] === "string" &&
        /^阶段-?\d /.test(cells[0]) &&
        typeof cells[1] === "number" &&
        cells[1] > 0
      )
        shown[cells[0]] = cells[1];
    expect(Object.keys(counted).length).toBeGreaterThan(1);
    expect(shown).toEqual(counted);
  });
  test("a CSV output with --report is bad usage (exit 2), nothing written", async () => {
    const input = path.join(tmp, "in.csv");
    fs.copyFileSync(path.join(casesDir, "zh-csv-utf8/input.csv"), input);
    const r = await run([input, "--lang", "en", "--report"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--report needs an \.xlsx output/);
    expect(fs.existsSync(path.join(tmp, "in.graded.csv"))).toBe(false);
  });
});

test("--duplicates on a graded copy reuses its duplicate columns (never read as inputs, never added twice)", async () => {
  const input = path.join(tmp, "in.csv");
  fs.copyFileSync(path.join(casesDir, "zh-csv-duplicates/input.csv"), input);
  const args = ["--lang", "zh", "--today", TODAY, "--duplicates"];
  expect((await run([input, ...args])).code).toBe(0);
  const once = readCsv(path.join(tmp, "in.graded.csv"), "utf8").rows;
  const again = path.join(tmp, "again.csv");
  expect(
    (await run([path.join(tmp, "in.graded.csv"), "--out", again, ...args]))
      .code,
  ).toBe(0);
  expect(readCsv(again, "utf8").rows).toEqual(once);
  expect(once["2"]?.slice(-3, -1)).toEqual(["撞单1", "李明"]);
});

test("--duplicates again after an admin typed a decision into 建议归属: the decision stays, this run's results go to new columns", async () => {
  const input = path.join(tmp, "in.csv");
  fs.copyFileSync(path.join(casesDir, "zh-csv-duplicates/input.csv"), input);
  const args = ["--lang", "zh", "--today", TODAY, "--duplicates"];
  expect((await run([input, ...args])).code).toBe(0);
  const graded = fs.readFileSync(path.join(tmp, "in.graded.csv"), "utf8");
  const lines = graded.split(/\r?\n/);
  const headers = lines[0]!.split(",");
  const ownerCol = headers.indexOf("建议归属");
  expect(ownerCol).toBeGreaterThan(0);
  const cells = lines[1]!.split(",");
  expect(cells[ownerCol]).toBe("李明");
  cells[ownerCol] = "王芳（经理定）";
  lines[1] = cells.join(",");
  const edited = path.join(tmp, "edited.csv");
  fs.writeFileSync(edited, lines.join("\n"));
  const again = path.join(tmp, "again.csv");
  const r = await run([edited, "--out", again, ...args]);
  expect(r.code).toBe(0);
  expect(r.err).toContain("建议归属");
  expect(r.err).toContain("原样保留");
  const out = readCsv(again, "utf8").rows;
  expect(out["1"]?.[ownerCol]).toBe("建议归属");
  expect(out["2"]?.[ownerCol]).toBe("王芳（经理定）");
  expect(out["1"]?.slice(-3)).toEqual([
    "撞单组 (2)",
    "建议归属 (2)",
    "撞单说明 (2)",
  ]);
  expect(out["2"]?.slice(-3, -1)).toEqual(["撞单1", "李明"]);
});

test("an error value in an input cell of an .xlsx gives that error in the outputs that read it, as the pane does", async () => {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("线索");
  ws.addRow(["付款能力", "满意度", "回访次数"]);
  ws.addRow([{ error: "#N/A" }, "是", 4]);
  ws.addRow(["是", "是", 4]);
  const input = path.join(tmp, "err.xlsx");
  await book.xlsx.writeFile(input);
  const out = path.join(tmp, "err.graded.xlsx");
  const r = await run([
    input,
    "--out",
    out,
    "--lang",
    "en",
    "--outputs",
    "grade",
  ]);
  expect(r.code).toBe(0);
  const x = await readXlsx(out);
  // the same error as the input, as Excel shows for a formula whose argument is that error
  expect(JSON.stringify(x.rows["2"]?.[3])).toContain('{"error":"#N/A"}');
  expect(x.rows["3"]?.[3]).toBe("C"); // both conditions A, one indicator A
});
