/**
 * manifest.xml checked offline with a real XML parser (office-addin-manifest validate needs
 * Microsoft's online service): element order as Microsoft documents it, every resid defined,
 * icons present at their declared sizes, https URLs, namespace SALES, SharedRuntime.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
type Node = { [tag: string]: Node[] | string } & {
  ":@"?: Record<string, string>;
};
const ordered: Node[] = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
}).parse(xml);

const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ":@") as string;
const kids = (n: Node): Node[] =>
  (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as Node[]) : []).filter(
    (k) => !("#text" in k),
  );
const attrs = (n: Node) => n[":@"] ?? {};
function find(nodes: Node[], pathTags: string[]): Node[] {
  let level = nodes;
  let found: Node[] = [];
  for (const t of pathTags) {
    found = level.filter((n) => tagOf(n) === t);
    level = found.flatMap(kids);
  }
  return found;
}
function all(nodes: Node[], out: Node[] = []): Node[] {
  for (const n of nodes) {
    out.push(n);
    all(kids(n), out);
  }
  return out;
}
const app = find(ordered, ["OfficeApp"])[0] as Node;

/** True when the children's tags appear in the documented order (unlisted tags are an error). */
function inOrder(node: Node, order: string[]): void {
  const seen = kids(node).map(tagOf);
  for (const t of seen) expect(order).toContain(t);
  const idx = seen.map((t) => order.indexOf(t));
  expect(idx).toEqual([...idx].sort((a, b) => a - b));
}

// Microsoft, "How to find the proper order of manifest elements" (TaskPaneApp and VersionOverrides).
const OFFICEAPP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const VO_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "EquivalentAddins",
  "WebApplicationInfo",
  "VersionOverrides",
];
const HOST_ORDER = [
  "Runtimes",
  "AllFormFactors",
  "DesktopFormFactor",
  "MobileFormFactor",
];
const DESKTOP_ORDER = ["GetStarted", "FunctionFile", "ExtensionPoint"];
const CF_ORDER = ["Script", "Page", "Metadata", "Namespace"];
const RESOURCES_ORDER = [
  "bt:Images",
  "bt:Urls",
  "bt:ShortStrings",
  "bt:LongStrings",
];

test("is well-formed XML", () => expect(XMLValidator.validate(xml)).toBe(true));

test("element order as Microsoft documents it", () => {
  expect(attrs(app)["xsi:type"]).toBe("TaskPaneApp");
  inOrder(app, OFFICEAPP_ORDER);
  const vo = find(kids(app), ["VersionOverrides"])[0] as Node;
  inOrder(vo, VO_ORDER);
  const host = find(kids(vo), ["Hosts", "Host"])[0] as Node;
  expect(attrs(host)["xsi:type"]).toBe("Workbook");
  inOrder(host, HOST_ORDER);
  inOrder(find(kids(host), ["DesktopFormFactor"])[0] as Node, DESKTOP_ORDER);
  inOrder(
    find(kids(host), ["AllFormFactors", "ExtensionPoint"])[0] as Node,
    CF_ORDER,
  );
  inOrder(find(kids(vo), ["Resources"])[0] as Node, RESOURCES_ORDER);
});

test("every resid is defined once in Resources", () => {
  const nodes = all([app]);
  const used = nodes.map((n) => attrs(n).resid).filter((x): x is string => !!x);
  const resources = find(kids(app), [
    "VersionOverrides",
    "Resources",
  ])[0] as Node;
  const defined = all(kids(resources))
    .map((n) => attrs(n).id)
    .filter((x): x is string => !!x);
  expect(used.length).toBeGreaterThan(5);
  for (const r of used) expect(defined).toContain(r);
  expect(new Set(defined).size).toBe(defined.length);
});

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}
const assetFor = (url: string) =>
  path.join(root, new URL(url).pathname.replace(/^\//, ""));

test("icons exist at their declared sizes (16/32/64/80, and 128 in assets)", () => {
  const images = all([app]).filter(
    (n) => tagOf(n) === "bt:Image" && attrs(n).DefaultValue,
  );
  expect(images.length).toBeGreaterThanOrEqual(3);
  for (const img of images) {
    const size = Number(/(\d+)x\1/.exec(attrs(img).id as string)?.[1]);
    expect(pngSize(assetFor(attrs(img).DefaultValue as string))).toEqual([
      size,
      size,
    ]);
  }
  expect(
    pngSize(
      assetFor(
        attrs(find(kids(app), ["IconUrl"])[0] as Node).DefaultValue as string,
      ),
    ),
  ).toEqual([32, 32]);
  expect(
    pngSize(
      assetFor(
        attrs(find(kids(app), ["HighResolutionIconUrl"])[0] as Node)
          .DefaultValue as string,
      ),
    ),
  ).toEqual([64, 64]);
  for (const s of [16, 32, 64, 80, 128])
    expect(pngSize(path.join(root, "assets", `icon-${s}.png`))).toEqual([s, s]);
});

test("every URL is https", () => {
  const urls = all([app]).flatMap((n) =>
    Object.values(attrs(n)).filter((v) => /^[a-z]+:\/\//i.test(v)),
  );
  const texts = all([app])
    .filter((n) => tagOf(n) === "AppDomain")
    .map((n) =>
      String((n.AppDomain as unknown as { "#text": string }[])[0]?.["#text"]),
    );
  const schemaNs =
    /^http:\/\/schemas\.microsoft\.com\/|^http:\/\/www\.w3\.org\//;
  for (const u of [...urls, ...texts])
    if (!schemaNs.test(u)) expect(u).toMatch(/^https:\/\//);
  expect(urls.length).toBeGreaterThan(5);
});

test("custom functions: namespace SALES, shared runtime, ribbon button opens the task pane", () => {
  const strings = all([app]).filter((n) => tagOf(n) === "bt:String");
  const ns = strings.find((s) => attrs(s).id === "Functions.Namespace");
  expect(attrs(ns as Node).DefaultValue).toBe("SALES");
  const sets = all([app])
    .filter((n) => tagOf(n) === "Set")
    .map(attrs);
  expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
  const runtime = all([app]).find((n) => tagOf(n) === "Runtime") as Node;
  expect(attrs(runtime)).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
  const page = find(kids(app), [
    "VersionOverrides",
    "Hosts",
    "Host",
    "AllFormFactors",
    "ExtensionPoint",
    "Page",
    "SourceLocation",
  ])[0] as Node;
  expect(attrs(page).resid).toBe("Taskpane.Url");
  const action = all([app]).find((n) => tagOf(n) === "Action") as Node;
  expect(attrs(action)["xsi:type"]).toBe("ShowTaskpane");
});

test("the production build rewrites every localhost URL (global regex) to the configured URL", () => {
  const { rewriteManifest } = require("../webpack.config.js");
  const out: string = rewriteManifest(xml, "https://sales.example.cn/addin/");
  expect(out).not.toContain("localhost");
  expect(out.match(/https:\/\/sales\.example\.cn\/addin\//g)?.length).toBe(
    (xml.match(/https:\/\/localhost:3000\//g) ?? []).length,
  );
  expect(out).toContain("<AppDomain>https://sales.example.cn</AppDomain>");
});
