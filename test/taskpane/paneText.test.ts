/**
 * English counts agree with their number ("1 cell", "2 cells"; "1 row", "2 rows") in every pane
 * message that counts something, and every count message has its Chinese twin.
 */
import fc from "fast-check";
import { PANE_TEXT, TOOL_TEXT, count } from "../../src/taskpane/paneText";

const en = PANE_TEXT.en;
const tools = TOOL_TEXT.en;
/** Every message with a count, given that count. */
const messages: Record<string, (n: number) => string> = {
  found: (n) => en.found("Leads", "A1:O6", n, "used range", 1),
  teamAgreement: (n) => en.teamAgreement(n, n),
  progress: (n) => en.progress(n, n),
  conflictTitle: (n) => en.conflictTitle(n),
  summaryTitle: (n) => en.summaryTitle(n),
  unreadTitle: (n) => en.unreadTitle(n, n),
  conflictOverwrite: (n) => en.conflictOverwrite(n),
  revertDone: (n) => en.revertDone(n),
  revertEdited: (n) => en.revertEdited(n),
  revertOverwriteEdited: (n) => en.revertOverwriteEdited(n),
  dueItem: (n) => tools.dueItem(3, "Acme", "stage 2", n),
  dupCount: (n) => tools.dupCount(n, n),
  dupWritten: (n) => tools.dupWritten(n),
  dupConflict: (n) => tools.dupConflict(n),
};
const NOUNS = "row|cell|note|day|text|group";
const pluralAfterOne = new RegExp(
  `\\b1 (?:[a-z-]+ )?(?:${NOUNS})s\\b|\\bthese 1\\b|\\b1 (?:[a-z-]+ )*(?:${NOUNS})s? (?:were|hold)\\b`,
);
const singularAfterTwo = new RegExp(
  `\\b2 (?:[a-z-]+ )?(?:${NOUNS})\\b|\\b2 (?:[a-z-]+ )*(?:${NOUNS})s? (?:was|holds)\\b`,
);
// The checks themselves catch the texts the probe found.
test.each([
  "Overwrite these 1 cells",
  "1 target cells hold content",
  "Done: 1 rows",
  "1 more cells were changed",
])("the plural check catches %p", (old) => expect(old).toMatch(pluralAfterOne));
test.each(["Done: 2 row", "2 more cell was changed", "2 target cell holds"])(
  "the singular check catches %p",
  (old) => expect(old).toMatch(singularAfterTwo),
);

describe("English plurals in the pane's count messages", () => {
  test.each(Object.entries(messages))(
    "%s: n = 1 singular, n = 2 plural",
    (_name, m) => {
      const one = m(1);
      const two = m(2);
      expect(one).not.toMatch(pluralAfterOne);
      expect(two).not.toMatch(singularAfterTwo);
      expect(one).not.toBe(two);
    },
  );

  test("the exact texts the probe found", () => {
    expect(en.conflictOverwrite(1)).toBe("Overwrite this cell");
    expect(en.conflictOverwrite(2)).toBe("Overwrite these 2 cells");
    expect(en.summaryTitle(1)).toBe("Done: 1 row");
    expect(en.summaryTitle(2)).toBe("Done: 2 rows");
    expect(en.conflictTitle(1)).toMatch(/^1 target cell holds /);
    expect(en.conflictTitle(2)).toMatch(/^2 target cells hold /);
    expect(en.revertEdited(1)).toMatch(/^1 more cell was changed/);
    expect(en.revertEdited(2)).toMatch(/^2 more cells were changed/);
  });

  test("count(): singular exactly at 1, for any count", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (n) => {
        expect(count(n, "row")).toBe(n === 1 ? "1 row" : `${n} rows`);
      }),
    );
  });

  test("every English message has its Chinese twin", () => {
    expect(Object.keys(PANE_TEXT.zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(TOOL_TEXT.zh).sort()).toEqual(Object.keys(tools).sort());
  });
});
