/**
 * Build-time help (run by webpack.config.js, tested directly): adds a helpUrl to every
 * function of the generated functions.json, writes its Chinese twin functions.zh.json from
 * the translation table (same ids and names — Excel answers #NAME? for formulas the pane
 * writes through the API with localised names, office-js #891), and renders the help pages
 * served with the add-in: an index, one page per function in each language, and the
 * methodology (docs/methodology.md). Every page is static HTML with no script.
 */
import {
  FUNCTION_HELP,
  ZH_PARAMS,
  type FunctionId,
  type PageText,
} from "./functionHelp";

export interface MetaParam {
  name: string;
  description?: string;
  [k: string]: unknown;
}
export interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetaParam[];
  [k: string]: unknown;
}
export interface Metadata {
  functions: MetaFunction[];
  [k: string]: unknown;
}

export type HelpLang = "zh" | "en";
export const ZH_METADATA_FILE = "functions.zh.json";
export const HELP_INDEX = "help/index.html";
export const METHODOLOGY_PAGE = "help/methodology.html";
export const helpPagePath = (lang: HelpLang, id: string) =>
  `help/${lang}/${id.toLowerCase()}.html`;

function helpFor(id: string): (typeof FUNCTION_HELP)[FunctionId] {
  const h = (
    FUNCTION_HELP as Record<
      string,
      (typeof FUNCTION_HELP)[FunctionId] | undefined
    >
  )[id];
  if (!h)
    throw new Error(
      `no help for ${id}: add it to src/functions/help/functionHelp.ts`,
    );
  return h;
}

export function zhParam(name: string): string {
  const d = ZH_PARAMS[name];
  if (!d)
    throw new Error(
      `no Chinese description of parameter ${name}: add it to ZH_PARAMS`,
    );
  return d;
}

/** The metadata with a helpUrl per function, in the language given (English is the default file). */
export function localiseMetadata(
  meta: Metadata,
  lang: HelpLang,
  baseUrl: string,
): Metadata {
  const base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  return {
    ...meta,
    functions: meta.functions.map((f) => ({
      ...f,
      ...(lang === "zh" ? { description: helpFor(f.id).zh.description } : {}),
      helpUrl: base + helpPagePath(lang, f.id),
      parameters: f.parameters.map((p) =>
        lang === "zh" ? { ...p, description: zhParam(p.name) } : p,
      ),
    })),
  };
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[
        c
      ] as string,
  );

const UI = {
  zh: {
    title: "销售线索评级 · 函数帮助",
    syntax: "语法",
    params: "参数",
    optional: "可选",
    rules: "规则",
    examples: "示例",
    formula: "公式",
    result: "结果",
    defaults: "我们的默认值（原文未给出）",
    method: "方法说明",
    index: "全部函数",
    other: "English",
    intro: "SALES 命名空间中的函数。每个函数的规则、示例和默认值；评级方法见",
  },
  en: {
    title: "Sales Qualify · function help",
    syntax: "Syntax",
    params: "Arguments",
    optional: "optional",
    rules: "Rules",
    examples: "Examples",
    formula: "Formula",
    result: "Result",
    defaults: "Our defaults (not in the source)",
    method: "Methodology",
    index: "All functions",
    other: "中文",
    intro:
      "The functions of the SALES namespace: the rules, examples and defaults of each; the method behind them is in the",
  },
} as const;

const STYLE = `body{font-family:"Segoe UI","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;line-height:1.55;color:#201f1e}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #c8c6c4;padding:.25rem .5rem;vertical-align:top;text-align:left}
code{font-family:Consolas,monospace;background:#f3f2f1;padding:0 .2rem;overflow-wrap:anywhere}nav{font-size:.9rem;margin-bottom:1rem}a{color:#0f6cbd}`;

function page(
  lang: HelpLang,
  title: string,
  body: string,
  depth: number,
): string {
  const up = "../".repeat(depth);
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><nav><a href="${up}index.html">${UI[lang].index}</a> · <a href="${up}methodology.html">${UI[lang].method}</a></nav>
${body}
</body></html>
`;
}

function section(heading: string, items: readonly string[]): string {
  return items.length
    ? `<h2>${esc(heading)}</h2><ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`
    : "";
}

function functionPage(
  f: MetaFunction,
  zhMeta: MetaFunction,
  lang: HelpLang,
): string {
  const h = helpFor(f.id);
  const t: PageText = h[lang];
  const m = lang === "zh" ? zhMeta : f;
  const args = m.parameters
    .map((p) =>
      (p as { optional?: boolean }).optional ? `[${p.name}]` : p.name,
    )
    .join(", ");
  const other = lang === "zh" ? "en" : "zh";
  const body = `<p><a href="../${other}/${f.id.toLowerCase()}.html" lang="${other}">${UI[lang].other}</a></p>
<h1>SALES.${esc(f.name)}</h1>
<p>${esc(m.description ?? "")}</p>
<h2>${UI[lang].syntax}</h2><p><code>=SALES.${esc(f.name)}(${esc(args)})</code></p>
<h2>${UI[lang].params}</h2><table>${m.parameters
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code>${(p as { optional?: boolean }).optional ? ` (${UI[lang].optional})` : ""}</td><td>${esc(p.description ?? "")}</td></tr>`,
    )
    .join("")}</table>
${section(UI[lang].rules, t.rules)}
<h2>${UI[lang].examples}</h2><table><tr><th>${UI[lang].formula}</th><th>${UI[lang].result}</th></tr>${t.examples
    .map(
      ([fx, r]) =>
        `<tr><td><code>${esc(fx)}</code></td><td>${esc(r)}</td></tr>`,
    )
    .join("")}</table>
${section(UI[lang].defaults, t.defaults)}
<p><a href="../methodology.html#${h.method}">${UI[lang].method}</a></p>`;
  return page(lang, `SALES.${f.name} · ${UI[lang].title}`, body, 1);
}

function indexPage(meta: Metadata, zh: Metadata): string {
  const list = (lang: HelpLang, m: Metadata) =>
    `<table>${m.functions
      .map(
        (f) =>
          `<tr><td><a href="${lang}/${f.id.toLowerCase()}.html"><code>SALES.${esc(f.name)}</code></a></td><td>${esc(f.description ?? "")}</td></tr>`,
      )
      .join("")}</table>`;
  const body = `<h1 lang="zh-CN">${UI.zh.title}</h1>
<p lang="zh-CN">${UI.zh.intro}<a href="methodology.html">方法说明</a>。</p>
${list("zh", zh)}
<h1 lang="en">${UI.en.title}</h1>
<p lang="en">${UI.en.intro} <a href="methodology.html">methodology</a>.</p>
${list("en", meta)}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${UI.zh.title} / ${UI.en.title}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

/** GitHub-style heading anchors for the headings we write: lower case, spaces to hyphens, punctuation dropped. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

function inline(s: string): string {
  // Links to other repository files are not served with the add-in: keep their text only.
  return esc(s)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>")
    .replace(/\[([^\]]+)\]\((#[^)]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
}

/** The small Markdown our methodology uses: headings (with explicit {#anchor}), paragraphs, lists, tables, quotes. */
export function markdownToHtml(md: string): string {
  const out: string[] = [];
  const lines = md.replace(/\r\n/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const h = /^(#{1,4})\s+(.*?)(?:\s+\{#([\w-]+)\})?\s*$/.exec(line);
    if (h) {
      const level = (h[1] as string).length;
      const text = h[2] as string;
      out.push(
        `<h${level} id="${h[3] ?? anchorOf(text)}">${inline(text)}</h${level}>`,
      );
      i++;
    } else if (/^\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|/.test(lines[i] as string)) {
        const cells = (lines[i] as string)
          .replace(/^\||\|\s*$/g, "")
          .split("|")
          .map((c) => c.trim());
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
        i++;
      }
      const [head, ...rest] = rows;
      out.push(
        `<table><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join("")}</tr>${rest
          .map(
            (r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`,
          )
          .join("")}</table>`,
      );
    } else if (/^\s*[-*] /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*] /.test(lines[i] as string)) {
        let item = (lines[i] as string).replace(/^\s*[-*] /, "");
        i++;
        while (
          i < lines.length &&
          /^\s{2,}\S/.test(lines[i] as string) &&
          !/^\s*[-*] /.test(lines[i] as string)
        )
          item += " " + (lines[i++] as string).trim();
        items.push(`<li>${inline(item)}</li>`);
      }
      out.push(`<ul>${items.join("")}</ul>`);
    } else if (/^>/.test(line)) {
      const q: string[] = [];
      while (i < lines.length && /^>/.test(lines[i] as string))
        q.push((lines[i++] as string).replace(/^>\s?/, ""));
      out.push(`<blockquote>${inline(q.join(" "))}</blockquote>`);
    } else if (line.trim() === "") {
      i++;
    } else {
      const p: string[] = [];
      while (
        i < lines.length &&
        (lines[i] as string).trim() !== "" &&
        !/^(#|\||>|\s*[-*] )/.test(lines[i] as string)
      )
        p.push(lines[i++] as string);
      out.push(`<p>${inline(p.join(" "))}</p>`);
    }
  }
  return out.join("\n");
}

/** Every file the build adds next to functions.json: path in dist/ → content. */
export function helpAssets(
  meta: Metadata,
  baseUrl: string,
  methodologyMd: string,
): Map<string, string> {
  const en = localiseMetadata(meta, "en", baseUrl);
  const zh = localiseMetadata(meta, "zh", baseUrl);
  const files = new Map<string, string>();
  files.set("functions.json", JSON.stringify(en, null, 2));
  files.set(ZH_METADATA_FILE, JSON.stringify(zh, null, 2));
  files.set(HELP_INDEX, indexPage(en, zh));
  en.functions.forEach((f, k) => {
    const z = zh.functions[k] as MetaFunction;
    files.set(helpPagePath("en", f.id), functionPage(f, z, "en"));
    files.set(helpPagePath("zh", f.id), functionPage(f, z, "zh"));
  });
  files.set(
    METHODOLOGY_PAGE,
    `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>方法说明 · Methodology</title><style>${STYLE}</style></head>
<body><nav><a href="index.html">全部函数 · All functions</a></nav>
${markdownToHtml(methodologyMd)}
</body></html>
`,
  );
  return files;
}
