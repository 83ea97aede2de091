/**
 * Commands that tell the truth: a production build without a URL stops with its message;
 * npm start / npm stop on a machine that cannot sideload exit non-zero and say what to do
 * instead; no link in the README or docs/ leaves the repository.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");
const webpack = path.join(root, "node_modules/webpack-cli/bin/cli.js");
const env = (extra: Record<string, string | undefined>) => {
  const e = { ...process.env, ...extra };
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  return e as NodeJS.ProcessEnv;
};

test.each([
  ["no URL at all", [], {}, /no ADDIN_URL \(or --env url=\) given/],
  [
    "the old placeholder host",
    ["--env", "url=https://www.contoso.com/sales-addin/"],
    {},
    /placeholder host/,
  ],
  [
    "an http URL",
    [],
    { ADDIN_URL: "http://sales.example.cn/" },
    /is not https/,
  ],
] as [string, string[], Record<string, string>, RegExp][])(
  "a production build with %s stops with its message and exit 1, before building anything",
  (_name, args, extra, message) => {
    const r = spawnSync(
      process.execPath,
      [
        webpack,
        "--mode",
        "production",
        "--output-path",
        path.join(root, "test-artifacts/no-build"),
        ...args,
      ],
      {
        cwd: root,
        encoding: "utf8",
        env: env({ ADDIN_URL: undefined, ...extra }),
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("npm run build -- --env url=");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(root, "test-artifacts/no-build"))).toBe(
      false,
    );
  },
);

const cannotSideload =
  process.platform !== "win32" && process.platform !== "darwin";
(cannotSideload
  ? test.each(["start", "stop"])
  : test.skip.each(["start", "stop"]))(
  "npm %s without Excel desktop exits 1 with one message that names the preview and Excel on the web",
  (command) => {
    const r = spawnSync(
      process.execPath,
      [path.join(root, "scripts/officeDebugging.js"), command, "desktop"],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^npm ${command}: Excel desktop runs on Windows and macOS only`,
      ),
    );
    expect(r.stderr).toContain("npm run preview");
    expect(r.stderr).toContain("npm run start:web");
  },
);

test("npm run start:web without a workbook exits 1 and says what it needs", () => {
  const r = spawnSync(
    process.execPath,
    [path.join(root, "scripts/officeDebugging.js"), "start", "web"],
    { encoding: "utf8" },
  );
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("--document <URL of a workbook");
});

test("no link in README.md or docs/ leaves the repository, and every relative link resolves", () => {
  const docs = [
    "README.md",
    ...fs.readdirSync(path.join(root, "docs")).map((f) => `docs/${f}`),
  ].filter((f) => f.endsWith(".md"));
  let checked = 0;
  for (const doc of docs) {
    const text = fs.readFileSync(path.join(root, doc), "utf8");
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const t = target as string;
      if (t.startsWith("#")) continue;
      expect(`${doc}: ${t}`).not.toMatch(/: (https?:|\.\.\/shared)/);
      const resolved = path.resolve(
        root,
        path.dirname(doc),
        t.split("#")[0] as string,
      );
      expect(resolved.startsWith(root + path.sep)).toBe(true);
      expect(fs.existsSync(resolved)).toBe(true);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(3);
});

test("the dev server refuses to start without the Office development certificate, and says how to install it", () => {
  const home = fs.mkdtempSync(path.join(require("os").tmpdir(), "no-certs-"));
  const r = spawnSync(
    process.execPath,
    [webpack, "serve", "--mode", "development", "--port", "0"],
    {
      cwd: root,
      encoding: "utf8",
      env: env({ HOME: home, USERPROFILE: home }),
      timeout: 60000,
    },
  );
  fs.rmSync(home, { recursive: true, force: true });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(
    "npm run dev-server: no Office development certificate",
  );
  expect(r.stderr).toContain("npx office-addin-dev-certs install");
});
