/*
 * npm run bench (part) — choosing columns from headers and contents on a 100,000-row, 30-column
 * CRM export (every row distinct: names, phones, dates, amounts and notes vary), against a
 * baseline in the same run: the same header row found and mapped from header words alone (the
 * same word table, no cells read: what the pane did before contents were judged). Interleaved rounds; min / median / max per contender and the ratio of medians.
 * Figures, never assertions. COLUMNS_ROWS and COLUMNS_REPEAT shrink the run while developing.
 */
import { proposeMapping } from "../src/sheet/columnMapping";
import { detectHeaderRow } from "../src/sheet/headerRow";
import { findColumns } from "../src/sheet/sheetColumns";
import { OWN_SHEETS } from "../test/sheet/columnsSheets";

const ROWS = Number(process.env.COLUMNS_ROWS ?? 100000);
const REPEAT = Number(process.env.COLUMNS_REPEAT ?? 7);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const crm = OWN_SHEETS.find((s) => s.name.startsWith("CRM"))!;
const header = crm.rows[crm.headerRow] as unknown[];
const samples = crm.rows.slice(crm.headerRow + 1);
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚";

/** A distinct row: the sample's shape with its own name, phone, dates, amount and note. */
function row(i: number): unknown[] {
  const base = samples[i % samples.length] as unknown[];
  return base.map((v, c) => {
    const h = String(header[c]);
    if (h.startsWith("联系人"))
      return `${SURNAMES[i % 20]}${GIVEN[(i * 7) % 20]}`;
    if (h.startsWith("手机"))
      return `13${(800000000 + i).toString().slice(0, 9)}`;
    if (h.startsWith("客户名称"))
      return `${SURNAMES[i % 20]}${GIVEN[i % 13]}科技有限公司${i}`;
    if (h.startsWith("商机金额"))
      return `¥${(10000 + (i % 90000) * 10).toLocaleString("en-US")}`;
    if (h.startsWith("最后跟进")) return 46000 + (i % 365);
    if (h.startsWith("跟进记录")) return `${String(v)}（第${i}条）`;
    return v;
  });
}

const values = [header, ...Array.from({ length: ROWS }, (_, i) => row(i))];

const contenders: [string, () => unknown][] = [
  ["headers and contents (findColumns)", () => findColumns(values)],
  [
    "baseline: header words alone",
    () => proposeMapping(values[detectHeaderRow(values)] ?? []),
  ],
];

const times = new Map<string, number[]>(contenders.map(([n]) => [n, []]));
for (let round = 0; round < REPEAT; round++)
  for (const [name, run] of round % 2
    ? [...contenders].reverse()
    : contenders) {
    gc();
    const t = process.hrtime.bigint();
    run();
    times.get(name)!.push(Number(process.hrtime.bigint() - t) / 1e6);
  }

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(
  `\nColumn choice: ${ROWS.toLocaleString("en-US")} rows × ${header.length} columns, ${REPEAT} interleaved rounds (ms)`,
);
for (const [name, xs] of times)
  console.log(
    `  ${name.padEnd(40)} min ${Math.min(...xs).toFixed(1)}  median ${median(xs).toFixed(1)}  max ${Math.max(...xs).toFixed(1)}`,
  );
const [a, b] = [...times.values()].map(median) as [number, number];
console.log(
  `  contents cost ${(a / b).toFixed(1)}× the header-only mapping (${(a - b).toFixed(1)} ms more per scan)`,
);
