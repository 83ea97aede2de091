/**
 * What the command line tells the user when it cannot do its job: one message per problem,
 * in Chinese and English, naming the file, the sheet or the column concerned. A CliError is
 * printed as one line and ends the run with a non-zero exit; anything else that escapes is a
 * bug, printed as one line too (never a stack trace unless SALES_DEBUG is set).
 */
import type { Lang } from "../engine/lang";
import { INPUT_BY_KEY, INPUTS, type InputKey } from "../sheet/inputs";

export type CliProblem =
  | { code: "usage"; detail: string }
  | { code: "notFound"; file: string }
  | { code: "notAFile"; file: string }
  | { code: "locked"; file: string; reason: string }
  | { code: "notWorkbook"; file: string }
  | { code: "oldXls"; file: string }
  | { code: "badWorkbook"; file: string; reason: string }
  | { code: "noSheet"; file: string; sheet: string; sheets: string[] }
  | { code: "emptySheet"; file: string; sheet: string; sheets?: string[] }
  | {
      code: "noHeader";
      file: string;
      sheet: string;
      rows?: number;
      row?: number;
      sheets?: string[];
    }
  | { code: "noData"; file: string; sheet: string; sheets?: string[] }
  | { code: "headerRowBlank"; file: string; row: number }
  | { code: "unmapped"; output: string; needs: string[] }
  | { code: "nothingToGrade"; headers: string[] }
  | { code: "badMappingFile"; file: string; reason: string }
  | { code: "mappingNotFound"; file: string }
  | { code: "mappingNotJson"; file: string; detail: string }
  | { code: "mappingNotObject"; file: string }
  | { code: "mappingUnknownInput"; file: string; input: string }
  | { code: "mappingBadValue"; file: string; input: string }
  | { code: "csvSemicolons"; file: string }
  | { code: "csvUtf16"; file: string }
  | {
      code: "mappingHeaderMissing";
      file: string;
      input: string;
      header: string;
    }
  | { code: "sameAsInput"; file: string }
  | { code: "outputExists"; file: string }
  | { code: "cannotWrite"; file: string; reason: string }
  | { code: "badEncoding"; value: string }
  | { code: "interrupted"; file?: string };

const list = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join("、");
const listEn = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");
/** The workbook's sheets, when it has more than one: which --sheet to try. */
const others = (lang: Lang, sheets: readonly string[] | undefined) =>
  !sheets || sheets.length < 2
    ? ""
    : lang === "zh"
      ? `。工作簿中的工作表：${list(sheets)}（用 --sheet 选择）`
      : `. The workbook's sheets: ${listEn(sheets)} (choose one with --sheet)`;

const TEXT: {
  [C in CliProblem["code"]]: Record<
    Lang,
    (p: Extract<CliProblem, { code: C }>) => string
  >;
} = {
  usage: {
    zh: (p) => `${p.detail}（运行 sales-qualify --help 查看用法）`,
    en: (p) => `${p.detail} (run sales-qualify --help for usage)`,
  },
  notFound: {
    zh: (p) => `找不到文件“${p.file}”`,
    en: (p) => `no such file: "${p.file}"`,
  },
  notAFile: {
    zh: (p) => `“${p.file}”不是文件（是文件夹？）`,
    en: (p) => `"${p.file}" is not a file (a folder?)`,
  },
  locked: {
    zh: (p) =>
      `无法打开“${p.file}”：文件被占用或没有读取权限（${p.reason}）。请在 Excel 中关闭该文件后重试`,
    en: (p) =>
      `cannot open "${p.file}": it is locked or not readable (${p.reason}). Close it in Excel and try again`,
  },
  notWorkbook: {
    zh: (p) => `“${p.file}”不是 .xlsx 工作簿，也不是 CSV 文件`,
    en: (p) => `"${p.file}" is neither an .xlsx workbook nor a CSV file`,
  },
  oldXls: {
    zh: (p) =>
      `“${p.file}”是旧版 .xls 格式：请在 Excel 中另存为 .xlsx 或 CSV 后再评级`,
    en: (p) =>
      `"${p.file}" is an old .xls workbook: save it as .xlsx or CSV in Excel first`,
  },
  badWorkbook: {
    zh: (p) => `无法读取工作簿“${p.file}”：文件已损坏或不完整（${p.reason}）`,
    en: (p) =>
      `cannot read the workbook "${p.file}": it is damaged or incomplete (${p.reason})`,
  },
  noSheet: {
    zh: (p) =>
      `“${p.file}”中没有名为“${p.sheet}”的工作表；现有：${list(p.sheets)}`,
    en: (p) =>
      `"${p.file}" has no sheet named "${p.sheet}"; it has ${listEn(p.sheets)}`,
  },
  emptySheet: {
    zh: (p) => `“${p.file}”的工作表“${p.sheet}”是空的${others("zh", p.sheets)}`,
    en: (p) =>
      `sheet "${p.sheet}" of "${p.file}" is empty${others("en", p.sheets)}`,
  },
  noHeader: {
    zh: (p) =>
      (p.row !== undefined
        ? `“${p.file}”（${p.sheet}）第 ${p.row} 行中没有能认出的列标题（如 付款能力、跟进记录、上次联系）。请检查 --header-row 的行号`
        : `在“${p.file}”（${p.sheet}）的前 ${p.rows ?? 6} 行中找不到表头：没有一列的标题能认出（如 付款能力、跟进记录、上次联系）。表头在更下面时用 --header-row <行号> 指定；标题认不出时用 --mapping 指定各项对应的列标题`) +
      others("zh", p.sheets),
    en: (p) =>
      (p.row !== undefined
        ? `row ${p.row} of "${p.file}" (${p.sheet}) has no column title that is recognised (e.g. Payment, Notes, Last contact). Check the row number given to --header-row`
        : `no header row in the first ${p.rows ?? 6} rows of "${p.file}" (${p.sheet}): no column title is recognised (e.g. Payment, Notes, Last contact). If the header is lower down, give its row with --header-row <n>; if its titles are not recognised, name them with --mapping`) +
      others("en", p.sheets),
  },
  noData: {
    zh: (p) =>
      `“${p.file}”的工作表“${p.sheet}”在表头下没有数据行，未写入任何文件${others("zh", p.sheets)}`,
    en: (p) =>
      `sheet "${p.sheet}" of "${p.file}" has no data rows below its header; nothing was written${others("en", p.sheets)}`,
  },
  headerRowBlank: {
    zh: (p) =>
      `--header-row ${p.row}：“${p.file}”的第 ${p.row} 行是空的或不存在`,
    en: (p) =>
      `--header-row ${p.row}: row ${p.row} of "${p.file}" is blank or does not exist`,
  },
  unmapped: {
    zh: (p) =>
      `无法输出“${p.output}”：缺少列 ${list(p.needs)}。请在表头中加入该列，或用 --mapping 指定`,
    en: (p) =>
      `cannot produce "${p.output}": no column for ${listEn(p.needs)}. Add it to the header or name it with --mapping`,
  },
  nothingToGrade: {
    zh: (p) =>
      `表头 ${list(p.headers)} 中没有可用于评级的列（如 付款能力、满意度、跟进记录、截止日期）`,
    en: (p) =>
      `none of the headers ${listEn(p.headers)} is an input the grading needs (e.g. Payment, Satisfaction, Notes, Deadline)`,
  },
  badMappingFile: {
    zh: (p) => `列映射文件“${p.file}”无效：${p.reason}`,
    en: (p) => `the mapping file "${p.file}" is not valid: ${p.reason}`,
  },
  mappingNotFound: {
    zh: (p) => `找不到列映射文件“${p.file}”`,
    en: (p) => `the mapping file "${p.file}" was not found`,
  },
  mappingNotJson: {
    zh: (p) =>
      `列映射文件“${p.file}”不是有效的 JSON；应写成 {"付款能力": "付款情况", "跟进记录": ["第一次", "第二次"]}`,
    en: (p) =>
      `the mapping file "${p.file}" is not valid JSON (${p.detail}); write it as {"payment": "Budget OK", "observations": ["Call 1", "Call 2"]}`,
  },
  mappingNotObject: {
    zh: (p) =>
      `列映射文件“${p.file}”应是一个对象：每项写成 “输入名”: “表头文字”，如 {"付款能力": "付款情况"}`,
    en: (p) =>
      `the mapping file "${p.file}" must be an object of input: header text, e.g. {"payment": "Budget OK"}`,
  },
  mappingUnknownInput: {
    zh: (p) =>
      `列映射文件“${p.file}”中的“${p.input}”不是可识别的输入；可用：${INPUTS.map((i) => `${i.zh}（${i.key}）`).join("、")}`,
    en: (p) =>
      `the mapping file "${p.file}": "${p.input}" is not an input; known: ${INPUTS.map((i) => `${i.key} (${i.en})`).join(", ")}`,
  },
  mappingBadValue: {
    zh: (p) =>
      `列映射文件“${p.file}”中“${p.input}”的值应是表头文字（跟进记录可以是几个表头的列表）`,
    en: (p) =>
      `the mapping file "${p.file}": "${p.input}" must be a column's header text (a list of headers for observations)`,
  },
  csvSemicolons: {
    zh: (p) =>
      `“${p.file}”的各列用分号（;）分隔，而不是逗号：请在 Excel 中打开后另存为“CSV UTF-8（逗号分隔）”，或另存为 .xlsx`,
    en: (p) =>
      `"${p.file}" separates its columns with semicolons (;), not commas: open it in Excel and save it as "CSV UTF-8 (Comma delimited)", or as .xlsx`,
  },
  csvUtf16: {
    zh: (p) =>
      `“${p.file}”是 UTF-16 编码的文本（Excel 的“Unicode 文本”），无法按 CSV 读取：请另存为“CSV UTF-8（逗号分隔）”或 .xlsx`,
    en: (p) =>
      `"${p.file}" is UTF-16 text (Excel's "Unicode Text"), not a CSV this tool reads: save it as "CSV UTF-8 (Comma delimited)" or as .xlsx`,
  },
  mappingHeaderMissing: {
    zh: (p) =>
      `列映射文件“${p.file}”把“${INPUT_BY_KEY.get(p.input as InputKey)?.zh ?? p.input}”指向列“${p.header}”，但表头中没有这一列`,
    en: (p) =>
      `the mapping file "${p.file}" maps ${INPUT_BY_KEY.get(p.input as InputKey)?.en ?? p.input} to the column "${p.header}", which the header row does not have`,
  },
  sameAsInput: {
    zh: (p) =>
      `输出文件“${p.file}”就是输入文件：评级结果另存为副本，绝不覆盖原文件`,
    en: (p) =>
      `the output "${p.file}" is the input file: the graded copy never overwrites its input`,
  },
  outputExists: {
    zh: (p) =>
      `输出文件“${p.file}”已存在；换一个 --out 文件名，或加 --force 覆盖它`,
    en: (p) =>
      `the output "${p.file}" exists; choose another --out, or add --force to replace it`,
  },
  cannotWrite: {
    zh: (p) => `无法写入“${p.file}”（${p.reason}）`,
    en: (p) => `cannot write "${p.file}" (${p.reason})`,
  },
  badEncoding: {
    zh: (p) => `--encoding “${p.value}”无法识别（应为 utf8 或 gb18030）`,
    en: (p) => `--encoding "${p.value}" is not known (use utf8 or gb18030)`,
  },
  interrupted: {
    zh: (p) =>
      p.file
        ? `已中断：没有写入“${p.file}”（未完成的临时文件已删除）`
        : "已中断：没有写入任何文件",
    en: (p) =>
      p.file
        ? `interrupted: nothing was written to "${p.file}" (the unfinished temporary file was removed)`
        : "interrupted: nothing was written",
  },
};

export class CliError extends Error {
  constructor(readonly problem: CliProblem) {
    super(problem.code);
  }
  text(lang: Lang): string {
    const f = TEXT[this.problem.code][lang] as (p: CliProblem) => string;
    return f(this.problem);
  }
}

/** A file-system error while opening or writing, as the user's problem (not a stack trace). */
export function fsProblem(
  err: unknown,
  file: string,
  writing = false,
): CliError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? "";
  const reason = code || String((err as Error | undefined)?.message ?? err);
  if (writing) return new CliError({ code: "cannotWrite", file, reason });
  if (code === "ENOENT") return new CliError({ code: "notFound", file });
  if (code === "EISDIR") return new CliError({ code: "notAFile", file });
  return new CliError({ code: "locked", file, reason });
}
