/*
 * The pane's sections for managers and admins: report (4), follow-ups due (5), duplicate
 * leads (6). Each button calls its tool's Office.js module; every cell text shown is set with
 * textContent, never parsed as HTML.
 */
import type { Lang } from "../engine/lang";
import { formatStageLabel } from "../engine/functions/stageLabel";
import { stageAdvice } from "../followups/dueList";
import { BANDS } from "../report/pipelineReport";
import {
  findDuplicateLeads,
  revertDuplicateColumns,
  writeDuplicateColumns,
  type DuplicateRun,
  type DuplicateSnapshot,
} from "./duplicates/duplicatesTool";
import { selectRow } from "./grade/gradeExcel";
import { findDue, writeDueSheet, type DueRun } from "./followups/followupsTool";
import { OwnSheetActive, showSheet } from "./office/ownSheet";
import { TOOL_TEXT, PANE_TEXT } from "./paneText";
import { runReport } from "./report/reportTool";
import { byId, el } from "./dom";

let lang: () => Lang = () => "zh";
let due: DueRun | null = null;
let dups: DuplicateRun | null = null;
let dupSnapshot: DuplicateSnapshot | null = null;

const t = () => TOOL_TEXT[lang()];

function button(
  text: string,
  onClick: () => void,
  className?: string,
): HTMLButtonElement {
  const b = el("button", text, className);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}
function fail(box: HTMLElement, e: unknown): void {
  const msg =
    e instanceof OwnSheetActive
      ? t().ownSheet(e.sheetName)
      : PANE_TEXT[lang()].failed(e instanceof Error ? e.message : String(e));
  box.replaceChildren(el("p", msg, "panel error"));
}
async function busy(
  b: HTMLButtonElement,
  work: () => Promise<void>,
): Promise<void> {
  b.disabled = true;
  try {
    await work();
  } finally {
    b.disabled = false;
  }
}

async function buildReport(): Promise<void> {
  const box = byId("reportResult");
  try {
    const r = await runReport(lang());
    if (!r)
      return void box.replaceChildren(
        el("p", PANE_TEXT[lang()].noData, "muted"),
      );
    const w = t();
    const parts: HTMLElement[] = [];
    const p = r.built.pivot;
    parts.push(
      el(
        "p",
        p.status === "built"
          ? w.reportBuilt(r.built.sheetName, p.address.replace(/^.*!/, ""))
          : w.reportPlain(r.built.sheetName),
      ),
    );
    if (p.status === "unsupported")
      parts.push(el("p", w.pivotUnsupported, "muted"));
    if (r.blocker === "notGraded")
      parts.push(el("p", w.pivotNotGraded, "muted"));
    if (r.blocker === "badHeaders")
      parts.push(el("p", w.pivotBadHeaders, "muted"));
    const list = el("ul");
    for (const s of r.report.shares.slice(0, 12)) {
      const [b0, b34] = BANDS.map((b) => s.bands[b]);
      const pct = (x: number | null) =>
        x === null ? "—" : `${Math.round(x * 100)}%`;
      list.append(
        el(
          "li",
          w.shareLine(
            s === r.report.shares[0] ? w.team : s.owner || w.noOwner,
            pct(b0!.share),
            w.flags[b0!.flag],
            pct(b34!.share),
            w.flags[b34!.flag],
          ),
        ),
      );
    }
    parts.push(
      list,
      button(
        w.openSheet(r.built.sheetName),
        () => void showSheet(r.built.sheetName),
        "link",
      ),
    );
    box.replaceChildren(...parts);
  } catch (e) {
    fail(box, e);
  }
}

/** Runs a tool's search and renders it; a failure shows in the tool's own box. */
async function load(
  boxId: string,
  find: () => Promise<void>,
  render: () => void,
): Promise<void> {
  try {
    await find();
    render();
  } catch (e) {
    fail(byId(boxId), e);
  }
}

function renderDue(): void {
  const box = byId("dueResult");
  const w = t();
  if (!due) return void box.replaceChildren();
  const run = due;
  const total = run.due.reduce((n, g) => n + g.items.length, 0);
  if (total === 0) return void box.replaceChildren(el("p", w.noneDue, "muted"));
  const parts: HTMLElement[] = [el("p", w.dueCount(total))];
  for (const g of run.due) {
    const details = el("details");
    details.open = run.due.length <= 3;
    details.append(
      el("summary", `${g.owner || w.noOwner}（${g.items.length}）`),
    );
    const list = el("ul");
    for (const d of g.items.slice(0, 300)) {
      const row = run.sheetRow(d.index);
      const stage =
        d.stage === undefined ? "" : formatStageLabel(d.stage, lang());
      const item = el("li");
      item.append(
        button(
          w.dueItem(row + 1, d.customer, stage, d.overdueDays),
          () =>
            void selectRow(
              run.scan.data.sheetId,
              row,
              run.scan.data.left,
              run.scan.data.width,
            ),
          "link",
        ),
        el("span", stageAdvice(d.stage, lang()), "muted"),
      );
      list.append(item);
    }
    details.append(list);
    parts.push(details);
  }
  const status = el("p", "", "muted");
  const write = button(
    w.writeDue,
    () =>
      void busy(write, async () => {
        try {
          const name = await writeDueSheet(run, lang());
          status.textContent = w.dueWritten(name);
        } catch (e) {
          fail(status, e);
        }
      }),
  );
  parts.push(write, status);
  box.replaceChildren(...parts);
}

function renderDuplicates(): void {
  const box = byId("dupResult");
  const w = t();
  if (!dups) return void box.replaceChildren();
  const run = dups;
  const { groups, decisions } = run.result;
  if (groups.length === 0)
    return void box.replaceChildren(el("p", w.noDup, "muted"));
  const rows = groups.reduce((n, g) => n + g.members.length, 0);
  const parts: HTMLElement[] = [el("p", w.dupCount(groups.length, rows))];
  const list = el("ul");
  const byIndex = new Map(decisions.map((d) => [d.index, d]));
  for (const g of groups.slice(0, 200)) {
    const first = byIndex.get(g.members[0]!)!;
    const label = run.result.cells[g.members[0]!]![0];
    const item = el("li");
    const rowsText = g.members
      .map((i) => String(run.sheetRow(i) + 1))
      .join(lang() === "zh" ? "、" : ", ");
    item.append(
      button(
        w.dupGroup(label, rowsText, first.owner || w.undecided),
        () =>
          void selectRow(
            run.scan.data.sheetId,
            run.sheetRow(g.members[0]!),
            run.scan.data.left,
            run.scan.data.width,
          ),
        "link",
      ),
      el("div", first.explanation, "muted"),
    );
    list.append(item);
  }
  const status = el("p", "", "muted");
  const write = button(
    w.writeDup,
    () =>
      void busy(write, async () => {
        try {
          const r = await writeDuplicateColumns(run, lang());
          if (r.status === "done") {
            dupSnapshot = r.snapshot;
            undo.disabled = false;
            status.textContent = w.dupWritten(run.scan.data.dataRows);
          } else if (r.status === "conflict")
            status.textContent = w.dupConflict(r.conflicts.length);
        } catch (e) {
          fail(status, e);
        }
      }),
    "primary",
  );
  const undo = button(
    w.revertDup,
    () =>
      void busy(undo, async () => {
        if (!dupSnapshot) return;
        await revertDuplicateColumns(dupSnapshot);
        dupSnapshot = null;
        undo.disabled = true;
        status.textContent = PANE_TEXT[lang()].reverted;
      }),
  );
  undo.disabled = !dupSnapshot;
  const actions = el("div", undefined, "actions");
  actions.append(write, undo);
  parts.push(list, actions, status);
  box.replaceChildren(...parts);
}

/** The sections' static words in the label language (called from the pane's renderChrome). */
export function renderToolsChrome(): void {
  const w = t();
  // The sections' elements are named after their words.
  for (const id of CHROME) byId(id).textContent = w[id];
  renderDue();
  renderDuplicates();
}

const CHROME = [
  "reportHeading",
  "reportHint",
  "buildReport",
  "dueHeading",
  "dueHint",
  "findDue",
  "dupHeading",
  "dupHint",
  "findDup",
] as const;

export function initTools(currentLang: () => Lang): void {
  lang = currentLang;
  const report = byId("buildReport") as HTMLButtonElement;
  report.addEventListener("click", () => void busy(report, buildReport));
  const dueBtn = byId("findDue") as HTMLButtonElement;
  dueBtn.addEventListener(
    "click",
    () =>
      void busy(dueBtn, () =>
        load(
          "dueResult",
          async () => void (due = await findDue(lang())),
          renderDue,
        ),
      ),
  );
  const dupBtn = byId("findDup") as HTMLButtonElement;
  dupBtn.addEventListener(
    "click",
    () =>
      void busy(dupBtn, () =>
        load(
          "dupResult",
          async () => void (dups = await findDuplicateLeads(lang())),
          renderDuplicates,
        ),
      ),
  );
  renderToolsChrome();
}
