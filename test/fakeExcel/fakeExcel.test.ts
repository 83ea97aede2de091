/**
 * The fake Excel host against Excel's documented behaviour, one describe per fidelity point.
 * Each test names what it models; the sources are cited at the top of fakeExcel.ts and in the
 * README ("The fake Excel host").
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/no-context-sync-in-loop --
   these tests read early and sync in loops on purpose: the fake must fail the way Excel does. */
import fc from "fast-check";
import {
  FakeError,
  FakeWorkbook,
  MAX_COLS,
  MAX_ROWS,
  installFakeOffice,
  parseTyped,
  dateSerial,
} from "./fakeExcel";

function book(options: ConstructorParameters<typeof FakeWorkbook>[0] = {}) {
  return installFakeOffice(new FakeWorkbook(options));
}
const S = "Sheet1";
async function rejection(p: Promise<unknown>): Promise<FakeError> {
  try {
    await p;
  } catch (e) {
    return e as FakeError;
  }
  throw new Error("expected a rejection");
}

describe("1. operations are queued until sync; loads resolve at sync; a failing batch stops where it fails", () => {
  test("a write is not in the workbook before sync, and is after", async () => {
    const wb = book();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      sheet.getRange("A1").values = [["x"]];
      expect(wb.formulaAt(S, 0, 0)).toBe("");
      await context.sync();
      expect(wb.formulaAt(S, 0, 0)).toBe("x");
    });
  });

  test("reading before load, or after load but before sync, throws PropertyNotLoaded with Excel's errorLocation", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [[1, 2]]);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(S).getRange("A1:B1");
      let err: FakeError | undefined;
      try {
        void r.values;
      } catch (e) {
        err = e as FakeError;
      }
      expect(err?.code).toBe("PropertyNotLoaded");
      expect(err?.name).toBe("RichApi.Error");
      expect(err?.debugInfo.errorLocation).toBe("Range.values");
      r.load("values");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(r.values).toEqual([[1, 2]]);
    });
  });

  test("a load sees the writes queued before it in the same batch, not those after", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [["old"]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      const before = sheet.getRange("A1").load("values");
      sheet.getRange("A1").values = [["new"]];
      const after = sheet.getRange("A1").load("values");
      sheet.getRange("A1").values = [["newer"]];
      await context.sync();
      expect(before.values).toEqual([["old"]]);
      expect(after.values).toEqual([["new"]]);
    });
    expect(wb.formulaAt(S, 0, 0)).toBe("newer");
  });

  test("part-way failure: operations before the failing one are applied, it and the rest are not; the error says where", async () => {
    const wb = book();
    wb.merge({ sheet: S, r: 1, c: 0, h: 1, w: 2 }); // A2:B2 merged
    const err = await rejection(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(S);
        sheet.getRange("A1").values = [["first"]];
        sheet.getRange("B2").values = [["into a merged cell"]];
        sheet.getRange("A3").values = [["after"]];
        const r = sheet.getRange("A1").load("values");
        try {
          await context.sync();
        } finally {
          expect(() => r.values).toThrow(/PropertyNotLoaded/); // a failed batch returns no values
        }
      }),
    );
    expect(err.code).toBe("InvalidOperation");
    expect(err.debugInfo.errorLocation).toBe("Range.values");
    expect(err.debugInfo.surroundingStatements).toContain("Range.values");
    expect(wb.formulaAt(S, 0, 0)).toBe("first");
    expect(wb.formulaAt(S, 1, 1)).toBe("");
    expect(wb.formulaAt(S, 2, 0)).toBe("");
  });

  test("Excel.run sends what is still queued when the batch returns; a batch that throws sends nothing more", async () => {
    const wb = book();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(S).getRange("A1").values = [["sent"]];
    });
    expect(wb.formulaAt(S, 0, 0)).toBe("sent");
    await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(S).getRange("A2").values = [
          ["lost"],
        ];
        throw new Error("the add-in's own bug");
      }),
    );
    expect(wb.formulaAt(S, 1, 0)).toBe("");
  });

  test("getCount() is a ClientResult: readable after sync; *OrNullObject gives isNullObject after sync without load", async () => {
    book();
    await Excel.run(async (context) => {
      const n = context.workbook.worksheets.getCount();
      const missing = context.workbook.worksheets.getItemOrNullObject("nope");
      expect(() => n.value).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(n.value).toBe(1);
      expect(missing.isNullObject).toBe(true);
    });
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("nope").getRange("A1").values = [
          [1],
        ];
        await context.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    expect(err.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
  });
});

describe("2. payload limits and sheet bounds", () => {
  test("a request over 5 MB (UTF-8 JSON) is rejected whole: nothing in it is applied", async () => {
    const wb = book();
    const note = "很长的备注".repeat(40); // 200 characters, 600 bytes in UTF-8
    const rows = Array.from({ length: 9000 }, (_, i) => [`${note}${i}`]);
    const err = await rejection(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(S);
        sheet.getRange("B1").values = [["before"]];
        sheet.getRangeByIndexes(0, 0, rows.length, 1).values = rows;
        await context.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.requestBytes.at(-1)).toBeGreaterThan(5 * 1024 * 1024);
    expect(wb.formulaAt(S, 0, 1)).toBe("");
    expect(wb.formulaAt(S, 0, 0)).toBe("");
    // the same rows in two requests pass
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      for (const start of [0, 4500]) {
        sheet.getRangeByIndexes(start, 0, 4500, 1).values = rows.slice(
          start,
          start + 4500,
        );
        await context.sync();
      }
    });
    expect(wb.formulaAt(S, 8999, 0)).toBe(`${note}8999`);
    expect(Math.max(...wb.requestBytes.slice(-2))).toBeLessThan(
      5 * 1024 * 1024,
    );
  });

  test("a response over 5 MB is rejected; the counters record bytes both ways", async () => {
    const wb = book();
    const note = "客户说下周再联系".repeat(25);
    wb.setValues(
      S,
      0,
      0,
      Array.from({ length: 12000 }, (_, i) => [`${note}${i}`]),
    );
    const err = await rejection(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets
          .getItem(S)
          .getRangeByIndexes(0, 0, 12000, 1)
          .load("values");
        await context.sync();
        void r.values;
      }),
    );
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(wb.responseBytes.at(-1)).toBeGreaterThan(5 * 1024 * 1024);
    const syncs = wb.syncs;
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets
        .getItem(S)
        .getRangeByIndexes(0, 0, 3000, 1)
        .load("values");
      await context.sync();
      expect(r.values[2999]![0]).toBe(`${note}2999`);
    });
    expect(wb.syncs).toBe(syncs + 1);
    // 3,000 notes of 200 Chinese characters ≈ 1.8 MB of UTF-8
    expect(wb.responseBytes.at(-1)).toBeGreaterThan(3000 * 600);
    expect(wb.requests.at(-1)!.cellsRead).toBe(3000);
  });

  test.each([
    [
      "getRangeByIndexes past the last row",
      (s: Excel.Worksheet) => s.getRangeByIndexes(MAX_ROWS - 1, 0, 2, 1),
    ],
    [
      "getRangeByIndexes past the last column",
      (s: Excel.Worksheet) => s.getRangeByIndexes(0, MAX_COLS, 1, 1),
    ],
    ["getRange beyond XFD", (s: Excel.Worksheet) => s.getRange("XFE1")],
    [
      "getRange beyond row 1,048,576",
      (s: Excel.Worksheet) => s.getRange("A1048577"),
    ],
    [
      "a negative offset",
      (s: Excel.Worksheet) => s.getRange("A1").getOffsetRange(-1, 0),
    ],
  ])("%s is rejected at sync (InvalidArgument)", async (_label, make) => {
    book();
    const err = await rejection(
      Excel.run(async (context) => {
        make(context.workbook.worksheets.getItem(S)).load("address");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("the last cell XFD1048576 is fine; reading more than 5,000,000 cells is an error", async () => {
    book();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets
        .getItem(S)
        .getRange("XFD1048576")
        .load("address");
      await context.sync();
      expect(r.address).toBe("Sheet1!XFD1048576");
    });
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(S).getRange("A:E").load("values"); // 5,242,880 cells
        await context.sync();
      }),
    );
    expect(err.code).toBe("RangeExceedsLimit");
  });
});

describe("3. text is parsed as Excel parses typed input", () => {
  test.each<[string, unknown, string]>([
    ["00123", 123, "General"],
    ["2026-11-25", 46351, "yyyy-mm-dd"],
    ["TRUE", true, "General"],
    ["false", false, "General"],
    ["1,234", 1234, "General"],
    ["50%", 0.5, "0%"],
    ["-1.5", -1.5, "General"],
    ["1e3", 1000, "General"],
    ["'00123", "00123", "General"],
    ["'TRUE", "TRUE", "General"],
    ["A（经理确认）", "A（经理确认）", "General"],
    ["19-8-2025", "19-8-2025", "General"], // locale-shaped dates stay text (Range.values docs)
    ["#N/A", "#N/A", "General"],
  ])(
    "%s written through values and formulas is stored as %p",
    async (text, stored, nf) => {
      const wb = book();
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(S);
        sheet.getRange("A1").values = [[text]];
        sheet.getRange("B1").formulas = [[text]];
        await context.sync();
      });
      for (const c of [0, 1]) {
        expect(wb.cell(S, 0, c)?.v).toBe(stored);
        expect(wb.cell(S, 0, c)?.nf ?? "General").toBe(nf);
      }
    },
  );

  test("text starting with = (or a non-numeric +/-) becomes a formula; in a text-formatted (@) cell everything stays text", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [[null, null, null]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      sheet.getRange("C1:C4").numberFormat = [["@"], ["@"], ["@"], ["@"]];
      sheet.getRange("A1:B1").formulas = [["=SUM(1,2)", "+x"]];
      sheet.getRange("C1:C4").formulas = [
        ["00123"],
        ["2026-11-25"],
        ["=1+1"],
        ["TRUE"],
      ];
      await context.sync();
    });
    expect(wb.cell(S, 0, 0)?.f).toBe("=SUM(1,2)");
    expect(wb.cell(S, 0, 1)?.f).toBe("=+x");
    expect([0, 1, 2, 3].map((r) => wb.cell(S, r, 2)?.v)).toEqual([
      "00123",
      "2026-11-25",
      "=1+1",
      "TRUE",
    ]);
    expect(wb.cell(S, 2, 2)?.f).toBeUndefined();
  });

  test('null in a written array leaves that cell alone; "" clears it', async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [["keep", "clear"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(S).getRange("A1:B1").values = [
        [null, ""],
      ] as unknown as string[][];
      await context.sync();
    });
    expect(wb.formulaAt(S, 0, 0)).toBe("keep");
    expect(wb.formulaAt(S, 0, 1)).toBe("");
  });

  test("property: integers with leading zeros, thousands separators and signs parse to the number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.nat(3),
        (n, zeros) => {
          const plain = `${n < 0 ? "-" : ""}${"0".repeat(zeros)}${Math.abs(n)}`;
          const grouped = `${n < 0 ? "-" : ""}${Math.abs(n).toLocaleString("en-US")}`;
          return (
            parseTyped(plain).v === n &&
            parseTyped(grouped).v === n &&
            parseTyped(`'${plain}`).v === plain
          );
        },
      ),
    );
  });

  test("property: every valid ISO date is a serial with a date format; serials count days from 1899-12-30", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 2, 1)),
          max: new Date(Date.UTC(9999, 11, 31)),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const p = parseTyped(iso);
          return (
            p.nf === "yyyy-mm-dd" &&
            p.v ===
              dateSerial(
                d.getUTCFullYear(),
                d.getUTCMonth() + 1,
                d.getUTCDate(),
              ) &&
            p.v ===
              Math.floor(
                (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) -
                  Date.UTC(1899, 11, 30)) /
                  86400000,
              )
          );
        },
      ),
    );
    expect(parseTyped("2026-02-30").v).toBe("2026-02-30");
  });
});

describe("4. Excel tables", () => {
  test("tables.add with headers; header, body and totals row ranges; showTotals adds a row", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [
      ["姓名", "金额"],
      ["甲", 1],
      ["乙", 2],
    ]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      const t = sheet.tables.add("A1:B3", true);
      t.load("name");
      const body = t.getDataBodyRange().load("address");
      const header = t.getHeaderRowRange().load("values");
      await context.sync();
      expect(t.name).toBe("Table1");
      expect(body.address).toBe("Sheet1!A2:B3");
      expect(header.values).toEqual([["姓名", "金额"]]);
      t.showTotals = true;
      const total = t.getTotalRowRange().load("address");
      const body2 = t.getDataBodyRange().load("address");
      await context.sync();
      expect(total.address).toBe("Sheet1!A4:B4");
      expect(body2.address).toBe("Sheet1!A2:B3"); // the totals row is not part of the body
    });
    expect(wb.tables[0]!.rows).toBe(4);
  });

  test("totals row: getTotalRowRange fails without one; showTotals fails when the row below is not empty", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [["h"], [1], ["below"]]);
    wb.addTable("T", S, 0, 0, 2, 1);
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("T").getTotalRowRange().load("address");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidOperation");
    const err2 = await rejection(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("T").showTotals = true;
        await context.sync();
      }),
    );
    expect(err2.debugInfo.errorLocation).toBe("Table.showTotals");
    expect(wb.formulaAt(S, 2, 0)).toBe("below");
  });

  test("columns.add at the end inserts cells over the table's rows: content right of the table shifts, nothing is overwritten, other rows stay", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [
      ["姓名", "跟进", "别人的备注"],
      ["甲", "约访", "不要动"],
      ["乙", "开会", null],
      [null, null, "表下面"],
    ]);
    wb.addTable("T", S, 0, 0, 3, 2);
    await Excel.run(async (context) => {
      const col = context.workbook.tables
        .getItem("T")
        .columns.add(undefined, undefined, "等级");
      col.load("name,index");
      await context.sync();
      expect([col.name, col.index]).toEqual(["等级", 2]);
    });
    expect(wb.tables[0]!.cols).toBe(3);
    expect(wb.formulaAt(S, 0, 2)).toBe("等级");
    expect(wb.formulaAt(S, 0, 3)).toBe("别人的备注");
    expect(wb.formulaAt(S, 1, 3)).toBe("不要动");
    expect(wb.formulaAt(S, 3, 2)).toBe("表下面"); // below the table: not moved
  });

  test("columns.add in the middle shifts the table's later columns; a shift through another table fails with InsertDeleteConflict", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [
      ["a", "b"],
      [1, 2],
    ]);
    wb.addTable("T", S, 0, 0, 2, 2);
    wb.setValues(S, 1, 3, [["x"], [3]]);
    wb.addTable("U", S, 1, 3, 2, 1); // starts one row lower, to the right
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("T").columns.add(1, undefined, "new");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InsertDeleteConflict");
    expect(wb.tables[0]!.cols).toBe(2);
    wb.tables.splice(1, 1);
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").columns.add(1, undefined, "new");
      await context.sync();
    });
    expect([0, 1, 2].map((c) => wb.formulaAt(S, 0, c))).toEqual([
      "a",
      "new",
      "b",
    ]);
    expect(wb.formulaAt(S, 1, 2)).toBe(2);
  });

  test("a formula written into one cell of an empty table column fills the column (calculated column); a spill inside a table is #SPILL!", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [
      ["n", "double", "spill"],
      [1, null, null],
      [2, null, null],
      [3, null, null],
    ]);
    wb.addTable("T", S, 0, 0, 4, 3);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      sheet.getRange("B2").formulas = [["=A2*2"]];
      sheet.getRange("C2:C4").formulas = [["=SEQUENCE(2)"], ["=A3"], ["=A4"]];
      await context.sync();
      const v = sheet.getRange("C2:C3").load("values");
      await context.sync();
      expect(v.values).toEqual([["#SPILL!"], [""]]);
    });
    expect([1, 2, 3].map((r) => wb.formulaAt(S, r, 1))).toEqual([
      "=A2*2",
      "=A3*2",
      "=A4*2",
    ]);
    expect(wb.tables[0]!.calculated.get(1)).toBe("=A2*2");
  });
});

describe("5. column insertion and deletion, sort, rename, sheet ids", () => {
  function leads(wb: FakeWorkbook) {
    wb.setValues(S, 0, 0, [
      ["姓名", "付款", "等级"],
      ["甲", "是", "=B2"],
      ["乙", "否", "=B3"],
    ]);
    wb.setValues(S, 1, 2, [["=B2"]]);
    wb.cell(S, 1, 1)!.nf = "@";
    wb.addConditionalFormat({ sheet: S, r: 1, c: 2, h: 2, w: 1 }, "CellValue", {
      formula1: '="A"',
    });
  }

  test("getRange('B:B').insert(right) shifts cells, formats, conditional formats and formula references", async () => {
    const wb = book();
    leads(wb);
    await Excel.run(async (context) => {
      context.workbook.worksheets
        .getItem(S)
        .getRange("B:B")
        .insert(Excel.InsertShiftDirection.right);
      await context.sync();
    });
    expect([0, 1, 2, 3].map((c) => wb.formulaAt(S, 1, c))).toEqual([
      "甲",
      "",
      "是",
      "=C2",
    ]);
    expect(wb.cell(S, 1, 2)?.nf).toBe("@");
    expect(wb.conditionalFormats[0]!.box).toMatchObject({ c: 3, r: 1, h: 2 });
  });

  test("range.insert(right) on a block shifts only the block's rows; delete(left) puts them back", async () => {
    const wb = book();
    leads(wb);
    const before = wb.dump(S);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(S).getRange("B2:B3").insert("Right");
      await context.sync();
    });
    expect(wb.formulaAt(S, 0, 1)).toBe("付款"); // header row not in the block
    expect(wb.formulaAt(S, 1, 2)).toBe("是");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(S).getRange("B2:B3").delete("Left");
      await context.sync();
    });
    expect(wb.dump(S)).toEqual(before);
  });

  test("deleting a column that a formula refers to turns the reference into #REF!", async () => {
    const wb = book();
    leads(wb);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(S).getRange("B:B").delete("Left");
      await context.sync();
    });
    expect(wb.formulaAt(S, 1, 1)).toBe("=#REF!");
  });

  test("sort.apply moves whole rows of the range with their number formats and fills; formulas follow their row", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [
      ["名", "分", "公式"],
      ["甲", 3, "=B2*2"],
      ["乙", 1, "=B3*2"],
      ["丙", 2, "=B4*2"],
    ]);
    wb.setFill({ sheet: S, r: 1, c: 0, h: 1, w: 1 }, "#FF0000");
    wb.cell(S, 1, 1)!.nf = "0.00";
    await Excel.run(async (context) => {
      context.workbook.worksheets
        .getItem(S)
        .getRange("A1:C4")
        .sort.apply([{ key: 1, ascending: true }], false, true);
      await context.sync();
    });
    expect([1, 2, 3].map((r) => wb.formulaAt(S, r, 0))).toEqual([
      "乙",
      "丙",
      "甲",
    ]);
    expect(wb.cell(S, 3, 0)?.fill).toBe("#FF0000");
    expect(wb.cell(S, 3, 1)?.nf).toBe("0.00");
    expect(wb.formulaAt(S, 3, 2)).toBe("=B4*2");
    expect(wb.formulaAt(S, 1, 2)).toBe("=B2*2");
  });

  test("worksheet id is stable across a rename; a new sheet with a deleted sheet's name gets a new id", async () => {
    const wb = book();
    wb.addSheet("其他");
    wb.setValues("其他", 0, 0, [["=Sheet1!A1"]]);
    const ids: string[] = [];
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      sheet.load("id");
      await context.sync();
      ids.push(sheet.id);
      sheet.name = "线索";
      sheet.load("id,name");
      await context.sync();
      ids.push(sheet.id);
      expect(sheet.name).toBe("线索");
    });
    expect(ids[0]).toBe(ids[1]);
    expect(wb.formulaAt("其他", 0, 0)).toBe("=线索!A1");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("线索").delete();
      const again = context.workbook.worksheets.add("线索");
      again.load("id");
      await context.sync();
      expect(again.id).not.toBe(ids[0]);
    });
  });
});

describe("6. merged cells and protected sheets reject writes at sync", () => {
  test("a write covering part of a merged area, or a value into a non-anchor cell, fails; a write of the whole area with blanks passes", async () => {
    const wb = book();
    wb.merge({ sheet: S, r: 0, c: 0, h: 2, w: 2 });
    for (const [address, rows] of [
      ["A1:A2", [["x"], ["y"]]],
      [
        "A1:B2",
        [
          ["x", "y"],
          ["", ""],
        ],
      ],
    ] as const) {
      const err = await rejection(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem(S).getRange(address).values =
            rows as unknown as string[][];
          await context.sync();
        }),
      );
      expect(err.code).toBe("InvalidOperation");
    }
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(S).getRange("A1:B2").values = [
        ["ok", ""],
        ["", ""],
      ];
      await context.sync();
    });
    expect(wb.formulaAt(S, 0, 0)).toBe("ok");
  });

  test("protection.protect(): locked cells refuse writes (AccessDenied); unlocked cells accept them", async () => {
    const wb = book();
    wb.unlock({ sheet: S, r: 0, c: 1, h: 1, w: 1 });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      sheet.protection.protect();
      sheet.protection.load("protected");
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
      sheet.getRange("B1").values = [["unlocked"]];
      await context.sync();
    });
    expect(wb.formulaAt(S, 0, 1)).toBe("unlocked");
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(S).getRange("A1:B1").values = [
          ["locked", "x"],
        ];
        await context.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(wb.formulaAt(S, 0, 0)).toBe("");
    expect(() => wb.type(S, 0, 0, "by hand")).toThrow(/AccessDenied/);
  });
});

describe("7. conditional formats; number formats and fills per cell", () => {
  test("add, getCount, getItemAt, items, delete, clearAll", async () => {
    const wb = book();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(S).getRange("A1:A10");
      const cf = range.conditionalFormats.add(
        Excel.ConditionalFormatType.cellValue,
      );
      cf.cellValue.format.fill.color = "#C6EFCE";
      cf.cellValue.rule = { formula1: '="A"', operator: "EqualTo" };
      const custom = range.conditionalFormats.add(
        Excel.ConditionalFormatType.custom,
      );
      custom.custom.rule.formula = "=A1>1";
      const n = range.conditionalFormats.getCount();
      await context.sync();
      expect(n.value).toBe(2);
      const first = range.conditionalFormats.getItemAt(0).load("type");
      range.conditionalFormats.load("items/type");
      await context.sync();
      expect(first.type).toBe("Custom"); // the newest rule has the highest priority
      expect(range.conditionalFormats.items.map((x) => x.type)).toEqual([
        "Custom",
        "CellValue",
      ]);
      first.delete();
      const m = range.conditionalFormats.getCount();
      await context.sync();
      expect(m.value).toBe(1);
    });
    expect(wb.conditionalFormats[0]!.rule).toEqual({
      formula1: '="A"',
      operator: "EqualTo",
    });
    expect(wb.conditionalFormats[0]!.format.fill.color).toBe("#C6EFCE");
  });

  test("clearAll on part of a rule's cells trims the rule (here: splits it in two) instead of deleting it", async () => {
    const wb = book();
    wb.addConditionalFormat({ sheet: S, r: 0, c: 0, h: 10, w: 1 }, "Custom", {
      formula: "=A1>1",
    });
    wb.addConditionalFormat({ sheet: S, r: 3, c: 0, h: 2, w: 1 }, "Custom", {
      formula: "=TRUE",
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets
        .getItem(S)
        .getRange("A3:A6")
        .conditionalFormats.clearAll();
      await context.sync();
    });
    expect(wb.conditionalFormats).toHaveLength(1); // the rule inside A3:A6 is gone
    expect(wb.conditionalFormats[0]!.areas.map((a) => [a.r, a.h])).toEqual([
      [0, 2],
      [6, 4],
    ]);
  });

  test("property: after clearAll(box) no rule covers a cell of the box, and every cell outside keeps its rules", () => {
    const box = fc.record({
      r: fc.nat(8),
      c: fc.nat(4),
      h: fc.integer({ min: 1, max: 5 }),
      w: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(box, { minLength: 1, maxLength: 4 }),
        box,
        (rules, clear) => {
          const wb = new FakeWorkbook();
          rules.forEach((b, i) =>
            wb.addConditionalFormat({ sheet: S, ...b }, "Custom", {
              formula: `=${i}`,
            }),
          );
          const covering = (r: number, c: number) =>
            wb.conditionalFormats
              .filter((f) =>
                f.areas.some(
                  (a) => r >= a.r && r < a.r + a.h && c >= a.c && c < a.c + a.w,
                ),
              )
              .map((f) => f.rule.formula)
              .sort();
          const before = new Map<string, unknown[]>();
          for (let r = 0; r < 14; r++)
            for (let c = 0; c < 8; c++) before.set(`${r},${c}`, covering(r, c));
          wb.trimConditionalFormats({ sheet: S, ...clear });
          for (let r = 0; r < 14; r++)
            for (let c = 0; c < 8; c++) {
              const inside =
                r >= clear.r &&
                r < clear.r + clear.h &&
                c >= clear.c &&
                c < clear.c + clear.w;
              expect(covering(r, c)).toEqual(
                inside ? [] : before.get(`${r},${c}`),
              );
            }
        },
      ),
    );
  });

  test("number formats and fills are kept per cell and read back (mixed fills load as null)", async () => {
    const wb = book();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      sheet.getRange("A1").format.fill.color = "#FFFF00";
      sheet.getRange("A1:B1").numberFormat = [["0.0", "yyyy-mm-dd"]];
      const one = sheet.getRange("A1").format.fill.load("color");
      const mixed = sheet.getRange("A1:B1").format.fill.load("color");
      const nf = sheet.getRange("A1:B1").load("numberFormat");
      await context.sync();
      expect(one.color).toBe("#FFFF00");
      expect(mixed.color).toBeNull();
      expect(nf.numberFormat).toEqual([["0.0", "yyyy-mm-dd"]]);
    });
    expect(wb.dump(S)).toEqual({
      "0,0": { f: "", nf: "0.0", fill: "#FFFF00" },
      "0,1": { f: "", nf: "yyyy-mm-dd" },
    });
  });
});

describe("8. hidden and filtered rows are still read", () => {
  test("rowHidden and autoFilter hide rows; values still include them", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [
      ["名", "级"],
      ["甲", "A"],
      ["乙", "B"],
      ["丙", "A"],
    ]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      sheet.getRange("A2").getEntireRow().rowHidden = true;
      sheet.autoFilter.apply(sheet.getRange("A1:B4"), 1, {
        filterOn: "Values",
        values: ["A"],
      });
      const all = sheet.getRange("A1:B4").load("values");
      const hidden = sheet.getRange("A3").load("rowHidden");
      await context.sync();
      expect(all.values).toEqual([
        ["名", "级"],
        ["甲", "A"],
        ["乙", "B"],
        ["丙", "A"],
      ]);
      expect(hidden.rowHidden).toBe(true);
    });
    expect([1, 2, 3].map((r) => wb.isRowHidden(S, r))).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe("9. workbook storage, ranges, calculation, events", () => {
  test("a named range follows inserted and deleted columns and a sheet rename; a whole-column name stays put under a sort", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [
      ["a", "b", "c"],
      [2, 1, 3],
    ]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      context.workbook.names.add("SALES_grade", sheet.getRange("C:C"));
      context.workbook.names.add("SALES_cell", sheet.getRange("B2"));
      await context.sync();
      sheet.getRange("A:A").insert("Right");
      sheet.name = "线索";
      sheet.getRange("A1:D2").sort.apply([{ key: 1 }], false, true);
      const n = context.workbook.names.getItem("SALES_grade");
      n.load("formula");
      const r = n.getRange().load("address");
      const cell = context.workbook.names
        .getItem("SALES_cell")
        .getRange()
        .load("address");
      await context.sync();
      expect(n.formula).toBe("=线索!$D:$D");
      expect(r.address).toBe("线索!D:D");
      expect(cell.address).toBe("线索!C2");
      sheet.getRange("D:D").delete("Left");
      const gone = context.workbook.names
        .getItem("SALES_grade")
        .getRangeOrNullObject();
      await context.sync();
      expect(gone.isNullObject).toBe(true);
    });
    expect(wb.names.find((x) => x.name === "SALES_grade")?.box).toBeNull();
  });

  test("names that look like cells or repeat are refused", async () => {
    book();
    for (const [name, code] of [
      ["A1", "InvalidArgument"],
      ["has space", "InvalidArgument"],
      ["ok", "ItemAlreadyExists"],
    ]) {
      const err = await rejection(
        Excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem(S).getRange("A1");
          context.workbook.names.add("ok", range);
          await context.sync();
          context.workbook.names.add(name!, range);
          await context.sync();
        }),
      );
      expect(err.code).toBe(code);
      // names persist across runs: start the next case from a clean book
      book();
    }
  });

  test("worksheet.customProperties: add/getItemOrNullObject/key/value, keys case-insensitive, over 255 characters refused", async () => {
    const wb = book();
    await Excel.run(async (context) => {
      const props = context.workbook.worksheets.getItem(S).customProperties;
      props.add("SALES.outputs", '{"grade":12}');
      props.add("sales.OUTPUTS", '{"grade":13}'); // overwrites: same key, other case
      const p = props.getItemOrNullObject("Sales.Outputs");
      const none = props.getItemOrNullObject("other");
      p.load("key,value");
      const n = props.getCount();
      await context.sync();
      expect([p.key, p.value, n.value, none.isNullObject]).toEqual([
        "sales.OUTPUTS",
        '{"grade":13}',
        1,
        true,
      ]);
    });
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets
          .getItem(S)
          .customProperties.add("k".repeat(256), "v");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(wb.model(S).customProperties.size).toBe(1);
  });

  test("Office settings: set/get/remove in memory; saveAsync stores; refreshAsync reloads what was saved", async () => {
    const wb = book();
    const settings = Office.context.document.settings;
    settings.set("SALES", { a: 1 });
    expect(wb.savedSettings.has("SALES")).toBe(false);
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(wb.savedSettings.get("SALES")).toEqual({ a: 1 });
    settings.remove("SALES");
    expect(settings.get("SALES")).toBeNull();
    await new Promise<void>((resolve) =>
      settings.refreshAsync(() => resolve()),
    );
    expect(settings.get("SALES")).toEqual({ a: 1 });
  });

  test("getCell, getResizedRange, getOffsetRange, getUsedRange(valuesOnly) and getRangeByIndexes address the cells Excel would", async () => {
    const wb = book();
    wb.setValues(S, 2, 1, [
      ["x", null],
      [null, "y"],
    ]);
    wb.cell(S, 2, 1)!.nf = "0";
    wb.setFill({ sheet: S, r: 9, c: 9, h: 1, w: 1 }, "#FF0000");
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      const a = sheet.getRangeByIndexes(2, 1, 2, 2);
      const got = [
        a.getCell(1, 1),
        a.getResizedRange(1, -1),
        a.getOffsetRange(1, 1),
        sheet.getUsedRange(true),
        sheet.getUsedRange(false),
        sheet.getCell(0, 0),
      ].map((r) => r.load("address"));
      await context.sync();
      expect(got.map((r) => r.address)).toEqual([
        "Sheet1!C4",
        "Sheet1!B3:B5",
        "Sheet1!C4:D5",
        "Sheet1!B3:C4",
        "Sheet1!B3:J10",
        "Sheet1!A1",
      ]);
    });
    expect(wb.usedBox(S)).toEqual({ sheet: S, r: 2, c: 1, h: 2, w: 2 });
  });

  test("property: the used range kept on write equals a scan of the cells, after any writes and clears", () => {
    const op = fc.record({
      r: fc.nat(30),
      c: fc.nat(10),
      v: fc.oneof(fc.constant(""), fc.constant("x"), fc.integer()),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const wb = new FakeWorkbook();
        for (const o of ops)
          wb.write({ sheet: S, r: o.r, c: o.c, h: 1, w: 1 }, [[o.v]], "values");
        let r0 = Infinity,
          c0 = Infinity,
          r1 = -1,
          c1 = -1;
        for (let r = 0; r <= 30; r++)
          for (let c = 0; c <= 10; c++)
            if (!wb.isEmpty(S, r, c)) {
              r0 = Math.min(r0, r);
              c0 = Math.min(c0, c);
              r1 = Math.max(r1, r);
              c1 = Math.max(c1, c);
            }
        const expected =
          r1 < 0
            ? null
            : { sheet: S, r: r0, c: c0, h: r1 - r0 + 1, w: c1 - c0 + 1 };
        expect(wb.usedBox(S)).toEqual(expected);
      }),
    );
  });

  test("Excel.run options are recorded; delayForCellEdit waits for the edit to end, without it the run fails", async () => {
    const wb = book();
    wb.cellEditMode = true;
    const err = await rejection(Excel.run(async () => undefined));
    expect(err.code).toBe("InvalidOperationInCellEditMode");
    const waiting = Excel.run(
      { mergeUndoGroup: true, delayForCellEdit: true },
      async (context) => {
        context.workbook.worksheets.getItem(S).getRange("A1").values = [
          ["after the edit"],
        ];
        await context.sync();
      },
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(wb.formulaAt(S, 0, 0)).toBe("");
    wb.cellEditMode = false;
    await waiting;
    expect(wb.formulaAt(S, 0, 0)).toBe("after the edit");
    expect(wb.runs.at(-1)).toEqual({
      mergeUndoGroup: true,
      delayForCellEdit: true,
    });
  });

  test("calculation requests are recorded: which cells, which sheet, markAllDirty", async () => {
    const wb = book();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      sheet.getRange("M2:M5").calculate();
      sheet.getRange("N2:N5").setDirty();
      sheet.calculate(true);
      await context.sync();
    });
    expect(wb.calculations).toEqual([
      { kind: "calculate", sheet: S, address: "M2:M5" },
      { kind: "setDirty", sheet: S, address: "N2:N5" },
      { kind: "sheetCalculate", sheet: S, address: "", markAllDirty: true },
    ]);
  });

  test("event handlers are registered at sync and fired by the test helper", async () => {
    const wb = book();
    const seen: unknown[] = [];
    await Excel.run(async (context) => {
      context.workbook.onSelectionChanged.add(async (e) => {
        seen.push(["selection", (e as unknown as { address: string }).address]);
      });
      context.workbook.worksheets.getItem(S).onChanged.add(async (e) => {
        seen.push(["changed", e.address]);
      });
      expect(wb.handlers).toHaveLength(0);
      await context.sync();
    });
    expect(wb.handlers).toHaveLength(2);
    await wb.select({ sheet: S, r: 1, c: 1, h: 1, w: 1 });
    wb.type(S, 0, 0, "手填");
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([
      ["selection", "B2"],
      ["changed", "A1"],
    ]);
  });
});

describe("10. the model is fast enough to measure the add-in, not itself", () => {
  test("cells are stored by row; a sparse far cell does not allocate the rows before it", () => {
    const wb = new FakeWorkbook();
    wb.setValues(S, MAX_ROWS - 1, MAX_COLS - 1, [["last"]]);
    const s = wb.model(S);
    expect(Object.keys(s.rows)).toEqual([String(MAX_ROWS - 1)]);
    expect(wb.usedBox(S)).toEqual({
      sheet: S,
      r: MAX_ROWS - 1,
      c: MAX_COLS - 1,
      h: 1,
      w: 1,
    });
  });
});

describe("4b. table headers stay unique text", () => {
  test("a header written as a number, a blank or a repeated name is made unique text, as Excel does", async () => {
    const wb = book();
    wb.setValues(S, 0, 0, [
      ["等级", "b", "c"],
      [1, 2, 3],
    ]);
    wb.addTable("T", S, 0, 0, 2, 3);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(S).getRange("B1:C1").values = [
        ["等级", ""],
      ];
      const col = context.workbook.tables
        .getItem("T")
        .columns.add(undefined, undefined, "等级");
      col.load("name");
      await context.sync();
      expect(col.name).toBe("等级3");
    });
    expect([0, 1, 2, 3].map((c) => wb.formulaAt(S, 0, c))).toEqual([
      "等级",
      "等级2",
      "Column3",
      "等级3",
    ]);
  });
});

describe("9b. what other tools record", () => {
  test("range.format settings are recorded in order (fills also per cell); fireChanged runs the sheet's onChanged handlers", async () => {
    const wb = book();
    const seen: string[] = [];
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(S);
      const head = sheet.getRange("A1:C1");
      head.format.font.bold = true;
      head.format.fill.color = "#F2F2F2";
      sheet.getRange("B:B").format.columnWidth = 120;
      sheet.onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await context.sync();
    });
    expect(wb.formats).toEqual([
      { sheet: S, address: "A1:C1", prop: "font.bold", value: true },
      { sheet: S, address: "A1:C1", prop: "fill.color", value: "#F2F2F2" },
      { sheet: S, address: "B:B", prop: "columnWidth", value: 120 },
    ]);
    expect(wb.cell(S, 0, 2)?.fill).toBe("#F2F2F2");
    await wb.fireChanged(S, "B7");
    expect(seen).toEqual(["B7"]);
  });
});
