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

/** The fake host compiled for the browser, exposed as window.__fake. */
function fakeHostScript() {
  const ts = require("typescript");
  const src = fs.readFileSync(
    path.join(root, "test/fakeExcel/fakeExcel.ts"),
    "utf8",
  );
  const js = ts.transpileModule(src, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
    },
  }).outputText;
  return `(function(){var exports={};var module={exports:exports};${js};window.__fake=exports;})();`;
}

/** A lead list as teams keep it (Chinese headers), and a sheet of SALES formulas over it. */
const SAMPLE_LEADS = [
  [
    "客户姓名",
    "职位",
    "付款能力",
    "满意度",
    "回访次数",
    "来电次数",
    "工地考察",
    "流程询问",
    "价格承受",
    "跟进记录",
    "上次联系",
    "截止日期",
    "资源投入",
    "决策层级",
    "市场竞争",
  ],
  [
    "王先生",
    "采购经理",
    "是",
    "是",
    4,
    2,
    2,
    1,
    "A",
    "询问价格和优惠",
    "2026-11-20",
    "2026-12-20",
    "已分配",
    "老板",
    "激烈",
  ],
  [
    "张女士",
    "总经理",
    "A",
    "B",
    3,
    2,
    2,
    1,
    "A",
    "已签约，已付款",
    "2026-11-01",
    "无截止日期",
    "申请中",
    "经理",
    "一般",
  ],
  [
    "赵总",
    "董事长",
    "否",
    "否",
    0,
    0,
    0,
    0,
    "B",
    "不感兴趣",
    "2026-10-05",
    "",
    "未分配",
    "基层",
    "无",
  ],
  [
    "刘经理",
    "技术总监",
    "是",
    "是",
    2,
    1,
    2,
    1,
    "是",
    "愿意见面，要求报价",
    "2026-11-22",
    "2026-12-05",
    "已分配",
    "总经理",
    "激烈",
  ],
  [
    "陈小姐",
    "财务",
    "是",
    "否",
    5,
    3,
    2,
    1,
    "A",
    "阶段2",
    "2026-11-24",
    "30",
    "申请中",
    "中层",
    "一般",
  ],
];
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
