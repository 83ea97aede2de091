/**
 * Writes the command line's golden inputs (test/cases/cli/<case>/input.*). Run once with
 * `npx ts-node --transpile-only test/cli/makeFixtures.ts`; the inputs are committed, and each
 * case's expected.json was checked by hand against the tables (docs/methodology.md).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { LEAD_HEADERS } from "../sampleLeads";

const dir = path.join(__dirname, "../cases/cli");
const caseDir = (name: string) => {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  return d;
};

const ZH_CSV = [
  "客户姓名,付款能力,满意度,回访次数,来电次数,工地考察,流程询问,价格承受,跟进记录,上次联系",
  "王先生,是,是,4,2,2,1,A,询问价格和优惠,2026-11-20",
  '张女士,A,B,3,2,2,1,A,"已签约，已付款",2026-11-01',
  "赵总,否,否,0,0,0,0,B,不感兴趣,2026-10-05",
  ",,,,,,,,,",
  '"李 ""小"" 姐",maybe,是,1,1,1,1,A,"多行\n备注：想了解",2026-11-22',
].join("\r\n");

async function main() {
  fs.writeFileSync(
    path.join(caseDir("zh-csv-utf8"), "input.csv"),
    ZH_CSV + "\r\n",
  );
  fs.writeFileSync(
    path.join(caseDir("zh-csv-gb18030"), "input.csv"),
    iconv.encode(ZH_CSV.replace("王先生", "王先生（𠀀）") + "\r\n", "gb18030"),
  );

  // Two sheets, the leads on the second behind a title row; real date cells, a formula, rich text.
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("说明");
  notes.getCell("A1").value = "本工作簿由 CRM 导出";
  const ws = wb.addWorksheet("线索");
  ws.addRow(["2026年11月 线索跟进表"]);
  // the notes, last contact and URGENCY's four under the headers teams type
  ws.addRow(["客户", "公司", "职位", ...LEAD_HEADERS.slice(7), "得分"]);
  const d = (y: number, m: number, day: number) =>
    new Date(Date.UTC(y, m - 1, day));
  ws.addRow([
    "刘经理",
    "华东建材",
    "采购经理",
    "客户询问价格，要求报价",
    d(2026, 11, 20),
    d(2026, 12, 10),
    "已分配",
    "老板",
    "激烈",
    92,
  ]);
  ws.addRow([
    "陈工",
    "北方机械",
    "工程师",
    { richText: [{ text: "第一次接触，" }, { text: "愿意见面" }] },
    d(2026, 11, 24),
    "无截止日期",
    "未分配",
    "基层",
    "无",
    { formula: "40+45", result: 85 },
  ]);
  ws.addRow([
    "周总",
    "南方电气",
    "总经理",
    "已签约",
    d(2026, 10, 1),
    20,
    "申请中",
    "中层",
    "一般",
    55,
  ]);
  for (const c of ["E", "F"]) ws.getColumn(c).numFmt = "yyyy-mm-dd";
  await wb.xlsx.writeFile(
    path.join(caseDir("zh-xlsx-second-sheet"), "input.xlsx"),
  );

  const en = new ExcelJS.Workbook();
  const s = en.addWorksheet("Leads");
  s.addRow([
    "Name",
    "Payment",
    "Satisfaction",
    "Revisits",
    "Calls",
    "Site visits",
    "Process asked",
    "Price tolerance",
    "Deadline",
    "Resources",
    "Decision level",
    "Competition",
  ]);
  s.addRow([
    "Ann",
    "yes",
    "yes",
    3,
    2,
    2,
    1,
    "yes",
    20,
    "approved",
    "CEO",
    "fierce",
  ]);
  s.addRow([
    "Bob",
    "yes",
    "no",
    5,
    5,
    5,
    5,
    "yes",
    200,
    "none",
    "staff",
    "none",
  ]);
  s.addRow(["Cy", "", "", "", "", "", "", "", "", "", "", ""]);
  s.addRow([
    "Dee",
    "yes",
    "yes",
    -1,
    0,
    0,
    0,
    "no",
    60,
    "partial",
    "manager",
    "some",
  ]);
  await en.xlsx.writeFile(path.join(caseDir("en-xlsx-outputs"), "input.xlsx"));
}

void main();
