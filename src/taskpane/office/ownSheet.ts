/*
 * A sheet the add-in owns (the report, the follow-ups list), rebuilt whole: the new one is
 * built under a temporary name; only when every write has gone through is the previous one
 * (recognised by its id, stored in the workbook) deleted and the new one renamed. A failure
 * deletes the half-built sheet and leaves the previous one as it was: all or nothing.
 * A sheet of the same name that the add-in did not create is never touched: the new sheet
 * takes the next free name ("报表 2").
 */
const OWN_SHEETS = "SALES.ownSheets";
const TRIES = 6;

export type OwnSheetKey = "report" | "followUps";

interface Stored {
  readonly id: string;
  readonly name: string;
}

function stored(): Partial<Record<OwnSheetKey, Stored>> {
  if (typeof Office === "undefined") return {};
  const v = Office.context.document.settings.get(OWN_SHEETS) as unknown;
  // Stored settings are untrusted: keep only entries with a string id and name.
  const out: Partial<Record<OwnSheetKey, Stored>> = {};
  if (v && typeof v === "object")
    for (const k of ["report", "followUps"] as const) {
      const e = (v as Record<string, unknown>)[k] as
        Record<string, unknown> | undefined;
      if (e && typeof e.id === "string" && typeof e.name === "string")
        out[k] = { id: e.id, name: e.name };
    }
  return out;
}

/** The names the add-in's own sheets had when last built: the tools never read them as data. */
export function ownSheetNames(): string[] {
  return Object.values(stored()).map((s) => s.name);
}

async function storeId(
  key: OwnSheetKey,
  id: string,
  name: string,
): Promise<void> {
  if (typeof Office === "undefined") return;
  const settings = Office.context.document.settings;
  settings.set(OWN_SHEETS, { ...stored(), [key]: { id, name } });
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
}

export interface OwnSheetResult<T> {
  readonly sheetName: string;
  readonly value: T;
  readonly syncs: number;
}

/**
 * @param fill queues the new sheet's content (it may sync); its result is returned
 */
export async function rebuildOwnSheet<T>(
  key: OwnSheetKey,
  name: string,
  fill: (context: Excel.RequestContext, sheet: Excel.Worksheet) => Promise<T>,
): Promise<OwnSheetResult<T>> {
  const previous = stored()[key];
  const ourId = previous?.id;
  const result = await Excel.run(async (context) => {
    let syncs = 0;
    const sheets = context.workbook.worksheets;
    const names = Array.from({ length: TRIES }, (_, i) =>
      i === 0 ? name : `${name} ${i + 1}`,
    );
    const candidates = names.map((n) =>
      sheets.getItemOrNullObject(n).load("id,name"),
    );
    const ours = ourId
      ? sheets.getItemOrNullObject(ourId).load("id,name")
      : null;
    await context.sync();
    syncs++;
    // Still ours only under the name we gave it: a user who renamed it has kept it.
    const mine =
      ours && !ours.isNullObject && ours.name === previous?.name ? ours : null;
    const free = candidates.findIndex(
      (s) => s.isNullObject || (mine !== null && s.id === mine.id),
    );
    if (free < 0) throw new Error(`no free sheet name for ${name}`);
    const finalName = names[free] as string;
    const temp = sheets.add(`~${key}${Date.now() % 1000000}`);
    temp.load("id");
    let value: T;
    try {
      value = await fill(context, temp);
      await context.sync();
      syncs++;
    } catch (e) {
      // Nothing half-built stays behind; the previous sheet was not touched.
      try {
        temp.delete();
        await context.sync();
      } catch {
        /* the error that matters is the first one */
      }
      throw e;
    }
    if (mine) mine.delete();
    // Not activated: the data sheet stays active, so the next click reads the data again.
    temp.name = finalName;
    await context.sync();
    syncs++;
    return { sheetName: finalName, value, syncs, id: temp.id };
  });
  await storeId(key, result.id, result.sheetName);
  return {
    sheetName: result.sheetName,
    value: result.value,
    syncs: result.syncs,
  };
}

/** Thrown when a tool is asked to read one of the add-in's own sheets as lead data. */
export class OwnSheetActive extends Error {
  constructor(readonly sheetName: string) {
    super(`${sheetName} is the add-in's own sheet, not lead data`);
  }
}

export function assertDataSheet(sheetName: string): void {
  if (ownSheetNames().includes(sheetName)) throw new OwnSheetActive(sheetName);
}

/** Shows a sheet (the pane's "open the report" link). */
export async function showSheet(name: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}
