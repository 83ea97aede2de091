/*
 * npm run bench (part) — INTENTSTAGE over 1,048,576 *distinct* follow-up notes of realistic
 * length (20–150 characters, Chinese and English, generated from varied fragments with names,
 * dates, amounts and phone numbers, so no memo can answer a row), against a baseline in the
 * same run: one scan of the same notes by a single compiled alternation RegExp of every
 * vocabulary form (the least any phrase-list reader must do). Interleaved rounds; prints
 * min / median / max per contender and the ratio of medians. Figures, never assertions.
 *
 * NOTES_ROWS and NOTES_REPEAT shrink the run while developing.
 */
import "../test/setup/customFunctions";
import * as F from "../src/functions/functions";
import { seededRandom } from "../src/demo/generator";
import { NoteReader } from "../src/engine/noteReader";
import { escapeRegExp } from "../src/engine/text";

const ROWS = Number(process.env.NOTES_ROWS ?? 1048576);
const REPEAT = Number(process.env.NOTES_REPEAT ?? 5);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const r = seededRandom(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// ---- fragments reps write (Chinese and English), with signals, negations and plain chatter
const ZH = {
  who: [
    "客户",
    "王总",
    "李经理",
    "张先生",
    "陈女士",
    "刘姐",
    "家长",
    "阿姨",
    "老板",
    "对方采购",
    "赵工",
  ],
  said: [
    "说在开会，晚点再联系",
    "接了电话，态度还可以",
    "不感兴趣，直接挂了",
    "没拒绝，听完了介绍",
    "问了下价格",
    "价格问了两次",
    "问有没有优惠",
    "回答了几个问题",
    "说了自己公司的情况",
    "问效果怎么样",
    "拿我们和别家做比较",
    "约了下周二上门拜访",
    "想先试用一下",
    "问售后和上线时间",
    "不反感递合同",
    "确定合作，考虑推广金额",
    "确定下周签约，人在外地出差",
    "合同已签，款已到账",
    "还没签约，问了付款方式",
    "抱怨上一家服务不好",
    "说预算不够，再考虑考虑",
    "老板还没同意，要再商量",
    "已经选了别家，不用再跟了",
    "让发点资料看看",
    "电话无人接听",
    "微信没回",
    "说现在不方便，改天再聊",
    "问能不能打个折",
    "问物业和学区",
    "对比了两家竞品",
  ],
  when: ["今天", "上午", "下午", "昨天", "周三", "刚才", "晚上"],
  tail: ["，下次跟进", "，待回访", "，继续跟", "", "，已记录", "，需要再打"],
};
const EN = {
  who: [
    "Customer",
    "Mr. Li",
    "She",
    "He",
    "The buyer",
    "Their IT lead",
    "The owner",
  ],
  said: [
    "was in a meeting, call back later",
    "not interested, hung up",
    "didn't refuse, listened to the pitch",
    "asked about pricing",
    "asked for a discount",
    "answered our questions in detail",
    "compared us with two competitors",
    "booked a site visit for Friday",
    "asked about results from similar clients",
    "wants to know the go-live date",
    "hasn't signed yet",
    "agreed to sign next week",
    "signed the contract, payment received",
    "complained about the old vendor",
    "no reply to my email",
    "said to text her the details",
  ],
};

function zhNote(): string {
  const parts = [
    `${int(1, 12)}月${int(1, 28)}日`,
    pick(ZH.when),
    `第${int(1, 9)}次电话`,
    pick(ZH.who),
  ];
  let s = parts.join(" ") + pick(ZH.said);
  const target = int(20, 150);
  while (s.length < target) {
    const x = r();
    s +=
      x < 0.6
        ? "，" + pick(ZH.said)
        : x < 0.75
          ? `，预算${int(1, 99)}万`
          : x < 0.9
            ? `，电话1${int(30, 89)}${String(int(0, 99999999)).padStart(8, "0")}`
            : `，¥${int(1, 999)},${String(int(0, 999)).padStart(3, "0")}`;
  }
  s += pick(ZH.tail);
  return s.length > 150 ? s.slice(0, 150) : s;
}

function enNote(): string {
  let s = `${int(1, 12)}/${int(1, 28)} call #${int(1, 9)}: ${pick(EN.who)} ${pick(EN.said)}`;
  const target = int(20, 150);
  while (s.length < target) {
    const x = r();
    s +=
      x < 0.7
        ? "; " + pick(EN.said)
        : x < 0.85
          ? `, budget $${int(1, 500)}k`
          : `, tel 555-${String(int(0, 9999)).padStart(4, "0")}`;
  }
  return s.length > 150 ? s.slice(0, 150) : s;
}

const seen = new Set<string>();
const notes: string[][] = [];
let chars = 0;
while (notes.length < ROWS) {
  const n = r() < 0.75 ? zhNote() : enNote();
  if (seen.has(n)) continue;
  seen.add(n);
  notes.push([n]);
  chars += n.length;
}
seen.clear();

// ---- the contenders ----------------------------------------------------------------------
const reader = new NoteReader();
const forms = reader.forms;
const STAGE_OF = new Map<string, number>();
for (const c of reader.concepts)
  for (const w of c.words) STAGE_OF.set(w.toLowerCase(), c.stage ?? -2);
const ALT = new RegExp(forms.map(escapeRegExp).join("|"), "g");

/** Baseline: one alternation scan per note, the stage of each form found, the highest kept. */
function baseline(): number {
  let sum = 0;
  for (let i = 0; i < ROWS; i++) {
    const text = (notes[i] as string[])[0]!.toLowerCase();
    ALT.lastIndex = 0;
    let best = -9;
    for (let m = ALT.exec(text); m !== null; m = ALT.exec(text)) {
      const s = STAGE_OF.get(m[0]);
      if (s !== undefined && s > best) best = s;
    }
    sum += best;
  }
  return sum;
}

function readerOnly(): number {
  const t = { won: false, best: -1, refused: false, badMention: undefined };
  let sum = 0;
  for (let i = 0; i < ROWS; i++) {
    t.won = t.refused = false;
    t.best = -1;
    reader.read((notes[i] as string[])[0]!, t);
    sum += t.won ? 5 : t.best;
  }
  return sum;
}

let stages = new Map<string, number>();
function intentStage(): number {
  const out = F.intentstage(notes);
  stages = new Map();
  for (const row of out) {
    const v = row[0];
    const k = typeof v === "number" ? String(v) : "#N/A";
    stages.set(k, (stages.get(k) ?? 0) + 1);
  }
  return out.length;
}

const contenders: [string, () => number][] = [
  ["alternation scan (baseline)", baseline],
  ["note reader alone", readerOnly],
  ["INTENTSTAGE range form", intentStage],
];
const times = new Map<string, number[]>(contenders.map(([n]) => [n, []]));
let peakRss = 0;
for (let round = 0; round < REPEAT; round++) {
  // interleaved: each round runs every contender once, in a rotating order
  for (let k = 0; k < contenders.length; k++) {
    const [name, run] = contenders[(k + round) % contenders.length]!;
    gc();
    const t0 = process.hrtime.bigint();
    run();
    times.get(name)!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20);
  }
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    min: s[0]!,
    median: s[Math.floor((s.length - 1) / 2)]!,
    max: s[s.length - 1]!,
  };
};
const base = stats(times.get(contenders[0]![0])!);
console.log(
  `\nINTENTSTAGE over ${ROWS.toLocaleString("en")} distinct notes (mean ${(chars / ROWS).toFixed(0)} chars, ${forms.length} vocabulary forms); node ${process.version}, ${REPEAT} interleaved rounds\n`,
);
console.log(
  "| contender | min ms | median ms | max ms | µs per note (median) | ratio to baseline (median) |",
);
console.log("|---|---:|---:|---:|---:|---:|");
for (const [name] of contenders) {
  const s = stats(times.get(name)!);
  console.log(
    `| ${name} | ${s.min.toFixed(0)} | ${s.median.toFixed(0)} | ${s.max.toFixed(0)} | ${((1000 * s.median) / ROWS).toFixed(2)} | ${(s.median / base.median).toFixed(2)}× |`,
  );
}
console.log(
  `\nstages read: ${[...stages.entries()]
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ")}; peak RSS ${peakRss.toFixed(0)} MB`,
);
