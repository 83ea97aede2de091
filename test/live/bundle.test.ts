/**
 * HyperFormula (GPL-3) is a test-only dependency: no source file of the add-in imports it, and
 * the built bundle (dist/, made by `npm test`'s pretest build) holds none of its code.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "../..");

function files(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

test("no file under src/ imports hyperformula", () => {
  const src = files(path.join(root, "src"), /\.ts$/);
  expect(src.length).toBeGreaterThan(20);
  const offenders = src.filter((f) =>
    /from\s+["']hyperformula|require\(["']hyperformula/.test(
      fs.readFileSync(f, "utf8"),
    ),
  );
  expect(offenders).toEqual([]);
});

const dist = path.join(root, "dist");
const built = fs.existsSync(path.join(dist, "functions.js"));
if (!built && process.env.CI)
  throw new Error("dist/ is missing: npm test builds it first (pretest)");
(built ? test : test.skip)(
  "the built bundle holds none of HyperFormula's code or licence text",
  () => {
    const js = files(dist, /\.(js|map|html|json)$/);
    expect(js.length).toBeGreaterThan(0);
    const hits = js.filter((f) => {
      const text = fs.readFileSync(f, "utf8");
      // a source map lists every module bundled: none may come from hyperformula (our own
      // comments may name it)
      if (f.endsWith(".map"))
        return (JSON.parse(text) as { sources: string[] }).sources.some((x) =>
          /hyperformula/i.test(x),
        );
      // in the code: its class names, licence-key check and package path
      return /node_modules\/hyperformula|HyperFormula|gpl-v3|LicenseKeyValidityState/.test(
        text,
      );
    });
    expect(hits).toEqual([]);
  },
);
