/*
 * Keeps the custom functions on the workbook's criteria sheet, in the shared runtime (the pane's
 * page is the functions' page):
 * - at start-up (the workbook just opened, or the pane opened): refresh the today cell, read
 *   the sheet, hand it to the functions, show problems in its check column, listen to its
 *   changes, and recalculate the SALES cells once if the criteria differ from the defaults
 *   (a function may have run before the sheet was read);
 * - on every edit of the sheet: the same, within about a second (edits are gathered for
 *   `DEBOUNCE_MS`), then only the SALES cells recalculate;
 * - on a label-language switch: recalculate the SALES cells (formulas pin no language).
 * The runtime is asked to load with the document from then on (SharedRuntime 1.1), because
 * non-volatile functions do not rerun when a workbook opens.
 */
import { CHECK_COL, TODAY_ROW } from "../../criteria/criteriaSheet";
import { DEFAULT_CRITERIA } from "../../engine/criteria";
import type { Lang } from "../../engine/lang";
import { todaySerial } from "../../engine/read";
import {
  readCriteriaSheet,
  recalcSalesCells,
  refreshToday,
  writeCheckColumn,
} from "./criteriaWorkbook";
import { useDefaultCriteria, useSheetCriteria } from "./useSheetCriteria";

export const DEBOUNCE_MS = 300;

export interface SyncStatus {
  readonly sheet: string | null;
  readonly issues: number;
  readonly recalculated: number;
}

const state: {
  sheet: string | null;
  lang: () => Lang;
  watching: Set<string>;
  timer: ReturnType<typeof setTimeout> | undefined;
  onStatus: (s: SyncStatus) => void;
} = {
  sheet: null,
  lang: () => "zh",
  watching: new Set(),
  timer: undefined,
  onStatus: () => undefined,
};

/** Reads the criteria sheet into the functions; recalculates when asked or when needed. */
export async function loadCriteria(
  opts: { recalc?: "always" | "ifCustom" | "never"; today?: number } = {},
): Promise<SyncStatus> {
  const sheet = await readCriteriaSheet();
  if (!sheet) {
    useDefaultCriteria();
    const n = opts.recalc === "always" ? await recalcSalesCells() : 0;
    return report({ sheet: null, issues: 0, recalculated: n });
  }
  const today = opts.today;
  if (
    today !== undefined &&
    sheet.values.length > TODAY_ROW &&
    (await refreshToday(sheet.name, sheet.values[TODAY_ROW]?.[1], today))
  ) {
    (sheet.values[TODAY_ROW] as unknown[])[1] = today;
  }
  const { parsed, check } = useSheetCriteria(
    sheet.values,
    sheet.name,
    state.lang(),
  );
  await writeCheckColumn(sheet.name, sheet.values, check);
  await watch(sheet.name, sheet.id);
  const custom =
    JSON.stringify(parsed.criteria) !== JSON.stringify(DEFAULT_CRITERIA);
  const recalc =
    opts.recalc === "always" || (opts.recalc !== "never" && custom)
      ? await recalcSalesCells()
      : 0;
  return report({
    sheet: sheet.name,
    issues: parsed.issues.length,
    recalculated: recalc,
  });
}

function report(s: SyncStatus): SyncStatus {
  state.sheet = s.sheet;
  state.onStatus(s);
  return s;
}

/** Listens to the criteria sheet's edits (ExcelApi 1.7), once per sheet (by its id). */
async function watch(name: string, id: string): Promise<void> {
  if (state.watching.has(id)) return;
  state.watching.add(id);
  await Excel.run(async (context) => {
    context.workbook.worksheets
      .getItem(name)
      .onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        // The pane's own check-column writes change nothing the functions read.
        if (onlyCheckColumn(e.address)) return;
        if (state.timer) clearTimeout(state.timer);
        state.timer = setTimeout(() => {
          state.timer = undefined;
          void loadCriteria({ recalc: "always" }).catch(() => undefined);
        }, DEBOUNCE_MS);
      });
    await context.sync();
  });
}

const CHECK_LETTER = String.fromCharCode(65 + CHECK_COL);
/** True for an address (`G5`, `G2:G9`, `Sheet!G3`) that lies in the check column only. */
export function onlyCheckColumn(address: string): boolean {
  const a = address.replace(/^.*!/, "").replace(/\$/g, "");
  return a
    .split(":")
    .every((p) => new RegExp(`^${CHECK_LETTER}\\d*$`, "i").test(p));
}

/**
 * Starts the sync in the shared runtime. `lang` gives the sheet's check-column language;
 * `onStatus` tells the pane what happened (problems found, cells recalculated).
 */
export async function startCriteriaSync(
  lang: () => Lang,
  onStatus: (s: SyncStatus) => void = () => undefined,
): Promise<SyncStatus> {
  state.lang = lang;
  state.onStatus = onStatus;
  const today = todaySerial();
  const s = await loadCriteria({ recalc: "ifCustom", today });
  if (s.sheet) await loadWithDocument();
  else await dailyRecalc(today);
  return s;
}

/** The criteria sheet's name when the workbook has one (live formulas reference its today cell). */
export function criteriaSheetName(): string | null {
  return state.sheet;
}

const LAST_RECALC = "SALES.lastRecalc";
/**
 * Without a criteria sheet there is no today cell: urgency formulas read the clock, and
 * non-volatile functions do not rerun when a workbook opens. So once a day, the first time the
 * runtime starts, the SALES cells are recalculated.
 */
async function dailyRecalc(today: number): Promise<void> {
  if (typeof Office === "undefined" || !Office.context?.document) return;
  const settings = Office.context.document.settings;
  if (settings.get(LAST_RECALC) === today) return;
  await recalcSalesCells();
  settings.set(LAST_RECALC, today);
  settings.saveAsync();
}

/** From now on the runtime loads with this workbook, so its criteria apply before any edit. */
export async function loadWithDocument(): Promise<void> {
  try {
    if (typeof Office !== "undefined" && Office.addin?.setStartupBehavior)
      await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  } catch {
    // SharedRuntime 1.1 missing: the criteria are read when the pane opens instead.
  }
}

/** Forgets the listeners and any pending reload (the pane unloading; tests). */
export function stopCriteriaSync(): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
  state.watching.clear();
}

/** The label language changed: every SALES result relabels. */
export function languageChanged(): Promise<number> {
  return recalcSalesCells();
}
