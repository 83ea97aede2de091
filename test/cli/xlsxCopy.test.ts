/**
 * What an .xlsx copy keeps of the user's cells: long Chinese text and emoji (whatever chunk of
 * the decompressed XML they fall in), formulas (shared, filled down) with their cached results,
 * and error values from formulas.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readCsv, readXlsx } from "./readBack";
import { runCli } from "./runCli";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sales-xlsx-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Chinese (3 bytes in UTF-8), rarer CJK and emoji (4 bytes), some ASCII and punctuation. */
const char = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: 0x4e00, max: 0x9fff })
      .map((c) => String.fromCodePoint(c)),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0x20000, max: 0x2a6df })
      .map((c) => String.fromCodePoint(c)),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0x1f300, max: 0x1f64f })
      .map((c) => String.fromCodePoint(c)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "a",
      "Z",
      "7",
      "，",
      "。",
      "：",
      "“",
      "”",
      "—",
      "·",
    ),
  },
);
/** Up to `max` characters, the whole range used (fast-check would otherwise keep most short). */
const text = (max: number) =>
  fc
    .integer({ min: 1, max })
    .chain((n) => fc.array(char, { minLength: n, maxLength: n }))
    .map((cs) => "字" + cs.join(""));
const lead = fc.record({
  name: text(12),
  company: text(40),
  notes: text(1500),
});

const HEADERS = [
  "客户姓名",
  "公司",
  "付款能力",
  "满意度",
  "回访次数",
  "跟进记录",
];

/**
 * Where the text sits decides which path exceljs's streaming reader takes: shared strings after
 * the sheet (as Excel and exceljs write them: the sheet is parked in a temporary file first),
 * inline strings in the sheet, or shared strings before the sheet (read straight from the zip).
 */
type Layout = "sharedLast" | "inline" | "sharedFirst";

async function writeLeads(
  file: string,
  leads: { name: string; company: string; notes: string }[],
  layout: Layout,
): Promise<void> {
  // exceljs's streaming writer: its non-streaming one (JSZip, fed a string) cuts an emoji in two
  // at every 16K UTF-16 units, so the input itself would already be damaged.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: layout !== "inline",
  });
  const ws = wb.addWorksheet("线索");
  ws.addRow(HEADERS).commit();
  for (const l of leads)
    ws.addRow([l.name, l.company, "是", "是", 3, l.notes]).commit();
  ws.commit();
  await wb.commit();
  if (layout !== "sharedFirst") return;
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  const first = "xl/sharedStrings.xml";
  const reordered = new JSZip();
  for (const n of [first, ...names.filter((n) => n !== first)])
    reordered.file(n, await zip.file(n)!.async("nodebuffer"));
  fs.writeFileSync(
    file,
    await reordered.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
    }),
  );
}

test("property: long Chinese text and emoji come back identical in the .xlsx and the CSV copy (shared strings before or after the sheet, or inline)", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(lead, { minLength: 40, maxLength: 80 }),
      fc.constantFrom<Layout>("sharedLast", "inline", "sharedFirst"),
      async (leads, layout) => {
        const input = path.join(tmp, "cn.xlsx");
        await writeLeads(input, leads, layout);
        for (const out of ["cn.graded.xlsx", "cn.graded.csv"]) {
          const target = path.join(tmp, out);
          const r = await runCli([
            input,
            "--out",
            target,
            "--force",
            "--lang",
            "zh",
            "--outputs",
            "stage",
          ]);
          expect(r.err).not.toMatch(/\n\s+at /);
          expect(r.code).toBe(0);
          const rows = out.endsWith(".xlsx")
            ? (await readXlsx(target)).rows
            : readCsv(target, "utf8").rows;
          const got = leads.map((_, i) => rows[String(i + 2)]?.slice(0, 6));
          const want = leads.map((l) => [
            l.name,
            l.company,
            "是",
            "是",
            out.endsWith(".xlsx") ? 3 : "3",
            l.notes,
          ]);
          expect(got).toEqual(want);
        }
      },
    ),
    { numRuns: 6, endOnFailure: true }, // no shrinking: each case is a whole workbook
  );
});
