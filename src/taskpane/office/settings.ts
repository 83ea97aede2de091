/*
 * Workbook settings (Office.context.document.settings: saved in the file, so they travel with
 * it), read through a parser: stored settings are untrusted input. A tool gives the parser
 * (a schema); what does not parse is reported, never used.
 */

export function settingsAvailable(): boolean {
  return typeof Office !== "undefined" && !!Office.context?.document?.settings;
}

/** The raw stored value (null when absent or outside Excel); a getter that throws counts as absent. */
export function readSetting(key: string): unknown {
  if (!settingsAvailable()) return null;
  try {
    return Office.context.document.settings.get(key) as unknown;
  } catch {
    return null;
  }
}

/** Sets and saves; rejects with the host's message when the save fails. */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  if (!settingsAvailable()) return;
  const settings = Office.context.document.settings;
  settings.set(key, value);
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((r?: Office.AsyncResult<void>) =>
      r && String(r.status) === "failed"
        ? reject(new Error(r.error?.message ?? "settings not saved"))
        : resolve(),
    ),
  );
}
