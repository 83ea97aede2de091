/**
 * sales-qualify: grade an exported lead list without Excel.
 *   npx sales-qualify leads.xlsx                  → leads.graded.xlsx beside it
 *   npx sales-qualify crm-export.csv --out graded.xlsx --lang zh
 * Exit codes: 0 done, 1 a problem with a file (one message says which), 2 bad usage.
 */
import { parseArgs } from "util";
import { langFrom, type Lang } from "../engine/lang";
import { readDate, todaySerial } from "../engine/read";
import { INPUT_BY_KEY } from "../sheet/inputs";
import { OUTPUTS, OUTPUT_BY_KIND, type OutputKind } from "../sheet/outputs";
import { columnLetter } from "../sheet/rowFormulas";
import { CliError } from "./cliError";
import { gradeFile, type GradeResult, type MappingReport } from "./gradeFile";
import type { CsvEncoding } from "./sources";

const HELP: Record<Lang, string> = {
  zh: `用法：sales-qualify <文件.xlsx|文件.csv> [选项]

为导出的线索表评级（无需 Excel）：识别表头和各列，按任务窗格相同的规则计算
客户等级、意向等级、意向阶段、紧急程度、下次跟进和评级说明，另存为副本（不修改原文件）。

选项：
  --out <文件>           输出文件（.xlsx 或 .csv）；默认：<原名>.graded.<原扩展名>
  --sheet <名称>         要评级的工作表；默认：第一个有线索表头的可见工作表
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

/** The system's language: LANG/LC_* when set (not C/POSIX), else the OS locale; Chinese first. */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!v || /^(C|POSIX)([.@].*)?$/.test(v)) continue;
    return langFrom(v) ?? "en";
  }
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
  return lang === "zh"
    ? `工作表“${m.sheet}”，表头在第 ${m.headerRow} 行；识别的列：${cols}\n输出：${outs}\n`
    : `sheet "${m.sheet}", header row ${m.headerRow}; columns: ${cols}\noutputs: ${outs}\n`;
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
      if (!l) throw usage(`--lang "${v.lang}": zh | en`);
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
          throw usage(`--outputs "${k}": ${known.join(", ")}`);
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
      if (d === undefined) throw usage(`--today "${v.today}": YYYY-MM-DD`);
      today = d;
    }
    if (v.out !== undefined && !/\.(xlsx|csv)$/i.test(v.out))
      throw usage(
        lang === "zh"
          ? `--out “${v.out}”：输出文件须以 .xlsx 或 .csv 结尾`
          : `--out "${v.out}": the output must end in .xlsx or .csv`,
      );
    const p = progress(io, lang);
    const result = await gradeFile({
      input: parsed.positionals[0] as string,
      output: v.out,
      sheet: v.sheet,
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
