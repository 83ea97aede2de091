/**
 * The command line on a large export: rows per second and peak memory (max RSS) of
 * `sales-qualify` grading an .xlsx and a CSV, beside a read-and-copy baseline that streams
 * the same file through the same reader and writer with no grading. Each trial runs in its
 * own process (so its peak memory is its own); grade and copy trials alternate, repeated.
 *   CLI_BENCH_ROWS (default 200,000; 1048575 fills a sheet to Excel's limit) · CLI_BENCH_REPEATS (default 3)
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { gradeFile } from "../src/cli/gradeFile";
import { openSink } from "../src/cli/sinks";
import { openSource } from "../src/cli/sources";
import { LEAD_HEADERS } from "../test/sampleLeads";

const ROWS = Number(process.env.CLI_BENCH_ROWS ?? 200000);
const REPEATS = Number(process.env.CLI_BENCH_REPEATS ?? 3);
const HEADERS = ["客户姓名", ...LEAD_HEADERS];
const NOTES = [
  "询问价格和优惠",
  "不感兴趣",
  "已签约，已付款",
  "愿意见面，了解产品",
  "要求报价，询问付款方式",
  "阶段2",
  "",
];

function row(i: number): (string | number | Date)[] {
  const pick = <T>(xs: readonly T[], k: number) =>
    xs[(i * k + (i >> 3)) % xs.length] as T;
  return [
    `客户${i}`,
    pick(["是", "否", "A", "B"], 7),
    pick(["是", "否", "A"], 5),
    (i * 13) % 6,
    (i * 7) % 4,
    (i * 3) % 3,
    i % 2,
    pick(["A", "B", "是"], 11),
    pick(NOTES, 3),
    new Date(Date.UTC(2026, 9, 1 + (i % 55))),
    pick(["2026-12-20", "30", "无截止日期"], 5),
    pick(["已分配", "申请中", "未分配"], 3),
    pick(["老板", "经理", "基层"], 13),
    pick(["激烈", "一般", "无"], 17),
  ];
}

async function makeInputs(dir: string): Promise<{ xlsx: string; csv: string }> {
  const xlsx = path.join(dir, "leads.xlsx");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: xlsx,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet("线索");
  ws.addRow(HEADERS).commit();
  for (let i = 1; i <= ROWS; i++) {
    const r = ws.addRow(row(i));
    r.getCell(10).numFmt = "yyyy-mm-dd";
    r.commit();
  }
  ws.commit();
  await wb.commit();
  const csv = path.join(dir, "leads.csv");
  const out = fs.createWriteStream(csv);
  out.write(HEADERS.join(",") + "\n");
  for (let i = 1; i <= ROWS; i++) {
    const line =
      row(i)
        .map((v) =>
          v instanceof Date ? v.toISOString().slice(0, 10) : `"${v}"`,
        )
        .join(",") + "\n";
    if (!out.write(line))
      await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { xlsx, csv };
}

/**
 * This process's peak resident memory. On Linux, VmHWM of /proc/self/status: getrusage's
 * maxRSS survives exec, so a child would report its parent's peak when that is higher.
 */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(
      fs.readFileSync("/proc/self/status", "utf8"),
    );
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** One trial in this process (the child): grade or copy `file`, print {ms, rows, maxRssMb}. */
async function trial(
  mode: "grade" | "copy",
  file: string,
  out: string,
): Promise<void> {
  const t0 = process.hrtime.bigint();
  let rows = 0;
  if (mode === "grade") {
    const r = await gradeFile({
      input: file,
      output: out,
      lang: "zh",
      today: 46351,
      force: true,
    });
    rows = r.rows;
  } else {
    const src = await openSource(file, {});
    const sink = await openSink(out, src.kind, src.sheetName, src.encoding);
    for await (const r of src.rows()) {
      await sink.writeRow(r.number, r.cells);
      rows++;
    }
    await sink.finish();
    rows--; // the header row
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const maxRssMb = peakRssMb();
  process.stdout.write(JSON.stringify({ ms, rows, maxRssMb }) + "\n");
}

interface Trial {
  ms: number;
  rows: number;
  maxRssMb: number;
}

function stats(xs: number[]): [number, number, number] {
  const s = [...xs].sort((a, b) => a - b);
  return [
    s[0] as number,
    s[Math.floor(s.length / 2)] as number,
    s[s.length - 1] as number,
  ];
}

async function main(): Promise<void> {
  if (process.argv[2] === "--trial") {
    await trial(
      process.argv[3] as "grade" | "copy",
      process.argv[4] as string,
      process.argv[5] as string,
    );
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-bench-"));
  try {
    const t0 = Date.now();
    const inputs = await makeInputs(dir);
    console.log(
      `\ncommand line (bench/cliBench.ts): ${ROWS.toLocaleString("en-US")} rows × ${HEADERS.length} columns, ${REPEATS} runs each, grade and copy alternating (inputs made in ${((Date.now() - t0) / 1000).toFixed(1)} s; xlsx ${(fs.statSync(inputs.xlsx).size / 1e6).toFixed(1)} MB, csv ${(fs.statSync(inputs.csv).size / 1e6).toFixed(1)} MB)`,
    );
    console.log(
      "| input | run | rows/s min / median / max | peak RSS MB min / median / max | ratio (grade ÷ copy time, median) |",
    );
    console.log("|---|---|---:|---:|---:|");
    for (const [kind, file] of Object.entries(inputs)) {
      const results: Record<"grade" | "copy", Trial[]> = {
        grade: [],
        copy: [],
      };
      for (let k = 0; k < REPEATS; k++)
        for (const mode of (k % 2 ? ["copy", "grade"] : ["grade", "copy"]) as (
          "grade" | "copy"
        )[]) {
          const out = path.join(dir, `out-${mode}.${kind}`);
          const line = execFileSync(
            process.execPath,
            [
              "-r",
              "ts-node/register/transpile-only",
              __filename,
              "--trial",
              mode,
              file,
              out,
            ],
            { encoding: "utf8", maxBuffer: 1 << 20 },
          );
          results[mode].push(
            JSON.parse(line.trim().split("\n").pop() as string),
          );
        }
      const med = (m: "grade" | "copy") =>
        stats(results[m].map((t) => t.ms))[1];
      for (const mode of ["grade", "copy"] as const) {
        const rate = stats(
          results[mode].map((t) => t.rows / (t.ms / 1000)),
        ).map((x) => Math.round(x).toLocaleString("en-US"));
        const rss = stats(results[mode].map((t) => t.maxRssMb));
        const rows = results[mode][0]?.rows;
        if (rows !== ROWS)
          throw new Error(`${mode} ${kind}: ${rows} rows, expected ${ROWS}`);
        console.log(
          `| ${kind} | ${mode === "grade" ? "sales-qualify (grade)" : "read and copy (baseline)"} | ${rate.join(" / ")} | ${rss.join(" / ")} | ${mode === "grade" ? (med("grade") / med("copy")).toFixed(2) + "×" : ""} |`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
