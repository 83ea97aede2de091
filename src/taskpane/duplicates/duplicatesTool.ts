/*
 * Duplicate leads in Excel: find them from the pane's scan, and write the group, the proposed
 * owner and the explanation into three columns the add-in owns, through the pane's safe write
 * path (its own columns only; a cell it did not write stops everything before any write;
 * a snapshot for revert). It never deletes, merges or reorders a row.
 */
import type { Lang } from "../../engine/lang";
import { todaySerial } from "../../engine/read";
import { fold } from "../../engine/text";
import {
  DUPLICATE_COLUMNS,
  DUPLICATE_HEADERS,
  findDuplicates,
  type DuplicateColumn,
  type DuplicateResult,
} from "../../duplicates/findDuplicates";
import {
  assignColumn,
  type ColumnChoice,
  type Mapping,
} from "../../sheet/columnMapping";
import type { InputKey } from "../../sheet/inputs";
import { asText } from "../../sheet/rowFormulas";
import {
  newStats,
  planWrite,
  queueChunk,
  readGrid,
  type ColumnsWrite,
} from "../office/ranges";
import type { Scan } from "../grade/gradeController";
import { scanLeads } from "../leadScan";

const REGISTRY = "SALES.duplicateColumns";
type Owned = Partial<Record<DuplicateColumn, number>>;

function readOwned(sheetName: string): Owned {
  if (typeof Office === "undefined") return {};
  const all = Office.context.document.settings.get(REGISTRY) as unknown;
  const mine =
    all && typeof all === "object"
      ? (all as Record<string, unknown>)[sheetName]
      : undefined;
  const out: Owned = {};
  // Stored settings are untrusted: only whole non-negative column numbers count.
  if (mine && typeof mine === "object")
    for (const c of DUPLICATE_COLUMNS) {
      const v = (mine as Record<string, unknown>)[c];
      if (typeof v === "number" && Number.isInteger(v) && v >= 0) out[c] = v;
    }
  return out;
}

async function saveOwned(sheetName: string, owned: Owned): Promise<void> {
  if (typeof Office === "undefined") return;
  const settings = Office.context.document.settings;
  const all = (settings.get(REGISTRY) as Record<string, Owned> | null) ?? {};
  settings.set(REGISTRY, { ...all, [sheetName]: owned });
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
}

export interface DuplicateRun {
  readonly scan: Scan;
  readonly result: DuplicateResult;
  /** our columns found on the sheet (absolute), reused by the next write */
  readonly owned: Owned;
  readonly sheetRow: (index: number) => number;
}

/** Our columns on the sheet: remembered by the workbook and still headed as ours. */
function ownedColumns(s: Scan): Owned {
  const remembered = readOwned(s.data.sheetName);
  const owned: Owned = {};
  for (const c of DUPLICATE_COLUMNS) {
    const col = remembered[c];
    const h = col === undefined ? undefined : s.headers[col - s.data.left];
    const names = [DUPLICATE_HEADERS[c].zh, DUPLICATE_HEADERS[c].en].map(fold);
    // Ours while the header is still ours: a user who renames the column takes it back.
    if (col !== undefined && typeof h === "string" && names.includes(fold(h)))
      owned[c] = col;
  }
  return owned;
}

/** The scan without our own columns as inputs (建议归属 would otherwise pass for an owner column). */
function withoutOwn(s: Scan, owned: Owned): Scan {
  const ownedInBlock = new Set(
    Object.values(owned).map((c) => c - s.data.left),
  );
  let mapping: Mapping = s.mapping;
  for (const [k, v] of Object.entries(s.mapping) as [InputKey, ColumnChoice][])
    if (v.columns.some((c) => ownedInBlock.has(c)))
      mapping = assignColumn(
        mapping,
        k,
        v.columns.filter((c) => !ownedInBlock.has(c)),
      );
  return { ...s, mapping };
}

export async function findDuplicateLeads(
  lang: Lang,
  today = todaySerial(),
): Promise<DuplicateRun | null> {
  let owned: Owned = {};
  const l = await scanLeads(lang, today, (s) =>
    withoutOwn(s, (owned = ownedColumns(s))),
  );
  if (!l) return null;
  const result = findDuplicates(l.leads.rows, {
    lang,
    today,
    hasLogColumn: l.scan.mapping.receptionOrder.column !== null,
    rowNumber: (i) => l.sheetRow(i) + 1,
  });
  return { scan: l.scan, result, owned, sheetRow: l.sheetRow };
}

export interface DuplicateSnapshot {
  readonly sheetId: string;
  readonly top: number;
  readonly columns: readonly number[];
  readonly formulas: unknown[][];
  readonly numberFormat: unknown[][];
}

export type DuplicateWrite =
  | { readonly status: "done"; readonly snapshot: DuplicateSnapshot }
  | {
      readonly status: "conflict";
      readonly conflicts: readonly {
        row: number;
        column: number;
        content: string;
      }[];
    };

/** Puts back what a snapshot holds, in byte-budget requests (the caller syncs the last). */
async function restore(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  snap: DuplicateSnapshot,
  maxBytes?: number,
): Promise<void> {
  const w: ColumnsWrite = {
    columns: snap.columns,
    top: snap.top,
    rows: snap.formulas as (string | number | boolean)[][],
    as: "formulas",
    numberFormat: snap.numberFormat as string[][],
  };
  for (const chunk of planWrite(w, maxBytes)) {
    queueChunk(sheet, w, chunk.start, chunk.count);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk
    await context.sync();
  }
}

/**
 * Writes group, proposed owner and reason into the add-in's three columns. Before anything is
 * written it reads what is there (the snapshot for revert); a cell that is not the add-in's
 * (in columns not yet ours) stops it with nothing written. A write that fails part-way puts
 * the snapshot back: all or nothing.
 */
export async function writeDuplicateColumns(
  run: DuplicateRun,
  lang: Lang,
  maxBytes?: number,
): Promise<DuplicateWrite> {
  const { data } = run.scan;
  const reuse = DUPLICATE_COLUMNS.every((c) => run.owned[c] !== undefined);
  const start = reuse ? Math.min(...Object.values(run.owned)) : data.usedRight;
  const columns = DUPLICATE_COLUMNS.map((c, j) =>
    reuse ? (run.owned[c] as number) : start + j,
  );
  const rows: (string | number | boolean)[][] = [
    DUPLICATE_COLUMNS.map((c) => DUPLICATE_HEADERS[c][lang]),
    ...run.result.cells.map((r) => r.map((x) => asText(x))),
  ];
  const top = data.headerRow;
  const result = await Excel.run(async (context): Promise<DuplicateWrite> => {
    const sheet = context.workbook.worksheets.getItem(data.sheetId);
    const left = Math.min(...columns);
    const before = await readGrid(
      context,
      sheet,
      top,
      left,
      rows.length,
      columns.length,
      ["formulas", "numberFormat"],
      newStats(),
    );
    const pick = (g: unknown[][]) =>
      g.map((r) => columns.map((c) => r[c - left]));
    const snapshot: DuplicateSnapshot = {
      sheetId: data.sheetId,
      top,
      columns,
      formulas: pick(before.formulas),
      numberFormat: pick(before.numberFormat),
    };
    if (!reuse) {
      const conflicts = snapshot.formulas.flatMap((r, i) =>
        r.flatMap((v, j) =>
          v === "" || v === null
            ? []
            : [
                {
                  row: top + i,
                  column: columns[j] as number,
                  content: String(v),
                },
              ],
        ),
      );
      if (conflicts.length > 0) return { status: "conflict", conflicts };
    }
    const w: ColumnsWrite = { columns, top, rows, as: "values" };
    try {
      for (const chunk of planWrite(w, maxBytes)) {
        queueChunk(sheet, w, chunk.start, chunk.count);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk
        await context.sync();
      }
    } catch (e) {
      await restore(context, sheet, snapshot, maxBytes);
      throw e;
    }
    return { status: "done", snapshot };
  });
  if (result.status === "done")
    await saveOwned(
      data.sheetName,
      Object.fromEntries(DUPLICATE_COLUMNS.map((c, j) => [c, columns[j]])),
    );
  return result;
}

/** Puts the three columns back as they were before the write. */
export async function revertDuplicateColumns(
  snap: DuplicateSnapshot,
  maxBytes?: number,
): Promise<void> {
  await Excel.run(async (context) => {
    await restore(
      context,
      context.workbook.worksheets.getItem(snap.sheetId),
      snap,
      maxBytes,
    );
  });
}
