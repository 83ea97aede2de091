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
import type { OutputKind } from "../../sheet/outputs";
import { asText } from "../../sheet/rowFormulas";
import {
  applyOutputs,
  type ApplyResult,
  type ColumnWrite,
} from "../excel/gateway";
import type { Scan } from "../paneController";
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

export async function writeDuplicateColumns(
  run: DuplicateRun,
  lang: Lang,
  maxBytes?: number,
): Promise<ApplyResult> {
  const { data, headerIndex, rows } = run.scan;
  const reuse = DUPLICATE_COLUMNS.every((c) => run.owned[c] !== undefined);
  const start = reuse ? Math.min(...Object.values(run.owned)) : data.usedRight;
  const columns = DUPLICATE_COLUMNS.map((c, j) =>
    reuse ? (run.owned[c] as number) : start + j,
  );
  const writes: ColumnWrite[] = DUPLICATE_COLUMNS.map((c, j) => ({
    // The gateway does not read `kind` (it labels the column for the grade pane's summary).
    kind: "explanation" as OutputKind,
    column: columns[j] as number,
    header: DUPLICATE_HEADERS[c][lang],
    cells: run.result.cells.map((r) => asText(r[j] ?? "")),
  }));
  const tableRight = data.left + data.columnCount;
  const result = await applyOutputs({
    sheetName: data.sheetName,
    tableName:
      data.source === "table" && Math.min(...columns) === tableRight
        ? data.tableName
        : undefined,
    headerRow: data.top + headerIndex,
    firstRow: data.top + headerIndex + 1,
    rowCount: rows.length,
    writes,
    live: false,
    owned: new Set(reuse ? columns : []),
    maxBytes,
  });
  if (result.status === "done")
    await saveOwned(
      data.sheetName,
      Object.fromEntries(DUPLICATE_COLUMNS.map((c, j) => [c, columns[j]])),
    );
  return result;
}
