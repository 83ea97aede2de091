/** SPEC §9 buyer roles: each role, its focus, the title keywords. */
import { F, call, cell, col, err, useLanguage } from "../helpers";

beforeAll(() => useLanguage("zh"));

describe("ROLE from a job title (SPEC §9 keyword table)", () => {
  test.each<[string, string]>([
    ["总经理", "决策者"],
    ["董事长", "决策者"],
    ["CEO", "决策者"],
    ["老板", "决策者"],
    ["采购经理", "采购者"],
    ["Procurement lead", "采购者"],
    ["高级工程师", "影响者"],
    ["技术总监", "影响者"],
    ["行业专家", "影响者"],
    ["外部顾问", "影响者"],
    ["设备操作员", "使用者"],
    ["系统使用部门", "使用者"],
    ["end user", "使用者"],
    ["内线", "教练"],
    ["Sales coach", "教练"],
  ])("%p → %p", (title, role) =>
    expect(call(F.role, cell(title))).toEqual([role]),
  );
  test("no keyword → #N/A naming the title", () =>
    expect(call(F.role, cell("实习生"))).toEqual([
      { error: "#N/A", message: '职位: "实习生" 中没有可识别的角色关键词' },
    ]));
  test("English labels", () =>
    expect(call(F.role, col("CEO", "procurement", null), "en")).toEqual([
      "Decision maker",
      "Buyer",
      "",
    ]));
});

describe("ROLE from an English job title ([default] keywords)", () => {
  test.each<[string, string]>([
    ["Purchasing Manager", "Buyer"],
    ["Procurement Lead", "Buyer"],
    ["Buyer", "Buyer"],
    ["Senior Purchaser", "Buyer"],
    ["Sourcing Specialist", "Buyer"],
    ["CTO", "Influencer"],
    ["Head of IT", "Influencer"],
    ["IT Manager", "Influencer"],
    ["Engineer", "Influencer"],
    ["Solutions Architect", "Influencer"],
    ["End user", "User"],
    ["Operator", "User"],
    ["Machine operator", "User"],
    ["Champion", "Coach"],
    ["Internal champion", "Coach"],
    ["General Manager", "Decision maker"],
    ["Managing Director", "Decision maker"],
    ["Founder & CEO", "Decision maker"],
    ["Owner", "Decision maker"],
    ["CFO", "Decision maker"],
  ])("%p → %p", (title, role) =>
    expect(call(F.role, cell(title), "en")).toEqual([role]),
  );
  test("the longest keyword wins at a position, the leftmost keyword decides", () => {
    // "Procurement Engineer": procurement is leftmost; "chief technology officer" is one keyword
    expect(call(F.role, cell("Procurement Engineer"), "en")).toEqual(["Buyer"]);
    expect(call(F.role, cell("Chief Technology Officer"), "en")).toEqual([
      "Influencer",
    ]);
    expect(call(F.role, cell("Chief Executive Officer"), "en")).toEqual([
      "Decision maker",
    ]);
  });
  test("keywords are whole words: no role hidden inside another word", () => {
    expect(call(F.role, cell("Edit Manager"), "en")).toEqual([err("#N/A")]);
    expect(call(F.role, cell("Cooperator"), "en")).toEqual([err("#N/A")]);
  });
});

describe("ROLEFOCUS (SPEC §9)", () => {
  test.each<[string, string]>([
    ["决策者", "strategy and financial impact"],
    ["影响者", "expert opinion and advice"],
    ["使用者", "usability and support"],
    ["采购者", "price, contract terms and supplier reputation"],
    ["教练", "internal process and the decision maker's preferences"],
    ["Decision maker", "strategy and financial impact"],
    ["采购经理", "price, contract terms and supplier reputation"],
  ])("%p → %p", (role, focus) =>
    expect(call(F.rolefocus, cell(role), "en")).toEqual([focus]),
  );
  test("an unknown role is #VALUE!", () =>
    expect(call(F.rolefocus, cell("路人"))).toEqual([err("#VALUE!")]));
  test("ROLEFOCUS(ROLE(title)) in Chinese", () =>
    expect(call(F.rolefocus, cell(call(F.role, cell("采购主管"))[0]))).toEqual([
      "价格、合同条款和供应商的信誉",
    ]));
});
