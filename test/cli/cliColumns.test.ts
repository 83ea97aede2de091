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

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sales-cols-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main([...args, "--today", "2026-11-25"], {
    out: (s) => (out += s),
    err: (s) => (err += s),
    isTTY: false,
  });
  return { code, out, err };
}

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
    const r = await run([
      file,
      "--outputs",
      "grade,explanation",
      "--lang",
      "zh",
    ]);
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
      "--out",
      path.join(tmp, "o.csv"),
      "--outputs",
      "explanation",
      "--lang",
      "zh",
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
    const zh = await run([file, "--outputs", "grade", "--lang", "zh"]);
    expect(zh.code).toBe(0);
    expect(zh.err).toContain(
      "D 列“价格承受能力”未作为“价格承受能力”读取：内容多为电话号码",
    );
    fs.rmSync(path.join(tmp, "phones.graded.csv"));
    const en = await run([file, "--outputs", "grade", "--lang", "en"]);
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
  const r = await run([file, "--lang", "zh"]);
  expect(r.code).toBe(0);
  expect(r.err).toContain(
    "E 列“联系记录”未作为“跟进记录”读取：内容多为次数或数字",
  );
  expect(r.err).not.toMatch(/跟进记录=E/);
  expect(r.err).not.toMatch(/意向阶段 /);
});
