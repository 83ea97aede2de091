/*
 * The pane's flow, apart from its DOM: scan the sheet, propose a mapping, apply the chosen
 * outputs as live formulas or static values, summarise, revert. The pure core decides; the
 * gateway talks to Excel.
 */
import type { Lang } from "../engine/lang";
import { todaySerial } from "../engine/read";
import {
  learnWords,
  mappingToSave,
  parseWorkbookWords,
  type Mapping,
  type WordsIssue,
  type WorkbookWords,
} from "../sheet/columnMapping";
import { detectHeaderRow } from "../sheet/headerRow";
import { findColumns } from "../sheet/sheetColumns";
import {
  OUTPUTS,
  OUTPUT_BY_KIND,
  availableOutputs,
  type OutputKind,
} from "../sheet/outputs";
import {
  placeOutputs,
  type Conflict,
  type SheetRegistry,
} from "../sheet/placement";
import {
  buildFormulas,
  computeStatic,
  type CellOut,
} from "../sheet/rowFormulas";
import { summarise, type Summary } from "../sheet/summary";
import {
  applyOutputs,
  findData,
  readHeaderWords,
  readRegistry,
  saveHeaderWords,
  revert,
  saveRegistry,
  type ColumnWrite,
  type FoundData,
  type Snapshot,
} from "./excel/gateway";

export interface Scan {
  readonly data: FoundData;
  /** index of the header row within the block */
  readonly headerIndex: number;
  readonly headers: readonly unknown[];
  /** the data rows below the header */
  readonly rows: readonly (readonly unknown[])[];
  readonly mapping: Mapping;
  readonly registry: SheetRegistry | undefined;
  /** columns of the block that are the add-in's earlier outputs */
  readonly ownedInBlock: ReadonlySet<number>;
  /** the workbook's own header words (taught by mapping columns by hand) */
  readonly words: WorkbookWords;
  /** entries of the stored words that could not be read (skipped) */
  readonly wordIssues: readonly WordsIssue[];
}

export async function scan(): Promise<Scan | null> {
  const data = await findData();
  if (!data) return null;
  const registry = readRegistry(data.sheetName);
  const headerIndex = detectHeaderRow(data.values);
  const { ownedInBlock } = placeOutputs(
    [],
    data.values[headerIndex] ?? [],
    data.left,
    registry,
  );
  // Our own earlier outputs are never inputs; the cells below each header are judged with it.
  const { words, issues: wordIssues } = parseWorkbookWords(readHeaderWords());
  const { headers, mapping } = findColumns(data.values, {
    headerRow: headerIndex,
    exclude: new Set([...ownedInBlock].map((c) => c - data.left)),
    words,
    saved: registry?.mapping,
  });
  return {
    data,
    headerIndex,
    headers,
    rows: data.values.slice(headerIndex + 1),
    mapping,
    registry,
    ownedInBlock,
    words,
    wordIssues,
  };
}

/** Outputs whose inputs are mapped (the others are shown disabled, with the reason). */
export { availableOutputs };

export interface ApplyOptions {
  readonly outputs: readonly OutputKind[];
  readonly live: boolean;
  readonly lang: Lang;
  /** put every output in fresh columns right of everything used on the sheet (outside any table) — the answer to a conflict */
  readonly placeAfterUsed?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  readonly cancelled?: () => boolean;
  readonly maxBytes?: number;
  /** the date urgency and follow-ups count from (tests pin it); default today */
  readonly today?: number;
  /** live formulas: the criteria sheet's today cell (`'评分标准'!$B$2`), when the workbook has one */
  readonly todayRef?: string;
}

export type ApplyOutcome =
  | {
      readonly status: "done";
      readonly summary: Summary;
      readonly snapshot: Snapshot;
      readonly columns: ReadonlyMap<OutputKind, number>;
      readonly syncs: number;
    }
  | { readonly status: "conflict"; readonly conflicts: readonly Conflict[] }
  | { readonly status: "cancelled" };

export async function apply(
  s: Scan,
  mapping: Mapping,
  opts: ApplyOptions,
): Promise<ApplyOutcome> {
  const { data, headerIndex, rows } = s;
  const outputs = OUTPUTS.map((o) => o.kind).filter((k) =>
    opts.outputs.includes(k),
  );
  if (outputs.length === 0) throw new Error("choose at least one output");
  // Column indexes in the mapping are relative to the block; the sheet's are absolute.
  const computed = computeStatic(
    rows,
    mapping,
    outputs,
    opts.lang,
    undefined,
    opts.today ?? todaySerial(),
  );

  // "Use empty columns further right": fresh columns past everything used on the sheet.
  const placement = placeOutputs(
    outputs,
    s.headers,
    data.left,
    s.registry,
    opts.placeAfterUsed ? data.usedRight : undefined,
  );
  const firstRow = data.top + headerIndex + 1;

  let cells: Map<OutputKind, CellOut[]>;
  if (opts.live) {
    cells = buildFormulas(
      rows.length,
      mapping,
      outputs,
      {
        firstRow,
        inputColumn: (k) =>
          mapping[k].column === null
            ? null
            : data.left + (mapping[k].column as number),
        outputColumn: (kind) => placement.columns.get(kind) ?? null,
        // Inside an Excel table spills give #SPILL!: calculated columns there; one spilling
        // formula per column on a plain range.
        layout:
          data.source === "table" && !opts.placeAfterUsed ? "table" : "spill",
        columnHeader: (col) => String(s.headers[col - data.left] ?? ""),
        outputHeader: (kind) =>
          OUTPUT_BY_KIND.get(kind)?.header[opts.lang] ?? null,
        todayRef: opts.todayRef,
      },
      opts.lang,
    );
  } else {
    cells = computed.columns;
  }
  const writes: ColumnWrite[] = outputs.map((kind) => ({
    kind,
    column: placement.columns.get(kind) as number,
    header: (OUTPUT_BY_KIND.get(kind) as { header: Record<Lang, string> })
      .header[opts.lang],
    cells: cells.get(kind) ?? [],
    numberFormat: OUTPUT_BY_KIND.get(kind)?.numberFormat,
  }));
  const owned = new Set<number>([
    ...placement.ownedInBlock,
    ...Object.values(s.registry?.owned ?? {}),
  ]);
  const result = await applyOutputs({
    sheetName: data.sheetName,
    // Outside the table when the user moved the outputs further right.
    tableName:
      data.source === "table" && !opts.placeAfterUsed
        ? data.tableName
        : undefined,
    headerRow: data.top + headerIndex,
    firstRow,
    rowCount: rows.length,
    writes,
    live: opts.live,
    owned,
    maxBytes: opts.maxBytes,
    colours: {
      grade: placement.columns.get("grade") ?? null,
      followUp: placement.columns.get("nextFollowUp") ?? null,
    },
    onProgress: opts.onProgress,
    cancelled: opts.cancelled,
  });
  if (result.status !== "done")
    return result.status === "conflict" ? result : { status: "cancelled" };

  const ownedNow: Partial<Record<OutputKind, number>> = {
    ...s.registry?.owned,
  };
  for (const [kind, col] of placement.columns) ownedNow[kind] = col;
  // Headers the user mapped by hand are remembered for the whole workbook.
  const learned = learnWords(s.words, mapping, s.headers);
  if (learned) await saveHeaderWords(learned);
  await saveRegistry(data.sheetName, {
    owned: ownedNow,
    mapping: mappingToSave(mapping, s.headers),
    outputs,
    live: opts.live,
  });
  return {
    status: "done",
    summary: summarise(
      rows.length,
      computed.grades,
      computed.stages,
      computed.problems,
      mapping.teamGrade.column === null
        ? undefined
        : rows.map((r) => r[mapping.teamGrade.column as number]),
      computed.unread,
    ),
    snapshot: result.snapshot,
    columns: placement.columns,
    syncs: result.syncs,
  };
}

export { revert };
