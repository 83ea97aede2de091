/** Phone keys (SPEC §11): every way reps type a phone gives the same key. */
import fc from "fast-check";
import { normalisePhone } from "../../src/duplicates/normalisePhone";
import { companyKey, customerKey } from "../../src/duplicates/customerKey";

const FULL = (s: string) =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe("normalisePhone", () => {
  test.each([
    ["13812345678", "13812345678"],
    [13812345678, "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["(138)1234-5678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+86-13812345678", "13812345678"],
    ["0086 138 1234 5678", "13812345678"],
    ["008613812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["＋８６ １３８１２３４５６７８", "13812345678"],
    [FULL("13812345678"), "13812345678"],
    ["１３８－１２３４－５６７８", "13812345678"],
    ["(010) 6552-8888", "01065528888"],
    ["010-65528888", "01065528888"],
    ["+86 10 6552 8888", "1065528888"],
    ["tel: 138.1234.5678", "13812345678"],
  ])("%p → %p", (raw, key) => {
    expect(normalisePhone(raw)).toBe(key);
  });

  test.each([
    ["", ""],
    [null, ""],
    ["无", ""],
    ["123", ""],
    [true, ""],
    [1.5, ""],
  ])("unusable %p → empty", (raw, key) => {
    expect(normalisePhone(raw)).toBe(key);
  });

  test("property: any mobile number in any of the forms gives its 11 digits", () => {
    const mobile = fc
      .tuple(
        fc.constantFrom("13", "15", "17", "18", "19"),
        fc.stringMatching(/^[0-9]{9}$/),
      )
      .map(([a, b]) => a + b);
    const sep = fc.constantFrom("", " ", "-", "　", " - ");
    const prefix = fc.constantFrom(
      "",
      "+86",
      "+86 ",
      "0086",
      "0086-",
      "86",
      "＋86 ",
    );
    fc.assert(
      fc.property(
        mobile,
        sep,
        prefix,
        fc.boolean(),
        fc.boolean(),
        (m, s, p, full, parens) => {
          let body = `${m.slice(0, 3)}${s}${m.slice(3, 7)}${s}${m.slice(7)}`;
          if (parens) body = `(${m.slice(0, 3)})${s}${m.slice(3)}`;
          const typed = p + body;
          expect(normalisePhone(full ? FULL(typed) : typed)).toBe(m);
        },
      ),
    );
  });
});

describe("customerKey", () => {
  test.each([
    ["王伟", "上海星辰科技有限公司", "王 伟", "上海星辰科技", true],
    ["王伟", "上海星辰科技股份有限公司", "王伟", "上海星辰科技公司", true],
    ["Li Na", "Acme Co., Ltd.", "li na", "ACME", true],
    ["Li Na", "Acme Inc", "LI  NA", "acme", true],
    ["Ｌｉ Ｎａ", "ＡＣＭＥ", "Li Na", "Acme", true],
    ["王伟", "上海星辰科技", "王伟", "北京星辰科技", false],
    ["王伟", "上海星辰科技", "王芳", "上海星辰科技", false],
    ["Tom", "Costco", "Tom", "Cost", false],
  ])("%s / %s vs %s / %s → same: %p", (n1, c1, n2, c2, same) => {
    expect(customerKey(n1, c1) === customerKey(n2, c2)).toBe(same);
    expect(customerKey(n1, c1)).not.toBe("");
  });

  test("a name alone or a company alone is no key", () => {
    expect(customerKey("王伟", "")).toBe("");
    expect(customerKey("", "上海星辰科技")).toBe("");
    expect(companyKey("有限公司")).not.toBe(""); // a bare suffix is not stripped to nothing
  });
});
