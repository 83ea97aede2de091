/**
 * Help in Excel, in Chinese and English: every function and parameter the metadata generator
 * finds in functions.ts has a Chinese description in src/functions/help/; no user-facing text
 * cites internal documents; the Chinese metadata keeps ids, names and parameters (office-js
 * #891: localised names break formulas the pane writes); every helpUrl and the manifest's
 * zh override point at files the build produces (dist/, built by npm test's pretest step).
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { XMLParser } from "fast-xml-parser";
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import {
  helpAssets,
  localiseMetadata,
  markdownToHtml,
  type Metadata,
} from "../../src/functions/help/buildHelp";
import {
  FUNCTION_HELP,
  ZH_PARAMS,
} from "../../src/functions/help/functionHelp";

const root = path.join(__dirname, "../..");
const dist = path.join(root, "dist");
const CJK = /[\u4e00-\u9fff]/;
const INTERNAL = /SPEC|§|seed \d|\.\.\/shared/i;

let meta: Metadata;
beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(
    path.join(root, "src/functions/functions.ts"),
    true,
  );
  expect(r.errors).toEqual([]);
  meta = JSON.parse(r.metadataJson);
});

test("every function and every parameter has a Chinese description; the table has nothing the functions lack", () => {
  expect(meta.functions.length).toBe(17);
  const ids = meta.functions.map((f) => f.id).sort();
  expect(Object.keys(FUNCTION_HELP).sort()).toEqual(ids);
  const used = new Set<string>();
  for (const f of meta.functions) {
    const zh = localiseMetadata(meta, "zh", "https://h/").functions.find(
      (g) => g.id === f.id,
    )!;
    expect(zh.description).toMatch(CJK);
    expect(zh.description!.length).toBeLessThanOrEqual(1024);
    for (const p of zh.parameters) {
      used.add(p.name);
      expect(p.description).toMatch(CJK);
      expect(p.description!.length).toBeLessThanOrEqual(512);
    }
  }
  expect(Object.keys(ZH_PARAMS).sort()).toEqual([...used].sort());
});

test("no description, rule, example or default cites an internal document, in either language", () => {
  for (const f of meta.functions) {
    expect(f.description ?? "").not.toMatch(INTERNAL);
    for (const p of f.parameters)
      expect(p.description ?? "").not.toMatch(INTERNAL);
  }
  expect(JSON.stringify(FUNCTION_HELP)).not.toMatch(INTERNAL);
  expect(JSON.stringify(ZH_PARAMS)).not.toMatch(INTERNAL);
});

test("English metadata is English: no Chinese in function descriptions", () => {
  for (const f of meta.functions) expect(f.description ?? "").not.toMatch(CJK);
});

test("property: localising keeps ids, names, parameter names, types and order; only descriptions and helpUrl change", () => {
  fc.assert(
    fc.property(
      fc.constantFrom<"zh" | "en">("zh", "en"),
      fc.webUrl({ validSchemes: ["https"] }),
      (lang, base) => {
        const out = localiseMetadata(meta, lang, base);
        const strip = (m: Metadata) =>
          m.functions.map((f) => ({
            ...f,
            description: undefined,
            helpUrl: undefined,
            parameters: f.parameters.map((p) => ({
              ...p,
              description: undefined,
            })),
          }));
        expect(strip(out)).toEqual(strip(meta));
        for (const f of out.functions) {
          expect(
            f.helpUrl!.startsWith(base.endsWith("/") ? base : base + "/"),
          ).toBe(true);
          expect(f.helpUrl).toMatch(
            new RegExp(`help/${lang}/${f.id.toLowerCase()}\\.html$`),
          );
        }
      },
    ),
    { numRuns: 30 },
  );
});

test("help pages: one per function and language, every relative link resolves to a page (and anchor) that exists", () => {
  const md = fs.readFileSync(path.join(root, "docs/methodology.md"), "utf8");
  const files = helpAssets(meta, "https://h/", md);
  expect(
    [...files.keys()].filter((k) => /^help\/(zh|en)\//.test(k)),
  ).toHaveLength(34);
  const methodology = files.get("help/methodology.html")!;
  for (const [name, html] of files) {
    if (!name.endsWith(".html")) continue;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(INTERNAL);
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
      const [file, anchor] = (href as string).split("#");
      const target = file
        ? path.posix.normalize(path.posix.join(path.posix.dirname(name), file))
        : name;
      expect(files.has(target)).toBe(true);
      if (anchor)
        expect(
          target === "help/methodology.html" ? methodology : files.get(target),
        ).toContain(`id="${anchor}"`);
    }
  }
});

test("the methodology renders its tables and marks our defaults", () => {
  const html = markdownToHtml(
    fs.readFileSync(path.join(root, "docs/methodology.md"), "utf8"),
  );
  expect(html).toContain('<h2 id="lead-grade">');
  expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(5);
  expect((html.match(/\[默认 default\]/g) ?? []).length).toBeGreaterThanOrEqual(
    8,
  );
  expect(html).toContain("<td>两项 · both</td><td>A</td><td>B</td><td>C</td>");
});

describe("the build (dist/, from npm test's pretest step)", () => {
  const need = (f: string) => {
    const p = path.join(dist, f);
    if (!fs.existsSync(p))
      throw new Error(
        `${p} missing: run npm run build -- --env url=https://localhost:3000/ (npm test does)`,
      );
    return p;
  };
  const manifest = () => fs.readFileSync(need("manifest.xml"), "utf8");
  const local = (url: string) => {
    const base =
      /<SourceLocation DefaultValue="(https:\/\/[^"]+?)taskpane\.html"/.exec(
        manifest(),
      )![1]!;
    expect(url.startsWith(base)).toBe(true);
    return path.join(dist, url.slice(base.length));
  };

  test("the manifest's zh-CN, zh-TW and zh-HK overrides of the metadata point at functions.zh.json, which the build produced with every function", () => {
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
    }).parse(manifest());
    const urls = xml.OfficeApp.VersionOverrides.Resources["bt:Urls"][
      "bt:Url"
    ] as { id: string; "bt:Override"?: { Locale: string; Value: string }[] }[];
    const md = urls.find((u) => u.id === "Functions.Metadata.Url")!;
    expect(md["bt:Override"]!.map((o) => o.Locale).sort()).toEqual([
      "zh-CN",
      "zh-HK",
      "zh-TW",
    ]);
    for (const o of md["bt:Override"]!) {
      const zh = JSON.parse(
        fs.readFileSync(local(o.Value), "utf8"),
      ) as Metadata;
      expect(zh.functions.map((f) => f.id).sort()).toEqual(
        meta.functions.map((f) => f.id).sort(),
      );
      expect(zh.functions.every((f) => CJK.test(f.description ?? ""))).toBe(
        true,
      );
    }
  });

  test("every helpUrl (both languages), SupportUrl and LearnMoreUrl resolves to a built page", () => {
    for (const file of ["functions.json", "functions.zh.json"]) {
      const m = JSON.parse(fs.readFileSync(need(file), "utf8")) as Metadata;
      expect(m.functions).toHaveLength(17);
      for (const f of m.functions)
        expect(fs.existsSync(local(f.helpUrl!))).toBe(true);
    }
    const support = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest())![1]!;
    expect(fs.readFileSync(local(support), "utf8")).toContain(
      "SALES.LEADGRADE",
    );
    const learn =
      /<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="([^"]+)"/.exec(
        manifest(),
      )![1]!;
    expect(fs.existsSync(local(learn))).toBe(true);
  });

  test("production dist/ carries no source maps", () => {
    const all = (d: string): string[] =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? all(path.join(d, e.name)) : [path.join(d, e.name)],
        );
    const files = all(need("."));
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of files.filter((f) => f.endsWith(".js")))
      expect(fs.readFileSync(f, "utf8")).not.toContain("sourceMappingURL");
  });
});
