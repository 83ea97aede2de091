/** Loads the golden sheets of test/cases/sheets into a fake workbook. */
import * as fs from "fs";
import * as path from "path";
import {
  FakeWorkbook,
  installFakeOffice,
  type CellValue,
} from "../fakeExcel/fakeExcel";

export interface SheetCase {
  name: string;
  sheet: {
    rows: (CellValue | null)[][];
    selection: [number, number];
    table?: {
      name: string;
      top: number;
      left: number;
      rows: number;
      cols: number;
    };
  };
  expected: Record<string, unknown> & {
    source: string;
    headerIndex: number;
    mapping: Record<string, string>;
  };
}

const dir = path.join(__dirname, "../cases/sheets");

export function sheetCases(): SheetCase[] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => ({
      name,
      sheet: JSON.parse(
        fs.readFileSync(path.join(dir, name, "sheet.json"), "utf8"),
      ),
      expected: JSON.parse(
        fs.readFileSync(path.join(dir, name, "expected.json"), "utf8"),
      ),
    }));
}

export function workbookFor(
  c: SheetCase,
  options: ConstructorParameters<typeof FakeWorkbook>[0] = {},
): FakeWorkbook {
  const wb = installFakeOffice(new FakeWorkbook(options));
  wb.setValues("Sheet1", 0, 0, c.sheet.rows);
  if (c.sheet.table)
    wb.addTable(
      c.sheet.table.name,
      "Sheet1",
      c.sheet.table.top,
      c.sheet.table.left,
      c.sheet.table.rows,
      c.sheet.table.cols,
    );
  wb.selection = {
    sheet: "Sheet1",
    r: c.sheet.selection[0],
    c: c.sheet.selection[1],
    h: 1,
    w: 1,
  };
  return wb;
}
