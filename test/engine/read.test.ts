/** SPEC §1: the one reader of loose cell values, on the messy forms teams type. */
import { compile } from "../../src/engine/compiled";
import { DEFAULT_CRITERIA } from "../../src/engine/criteria";
import {
  blankish,
  isBlankCell,
  readDate,
  readNumber,
  readYesNo,
  serialFromYMD,
  ymdFromSerial,
} from "../../src/engine/read";

const c = compile(DEFAULT_CRITERIA);

describe("yes-like and no-like (SPEC §1)", () => {
  test.each([
    "TRUE",
    "true",
    1,
    "1",
    "是",
    "有",
    "对",
    "Y",
    "y",
    "Yes",
    "YES",
    " yes ",
    "√",
    "✓",
    "✔",
    "A",
    "a",
    "高",
    "强",
    "好",
    "满意",
    "Ａ",
    "ＹＥＳ",
    true,
  ])("%p is yes-like", (v) => expect(readYesNo(v, c)).toBe(true));
  test.each([
    "FALSE",
    0,
    "0",
    "否",
    "无",
    "没有",
    "N",
    "No",
    "×",
    "✗",
    "B",
    "b",
    "低",
    "弱",
    "差",
    "一般",
    "不满意",
    "Ｂ",
    "ＮＯ",
    false,
  ])("%p is no-like", (v) => expect(readYesNo(v, c)).toBe(false));
  test.each(["maybe", "C", 2, -1, "是的吧", "", "A+"])("%p is neither", (v) =>
    expect(readYesNo(v, c)).toBeUndefined(),
  );
});

describe("numbers (SPEC §1)", () => {
  test.each<[unknown, number]>([
    [8000, 8000],
    ["8000", 8000],
    ["８０００", 8000],
    ["8,000", 8000],
    ["８，０００", 8000],
    ["1,234,567.5", 1234567.5],
    ["¥8000", 8000],
    ["￥8,000", 8000],
    ["$12.5", 12.5],
    ["8000元", 8000],
    ["1.5万", 15000],
    ["3万元", 30000],
    ["85%", 0.85],
    ["８５％", 0.85],
    [" 42 ", 42],
    ["-3", -3],
    ["¥-3", -3],
    ["3次", 3],
    ["30天", 30],
    [".5", 0.5],
  ])("%p → %p", (v, n) => expect(readNumber(v)).toBeCloseTo(n, 9));

  test.each([
    "",
    "abc",
    "8,00",
    "1,2345",
    "8000.00.1",
    "万",
    "%",
    "--3",
    true,
    null,
    NaN,
    Infinity,
  ])("%p is not a number", (v) => expect(readNumber(v)).toBeUndefined());
});

describe("dates (SPEC §1)", () => {
  const nov25 = 46351; // 2026-11-25 in Excel's serial numbers
  test("serial of 2026-11-25", () =>
    expect(serialFromYMD(2026, 11, 25)).toBe(nov25));
  test.each<[unknown, number]>([
    [nov25, nov25],
    [nov25 + 0.75, nov25],
    ["2026-11-25", nov25],
    ["2026/11/25", nov25],
    ["2026.11.25", nov25],
    ["2026年11月25日", nov25],
    ["２０２６年１１月２５日", nov25],
    ["2026-1-5", serialFromYMD(2026, 1, 5) as number],
    ["2026-11-25 14:30", nov25],
  ])("%p → serial", (v, n) => expect(readDate(v)).toBe(n));
  test.each([
    "2026-02-30",
    "2026-13-01",
    "25/11/2026",
    "yesterday",
    "",
    0,
    -5,
    true,
  ])("%p is not a date", (v) => expect(readDate(v)).toBeUndefined());
  test("serials print back as ISO dates", () =>
    expect(ymdFromSerial(nov25)).toBe("2026-11-25"));
  test("1900-03-01 is serial 61 (Excel's own numbering)", () =>
    expect(serialFromYMD(1900, 3, 1)).toBe(61));
});

describe("blanks (SPEC §1)", () => {
  test.each(["", "   ", "\u3000", null, undefined])("%p is blank", (v) =>
    expect(isBlankCell(v)).toBe(true),
  );
  test.each([0, "0", "x", false])("%p is not blank", (v) =>
    expect(isBlankCell(v)).toBe(false),
  );
  test("a numeric 0 is blank-ish (older desktop builds, office-js #4702), text 0 is not", () => {
    expect(blankish(0)).toBe(true);
    expect(blankish("0")).toBe(false);
  });
});
