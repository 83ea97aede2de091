/**
 * The shared chunked reads: every response under the budget whatever the cells hold, and a
 * response Excel refuses is read again in halves (the fake rejects over its payload limit).
 */
import fc from "fast-check";
import { FakeWorkbook, installFakeOffice } from "../fakeExcel/fakeExcel";
import { newStats, readGrid } from "../../src/taskpane/office/ranges";

describe("readGrid", () => {
  test("short rows first, then long ones: every response under the budget, all rows in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3000 }), {
          minLength: 1,
          maxLength: 400,
        }),
        async (lengths) => {
          // the fake refuses responses over 64 KB, the reader aims at 48 KB
          const wb = installFakeOffice(
            new FakeWorkbook({ payloadLimit: 64 * 1024 }),
          );
          const rows = lengths.map((n, i) => [`行${i}`, "备".repeat(n)]);
          wb.setValues("Sheet1", 0, 0, rows);
          const stats = newStats();
          const out = await Excel.run(async (context) => {
            const sheet = context.workbook.worksheets.getItem("Sheet1");
            return readGrid(
              context,
              sheet as unknown as Excel.Worksheet,
              0,
              0,
              rows.length,
              2,
              ["values"],
              stats,
              48 * 1024,
            );
          });
          expect(out.values.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
          expect(out.values.map((r) => String(r[1]).length)).toEqual(lengths);
          const answered = wb.requests.filter((q) => !q.failed);
          expect(
            Math.max(...answered.map((q) => q.responseBytes)),
          ).toBeLessThanOrEqual(64 * 1024);
        },
      ),
      { numRuns: 25 },
    );
  }, 60000);

  test("a refused response is read again in halves", async () => {
    const wb = installFakeOffice(new FakeWorkbook({ payloadLimit: 64 * 1024 }));
    const rows = Array.from({ length: 300 }, (_, i) => [
      `行${i}`,
      i < 10 ? "短" : "长".repeat(1000),
    ]);
    wb.setValues("Sheet1", 0, 0, rows);
    const out = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      return readGrid(
        context,
        sheet as unknown as Excel.Worksheet,
        0,
        0,
        rows.length,
        2,
        ["values"],
        newStats(),
        48 * 1024,
      );
    });
    expect(
      wb.requests.some((q) => q.failed === "ResponsePayloadSizeLimitExceeded"),
    ).toBe(true);
    expect(out.values).toEqual(rows);
  });
});
