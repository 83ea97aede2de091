import "../test/setup/customFunctions";
import * as F from "../src/functions/functions";
import { sales } from "../src/engine/sales";
import { makeCtx } from "../src/engine/ctx";
const R = ["A","B","是","否","Y","N","A","A"], I: unknown[] = ["A","B",0,1,2,3,4,5,"是",null];
const n = 1048576;
let s = 1; const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
const col = (xs: unknown[]) => Array.from({length: n}, () => [xs[Math.floor(rnd() * xs.length)]]);
const cols = [col(R), col(R), col(I), col(I), col(I), col(I), col(["A","B","是","否",null])] as any[][][];
const YES = new Set<unknown>(["A", "是", "Y"]);
const ind = (v: unknown, t: number) => typeof v === "number" ? (v >= t ? 1 : 0) : YES.has(v) ? 1 : 0;
function loop() { const out = new Array(n); for (let i = 0; i < n; i++) { const a = (YES.has(cols[0]![i]![0]) ? 1 : 0) + (YES.has(cols[1]![i]![0]) ? 1 : 0); const k = ind(cols[2]![i]![0],3)+ind(cols[3]![i]![0],2)+ind(cols[4]![i]![0],2)+ind(cols[5]![i]![0],1)+(YES.has(cols[6]![i]![0])?1:0); out[i] = [a === 2 ? (k===5?"A":k>=3?"B":"C") : a === 1 ? (k===5?"C":"D") : "E"]; } return out; }
const ctx = makeCtx();
const V: [string, () => unknown][] = [["loop", loop], ["engine", () => sales.LEADGRADE([...cols, null], ctx)], ["F", () => F.leadgrade(...(cols as [any,any,any,any,any,any,any]), null as any)]];
const T: Record<string, number[]> = {};
for (let k = 0; k < 8; k++) for (let j = 0; j < 3; j++) { const [name, f] = V[(j + k) % 3]!; (globalThis as any).gc(); const t0 = process.hrtime.bigint(); f(); (T[name] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e6); }
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name] of V) console.log(name, med(T[name]!).toFixed(0), T[name]!.map(x => x.toFixed(0)).join(" "));
