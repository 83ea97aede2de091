/**
 * `npm run preview` (scripts/preview.js) on the built dist/, in headless Chromium: marked as a
 * preview, the sample sheet's SALES formulas evaluated by the functions the pane registered,
 * and an apply shows up in the sheet view. Then the pane alone at 320 px in each language,
 * screenshots in test-artifacts/: the title stays on one line and is the manifest's name in
 * Chinese; an error line's bullet sits on its first line.
 */
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { FUNCTION_SUMMARY } from "../../src/taskpane/paneText";

const { startPreview } = require("../../scripts/preview.js") as {
  startPreview(
    dir: string,
    port: number,
  ): Promise<{ server: http.Server; url: string }>;
};

const root = path.join(__dirname, "../..");
const dist = path.join(root, "dist");
const artifacts = path.join(root, "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ready =
  fs.existsSync(CHROMIUM) && fs.existsSync(path.join(dist, "taskpane.html"));
if (!ready && process.env.CI)
  throw new Error(
    `the preview test needs ${CHROMIUM} and dist/ (npm test builds it)`,
  );
const maybe = ready ? describe : describe.skip;

maybe("npm run preview in Chromium", () => {
  let browser: Browser;
  let server: http.Server;
  let url: string;
  const offsite: string[] = [];

  beforeAll(async () => {
    ({ server, url } = await startPreview(dist, 0));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    fs.mkdirSync(artifacts, { recursive: true });
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const newPage = async (width: number, locale: string) => {
    const page = await browser.newPage({
      viewport: { width, height: 900 },
      locale,
    });
    await page.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(url)) return route.continue();
      offsite.push(u);
      return route.abort();
    });
    return page;
  };

  test("marked as a preview; the sample sheet's SALES formulas are computed; an apply appears in the sheet view", async () => {
    const page = await newPage(1300, "zh-CN");
    await page.goto(`${url}/`);
    expect(await page.textContent(".banner")).toContain("预览 · Preview");
    const pane = page.frameLocator("#pane");
    await expect(pane.locator("p[role=note]").textContent()).resolves.toContain(
      "模拟工作簿，不是 Excel",
    );
    await pane.locator("#found").filter({ hasText: "线索" }).waitFor();
    await page.click("text=函数示例");
    const cell = (r: number, c: number) =>
      page
        .locator(`#grid tr:nth-child(${r + 1}) td:nth-child(${c + 2})`)
        .textContent();
    await page.waitForFunction(
      () => document.querySelectorAll("#grid td.f").length > 10,
    );
    expect(await cell(2, 1)).toBe("A"); // 王先生: both conditions and all five indicators A
    expect(await cell(4, 1)).toBe("E");
    expect(await cell(2, 2)).toBe("3");
    expect(await cell(2, 3)).toBe("阶段3 考虑成交");
    expect(await cell(2, 6)).toBe("采购者");
    await pane.locator("#apply").click();
    await pane.locator("#summary:not([hidden])").waitFor();
    await page.click("text=线索");
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll("#grid td")).some(
        (td) => td.textContent === "客户等级",
      ),
    );
    await page.screenshot({ path: path.join(artifacts, "preview.png") });
    expect(offsite).toEqual([]);
  }, 60000);

  test("opens on the sample lead sheet with no console error; a typed output cell makes the next apply ask", async () => {
    const page = await newPage(1300, "zh-CN");
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("response", (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${url}/`);
    const pane = page.frameLocator("#pane");
    await pane.locator("#found").filter({ hasText: "线索" }).waitFor();
    await page.locator('#tabs button[aria-selected="true"]').waitFor();
    expect(
      await page.locator('#tabs button[aria-selected="true"]').textContent(),
    ).toBe("线索");
    expect(await page.locator("#tabs").textContent()).not.toContain("Sheet1");
    await pane.locator("#apply").click();
    await pane.locator("#summary:not([hidden])").waitFor();
    // The first lead's grade cell: the column headed 客户等级, row 2.
    const at = await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll("#grid tr"));
      const header = Array.from(rows[1]?.querySelectorAll("td") ?? []);
      const c = header.findIndex((td) => td.textContent === "客户等级");
      return c >= 0 ? { c } : null;
    });
    const { c } = (await at.jsonValue()) as { c: number };
    const target = page.locator(`#grid tr:nth-child(3) td:nth-child(${c + 2})`);
    await target.dblclick();
    await page.locator("#grid td input").fill("我的判断");
    await page.locator("#grid td input").press("Enter");
    await page.waitForFunction(
      (n) =>
        document.querySelector(`#grid tr:nth-child(3) td:nth-child(${n})`)
          ?.textContent === "我的判断",
      c + 2,
    );
    await pane.locator("#apply").click();
    await pane.locator("#conflict:not([hidden])").waitFor();
    expect(await pane.locator("#conflict").textContent()).toContain("我的判断");
    expect(await pane.locator("#conflictOverwrite").textContent()).toBe(
      "覆盖这 1 个单元格",
    );
    expect(errors).toEqual([]);
  }, 60000);

  /** Runs of 3+ ASCII letters in the pane's visible text, less the names a Chinese user sees too. */
  const englishIn = async (page: import("playwright-core").Page) => {
    const text = await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      // the preview's own bilingual note is not the pane's text
      body.querySelector('p[role="note"]')?.remove();
      document.body.append(body);
      body.style.position = "absolute";
      const seen = body.innerText;
      body.remove();
      return seen;
    });
    const allowed = new Set([
      "SALES",
      "Excel",
      "ExcelApi",
      "Ctrl",
      "English", // the language picker's other choice, named in its own language
      "NAME", // #NAME?, Excel's own error value
      ...FUNCTION_SUMMARY.map((f) => f.name),
    ]);
    return (text.match(/[A-Za-z]{3,}/g) ?? []).filter(
      (w) => !allowed.has(w) && !/^[A-Z]{1,3}$/.test(w),
    );
  };

  test("after switching to 中文, the summary and the revert's kept cells have no English left", async () => {
    const page = await newPage(360, "en-US");
    await page.goto(`${url}/taskpane.html`);
    await page.locator("#found").filter({ hasText: "线索" }).waitFor();
    await page.selectOption("#language", "en");
    await page.locator('input[name="mode"][value="static"]').check();
    await page.locator("#apply").click();
    await page.locator("#summary:not([hidden])").waitFor();
    expect(await page.textContent("#summary")).toContain("Done: ");
    await page.selectOption("#language", "zh");
    await page.locator("#title").filter({ hasText: "销售线索评级" }).waitFor();
    expect(await englishIn(page)).toEqual([]);
    // Back in English: type over one output cell, revert (the cell is kept and listed), then 中文.
    await page.selectOption("#language", "en");
    await page.locator("#title").filter({ hasText: "Sales Qualify" }).waitFor();
    await page.evaluate(() => {
      const wb = (
        window as unknown as {
          __wb: {
            cell(s: string, r: number, c: number): { v: unknown } | undefined;
            type(s: string, r: number, c: number, t: string): void;
          };
        }
      ).__wb;
      let c = 0;
      const grade = ["Lead grade", "客户等级"];
      while (!grade.includes(String(wb.cell("线索", 0, c)?.v)) && c < 60) c++;
      wb.type("线索", 1, c, "我的判断");
    });
    await page.locator("#revert").click();
    await page.locator("#revertEdited").waitFor();
    expect(await page.textContent("#revertEdited")).toBe(
      "Put this one back too",
    );
    await page.selectOption("#language", "zh");
    await page.locator("#title").filter({ hasText: "销售线索评级" }).waitFor();
    expect(await englishIn(page)).toEqual([]);
  }, 60000);

  test.each([
    ["zh-CN", "销售线索评级"],
    ["en-US", "Sales Qualify"],
  ])(
    "the pane at 320 px in %s: title %s on one line, error bullets on the first line of their item",
    async (locale, title) => {
      const page = await newPage(320, locale);
      await page.goto(`${url}/taskpane.html`);
      await page.locator("#found").filter({ hasText: "线索" }).waitFor();
      expect(await page.textContent("#title")).toBe(title);
      const h1 = await page.locator("#title").evaluate((e) => ({
        h: e.getBoundingClientRect().height,
        line: parseFloat(getComputedStyle(e).lineHeight) || 20,
        over: e.scrollWidth > e.clientWidth,
      }));
      expect(h1.h).toBeLessThanOrEqual(h1.line * 1.5);
      expect(h1.over).toBe(false);
      // Break a row so the summary lists an error, then apply static values.
      await page.evaluate(() =>
        (
          window as unknown as {
            __wb: {
              setValues(s: string, r: number, c: number, v: unknown[][]): void;
            };
          }
        ).__wb.setValues("线索", 2, 2, [
          ["maybe, perhaps, not sure yet, ask again next week"],
        ]),
      );
      await page.locator("#findData").click();
      await page.locator('input[name="mode"][value="static"]').check();
      await page.locator("#apply").click();
      await page.locator("#summary li button").first().waitFor();
      const item = page.locator("#summary li").first();
      const geo = await item.evaluate((li) => {
        const b = li.querySelector("button") as HTMLElement;
        const r = b.getBoundingClientRect();
        return {
          lines: Math.round(
            r.height / parseFloat(getComputedStyle(b).lineHeight || "16"),
          ),
          display: getComputedStyle(b).display,
        };
      });
      expect(geo.display).toBe("block");
      // After the apply the data address is still the data's (A–O), not the outputs right of it.
      await page.locator("#findData").click();
      await page.waitForFunction(() =>
        (document.getElementById("found")?.textContent ?? "").includes("A1:O6"),
      );
      expect(geo.lines).toBeGreaterThanOrEqual(2); // the message wraps at 320 px: the case that put the bullet last
      await page.screenshot({
        path: path.join(artifacts, `pane-320-${locale}.png`),
        fullPage: true,
      });
    },
    60000,
  );
});
