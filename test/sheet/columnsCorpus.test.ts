/**
 * The held-out corpus of realistic header rows (test/cases/columns/*.json, written apart from
 * the mapping and never tuned to): every expected column must be chosen and no trap taken.
 * Prints one line per sheet. COLUMNS_CORPUS=<dir> runs another set of the same format.
 */
import * as fs from "fs";
import * as path from "path";
import { findColumns } from "../../src/sheet/sheetColumns";
import { INPUT_BY_KEY, type InputKey } from "../../src/sheet/inputs";

interface CorpusSheet {
  name: string;
  trade?: string;
  lang?: string;
  rows: unknown[][];
  headerRow: number;
  expect: Record<string, number | number[] | null>;
  mustNotChoose?: Record<string, number[]>;
  notes?: string;
}

const dir =
  process.env.COLUMNS_CORPUS ?? path.join(__dirname, "../cases/columns");
const files = fs.existsSync(dir)
  ? fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];
const sheets = files.map((f) => ({
  file: f,
  sheet: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as CorpusSheet,
}));

const report: string[] = [];
afterAll(() => {
  if (report.length)
    console.log(`column corpus (${dir}):\n${report.join("\n")}`);
});

test("the corpus is there: at least 20 sheets", () => {
  expect(files.length).toBeGreaterThanOrEqual(
    process.env.COLUMNS_CORPUS ? 1 : 20,
  );
});

describe.each(sheets)("$file", ({ file, sheet }) => {
  const found = findColumns(sheet.rows);
  const m = findColumns(sheet.rows, { headerRow: sheet.headerRow }).mapping;
  const headers = sheet.rows[sheet.headerRow] ?? [];
  const show = (cols: readonly number[]) =>
    cols.length
      ? cols.map((c) => `${c}:${String(headers[c])}`).join(" + ")
      : "—";
  const wrong: string[] = [];
  for (const [key, want] of Object.entries(sheet.expect)) {
    if (!INPUT_BY_KEY.has(key as InputKey)) continue;
    const expected =
      want === null
        ? []
        : (Array.isArray(want) ? [...want] : [want]).sort((a, b) => a - b);
    const got = [...m[key as InputKey].columns].sort((a, b) => a - b);
    if (JSON.stringify(got) !== JSON.stringify(expected))
      wrong.push(`${key}: got ${show(got)}, expected ${show(expected)}`);
  }
  const traps: string[] = [];
  for (const [key, cols] of Object.entries(sheet.mustNotChoose ?? {})) {
    if (!INPUT_BY_KEY.has(key as InputKey)) continue;
    const taken = m[key as InputKey].columns.filter((c) => cols.includes(c));
    if (taken.length) traps.push(`${key} took ${show(taken)}`);
  }
  report.push(
    `${wrong.length || traps.length ? "✗" : "✓"} ${file} (${sheet.trade ?? ""} ${sheet.lang ?? ""}) ` +
      `${Object.keys(sheet.expect).length - wrong.length}/${Object.keys(sheet.expect).length} right` +
      (found.headerRow !== sheet.headerRow
        ? `, header row found ${found.headerRow} ≠ ${sheet.headerRow}`
        : "") +
      [...wrong, ...traps].map((x) => `\n    ${x}`).join(""),
  );

  test("every input key is one the add-in knows", () => {
    const unknown = [
      ...Object.keys(sheet.expect),
      ...Object.keys(sheet.mustNotChoose ?? {}),
    ].filter((k) => !INPUT_BY_KEY.has(k as InputKey));
    expect(unknown).toEqual([]);
  });
  test("header row found", () => expect(found.headerRow).toBe(sheet.headerRow));
  test("every expected column chosen", () => expect(wrong).toEqual([]));
  test("no trap taken", () => expect(traps).toEqual([]));
});
