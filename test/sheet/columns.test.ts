/** Column choice from headers and contents together: our own realistic sheets, then each kind of miss. */
import { proposeMapping, type Mapping } from "../../src/sheet/columnMapping";
import { detectHeaderRow } from "../../src/sheet/headerRow";
import type { InputKey } from "../../src/sheet/inputs";
import { OWN_SHEETS } from "./columnsSheets";

function mapSheet(rows: readonly (readonly unknown[])[], headerRow: number): Mapping {
  return proposeMapping(rows[headerRow] ?? [], {
    rows: rows.slice(headerRow + 1),
    groups: headerRow > 0 ? rows[headerRow - 1] : undefined,
  });
}

describe.each(OWN_SHEETS)("own sheet: $name", (sheet) => {
  const headers = sheet.rows[sheet.headerRow] ?? [];
  const col = (c: string | number) => {
    if (typeof c === "number") return c;
    const i = headers.findIndex((h) => h === c);
    if (i < 0) throw new Error(`no header ${c} in ${sheet.name}`);
    return i;
  };
  test("header row found", () => {
    expect(detectHeaderRow(sheet.rows)).toBe(sheet.headerRow);
  });
  const m = mapSheet(sheet.rows, sheet.headerRow);
  test.each(Object.entries(sheet.expect) as [InputKey, unknown][])(
    "%s → %p",
    (key, want) => {
      const expected =
        want === null ? [] : Array.isArray(want) ? want.map(col) : [col(want as string | number)];
      expect({ key, columns: m[key].columns.map((c) => headers[c]) }).toEqual({
        key,
        columns: expected.map((c) => headers[c]),
      });
      expect(m[key].columns).toEqual(expected);
    },
  );
  const traps = Object.entries(sheet.mustNot) as [InputKey, string[]][];
  if (traps.length)
    test.each(traps)("%s never takes %p", (key, names) => {
      for (const n of names) expect(m[key].columns).not.toContain(col(n));
    });
});
