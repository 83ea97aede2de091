/**
 * A shared formula's text for each cell it was filled into (src/cli/sheetFormulas.ts), checked
 * against a real formula engine: HyperFormula's copy and paste moves a formula as Excel does.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import {
  formulaValue,
  translateFormula,
  FormulaScan,
} from "../../src/cli/sheetFormulas";

const colLetters = (n: number) => {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};
const dollar = fc.constantFrom("", "$");
// rows 200..300 and columns C..AZ: any shift below stays on the sheet
const colNo = fc.integer({ min: 3, max: 52 });
const rowNo = fc.integer({ min: 200, max: 300 });
// a range's ends in order, as Excel saves them (it writes D:C as C:D)
const ordered = (n: fc.Arbitrary<number>) =>
  fc.tuple(n, n).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
const cellAt = (c: number, r: number) =>
  fc.tuple(dollar, dollar).map(([a, b]) => `${a}${colLetters(c)}${b}${r}`);
const cell = fc.tuple(colNo, rowNo).chain(([c, r]) => cellAt(c, r));
const sheet = fc.constantFrom("", "Data!", "'Sheet 2'!", "'it''s'!");
const ref = fc.oneof(
  fc.tuple(sheet, cell).map(([s, c]) => s + c),
  fc
    .tuple(sheet, ordered(colNo), ordered(rowNo))
    .chain(([s, [c1, c2], [r1, r2]]) =>
      fc.tuple(cellAt(c1, r1), cellAt(c2, r2)).map(([a, b]) => `${s}${a}:${b}`),
    ),
  fc
    .tuple(dollar, dollar, ordered(colNo))
    .map(([a, b, [c, d]]) => `${a}${colLetters(c)}:${b}${colLetters(d)}`),
  fc
    .tuple(dollar, dollar, ordered(rowNo))
    .map(([a, b, [r, t]]) => `${a}${r}:${b}${t}`),
);
// text that looks like references must not move (no "" inside: HyperFormula does not read it;
// the examples below have it)
const text = fc
  .array(fc.constantFrom("A1", "$B$2", "C3:D4", "客户", " ", "Data!E5"), {
    maxLength: 4,
  })
  .map((p) => `"${p.join("")}"`);
const term = fc.oneof(
  { weight: 4, arbitrary: ref },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }).map(String) },
  { weight: 1, arbitrary: cell.map((c) => `LOG10(${c})`) },
);
const formula = fc
  .array(fc.tuple(fc.constantFrom(",", "+", "&", "*"), term), {
    minLength: 1,
    maxLength: 5,
  })
  .map((ts) => `COUNTA(${ts.map(([op, t], i) => (i ? op : "") + t).join("")})`);

const hfAddress = (a: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
  let c = 0;
  for (const ch of m[1] as string) c = c * 26 + ch.charCodeAt(0) - 64;
  return { sheet: 0, col: c - 1, row: Number(m[2]) - 1 };
};

test("property: a filled-down or filled-across formula reads as HyperFormula moves it (copy, paste)", () => {
  fc.assert(
    fc.property(
      formula,
      fc.integer({ min: 151, max: 200 }),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: -150, max: 150 }),
      fc.integer({ min: -2, max: 40 }),
      (f, r, c, dr, dc) => {
        const from = `${colLetters(c + 2)}${r}`;
        const to = `${colLetters(c + 2 + dc)}${r + dr}`;
        const hf = HyperFormula.buildFromSheets(
          { Sheet1: [], Data: [], "Sheet 2": [], "it's": [] },
          { licenseKey: "gpl-v3" },
        );
        expect(hf.validateFormula(`=${f}`)).toBe(true);
        hf.setCellContents(hfAddress(from), `=${f}`);
        hf.copy({ start: hfAddress(from), end: hfAddress(from) });
        hf.paste(hfAddress(to));
        const moved = hf.getCellFormula(hfAddress(to));
        expect(moved).toMatch(/^=COUNTA\(/);
        // both read back through the parser, which orders a range's ends (C$200:C199 → C199:C$200)
        const parsed = (g: string) => {
          hf.setCellContents(hfAddress(to), g);
          return hf.getCellFormula(hfAddress(to));
        };
        expect(parsed(`=${translateFormula(f, from, to)}`)).toBe(
          parsed(moved as string),
        );
        hf.setCellContents(hfAddress(to), null);
      },
    ),
    { numRuns: 100 },
  );
});

test("examples: relative and absolute references, text, names, functions, off the sheet", () => {
  const t = (f: string, to: string) => translateFormula(f, "K2", to);
  expect(t("F2*2", "K7")).toBe("F7*2");
  expect(t("VLOOKUP(A2,$Z:$Z,2,0)", "K3")).toBe("VLOOKUP(A3,$Z:$Z,2,0)");
  expect(t("SUM($A$1:A2)+A$2+$A2", "L5")).toBe("SUM($A$1:B5)+B$2+$A5");
  expect(t('IF(B2="A1""B2",LOG10(C2),Sheet1!D2)', "K3")).toBe(
    'IF(B3="A1""B2",LOG10(C3),Sheet1!D3)',
  );
  expect(t("'Sheet 2'!B2&Table1[@客户]&Table1[[#This Row],[A1]]", "K4")).toBe(
    "'Sheet 2'!B4&Table1[@客户]&Table1[[#This Row],[A1]]",
  );
  expect(t("2:2", "K3")).toBe("3:3");
  expect(t("B1-1", "K1")).toBe("#REF!-1");
  expect(t("TAX2026*1", "K3")).toBe("TAX2027*1"); // a cell of column TAX, as Excel reads it
  expect(t("ABCD2*1", "K3")).toBe("ABCD2*1"); // past column XFD: a name
});

test("the scan takes formulas from XML cut anywhere, shared ones translated, results typed", () => {
  const xml =
    '<sheetData><row r="2"><c r="A2" t="e"><f>VLOOKUP(B2,Z:Z,2,0)</f><v>#N/A</v></c>' +
    '<c r="K2"><f t="shared" ref="K2:K4" si="0">F2&gt;2</f><v>0</v></c></row>' +
    '<row r="3"><c r="K3" t="b"><f t="shared" si="0"/><v>1</v></c><c r="L3" t="s"><v>4</v></c></row>' +
    '<row r="4"><c r="K4" t="str"><f t="shared" si="0"/><v>a&amp;b</v></c>' +
    '<c r="M4" cm="1"><f t="array" ref="M4:M5">K2:K3*2</f><v>0</v></c></row></sheetData>';
  for (let cut = 1; cut < xml.length; cut += 7) {
    const scan = new FormulaScan();
    scan.feed(xml.slice(0, cut));
    scan.feed(xml.slice(cut));
    expect(Object.fromEntries(scan.takeRow(2) ?? [])).toEqual({
      1: { formula: "VLOOKUP(B2,Z:Z,2,0)", type: "e", cached: "#N/A" },
      11: { formula: "F2>2", cached: "0" },
    });
    expect(Object.fromEntries(scan.takeRow(3) ?? [])).toEqual({
      11: { formula: "F3>2", type: "b", cached: "1" },
    });
    expect(Object.fromEntries(scan.takeRow(4) ?? [])).toEqual({
      11: { formula: "F4>2", type: "str", cached: "a&b" },
      13: { formula: "K2:K3*2", arrayRef: "M4:M5", cached: "0" },
    });
    expect(scan.takeRow(2)).toBeUndefined(); // handed out once
  }
});

test("the scan keeps no more than an unfinished cell between chunks (an <f outside a cell is skipped)", () => {
  const scan = new FormulaScan();
  const held = () => (scan as unknown as { rest: string }).rest.length;
  scan.feed('<sheetPr><f x="1"/></sheetPr><sheetData>');
  for (let r = 1; r <= 2000; r++)
    scan.feed(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><f>A${r}*2</f><v>${2 * r}</v></c></row>`,
    );
  expect(held()).toBeLessThan(10);
  expect(Object.fromEntries(scan.takeRow(2000) ?? [])).toEqual({
    2: { formula: "A2000*2", cached: "4000" },
  });
  scan.feed('<row r="2001"><c r="B2001"><f>A1');
  expect(held()).toBeLessThan(40);
});

test("the value copied: a formula with its typed result (an array formula keeps its range); no formula known, the result alone", () => {
  expect(
    formulaValue(
      { formula: "A1:A2*2", arrayRef: "B1:B2", cached: "2" },
      undefined,
      false,
    ),
  ).toEqual({
    formula: "A1:A2*2",
    result: 2,
    shareType: "array",
    ref: "B1:B2",
  });
  expect(
    formulaValue(
      { formula: "NA()", type: "e", cached: "#N/A" },
      undefined,
      false,
    ),
  ).toEqual({
    formula: "NA()",
    result: { error: "#N/A" },
  });
  expect(
    formulaValue({ formula: "D2+1", cached: "46346" }, "yyyy-mm-dd", false),
  ).toEqual({
    formula: "D2+1",
    result: new Date(Date.UTC(2026, 10, 20)),
  });
  expect(
    formulaValue({ formula: "D2+1", cached: "44884" }, "yyyy-mm-dd", true),
  ).toEqual({
    formula: "D2+1",
    result: new Date(Date.UTC(2026, 10, 20)), // 1904 system: 1462 days later
  });
  expect(formulaValue({ type: "b", cached: "1" }, undefined, false)).toBe(true);
  expect(formulaValue({ formula: "K10*2" }, undefined, false)).toEqual({
    formula: "K10*2",
  });
});
