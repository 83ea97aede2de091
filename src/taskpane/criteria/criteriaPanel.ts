/*
 * The pane's criteria and demo group: insert the criteria sheet, reset it (after a second
 * click), insert the demo sheet, and a line saying which criteria are in force. Text only
 * through textContent.
 */
import type { Lang } from "../../engine/lang";
import { todaySerial } from "../../engine/read";
import { insertDemoSheet } from "../demo/demoWorkbook";
import { CRITERIA_TEXT } from "./criteriaText";
import { insertCriteriaSheet, resetCriteriaSheet } from "./criteriaWorkbook";
import {
  loadCriteria,
  loadWithDocument,
  type SyncStatus,
} from "./criteriaSync";

export interface CriteriaPanel {
  /** re-renders the words in the current language */
  render(): void;
  /** shows the sync's latest status */
  show(s: SyncStatus): void;
}

export function mountCriteriaPanel(
  root: HTMLElement,
  lang: () => Lang,
  say: (text: string) => void,
): CriteriaPanel {
  const heading = document.createElement("h2");
  const intro = document.createElement("p");
  intro.className = "muted";
  const state = document.createElement("p");
  state.className = "muted";
  state.setAttribute("role", "status");
  const actions = document.createElement("div");
  actions.className = "actions";
  const insert = document.createElement("button");
  const reset = document.createElement("button");
  const demo = document.createElement("button");
  for (const b of [insert, reset, demo]) b.type = "button";
  insert.id = "insertCriteria";
  reset.id = "resetCriteria";
  demo.id = "insertDemo";
  state.id = "criteriaState";
  actions.append(insert, reset, demo);
  root.replaceChildren(heading, intro, actions, state);
  let last: SyncStatus | undefined;
  let confirmReset = false;

  const t = () => CRITERIA_TEXT[lang()];
  const render = () => {
    heading.textContent = t().heading;
    intro.textContent = t().intro;
    insert.textContent = t().insert;
    reset.textContent = confirmReset ? t().resetConfirm : t().reset;
    demo.textContent = t().demo;
    state.textContent = last ? t().status(last) : "";
  };
  const busy = async (f: () => Promise<void>) => {
    for (const b of [insert, reset, demo]) b.disabled = true;
    try {
      await f();
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    } finally {
      for (const b of [insert, reset, demo]) b.disabled = false;
    }
  };
  const reload = async () => {
    await loadCriteria({ recalc: "always" });
    await loadWithDocument();
  };

  insert.addEventListener(
    "click",
    () =>
      void busy(async () => {
        const r = await insertCriteriaSheet(lang(), todaySerial());
        say(r.created ? t().inserted(r.name) : t().exists(r.name));
        await reload();
      }),
  );
  reset.addEventListener("click", () => {
    if (!confirmReset) {
      confirmReset = true;
      render();
      return;
    }
    confirmReset = false;
    void busy(async () => {
      const r = await resetCriteriaSheet(lang(), todaySerial());
      say(t().resetDone(r.name));
      await reload();
    });
    render();
  });
  demo.addEventListener(
    "click",
    () =>
      void busy(async () => {
        const r = await insertDemoSheet(lang(), todaySerial());
        say(t().demoDone(r.name));
        await reload();
      }),
  );
  render();
  return {
    render,
    show: (s) => {
      last = s;
      render();
    },
  };
}
