/*
 * Loading the fake Excel host (test/fakeExcel/fakeExcel.ts) into a browser page, shared by
 * `npm run preview` and any page test: the fake compiled for the browser and exposed as
 * window.__fake, a sample workbook installed as Office/Excel/CustomFunctions, and a small
 * static file server for a built dist/ directory.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");

const root = path.join(__dirname, "..");

/** A TypeScript file of this repository as CommonJS JavaScript, transpiled on the spot (no build step). */
function transpile(file) {
  const ts = require("typescript");
  return ts.transpileModule(fs.readFileSync(path.join(root, file), "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
    },
  }).outputText;
}

/** The fake host compiled for the browser, exposed as window.__fake. */
function fakeHostScript() {
  const js = transpile("test/fakeExcel/fakeExcel.ts");
  return `(function(){var exports={};var module={exports:exports};${js};window.__fake=exports;})();`;
}

/**
 * The sample lead list shared with the tests and benchmarks (test/sampleLeads.ts), loaded in
 * node the way the fake host is loaded into the page: it has no run-time imports, so its
 * transpiled text runs on its own.
 */
function loadSampleLeads() {
  const mod = { exports: {} };
  new Function("module", "exports", transpile("test/sampleLeads.ts"))(
    mod,
    mod.exports,
  );
  return mod.exports;
}

/** A lead list as teams keep it (Chinese headers), and a sheet of SALES formulas over it. */
const { SAMPLE_LEADS } = loadSampleLeads();
const SAMPLE_FORMULAS = [
  [
    "客户",
    "LEADGRADE",
    "INTENTSTAGE",
    "STAGELABEL",
    "URGENCY",
    "NEXTFOLLOWUP",
    "ROLE",
  ],
  ...SAMPLE_LEADS.slice(1).map((_, i) => {
    const r = i + 2;
    return [
      `=线索!A${r}`,
      `=SALES.LEADGRADE(线索!C${r},线索!D${r},线索!E${r},线索!F${r},线索!G${r},线索!H${r},线索!I${r})`,
      `=SALES.INTENTSTAGE(线索!J${r})`,
      `=SALES.STAGELABEL(SALES.INTENTSTAGE(线索!J${r}))`,
      `=SALES.URGENCY(线索!L${r},线索!M${r},线索!N${r},线索!O${r},TODAY())`,
      `=SALES.NEXTFOLLOWUP(SALES.INTENTSTAGE(线索!J${r}),线索!K${r})`,
      `=SALES.ROLE(线索!B${r})`,
    ];
  }),
];

/** Installs the fake host with the sample workbook (sheet 线索 selected, as a user would). */
function sampleWorkbookScript() {
  return `(function(){
    var wb = new window.__fake.FakeWorkbook({ apiVersion: "1.20", displayLanguage: navigator.language || "zh-CN" });
    wb.setValues("线索", 0, 0, ${JSON.stringify(SAMPLE_LEADS)});
    wb.setValues("函数示例", 0, 0, ${JSON.stringify(SAMPLE_FORMULAS)});
    // The fake starts with an empty Sheet1, as Excel does; the sample has its own sheets.
    var list = wb.sheetList;
    var first = Array.isArray(list) ? list.findIndex(function (s) { return s.name === "Sheet1"; }) : -1;
    if (first >= 0) list.splice(first, 1);
    wb.activeSheet = "线索";
    wb.selection = { sheet: "线索", r: 1, c: 1, h: 1, w: 1 };
    window.__fake.installFakeOffice(wb, window);
    window.__wb = wb;
  })();`;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
  ".css": "text/css",
};

/** Serves `dir`; `routes` maps a path to a function returning [contentType, body] first. */
function serveDir(dir, routes = {}, port = 0, host = "127.0.0.1") {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url || "/").split("?")[0]);
    const route = routes[url];
    if (route) {
      const [type, body] = route();
      res
        .writeHead(200, { "content-type": type, "cache-control": "no-store" })
        .end(body);
      return;
    }
    const file = path.join(dir, url);
    if (
      !file.startsWith(dir) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] || "application/octet-stream",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () =>
      resolve({ server, url: `http://${host}:${server.address().port}` }),
    );
  });
}

module.exports = {
  fakeHostScript,
  sampleWorkbookScript,
  serveDir,
  SAMPLE_LEADS,
  SAMPLE_FORMULAS,
};
