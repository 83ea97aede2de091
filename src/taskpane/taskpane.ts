/*
 * The task pane page. In the shared runtime it is also the page the custom functions run in
 * (manifest <Page>), so it changes the functions' label language directly.
 * Text is set with textContent only: nothing from a cell is ever parsed as HTML.
 */
import { langFrom, type Lang } from "../engine/lang";
import {
  LANGUAGE_SETTING,
  labelLanguage,
  setLabelLanguage,
} from "../functions/host";
import { FUNCTION_SUMMARY, PANE_TEXT } from "./paneText";

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane.html has no #${id}`);
  return el as T;
}

export function render(lang: Lang): void {
  const t = PANE_TEXT[lang];
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  byId("intro").textContent = t.intro;
  byId("languageLabel").textContent = t.language;
  byId("functionsHeading").textContent = t.functions;
  byId<HTMLSelectElement>("language").value = lang;
  const body = byId("functions");
  body.replaceChildren(
    ...FUNCTION_SUMMARY.map((f) => {
      const tr = document.createElement("tr");
      const name = document.createElement("td");
      name.className = "fn";
      name.textContent = `SALES.${f.name}`;
      const what = document.createElement("td");
      what.className = "what";
      what.textContent = f[lang];
      tr.append(name, what);
      return tr;
    }),
  );
}

function inExcel(): boolean {
  return typeof Office !== "undefined" && !!Office.context?.document;
}

/** Stores the label language in the workbook (SPEC §12) and re-renders. */
async function chooseLanguage(lang: Lang): Promise<void> {
  setLabelLanguage(lang);
  render(lang);
  const status = byId("status");
  if (!inExcel()) {
    status.textContent = PANE_TEXT[lang].noOffice;
    return;
  }
  const settings = Office.context.document.settings;
  settings.set(LANGUAGE_SETTING, lang);
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
  status.textContent = PANE_TEXT[lang].saved;
}

function start(): void {
  let lang = labelLanguage();
  if (inExcel()) {
    const stored = langFrom(
      Office.context.document.settings.get(LANGUAGE_SETTING),
    );
    lang = stored ?? langFrom(Office.context.displayLanguage) ?? "en";
    setLabelLanguage(lang);
  }
  render(lang);
  byId<HTMLSelectElement>("language").addEventListener("change", (e) => {
    const chosen = langFrom((e.target as HTMLSelectElement).value);
    if (chosen) void chooseLanguage(chosen);
  });
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => start());
} else {
  document.addEventListener("DOMContentLoaded", () => start());
}
