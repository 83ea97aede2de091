/** Parity tests whose lists come from the source of truth: every code, label and table row in every language. */
import * as fs from "fs";
import * as path from "path";
import { ARG_LABELS } from "../../src/engine/args";
import { CellError, type MessageKey } from "../../src/engine/cellError";
import { EXPECTED } from "../../src/engine/expected";
import { LANGS } from "../../src/engine/lang";
import { MESSAGES, errorMessage } from "../../src/engine/messages";
import {
  STAGES,
  STAGE_NAMES,
  NEXT_ACTIONS,
  SIGNAL_WORDS,
} from "../../src/engine/tables/intentStages";
import { FOLLOW_UP_DAYS } from "../../src/engine/tables/followUpCadence";
import {
  ROLES,
  ROLE_FOCUS,
  ROLE_LABELS,
} from "../../src/engine/tables/buyerRoles";
import { INTENT_CLASS_TRAITS } from "../../src/engine/tables/intentClasses";

test("every message code renders in every language and names its argument", () => {
  for (const key of Object.keys(MESSAGES) as MessageKey[]) {
    for (const lang of LANGS) {
      const text = errorMessage(
        new CellError("VALUE", key, {
          arg: "payment",
          value: "x",
          detail: "d",
          expected: "rating",
          args: ["payment", "calls"],
        }),
        lang,
      );
      expect(text.length).toBeGreaterThan(5);
      if (!["heightMismatch", "noOption"].includes(key))
        expect(text).toContain(ARG_LABELS.payment[lang]);
    }
  }
});

test("every argument label and expected word exists in every language", () => {
  for (const table of [ARG_LABELS, EXPECTED])
    for (const v of Object.values(table))
      for (const l of LANGS) expect(v[l].length).toBeGreaterThan(0);
});

test("every stage has names, advice and a cadence entry; roles have labels and a focus", () => {
  for (const s of STAGES) {
    for (const l of LANGS) {
      expect(STAGE_NAMES[s][l]).toBeTruthy();
      expect(NEXT_ACTIONS[s][l]).toBeTruthy();
    }
    expect(s in FOLLOW_UP_DAYS).toBe(true);
  }
  for (const r of ROLES)
    for (const l of LANGS)
      expect(ROLE_LABELS[r][l] && ROLE_FOCUS[r][l]).toBeTruthy();
});

test("the source's traits per class are 9/8/4/4 (SPEC §3)", () => {
  expect(
    [
      INTENT_CLASS_TRAITS.A,
      INTENT_CLASS_TRAITS.B,
      INTENT_CLASS_TRAITS.C,
      INTENT_CLASS_TRAITS.D,
    ].map((t) => t.traits.length),
  ).toEqual([9, 8, 4, 4]);
});

test("every positive stage and the refusal have signals in Chinese and in English", () => {
  for (const s of STAGES) {
    const words = SIGNAL_WORDS.filter((w) => w.stage === s).map(
      (w) => w.phrase,
    );
    expect(words.some((w) => /[\u4e00-\u9fff]/.test(w))).toBe(true);
    expect(words.some((w) => /^[a-z -]+$/i.test(w))).toBe(true);
  }
});

test("the engine imports nothing from Office (it runs in plain Node)", () => {
  const dir = path.join(__dirname, "../../src/engine");
  const files = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"));
  expect(files.length).toBeGreaterThan(10);
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), "utf8");
    expect(src).not.toMatch(
      /\bOffice\.|\bExcel\.|CustomFunctions|from "\.\.\/\.\.\/functions|from "\.\.\/functions|from "\.\.\/taskpane/,
    );
  }
});
