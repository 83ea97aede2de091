/**
 * A second labelled set of follow-up notes (test/cases/notes/second-author.jsonl), written by
 * another author apart from the vocabulary and from the first corpus, with a few label
 * conventions of its own (e.g. `没拒绝` read as no signal, where the first corpus reads 0).
 * It guards generalisation: never a false "won", and at least 90 % agreement overall
 * (the first corpus's conventions win where the two differ, so 100 % is not the aim).
 */
import fs from "node:fs";
import path from "node:path";
import { makeCtx } from "../../src/engine/ctx";
import { sales } from "../../src/engine/sales";

interface Case {
  id: string;
  note: string;
  stage: number | null;
}

const cases: Case[] = fs
  .readFileSync(
    path.join(__dirname, "../cases/notes/second-author.jsonl"),
    "utf8",
  )
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Case);

const ctx = makeCtx({ lang: "zh" });
const read = (text: string): number | null => {
  const v = (sales.INTENTSTAGE([[text]], null, ctx) as unknown[])[0];
  return typeof v === "number" ? v : null;
};
const results = cases.map((c) => ({ c, got: read(c.note) }));

test("the second set is there: at least 300 notes, every stage and 'no signal' at least 30 times", () => {
  expect(cases.length).toBeGreaterThanOrEqual(300);
  for (const s of [-1, 0, 1, 2, 3, 4, 5, null])
    expect(cases.filter((c) => c.stage === s).length).toBeGreaterThanOrEqual(
      30,
    );
});

test("no note is read as won that its author did not label won", () => {
  const falseWon = results.filter((r) => r.got === 5 && r.c.stage !== 5);
  expect(falseWon.map((r) => `${r.c.id} ${r.c.note}`)).toEqual([]);
});

test("at least 90 % agreement overall", () => {
  const ok = results.filter((r) => r.got === r.c.stage).length;
  console.log(
    `second-author notes: ${ok}/${results.length} = ${((100 * ok) / results.length).toFixed(1)} %`,
  );
  expect(ok / results.length).toBeGreaterThanOrEqual(0.9);
});
