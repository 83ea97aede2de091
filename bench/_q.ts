import { sales } from "../src/engine/sales";
import { makeCtx } from "../src/engine/ctx";
const R = ["A","B","是","否","Y","N","A","A"], I: unknown[] = ["A","B",0,1,2,3,4,5,"是",null];
const n = 1048576;
let s = 1; const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
const col = (xs: unknown[]) => Array.from({length: n}, () => [xs[Math.floor(rnd() * xs.length)]]);
const cols = [col(R), col(R), col(I), col(I), col(I), col(I), col(["A","B","是","否",null])] as any[][][];
const ctx = makeCtx();
for (let k = 0; k < 5; k++) sales.LEADGRADE([...cols, null], ctx);
