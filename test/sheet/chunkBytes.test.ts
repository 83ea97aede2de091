/**
 * chunkRows counts what a request carries as UTF-8 bytes: for any rows — ASCII (the fast path),
 * Chinese, emoji (surrogate pairs), lone surrogates, numbers — a chunk's byte count is the
 * rows' JSON as Node encodes it, one separator per row.
 */
import fc from "fast-check";
import { chunkRows } from "../../src/sheet/chunking";

const cellValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.constantFrom(
    "=SALES.LEADGRADE(C2,D2)",
    "询问价格，已签约",
    "😀👍",
    "\ud800",
    "A",
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

test("a chunk's bytes = the UTF-8 length of its rows' JSON (+1 per row)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cellValue, { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 30,
      }),
      (rows) => {
        const chunks = chunkRows(rows);
        expect(chunks).toHaveLength(1);
        const expected = rows.reduce(
          (n, r) => n + Buffer.byteLength(JSON.stringify(r), "utf8") + 1,
          0,
        );
        expect(chunks[0]!.bytes).toBe(expected);
      },
    ),
    { numRuns: 500 },
  );
});
