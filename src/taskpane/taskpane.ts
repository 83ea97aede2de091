/*
 * The task pane page. In the shared runtime it is also the page the custom functions run in
 * (manifest <Page>), so it changes the functions' label language directly.
 * Every text is set with textContent: nothing from a cell is ever parsed as HTML.
 */
import { firstOf, type Summary } from "../sheet/summary";
import { langFrom, type Lang } from "../engine/lang";
import {
  LANGUAGE_SETTING,
  labelLanguage,
  setLabelLanguage,
} from "../functions/host";
import {
  assignColumn,
  type ColumnChoice,
  type Mapping,
} from "../sheet/columnMapping";
import { INPUTS, INPUT_BY_KEY, type InputKey } from "../sheet/inputs";
import { OUTPUTS, type OutputKind } from "../sheet/outputs";
import { columnLetter } from "../sheet/rowFormulas";
import { cellId, type Conflict, type ConflictAnswer } from "../sheet/ownership";
import { PaneError, selectRow } from "./grade/gradeExcel";
import {
  apply,
  availableOutputs,
  revert,
  revertFor,
  scan,
  type Scan,
} from "./grade/gradeController";
import { FUNCTION_SUMMARY, OUTPUT_HINTS, PANE_TEXT } from "./paneText";
import { initTools, renderToolsChrome } from "./managerTools";
import { byId, el } from "./dom";
import { TODAY_ADDRESS } from "../criteria/criteriaSheet";
import {
  mountCriteriaPanel,
  type CriteriaPanel,
} from "./criteria/criteriaPanel";
import {
  criteriaSheetName,
  languageChanged,
  startCriteriaSync,
} from "./criteria/criteriaSync";
import { sheetRef } from "./demo/demoWorkbook";
import { teachControl } from "./criteria/teachWord";

let criteriaPanel: CriteriaPanel | undefined;

const state: {
  lang: Lang;
  scan: Scan | null;
  mapping: Mapping | null;
  chosen: Set<OutputKind>;
  canRevert: boolean;
  busy: boolean;
  cancel: boolean;
} = {
  lang: "zh",
  scan: null,
  mapping: null,
  chosen: new Set(["grade", "stage", "stageLabel", "urgency", "nextFollowUp"]),
  canRevert: false,
  busy: false,
  cancel: false,
};

const t = () => PANE_TEXT[state.lang];

/**
 * How to draw each result box (summary, conflicts, the revert's kept cells) again: a language
 * switch redraws the visible ones in the new words (nothing English left after choosing 中文).
 */
const redraw = new Map<string, () => void>();
function drawBox(id: string, draw: () => void): void {
  redraw.set(id, draw);
  draw();
}
function redrawVisibleBoxes(): void {
  for (const [id, draw] of redraw) if (!byId(id).hidden) draw();
}

function inExcel(): boolean {
  return typeof Office !== "undefined" && !!Office.context?.document;
}

function say(text: string): void {
  byId("status").textContent = text;
}

/** The static words of the page, in the label language. */
function renderChrome(): void {
  const w = t();
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  byId("title").textContent = w.title;
  document.title = w.title;
  byId("intro").textContent = w.intro;
  byId("languageLabel").textContent = w.language;
  byId<HTMLSelectElement>("language").value = state.lang;
  byId("dataHeading").textContent = w.dataHeading;
  byId("findData").textContent = w.findData;
  byId("columnsHeading").textContent = w.columnsHeading;
  byId("outputsHeading").textContent = w.outputsHeading;
  byId("modeLegend").textContent = w.modeLegend;
  byId("modeLive").textContent = w.modeLive;
  byId("modeLiveHint").textContent = w.modeLiveHint;
  byId("modeStatic").textContent = w.modeStatic;
  byId("modeStaticHint").textContent = w.modeStaticHint;
  byId("apply").textContent = w.apply;
  byId("cancel").textContent = w.cancel;
  byId("revert").textContent = w.revert;
  criteriaPanel?.render();
  byId("functionsHeading").textContent = w.functions;
  byId("functions").replaceChildren(
    ...FUNCTION_SUMMARY.map((f) => {
      const tr = el("tr");
      tr.append(el("td", `SALES.${f.name}`, "fn"), el("td", f[state.lang]));
      return tr;
    }),
  );
  renderScan();
  if (toolsReady) renderToolsChrome();
}

let toolsReady = false;
let moreOpen = false;

function headerText(s: Scan, column: number): string {
  const h = s.headers[column];
  return `${columnLetter(s.data.left + column)} · ${h === null || h === undefined || h === "" ? "—" : String(h)}`;
}

function renderScan(): void {
  const s = state.scan;
  const w = t();
  byId("columnsSection").hidden = !s;
  byId("outputsSection").hidden = !s;
  if (!s || !state.mapping) {
    byId("found").textContent = inExcel() ? w.noData : w.noOffice;
    return;
  }
  // The data, not the add-in's own output columns at its right edge (they are in the block after an apply).
  let right = s.data.left + s.data.width - 1;
  while (right > s.data.left && s.ownedInBlock.has(right)) right--;
  byId("found").textContent = w.found(
    s.data.sheetName,
    s.data.address
      .replace(/^.*!/, "")
      .replace(
        /^([A-Z]+\d+):[A-Z]+(\d+)$/,
        (_m, first: string, lastRow: string) =>
          `${first}:${columnLetter(right)}${lastRow}`,
      ),
    s.rowCount,
    w.source[s.data.source],
    s.data.headerRow + 1,
  );

  // Mapping: mapped inputs first, then the rest.
  const mapping = state.mapping;
  const keys = INPUTS.map((i) => i.key).sort(
    (a, b) =>
      Number(mapping[b].column !== null) - Number(mapping[a].column !== null),
  );
  const rows: HTMLElement[] = [];
  const more: HTMLElement[] = [];
  let moreCount = 0;
  for (const key of keys) {
    const input = INPUT_BY_KEY.get(key)!;
    const id = `map-${key}`;
    const label = el("label", input[state.lang]);
    label.htmlFor = id;
    const select = el("select");
    select.id = id;
    select.dataset.input = key;
    // Observations may span several columns (one per call): a list to pick several from.
    select.multiple = input.multi === true;
    if (!select.multiple) {
      select.append(el("option", w.notMapped));
      (select.lastChild as HTMLOptionElement).value = "";
    }
    s.headers.forEach((_, j) => {
      if (s.ownedInBlock.has(s.data.left + j)) return; // the add-in's own outputs are not inputs
      const o = el("option", headerText(s, j));
      o.value = String(j);
      o.selected = mapping[key].columns.includes(j);
      select.append(o);
    });
    if (select.multiple) select.size = Math.min(4, select.options.length);
    else
      select.value =
        mapping[key].column === null ? "" : String(mapping[key].column);
    select.addEventListener("change", () =>
      changeMapping(
        key,
        Array.from(select.selectedOptions)
          .map((o) => o.value)
          .filter((v) => v),
      ),
    );
    const c = mapping[key].confidence;
    const badge = el(
      "span",
      w.confidence(c),
      `badge ${c >= 0.95 ? "sure" : c > 0 && c < 0.6 ? "check" : ""}`,
    );
    const target = mapping[key].column === null ? more : rows;
    target.push(label, select, badge);
    // Why: what the cells hold (内容多为公司名), or why a column that seemed to fit was not used.
    const why = [whyText(s, mapping[key]), select.multiple ? w.several : ""]
      .filter((x) => x)
      .join(" · ");
    if (why) target.push(el("span", why, "muted why"));
    if (target === more) moreCount++;
  }
  // Unmapped inputs fold away: the list stays short at the pane's narrow width.
  const details = el("details");
  const grid = el("div", undefined, "map");
  grid.append(...more);
  details.append(el("summary", t().otherInputs(moreCount)), grid);
  details.open = moreOpen;
  details.addEventListener("toggle", () => (moreOpen = details.open));
  byId("mapping").replaceChildren(...rows);
  byId("mappingMore").replaceChildren(details);
  renderOutputs();
}

function renderOutputs(): void {
  const mapping = state.mapping;
  if (!mapping) return;
  const w = t();
  const available = new Set(availableOutputs(mapping));
  const items = OUTPUTS.map((o) => {
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.value = o.kind;
    box.disabled = !available.has(o.kind);
    box.checked = available.has(o.kind) && state.chosen.has(o.kind);
    box.addEventListener("change", () => {
      if (box.checked) state.chosen.add(o.kind);
      else state.chosen.delete(o.kind);
      updateApply();
    });
    const text = el("span");
    text.append(el("span", o.header[state.lang]));
    const missing = [
      ...o.needsAll,
      ...(o.needsAny.length &&
      !o.needsAny.some((k) => mapping[k].column !== null)
        ? [o.needsAny[0]]
        : []),
    ]
      .filter(
        (k): k is InputKey =>
          INPUT_BY_KEY.has(k as InputKey) &&
          mapping[k as InputKey].column === null,
      )
      .map((k) => INPUT_BY_KEY.get(k)![state.lang]);
    text.append(
      el(
        "span",
        box.disabled
          ? `${w.needs}${missing.join("、")}`
          : OUTPUT_HINTS[o.kind][state.lang],
        "muted",
      ),
    );
    label.append(box, text);
    return label;
  });
  byId("outputs").replaceChildren(...items);
  updateApply();
}

function chosenOutputs(): OutputKind[] {
  if (!state.mapping) return [];
  const available = new Set(availableOutputs(state.mapping));
  return OUTPUTS.map((o) => o.kind).filter(
    (k) => state.chosen.has(k) && available.has(k),
  );
}

function updateApply(): void {
  byId<HTMLButtonElement>("apply").disabled =
    state.busy || chosenOutputs().length === 0;
  byId<HTMLButtonElement>("revert").disabled = state.busy || !state.canRevert;
  byId<HTMLButtonElement>("findData").disabled = state.busy;
}

function changeMapping(key: InputKey, values: readonly string[]): void {
  if (!state.mapping) return;
  state.mapping = assignColumn(state.mapping, key, values.map(Number));
  renderScan();
}

/** The reason beside a choice, or for an unmapped input the column its contents ruled out. */
function whyText(s: Scan, choice: ColumnChoice): string {
  const w = t();
  if (choice.column !== null)
    return choice.reason ? w.reason(choice.reason) : "";
  if (!choice.refused) return "";
  return w.refused(
    headerText(s, choice.refused.column),
    w.reason(choice.refused.reason),
  );
}

async function findAgain(): Promise<void> {
  say("");
  byId("conflict").hidden = true;
  try {
    state.scan = inExcel() ? await scan() : null;
    state.mapping = state.scan?.mapping ?? null;
    state.canRevert = !!state.scan && !!revertFor(state.scan);
    const problems = [
      ...(state.scan?.settingsProblems.length
        ? [t().settingsIgnored(state.scan.settingsProblems.join("; "))]
        : []),
      ...((state.scan?.wordIssues ?? []).length
        ? [
            t().wordsIgnored(
              state.scan!.wordIssues.length,
              state.scan!.wordIssues[0]?.path ?? "",
            ),
          ]
        : []),
    ];
    if (problems.length) say(problems.join(" "));
    const last = state.scan?.record;
    if (last?.outputs) state.chosen = new Set(last.outputs);
    if (last?.live !== undefined) {
      const radio = document.querySelector<HTMLInputElement>(
        `input[name="mode"][value="${last.live ? "live" : "static"}"]`,
      );
      if (radio) radio.checked = true;
    }
  } catch (e) {
    say(failure(e));
  }
  renderScan();
}

/** A failure in the user's words (never a stack trace). */
function failure(e: unknown): string {
  const w = t();
  if (e instanceof PaneError) {
    if (e.reason === "sheetGone") return w.sheetGone;
    if (e.reason === "tableGone") return w.tableGone;
    if (e.reason === "columnGone") return w.columnGone(e.detail);
  }
  return w.failed(e instanceof Error ? e.message : String(e));
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  byId("cancel").hidden = !busy;
  byId("progressBox").hidden = !busy;
  updateApply();
}

async function runApply(
  placeAfterUsed = false,
  answer?: ConflictAnswer,
): Promise<void> {
  const s = state.scan;
  if (!s || !state.mapping) return;
  const w = t();
  byId("conflict").hidden = true;
  byId("summary").hidden = true;
  state.cancel = false;
  setBusy(true);
  const live =
    (
      document.querySelector(
        'input[name="mode"]:checked',
      ) as HTMLInputElement | null
    )?.value !== "static";
  try {
    const r = await apply(s, state.mapping, {
      outputs: chosenOutputs(),
      live,
      lang: state.lang,
      placeAfterUsed,
      answer,
      todayRef: (() => {
        const name = criteriaSheetName();
        return name ? sheetRef(name, TODAY_ADDRESS) : undefined;
      })(),
      cancelled: () => state.cancel,
      onProgress: (done, total) => {
        byId<HTMLProgressElement>("progress").value = total ? done / total : 1;
        byId("progressText").textContent = w.progress(done, total);
      },
    });
    if (r.status === "conflict") {
      drawBox("conflict", () =>
        showConflicts(r.conflicts, r.total, placeAfterUsed),
      );
    } else if (r.status === "cancelled") {
      say(w.cancelled);
    } else if (r.status === "failed") {
      say(w.failedCell(r.cell, r.message));
    } else {
      state.canRevert = true;
      drawBox("summary", () => showSummary(r.summary, r.firstRow));
      if (!r.revertStored) say(w.revertNotStored);
      await findAgainQuietly();
    }
  } catch (e) {
    say(failure(e));
  } finally {
    setBusy(false);
  }
}

/** Re-reads the sheet after an apply (our columns are now part of it) without clearing the summary. */
async function findAgainQuietly(): Promise<void> {
  const mapping = state.mapping;
  state.scan = await scan();
  state.mapping = state.scan ? { ...state.scan.mapping, ...mapping } : null;
  state.canRevert = !!state.scan && !!revertFor(state.scan);
  renderScan();
}

/** Stop and ask: the user's cells, named, and the choices (overwrite, skip, move, cancel). */
function showConflicts(
  conflicts: readonly Conflict[],
  total: number,
  placeAfterUsed: boolean,
): void {
  const w = t();
  const box = byId("conflict");
  const list = el("ul");
  const shown = conflicts.slice(0, 20);
  list.append(
    ...shown.map((c) =>
      el(
        "li",
        w.conflictCell(`${columnLetter(c.column)}${c.row + 1}`, c.content),
      ),
    ),
  );
  if (total > shown.length)
    list.append(el("li", w.conflictMore(total - shown.length)));
  const answer = (choice: "overwrite" | "skip"): ConflictAnswer => ({
    choice,
    cells: new Map(conflicts.map((c) => [cellId(c.row, c.column), c.content])),
  });
  const button = (id: string, text: string, run: () => void) => {
    const b = el("button", text);
    b.type = "button";
    b.id = id;
    b.addEventListener("click", run);
    return b;
  };
  const actions = el("div", undefined, "actions");
  // Overwriting or skipping covers exactly the cells listed: more than were read means asking again.
  const all = total <= conflicts.length;
  if (all)
    actions.append(
      button(
        "conflictOverwrite",
        w.conflictOverwrite(total),
        () => void runApply(placeAfterUsed, answer("overwrite")),
      ),
      button(
        "conflictSkip",
        w.conflictSkip,
        () => void runApply(placeAfterUsed, answer("skip")),
      ),
    );
  actions.append(
    button("conflictMove", w.conflictMove, () => void runApply(true)),
    button("conflictCancel", w.conflictCancel, () => {
      box.hidden = true;
      say(w.conflictStopped);
    }),
  );
  box.replaceChildren(el("p", w.conflictTitle(total)), list, actions);
  box.hidden = false;
}

function showSummary(summary: Summary, firstRow: number): void {
  const w = t();
  const s = state.scan;
  const box = byId("summary");
  const counts = (title: string, rec: Record<string, number>) => {
    const wrap = el("div", undefined, "counts");
    for (const [k, v] of Object.entries(rec).sort())
      wrap.append(el("span", `${k}: ${v}`));
    return [el("div", title, "muted"), wrap];
  };
  const parts: HTMLElement[] = [el("p", w.summaryTitle(summary.rows))];
  if (Object.keys(summary.grades).length)
    parts.push(...counts(w.grades, summary.grades));
  if (Object.keys(summary.stages).length)
    parts.push(...counts(w.stages, summary.stages));
  if (summary.team) {
    // The team's own grade beside ours: shown, compared, never read as an input.
    parts.push(...counts(w.teamGrades, summary.team.grades));
    if (summary.team.compared)
      parts.push(
        el(
          "p",
          w.teamAgreement(summary.team.agree, summary.team.compared),
          "muted",
        ),
      );
  }
  const select = (row: number) => {
    if (!s) return;
    void selectRow(s.data.sheetId, firstRow + row, s.data.left, s.data.width);
  };
  const sheetRowOf = (row: number) => firstRow + row + 1;
  /** A list that shows `limit` items and a button for the rest: never cut off silently. */
  const list = <T>(
    items: readonly T[],
    limit: number,
    line: (x: T) => { text: string; row: number },
    extra?: (x: T) => HTMLElement,
  ): HTMLElement => {
    const ul = el("ul");
    const fill = (n: number) => {
      const { shown, more } = firstOf(items, n);
      const lis = shown.map((x) => {
        const { text, row } = line(x);
        const b = el("button", text, "link");
        b.type = "button";
        b.addEventListener("click", () => select(row));
        const li = el("li");
        li.append(b);
        if (extra) li.append(" ", extra(x));
        return li;
      });
      if (more > 0) {
        const b = el("button", w.showMore(more), "link");
        b.type = "button";
        b.addEventListener("click", () => fill(items.length));
        const li = el("li");
        li.append(b);
        lis.push(li);
      }
      ul.replaceChildren(...lis);
    };
    fill(limit);
    return ul;
  };
  if (summary.problems.length === 0) {
    parts.push(el("p", w.noErrors, "muted"));
  } else {
    parts.push(el("p", w.errorsTitle(summary.problems.length)));
    parts.push(
      list(summary.problems, 200, (p) => ({
        text: w.errorRow(sheetRowOf(p.row), p.message),
        row: p.row,
      })),
    );
  }
  const unread = summary.unread ?? [];
  if (unread.length > 0) {
    const rows = unread.reduce((n, g) => n + g.rows.length, 0);
    parts.push(el("p", w.unreadTitle(rows, unread.length)));
    parts.push(
      list(
        unread,
        20,
        (g) => ({
          text: w.unreadGroup(
            g.text,
            g.rows.length,
            sheetRowOf(g.rows[0] ?? 0),
          ),
          row: g.rows[0] ?? 0,
        }),
        // "treat this phrase as stage N": adds it to the criteria sheet's team words
        (g) => teachControl(g.text, state.lang, say),
      ),
    );
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}

async function runRevert(overwriteEdited = false): Promise<void> {
  const s = state.scan;
  if (!s) return;
  const w = t();
  setBusy(true);
  byId("conflict").hidden = true;
  try {
    const r = await revert(s, overwriteEdited);
    state.canRevert = !!revertFor(s);
    byId("summary").hidden = true;
    if (r && r.edited.length > 0)
      drawBox("conflict", () => showKeptEdits(r.edited));
    say(r && r.edited.length > 0 ? w.revertDone(r.restored) : w.reverted);
    await findAgainQuietly();
  } catch (e) {
    say(failure(e));
  } finally {
    setBusy(false);
  }
}

/** After a revert: the cells edited since the apply were kept; putting them back too is the user's call. */
function showKeptEdits(
  edited: readonly { row: number; column: number; content: string }[],
): void {
  const w = t();
  const box = byId("conflict");
  const list = el("ul");
  list.append(
    ...edited
      .slice(0, 20)
      .map((c) =>
        el(
          "li",
          w.conflictCell(`${columnLetter(c.column)}${c.row + 1}`, c.content),
        ),
      ),
  );
  if (edited.length > 20)
    list.append(el("li", w.conflictMore(edited.length - 20)));
  const again = el("button", w.revertOverwriteEdited(edited.length));
  again.type = "button";
  again.id = "revertEdited";
  again.addEventListener("click", () => void runRevert(true));
  const actions = el("div", undefined, "actions");
  actions.append(again);
  box.replaceChildren(el("p", w.revertEdited(edited.length)), list, actions);
  box.hidden = false;
}

/** Stores the label language in the workbook (SPEC §12) and re-renders. */
async function chooseLanguage(lang: Lang): Promise<void> {
  state.lang = lang;
  setLabelLanguage(lang);
  renderChrome();
  redrawVisibleBoxes();
  if (!inExcel()) return say(t().noOffice);
  const settings = Office.context.document.settings;
  settings.set(LANGUAGE_SETTING, lang);
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
  say(t().saved);
  // Formulas pin no language: every existing SALES result relabels.
  await languageChanged().catch(() => 0);
}

async function start(): Promise<void> {
  state.lang = labelLanguage();
  if (inExcel()) {
    const stored = langFrom(
      Office.context.document.settings.get(LANGUAGE_SETTING),
    );
    state.lang = stored ?? langFrom(Office.context.displayLanguage) ?? "en";
    setLabelLanguage(state.lang);
    if (!stored) {
      // First use: store the choice so every colleague sees the same labels (SPEC §12).
      Office.context.document.settings.set(LANGUAGE_SETTING, state.lang);
      Office.context.document.settings.saveAsync();
    }
  }
  criteriaPanel = mountCriteriaPanel(
    byId("criteriaSection"),
    () => state.lang,
    say,
  );
  renderChrome();
  initTools(() => state.lang);
  toolsReady = true;
  if (inExcel())
    void startCriteriaSync(
      () => state.lang,
      (s) => criteriaPanel?.show(s),
    ).catch((e) => say(t().failed(e instanceof Error ? e.message : String(e))));
  byId<HTMLSelectElement>("language").addEventListener("change", (e) => {
    const chosen = langFrom((e.target as HTMLSelectElement).value);
    if (chosen) void chooseLanguage(chosen);
  });
  byId("findData").addEventListener("click", () => void findAgain());
  byId("apply").addEventListener("click", () => void runApply());
  byId("cancel").addEventListener("click", () => {
    state.cancel = true;
  });
  byId("revert").addEventListener("click", () => void runRevert());
  await findAgain();
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => void start());
} else {
  document.addEventListener("DOMContentLoaded", () => void start());
}
