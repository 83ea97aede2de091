/*
 * The demo sheet's Office.js part: one click inserts 40 leads with live SALES results beside
 * them (a new sheet; an existing demo is never overwritten: the next free name is used). The
 * criteria sheet comes first, since the formulas count urgency from its today cell.
 */
import { TODAY_ADDRESS } from "../../criteria/criteriaSheet";
import { DEMO_SHEET_NAME, buildDemoSheet } from "../../demo/demoSheet";
import type { Lang } from "../../engine/lang";
import { insertCriteriaSheet } from "../criteria/criteriaWorkbook";

/** A1 reference to another sheet's cell, quoted as Excel wants it. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

export async function insertDemoSheet(
  lang: Lang,
  today: number,
): Promise<{ name: string; criteriaCreated: boolean }> {
  const criteria = await insertCriteriaSheet(lang, today);
  const demo = buildDemoSheet(
    lang,
    today,
    sheetRef(criteria.name, TODAY_ADDRESS),
  );
  const name = await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const taken = new Set(sheets.items.map((s) => s.name));
    let name = DEMO_SHEET_NAME[lang];
    for (let i = 2; taken.has(name); i++)
      name = `${DEMO_SHEET_NAME[lang]} (${i})`;
    const sheet = sheets.add(name);
    const h = demo.rows.length;
    const w = demo.rows[0]!.length;
    sheet.getRangeByIndexes(0, 0, h, w).formulas = demo.rows;
    const head = sheet.getRangeByIndexes(0, 0, 1, w);
    head.format.font.bold = true;
    head.format.fill.color = "#F2F2F2";
    for (const c of demo.dateColumns)
      sheet.getRangeByIndexes(1, c, h - 1, 1).numberFormat = Array.from(
        { length: h - 1 },
        () => ["yyyy-mm-dd"],
      );
    sheet.activate();
    await context.sync();
    return name;
  });
  return { name, criteriaCreated: criteria.created };
}
