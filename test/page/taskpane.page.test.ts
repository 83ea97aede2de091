/**
 * The built task pane (dist/) in headless Chromium (Debian's package, driven by
 * playwright-core) against the fake Excel host, which stands in for office.js: load a sheet,
 * apply, see the results and the summary, take a screenshot; a cell holding HTML stays text.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { LEAD_HEADERS, sampleLeads } from "../sampleLeads";

const root = path.join(__dirname, "../..");
const dist = path.join(root, "dist");
const artifacts = path.join(root, "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium =
  fs.existsSync(CHROMIUM) && fs.existsSync(path.join(dist, "taskpane.html"));
if (!haveChromium && process.env.CI) {
  throw new Error(
    `The page test needs ${CHROMIUM} (Debian package chromium) and a build in dist/ (npm run build); .ci/run provides both.`,
  );
}
const maybe = haveChromium ? describe : describe.skip;
if (!haveChromium)
  console.warn(
    `skipping the page test: no ${CHROMIUM} or no dist/ (run npm run build; apt-get install chromium)`,
  );

// The fake host compiled for the browser (window.__fake), as the preview loads it.
const { fakeHostScript } = require("../../scripts/previewHost.js") as {
  fakeHostScript: () => string;
};

const XSS = '<img src=x onerror="window.__xss=1">';
// The sample's first three leads (A, C and E), LEADGRADE's inputs, the notes and last contact; then a row of HTML.
const SHEET = [
  ...sampleLeads(["客户姓名", ...LEAD_HEADERS.slice(0, 9)], 3),
  [XSS, XSS, "A", 1, 1, 1, 1, "A", XSS, "2026-11-22"],
];

function seedScript(): string {
  return `(function(){
    var wb = new window.__fake.FakeWorkbook({ apiVersion: "1.20", displayLanguage: "zh-CN" });
    wb.setValues("Sheet1", 0, 0, ${JSON.stringify(SHEET)});
    wb.selection = { sheet: "Sheet1", r: 1, c: 1, h: 1, w: 1 };
    window.__fake.installFakeOffice(wb, window);
    window.__wb = wb;
  })();`;
}

function serve(): Promise<{ server: http.Server; url: string }> {
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".json": "application/json",
    ".png": "image/png",
    ".xml": "text/xml",
  };
  const server = http.createServer((req, res) => {
    const file = path.join(
      dist,
      decodeURIComponent((req.url ?? "/").split("?")[0] as string),
    );
    if (
      !file.startsWith(dist) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": types[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      }),
    ),
  );
}

maybe("task pane page in Chromium", () => {
  let browser: Browser;
  let server: http.Server;
  let page: Page;
  const offsite: string[] = [];

  beforeAll(async () => {
    const s = await serve();
    server = s.server;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    const office = fakeHostScript() + seedScript();
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith("https://appsforoffice.microsoft.com/"))
        return route.fulfill({ body: office, contentType: "text/javascript" });
      if (url.startsWith(s.url)) return route.continue();
      offsite.push(url); // the add-in makes no other network call
      return route.abort();
    });
    await page.goto(`${s.url}/taskpane.html`);
    await page.waitForFunction(() =>
      (document.getElementById("found")?.textContent ?? "").includes("Sheet1"),
    );
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test("shows what it found and a proposed mapping before writing anything", async () => {
    expect(await page.textContent("#found")).toBe(
      "Sheet1 · A1:J5 · 4 行数据 · 选区所在区域 · 表头在第 1 行",
    );
    expect(await page.inputValue("#map-payment")).toBe("1");
    expect(await page.inputValue("#map-observations")).toBe("8");
    // the reason beside the confidence: what the cells below hold
    expect(await page.textContent("#mapping")).toContain("内容多为是/否或A/B");
    expect(
      await page.evaluate(
        () =>
          (
            window as unknown as {
              __wb: { requests: { cellsWritten: number }[] };
            }
          ).__wb.requests.filter((r) => r.cellsWritten > 0).length,
      ),
    ).toBe(0);
  });

  test("apply (static values): results in the sheet, summary in the pane, screenshot saved", async () => {
    await page.check('input[name="mode"][value="static"]');
    await page.click("#apply");
    await page.waitForSelector("#summary:not([hidden])");
    const summary = await page.textContent("#summary");
    expect(summary).toContain("完成：4 行");
    expect(summary).toContain("A: 1");
    expect(summary).toContain("E: 1");
    const cell = (r: number, c: number) =>
      page.evaluate(
        ([r, c]) =>
          (
            window as unknown as {
              __wb: { formulaAt(s: string, r: number, c: number): unknown };
            }
          ).__wb.formulaAt("Sheet1", r!, c!),
        [r, c],
      );
    expect(await cell(0, 10)).toBe("客户等级");
    expect(await cell(1, 10)).toBe("A");
    expect(await cell(2, 10)).toBe("C");
    expect(await cell(3, 10)).toBe("E");
    expect(await cell(1, 12)).toBe("阶段3 考虑成交");
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({
      path: path.join(artifacts, "taskpane-after-apply.png"),
      fullPage: true,
    });
    expect(
      fs.statSync(path.join(artifacts, "taskpane-after-apply.png")).size,
    ).toBeGreaterThan(5000);
  });

  test("clicking an error row selects that row in the sheet", async () => {
    const errors = page.locator("#summary button.link");
    expect(await errors.count()).toBeGreaterThan(0);
    await errors.first().click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __wb: { selection: { r: number } } }).__wb
          .selection.r === 4,
    );
  });

  test("a cell holding HTML stays text: in the mapping, the summary, everywhere", async () => {
    expect(
      await page.evaluate(
        () => (window as unknown as { __xss?: number }).__xss,
      ),
    ).toBeUndefined();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    const options = await page
      .locator("#map-customerName option")
      .allTextContents();
    expect(options).toContain(`A · 客户姓名`);
    const summary = await page.textContent("#summary");
    expect(summary).toContain(XSS); // shown as the literal text the user typed
  });

  test("revert puts the sheet back", async () => {
    await page.click("#revert");
    await page.waitForFunction(
      () => (document.getElementById("status")?.textContent ?? "").length > 0,
    );
    const cleared = await page.evaluate(() => {
      const wb = (
        window as unknown as {
          __wb: { formulaAt(s: string, r: number, c: number): unknown };
        }
      ).__wb;
      return [0, 1, 2, 3, 4].every((r) =>
        [10, 11, 12, 13, 14, 15].every(
          (c) => wb.formulaAt("Sheet1", r, c) === "",
        ),
      );
    });
    expect(cleared).toBe(true);
    expect(await page.textContent("#status")).toBe("已恢复为应用前的内容。");
  });

  test("switching the label language re-labels the pane and stores the choice in the workbook", async () => {
    await page.selectOption("#language", "en");
    await page.waitForFunction(
      () => document.getElementById("apply")?.textContent === "Apply",
    );
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { __wb: { settings: Map<string, unknown> } }
        ).__wb.settings.get("SALES.labelLanguage"),
      ),
    ).toBe("en");
    await page.screenshot({
      path: path.join(artifacts, "taskpane-english.png"),
      fullPage: true,
    });
  });

  test("functions and pane share one runtime: the pane's language reaches the functions' messages", async () => {
    const message = () =>
      page.evaluate(() => {
        const fns = (
          window as unknown as {
            __customFunctions: Record<string, (...a: unknown[]) => unknown>;
          }
        ).__customFunctions;
        try {
          fns.LEADGRADE!(
            [["maybe"]],
            [["A"]],
            [["A"]],
            [["A"]],
            [["A"]],
            [["A"]],
            [["A"]],
            null,
          );
          return "no error";
        } catch (e) {
          return (e as Error).message;
        }
      });
    expect(await message()).toBe(
      'payment: "maybe" is not readable (expected A/B or yes/no)',
    ); // English chosen above
    await page.selectOption("#language", "zh");
    await page.waitForFunction(
      () => document.getElementById("apply")?.textContent === "应用",
    );
    expect(await message()).toBe(
      '付款能力: "maybe" 无法识别（应为A/B、是/否）',
    );
  });

  test("the next apply is one click: mapping, outputs and mode are remembered per sheet", async () => {
    await page.click("#findData");
    await page.waitForFunction(() =>
      (document.getElementById("found")?.textContent ?? "").includes("Sheet1"),
    );
    expect(await page.isChecked('input[name="mode"][value="static"]')).toBe(
      true,
    );
    expect(await page.isChecked('#outputs input[value="stageLabel"]')).toBe(
      true,
    );
    expect(await page.isChecked('#outputs input[value="explanation"]')).toBe(
      false,
    );
  });

  test("one click inserts the demo sheet and the criteria sheet; the pane says which criteria are in force", async () => {
    expect(await page.textContent("#criteriaState")).toBe(
      "本工作簿没有评分标准表：使用默认标准。",
    );
    await page.click("#insertDemo");
    await page.waitForFunction(() =>
      (document.getElementById("criteriaState")?.textContent ?? "").includes(
        "评分标准",
      ),
    );
    const sheets = await page.evaluate(() => [
      ...(
        window as unknown as { __wb: { sheets: Map<string, unknown> } }
      ).__wb.sheets.keys(),
    ]);
    expect(sheets).toEqual(["Sheet1", "评分标准", "示例"]);
    expect(await page.textContent("#status")).toMatch(/已插入“示例”/);
    await page.screenshot({ path: path.join(artifacts, "criteria-demo.png") });
  });

  test("an unread note's phrase taught as a stage lands in the criteria sheet's team words, as text", async () => {
    // back to the lead list (inserting the demo activated its sheet)
    await page.evaluate(() => {
      (
        window as unknown as { __wb: { activeSheet: string } }
      ).__wb.activeSheet = "Sheet1";
    });
    await page.click("#findData");
    await page.waitForFunction(() =>
      (document.getElementById("found")?.textContent ?? "").includes("Sheet1"),
    );
    await page.check('input[name="mode"][value="static"]');
    await page.click("#apply");
    await page.waitForSelector("#summary:not([hidden]) select.teach");
    await page.selectOption("#summary select.teach >> nth=0", "3");
    await page.waitForFunction(() =>
      (document.getElementById("status")?.textContent ?? "").includes(
        "团队用语",
      ),
    );
    const team = await page.evaluate(() => {
      const wb = (
        window as unknown as {
          __wb: { sheet(n: string): Map<string, { v: unknown }> };
        }
      ).__wb;
      return [...wb.sheet("评分标准").values()].map((c) => c.v);
    });
    expect(team).toContain(XSS); // the phrase as written, stored as text
    expect(
      await page.evaluate(
        () => (window as unknown as { __xss?: number }).__xss,
      ),
    ).toBeUndefined();
  });

  test("a note typed into an output cell: the pane stops and asks (in Chinese), naming the cell; keep mine", async () => {
    type Wb = {
      formulaAt(s: string, r: number, c: number): unknown;
      type(s: string, r: number, c: number, t: string): void;
    };
    const at = (r: number, c: number) =>
      page.evaluate(
        ([r, c]) =>
          (window as unknown as { __wb: Wb }).__wb.formulaAt("Sheet1", r!, c!),
        [r, c],
      );
    await page.click("#apply");
    await page.waitForSelector("#summary:not([hidden])");
    expect(await at(0, 10)).toBe("客户等级");
    await page.evaluate(() =>
      (window as unknown as { __wb: Wb }).__wb.type(
        "Sheet1",
        2,
        10,
        "A（经理确认）",
      ),
    );
    await page.click("#apply");
    await page.waitForSelector("#conflict:not([hidden])");
    const text = await page.textContent("#conflict");
    expect(text).toContain("K3：A（经理确认）");
    expect(await page.textContent("#conflictOverwrite")).toBe(
      "覆盖这 1 个单元格",
    );
    expect(await page.textContent("#conflictSkip")).toBe(
      "保留我的内容（跳过这些单元格）",
    );
    expect(await page.textContent("#conflictCancel")).toBe("取消");
    await page.screenshot({
      path: path.join(artifacts, "taskpane-conflict.png"),
      fullPage: true,
    });
    await page.click("#conflictSkip");
    await page.waitForSelector("#summary:not([hidden])");
    expect(await at(2, 10)).toBe("A（经理确认）");
    expect(await at(1, 10)).toBe("A");
  });

  test("duplicates and follow-ups: listed as text, a click selects the row, columns written", async () => {
    await page.selectOption("#language", "zh");
    await page.evaluate(() => {
      const wb = (window as unknown as { __wb: any }).__wb;
      wb.setValues("撞单", 0, 0, [
        ["客户姓名", "电话", "负责人", "登记日期", "上次联系", "意向阶段"],
        ["王伟", "138 1234 5678", "张三", "2026-11-01", "2020-01-01", 3],
        ["李娜", "13900000000", "李四", "2026-11-02", "2099-01-01", 1],
        ["王伟", "+86 138-1234-5678", "李四", "2026-11-03", "2020-01-01", 2],
      ]);
      wb.activeSheet = "撞单";
      wb.selection = { sheet: "撞单", r: 1, c: 0, h: 1, w: 1 };
    });
    await page.click("#findDup");
    await page.waitForSelector("#dupResult li");
    const dup = (await page.textContent("#dupResult")) ?? "";
    expect(dup).toContain("1 组撞单，涉及 2 行");
    expect(dup).toContain("撞单1：第 2、4 行 → 张三");
    await page.click("#dupResult li button.link");
    const sel = await page.evaluate(
      () =>
        (window as unknown as { __wb: { selection: unknown } }).__wb.selection,
    );
    expect(sel).toMatchObject({ sheet: "撞单", r: 1, c: 0 });
    await page.click("#dupResult button.primary");
    await page.waitForFunction(() =>
      (document.getElementById("dupResult")?.textContent ?? "").includes(
        "已写入",
      ),
    );
    const header = await page.evaluate(() =>
      [6, 7, 8].map((c) =>
        (
          window as unknown as {
            __wb: { valueAt(s: string, r: number, c: number): unknown };
          }
        ).__wb.valueAt("撞单", 0, c),
      ),
    );
    expect(header).toEqual(["撞单组", "建议归属", "撞单说明"]);

    await page.click("#findDue");
    await page.waitForSelector("#dueResult li");
    const due = (await page.textContent("#dueResult")) ?? "";
    expect(due).toContain("2 条到期");
    expect(due).toContain("阶段3 考虑成交");
    expect(due).toContain("推动从阶段3到阶段4");
    await page.screenshot({
      path: path.join(artifacts, "taskpane-tools.png"),
      fullPage: true,
    });
  });

  test("no request left the machine except office.js (served by the fake)", () => {
    expect(offsite).toEqual([]);
  });
});
