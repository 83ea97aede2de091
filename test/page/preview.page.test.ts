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
