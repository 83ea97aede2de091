/**
 * sales-qualify: grade an exported lead list without Excel.
 *   npx sales-qualify leads.xlsx                  → leads.graded.xlsx beside it
 *   npx sales-qualify crm-export.csv --out graded.xlsx --lang zh
 * Exit codes: 0 done, 1 a problem with a file (one message says which), 2 bad usage.
 */
import * as fs from "fs";
import { parseArgs } from "util";
import { langFrom, type Lang } from "../engine/lang";
import { readDate, todaySerial } from "../engine/read";
import { INPUT_BY_KEY } from "../sheet/inputs";
import { OUTPUTS, OUTPUT_BY_KIND, type OutputKind } from "../sheet/outputs";
import { unusedText } from "../sheet/mappingReasons";
import { columnLetter } from "../sheet/rowFormulas";
import { CliError } from "./cliError";
import { gradeFile, type GradeResult, type MappingReport } from "./gradeFile";
import { removePartialFiles } from "./sinks";
import type { CsvEncoding } from "./sources";

const HELP: Record<Lang, string> = {
  zh: `用法：sales-qualify <文件.xlsx|文件.csv> [选项]

为导出的线索表评级（无需 Excel）：识别表头和各列，按任务窗格相同的规则计算
客户等级、意向等级、意向阶段、紧急程度、下次跟进和评级说明，另存为副本（不修改原文件）。

选项：
  --out <文件>           输出文件（.xlsx 或 .csv）；默认：<原名>.graded.<原扩展名>
  --sheet <名称>         要评级的工作表；默认：第一个有线索表头的可见工作表
  --header-row <行号>    表头所在的行（从 1 数起）；默认在前 20 行中自动寻找
  --outputs <列表>       只输出这些列，逗号分隔：${OUTPUTS.map((o) => o.kind).join(",")}
  --mapping <文件.json>  用保存的列映射（输入 → 表头文字），如 {"payment": "付款能力"}
  --save-mapping <文件>  把本次的列映射保存下来，下次用 --mapping
  --encoding <编码>      CSV 编码 utf8 或 gb18030；默认自动识别
  --lang <zh|en>         标签和提示的语言；默认按系统语言
  --today <日期>         计算紧急程度和下次跟进的基准日期；默认今天
  --duplicates           加三列：撞单组、建议归属、撞单说明（先读完整张表）
  --report               另加一张“报表”工作表：各阶段、等级、紧急程度的计数表（仅 .xlsx）
  --force                输出文件已存在时覆盖它（绝不覆盖输入文件）
  --help                 显示本说明`,
  en: `Usage: sales-qualify <file.xlsx|file.csv> [options]

Grades an exported lead list without Excel: finds the header row and the columns, computes
lead grade, intent class, stage, urgency, next follow-up and the explanation with the task
pane's rules, and writes a copy (the input is never changed).

Options:
  --out <file>           output (.xlsx or .csv); default <name>.graded.<input's extension>
  --sheet <name>         the sheet to grade; default the first visible sheet with a lead header
  --header-row <n>       the header's row (counting from 1); default found among the first 20
  --outputs <list>       only these outputs, comma-separated: ${OUTPUTS.map((o) => o.kind).join(",")}
  --mapping <file.json>  a saved column mapping (input → header text), e.g. {"payment": "Payment"}
  --save-mapping <file>  save this run's mapping for --mapping next time
  --encoding <enc>       CSV encoding utf8 or gb18030; default detected
  --lang <zh|en>         language of labels and messages; default the system's
  --today <date>         the date urgency and follow-ups count from; default today
  --duplicates           add three columns: duplicate group, proposed owner, reason (reads the whole sheet first)
  --report               add a "Report" sheet: the counts by stage, grade and urgency (.xlsx only)
  --force                replace the output file if it exists (never the input)
  --help                 show this help`,
};

/**
 * The system's language: LANG/LC_* when set (not C/POSIX), else the OS locale; Chinese first.
 * A C/POSIX locale names no language (servers, containers): Chinese, not the OS's English default.
 */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  let posix = false;
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!v) continue;
    if (/^(C|POSIX)([.@].*)?$/.test(v)) {
      posix = true;
      continue;
    }
    return langFrom(v) ?? "en";
  }
  if (posix) return "zh";
  const os = Intl.DateTimeFormat().resolvedOptions().locale;
  return langFrom(os) ?? "zh";
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

function describeMapping(m: MappingReport, lang: Lang): string {
  const cols = m.columns
    .map(
      (c) =>
        `${INPUT_BY_KEY.get(c.input)?.[lang] ?? c.input}=${columnLetter(c.column)}`,
    )
    .join(lang === "zh" ? "，" : ", ");
  const outs = m.outputs
    .map((k) => OUTPUT_BY_KIND.get(k)?.header[lang] ?? k)
    .join(lang === "zh" ? "、" : ", ");
  const rows =
    m.headerRowLast > m.headerRow
      ? `${m.headerRow}–${m.headerRowLast}`
      : String(m.headerRow);
  // Every column whose header names an input but is not read: one line each, saying why.
  const unused = m.unused.map((u) => unusedText(u, m.headers, lang) + "\n");
  return (
    (lang === "zh"
      ? `工作表“${m.sheet}”，表头在第 ${rows} 行；识别的列：${cols}\n输出：${outs}\n`
      : `sheet "${m.sheet}", header ${m.headerRowLast > m.headerRow ? "rows" : "row"} ${rows}; columns: ${cols}\noutputs: ${outs}\n`) +
    unused.join("")
  );
}

function describeResult(r: GradeResult, lang: Lang): string {
  const counts = (x: Record<string, number>) =>
    Object.keys(x)
      .sort()
      .map((k) => `${k}: ${x[k]}`)
      .join(" · ");
  const n = r.rows.toLocaleString("en-US");
  const b = r.blankRows.toLocaleString("en-US");
  const lines =
    lang === "zh"
      ? [`已写入 ${r.output}：${n} 行数据，${b} 行空行`]
      : [
          `wrote ${r.output}: ${n} data ${r.rows === 1 ? "row" : "rows"}, ${b} blank ${r.blankRows === 1 ? "row" : "rows"}`,
        ];
  if (Object.keys(r.grades).length)
    lines.push((lang === "zh" ? "客户等级 " : "grades ") + counts(r.grades));
  if (Object.keys(r.stages).length)
    lines.push((lang === "zh" ? "意向阶段 " : "stages ") + counts(r.stages));
  if (r.footerRows)
    lines.push(
      lang === "zh"
        ? `${r.footerRows} 行合计或页脚行（如“合计”“制表人：…”）未评级`
        : `${r.footerRows} totals or footer ${r.footerRows === 1 ? "row" : "rows"} (Total, Prepared by: …) not graded`,
    );
  if (r.rowsWithProblems)
    lines.push(
      lang === "zh"
        ? `${r.rowsWithProblems} 行有无法识别的值，原因写在对应单元格中`
        : r.rowsWithProblems === 1
          ? "1 row has values that could not be read; each cell says why"
          : `${r.rowsWithProblems} rows have values that could not be read; each cell says why`,
    );
  return lines.join("\n") + "\n";
}

/** A progress line on long runs: rewritten in place on a terminal, one line every 10 s otherwise. */
export function progress(
  io: Io,
  lang: Lang,
): { tick(rows: number): void; done(): void } {
  const started = Date.now();
  let last = started;
  let shown = false;
  return {
    tick(rows) {
      const now = Date.now();
      if (now - last < (io.isTTY ? 500 : 10000) || now - started < 1500) return;
      last = now;
      const rate = Math.round(rows / ((now - started) / 1000)).toLocaleString(
        "en-US",
      );
      const text =
        lang === "zh"
          ? `已评级 ${rows.toLocaleString("en-US")} 行（每秒 ${rate} 行）…`
          : `graded ${rows.toLocaleString("en-US")} rows (${rate} rows/s)…`;
      io.err(io.isTTY ? `\r${text}` : `${text}\n`);
      shown = true;
    },
    done() {
      if (shown && io.isTTY) io.err("\r\x1b[K");
    },
  };
}

/** --today that is not a date: which part is wrong (month 13, 30 February), or the form expected. */
export function todayProblem(value: string, lang: Lang): string {
  const zh = lang === "zh";
  const m =
    /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(
      value,
    );
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12)
      return zh
        ? `--today “${value}”：月份 ${mo} 不存在（应为 1–12）`
        : `--today "${value}": there is no month ${mo} (use 1–12)`;
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (d < 1 || d > days)
      return zh
        ? `--today “${value}”：${y} 年 ${mo} 月没有 ${d} 日（该月有 ${days} 天）`
        : `--today "${value}": ${y}-${String(mo).padStart(2, "0")} has no day ${d} (it has ${days} days)`;
    return zh
      ? `--today “${value}”：年份 ${y} 超出范围（1900–9999）`
      : `--today "${value}": the year ${y} is out of range (1900–9999)`;
  }
  return zh
    ? `--today “${value}”：应为日期 YYYY-MM-DD，如 2026-11-25`
    : `--today "${value}": give a date as YYYY-MM-DD, e.g. 2026-11-25`;
}

/**
 * Why a text file would be misread, when its first bytes tell: UTF-16 (a BOM, or every other
 * byte zero, as Excel's "Unicode Text" saves), or columns separated by semicolons (a
 * European-locale "CSV"). Undefined when neither, or not a readable file.
 */
export function csvHint(file: string): CliError | undefined {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    try {
      head = Buffer.alloc(4096);
      head = head.subarray(0, fs.readSync(fd, head, 0, 4096, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (head.length < 2) return undefined;
  // A workbook (zip) or an old .xls (CFB) is not text: its zeros mean nothing here.
  if (
    head.subarray(0, 4).equals(Buffer.from("PK\u0003\u0004", "latin1")) ||
    head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))
  )
    return undefined;
  const bom16 =
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff);
  const zeros = head.filter((b) => b === 0).length;
  // Without a BOM: zero bytes, and read as UTF-16 little-endian nearly all of it is text.
  const text16 = head.subarray(0, head.length & ~1).toString("utf16le");
  const printable = [...text16].filter((ch) => {
    const c = ch.charCodeAt(0);
    return (c >= 0x20 || c === 9 || c === 10 || c === 13) && c !== 0xfffd;
  }).length;
  if (
    bom16 ||
    (head.length >= 16 &&
      zeros >= head.length / 4 &&
      printable >= text16.length * 0.95)
  )
    return new CliError({ code: "csvUtf16", file });
  const lines = head
    .toString("latin1")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 5);
  const count = (l: string, ch: string) => l.split(ch).length - 1;
  if (
    lines.length > 0 &&
    lines.every((l) => count(l, ";") >= 1) &&
    lines.some((l) => count(l, ";") >= 2) &&
    lines.every((l) => count(l, ",") < count(l, ";"))
  )
    return new CliError({ code: "csvSemicolons", file });
  return undefined;
}

/** Problems with the options themselves (exit 2); the rest are problems with a file (exit 1). */
const USAGE_CODES = new Set<string>(["usage", "badEncoding"]);

/** Node's parseArgs errors, as one plain line naming the option (its own text quotes oddly). */
export function parseArgsProblem(e: unknown, lang: Lang): string {
  const err = e as { code?: string; message?: string };
  const msg = String(err?.message ?? e);
  const opt = /'(-[^',\s]*)(?:, (--[^'\s]+))?/.exec(msg);
  const name = opt ? (opt[2] ?? opt[1]) : "";
  if (err?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return lang === "zh" ? `未知选项“${name}”` : `unknown option "${name}"`;
  if (err?.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return lang === "zh"
      ? `选项“${name}”${/does not take/.test(msg) ? "不带值" : "缺少值"}`
      : `option "${name}" ${/does not take/.test(msg) ? "takes no value" : "needs a value"}`;
  return msg;
}

export async function main(
  argv: string[],
  io: Io = processIo,
): Promise<number> {
  // --lang is honoured even when another option is bad (its message is in that language).
  const langArg = argv
    .map((a, i) =>
      a === "--lang" ? argv[i + 1] : /^--lang=(.*)$/.exec(a)?.[1],
    )
    .find((x) => x !== undefined);
  let lang = (langArg !== undefined && langFrom(langArg)) || systemLang();
  const usage = (detail: string) => new CliError({ code: "usage", detail });
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          out: { type: "string", short: "o" },
          sheet: { type: "string" },
          "header-row": { type: "string" },
          outputs: { type: "string" },
          mapping: { type: "string" },
          "save-mapping": { type: "string" },
          encoding: { type: "string" },
          lang: { type: "string" },
          today: { type: "string" },
          force: { type: "boolean" },
          report: { type: "boolean" },
          duplicates: { type: "boolean" },
          help: { type: "boolean", short: "h" },
        },
      });
    } catch (e) {
      throw usage(parseArgsProblem(e, lang));
    }
    const v = parsed.values;
    if (v.lang !== undefined) {
      const l = langFrom(v.lang);
      if (!l)
        throw usage(
          lang === "zh"
            ? `--lang “${v.lang}”：不支持这种语言，可用 zh（中文）或 en（English）`
            : `--lang "${v.lang}": not a language this tool speaks; use zh (中文) or en (English)`,
        );
      lang = l;
    }
    if (v.help) {
      io.out(HELP[lang] + "\n");
      return 0;
    }
    if (parsed.positionals.length !== 1)
      throw usage(
        lang === "zh" ? "请给出一个要评级的文件" : "give one file to grade",
      );
    let encoding: CsvEncoding | undefined;
    if (v.encoding !== undefined) {
      const e = v.encoding.toLowerCase().replace(/[-_]/g, "");
      if (e === "utf8") encoding = "utf8";
      else if (e === "gb18030" || e === "gbk" || e === "gb2312")
        encoding = "gb18030";
      else throw new CliError({ code: "badEncoding", value: v.encoding });
    }
    let outputs: OutputKind[] | undefined;
    if (v.outputs !== undefined) {
      const known = OUTPUTS.map((o) => o.kind as string);
      outputs = v.outputs
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "") as OutputKind[];
      for (const k of outputs)
        if (!known.includes(k))
          throw usage(
            lang === "zh"
              ? `--outputs “${k}”：没有这一项输出，可用 ${OUTPUTS.map((o) => `${o.kind}（${o.header.zh}）`).join("、")}`
              : `--outputs "${k}": not an output; use ${known.join(", ")}`,
          );
      if (outputs.length === 0)
        throw usage(
          lang === "zh"
            ? `--outputs “${v.outputs}”没有列出任何输出；可选：${known.join(", ")}`
            : `--outputs "${v.outputs}" names no output; choose from ${known.join(", ")}`,
        );
    }
    let today = todaySerial();
    if (v.today !== undefined) {
      const d = readDate(v.today);
      if (d === undefined) throw usage(todayProblem(v.today, lang));
      today = d;
    }
    if (v.out !== undefined && !/\.(xlsx|csv)$/i.test(v.out))
      throw usage(
        lang === "zh"
          ? `--out “${v.out}”：输出文件须以 .xlsx 或 .csv 结尾`
          : `--out "${v.out}": the output must end in .xlsx or .csv`,
      );
    let headerRow: number | undefined;
    if (v["header-row"] !== undefined) {
      const t = v["header-row"].trim();
      headerRow = /^\d+$/.test(t) ? Number(t) : NaN;
      if (!(headerRow >= 1 && headerRow <= 1048576))
        throw usage(
          lang === "zh"
            ? `--header-row “${v["header-row"]}”：应为表头所在的行号，1 到 1048576 之间的整数`
            : `--header-row "${v["header-row"]}": give the header's row number, a whole number from 1 to 1048576`,
        );
    }
    // A text file this tool would misread (semicolons, UTF-16): said before anything is graded.
    const misread = csvHint(parsed.positionals[0] as string);
    if (misread) throw misread;
    const p = progress(io, lang);
    // Ctrl-C or a kill mid-run: the unfinished hidden temporary file is removed, one line says so.
    const interrupted = (signal: NodeJS.Signals) => {
      const { unwritten, complete } = removePartialFiles();
      p.done();
      // (a copy renamed into place just before the signal is whole: nothing to say against it)
      if (complete.length === 0)
        io.err(
          `sales-qualify: ${new CliError({ code: "interrupted", file: unwritten[0] }).text(lang)}\n`,
        );
      process.exit(signal === "SIGINT" ? 130 : 143);
    };
    process.on("SIGINT", interrupted);
    process.on("SIGTERM", interrupted);
    const result = await gradeFile({
      input: parsed.positionals[0] as string,
      output: v.out,
      sheet: v.sheet,
      headerRow,
      encoding,
      mappingFile: v.mapping,
      saveMappingFile: v["save-mapping"],
      outputs,
      lang,
      today,
      force: v.force,
      report: v.report,
      duplicates: v.duplicates,
      onProgress: (rows) => p.tick(rows),
      onMapping: (m) => io.err(describeMapping(m, lang)),
      onNotice: (line) => io.err(`${line}\n`),
    }).finally(() => {
      process.off("SIGINT", interrupted);
      process.off("SIGTERM", interrupted);
    });
    p.done();
    io.err(describeResult(result, lang));
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`sales-qualify: ${e.text(lang)}\n`);
      return USAGE_CODES.has(e.problem.code) ? 2 : 1;
    }
    // A bug: one line, the details only on request.
    io.err(
      `sales-qualify: ${lang === "zh" ? "内部错误" : "internal error"}: ${String((e as Error)?.message ?? e)}` +
        (process.env.SALES_DEBUG ? `\n${(e as Error)?.stack}` : "") +
        "\n",
    );
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
