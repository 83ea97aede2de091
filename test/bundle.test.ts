/**
 * The built scripts (dist/, made by `npm test`'s pretest build): functions.js — the file the
 * manifest's <Script> names — registers every function when it is loaded by itself (as a
 * runtime without the task pane page loads it), and the shared runtime's page loads it
 * once, with taskpane.js beside it holding only what the pane adds.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

const dist = path.join(__dirname, "..", "dist");
const built = fs.existsSync(path.join(dist, "functions.js"));
if (!built)
  console.warn("skipping the bundle test: no dist/ (run npm run build)");
const maybe = built ? test : test.skip;

class StubError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

maybe(
  "functions.js alone registers every function of functions.json, and they run",
  () => {
    const associated = new Map<string, (...a: unknown[]) => unknown>();
    const sandbox: Record<string, unknown> = {
      CustomFunctions: {
        associate: (id: string, f: (...a: unknown[]) => unknown) =>
          associated.set(id, f),
        Error: StubError,
        ErrorCode: {
          invalidValue: "#VALUE!",
          notAvailable: "#N/A",
          invalidNumber: "#NUM!",
        },
      },
    };
    sandbox.self = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(
      fs.readFileSync(path.join(dist, "functions.js"), "utf8"),
      sandbox,
    );
    const meta = JSON.parse(
      fs.readFileSync(path.join(dist, "functions.json"), "utf8"),
    ) as { functions: { id: string }[] };
    expect(meta.functions.length).toBeGreaterThan(0);
    expect([...associated.keys()].sort()).toEqual(
      meta.functions.map((f) => f.id).sort(),
    );
    const c = (v: unknown) => [[v]];
    expect(
      associated.get("LEADGRADE")!(
        c("A"),
        c("A"),
        c(3),
        c(2),
        c(2),
        c(1),
        c("A"),
        null,
      ),
    ).toEqual([["A"]]);
  },
);

maybe(
  "the page loads office.js, functions.js and taskpane.js, each once",
  () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const scripts = [
      ...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g),
    ].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
    // taskpane.js uses functions.js's modules rather than carrying its own copy of the engine
    // (the build fails if a module lands in both; see scripts/bundleReport.js).
    const pane = fs.readFileSync(path.join(dist, "taskpane.js"), "utf8");
    const fns = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    expect(fns).toContain("LEADGRADE");
    // Explanation texts of LEADGRADE and URGENCY and the number reader's unit words: engine
    // modules, in functions.js only.
    for (const engineText of [
      "necessary conditions at A",
      "days to the deadline",
      "(元|块|次|天",
    ]) {
      expect(fns).toContain(engineText);
      expect(pane).not.toContain(engineText);
    }
  },
);
