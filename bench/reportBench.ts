/*
 * npm run bench, part 3 — the managers' and admins' tools on 100,000 realistic graded leads:
 * the report (count + layout) and the duplicate search (normalise, group, decide) as pure code
 * beside minimal hand-written loops over the same cells (the baseline: counting grade × stage,
 * grouping by the raw phone text), then the whole click in the fake Excel host (read, count,
 * build the report sheet; find and write the duplicate columns; the follow-ups sheet) with its
 * requests and bytes. Rounds are interleaved; min / median / max per figure. Figures only.
 */
import "../test/setup/customFunctions";
import { FakeWorkbook, installFakeOffice } from "../test/fakeExcel/fakeExcel";
import "../test/fakeExcel/fakePivot";
import { GIVEN_NAMES, SURNAMES as DEMO_SURNAMES } from "../src/demo/generator";
import { proposeMapping } from "../src/sheet/columnMapping";
import { NOTE_PHRASES } from "../test/sampleLeads";
import { readLeadRows } from "../src/sheet/leadRows";
import { pipelineReport } from "../src/report/pipelineReport";
import { reportLayout } from "../src/report/reportLayout";
import { findDuplicates } from "../src/duplicates/findDuplicates";
import { runReport } from "../src/taskpane/report/reportTool";
import {
  findDuplicateLeads,
  writeDuplicateColumns,
} from "../src/taskpane/duplicates/duplicatesTool";
import {
  findDue,
  writeDueSheet,
} from "../src/taskpane/followups/followupsTool";

const ROWS = Number(process.env.BENCH_REPORT_ROWS ?? 100000);
const ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 5);
const TODAY = 46351;
const HEADERS = [
  "客户姓名",
  "公司",
  "电话",
  "负责人",
  "登记日期",
  "登记本序号",
  "成交人",
  "成交日期",
  "撞单提出日期",
  "上次联系",
  "跟进记录",
  "客户等级",
  "意向等级",
  "意向阶段",
  "紧急程度",
  "下次跟进",
];
// the demo sheet's names: the 20 commonest surnames and 15 given names, 4,500 full names in all
const SURNAMES = DEMO_SURNAMES.slice(0, 20);
const GIVEN = GIVEN_NAMES.slice(0, 15);
const CITIES = ["上海", "北京", "杭州", "深圳", "成都", "南京"];
const TRADES = [
  "星辰科技",
  "华远贸易",
  "恒信建材",
  "博雅教育",
  "瑞丰食品",
  "金桥物流",
];
const SUFFIX = ["有限公司", "股份有限公司", "", "公司"];
const NOTES = NOTE_PHRASES.slice(0, 6);
const URG = ["高", "中", "低"];
const GRADES = ["A", "B", "C", "D", "E"];

/** A phone typed the way reps type them. */
function typed(p: string, k: number): string {
  switch (k % 5) {
    case 0:
      return p;
    case 1:
      return `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
    case 2:
      return `+86 ${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
    case 3:
      return p.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return `0086${p}`;
  }
}

/** 100,000 leads by 20 reps; about 4 % re-register an earlier customer (another rep, another typing). */
function leads(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [HEADERS];
  for (let i = 0; i < n; i++) {
    const dup = i > 100 && i % 25 === 0;
    const j = dup ? i - 97 : i; // the customer this row is about
    const phone = `13${String(100000000 + ((j * 7919) % 900000000)).slice(0, 9)}`;
    const stage = ((i * 13) % 7) - 1;
    const closed = dup && i % 50 === 0;
    rows.push([
      // distinct customers get distinct name + company pairs (4,500 names × 36 companies)
      SURNAMES[j % 20]! +
        GIVEN[Math.floor(j / 20) % 15]! +
        GIVEN[Math.floor(j / 300) % 15]!,
      CITIES[Math.floor(j / 4500) % 6]! +
        TRADES[Math.floor(j / 27000) % 6]! +
        SUFFIX[i % SUFFIX.length]!,
      typed(phone, i),
      `销售${(i * 7) % 20}`,
      TODAY - 200 + (i % 190),
      i % 3 === 0 ? i % 40 : "",
      closed ? `销售${(i * 7) % 20}` : "",
      closed ? TODAY - (i % 12) : "",
      closed && i % 100 === 0 ? TODAY - (i % 12) + (i % 10) : "",
      TODAY - (i % 30),
      NOTES[i % NOTES.length]!,
      GRADES[(i * 3) % 5]!,
      GRADES[(i * 5) % 4]!,
      stage,
      URG[i % 3]!,
      TODAY - 15 + (i % 30),
    ]);
  }
  return rows;
}

const time = (f: () => void): number => {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const timeAsync = async (f: () => Promise<unknown>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    min: s[0]!,
    med: s[Math.floor(s.length / 2)]!,
    max: s[s.length - 1]!,
  };
};
const fmt = (xs: number[]) => {
  const { min, med, max } = stats(xs);
  return `${min.toFixed(0)} / ${med.toFixed(0)} / ${max.toFixed(0)}`;
};
const mb = (b: number) => (b / 2 ** 20).toFixed(3);

async function main(): Promise<void> {
  const all = leads(ROWS);
  const headers = all[0]!;
  const rows = all.slice(1);
  const mapping = proposeMapping(headers);
  console.log(
    `\nreport and duplicates: ${ROWS.toLocaleString("en")} leads × ${HEADERS.length} columns, ${ROUNDS} interleaved rounds (ms: min / median / max)\n`,
  );

  const t = {
    report: [] as number[],
    countLoop: [] as number[],
    dups: [] as number[],
    rawLoop: [] as number[],
  };
  const clicks = {
    report: [] as number[],
    dups: [] as number[],
    due: [] as number[],
  };
  const io: Record<
    string,
    { syncs: number; maxReq: number; maxResp: number; sent: number }
  > = {};
  let groups = 0;
  let grouped = 0;
  let rawGroups = 0;
  for (let round = 0; round < ROUNDS; round++) {
    global.gc?.();
    t.report.push(
      time(() => {
        const l = readLeadRows(headers, rows, mapping, "zh", TODAY);
        reportLayout(pipelineReport(l.rows), "zh", {
          today: TODAY,
          source: "Sheet1",
        });
      }),
    );
    t.countLoop.push(
      time(() => {
        const counts = new Map<string, number>();
        for (const r of rows) {
          const k = `${r[11]}|${r[13]}`;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
      }),
    );
    t.dups.push(
      time(() => {
        const l = readLeadRows(headers, rows, mapping, "zh", TODAY);
        const d = findDuplicates(l.rows, {
          lang: "zh",
          today: TODAY,
          hasLogColumn: true,
          rowNumber: (i) => i + 2,
        });
        groups = d.groups.length;
        grouped = d.decisions.length;
      }),
    );
    t.rawLoop.push(
      time(() => {
        const seen = new Map<string, number>();
        let g = 0;
        for (const r of rows) {
          const k = String(r[2]);
          const n = (seen.get(k) ?? 0) + 1;
          seen.set(k, n);
          if (n === 2) g++;
        }
        rawGroups = g;
      }),
    );

    // The whole click in the fake host: a fresh workbook each round.
    const measure = async (
      name: string,
      list: number[],
      f: () => Promise<unknown>,
    ) => {
      const wb = installFakeOffice(new FakeWorkbook({ apiVersion: "1.20" }));
      wb.setValues("Sheet1", 0, 0, all);
      global.gc?.();
      list.push(await timeAsync(f));
      io[name] = {
        syncs: wb.syncs,
        maxReq: Math.max(...wb.requestBytes),
        maxResp: Math.max(...wb.responseBytes),
        sent: wb.requestBytes.reduce((a, b) => a + b, 0),
      };
    };
    await measure("report", clicks.report, () => runReport("zh", TODAY));
    await measure("dups", clicks.dups, async () => {
      const run = (await findDuplicateLeads("zh", TODAY))!;
      const r = await writeDuplicateColumns(run, "zh");
      if (r.status !== "done") throw new Error(`duplicates ${r.status}`);
    });
    await measure("due", clicks.due, async () =>
      writeDueSheet((await findDue("zh", TODAY))!, "zh"),
    );
  }

  const ratio = (a: number[], b: number[]) =>
    (stats(a).med / stats(b).med).toFixed(1);
  console.log(
    "| pure code | ms | baseline loop | baseline ms | ratio (median) |",
  );
  console.log("|---|---:|---|---:|---:|");
  console.log(
    `| report: read rows, count, shares, layout | ${fmt(t.report)} | count grade × stage from the cells | ${fmt(t.countLoop)} | ${ratio(t.report, t.countLoop)}× |`,
  );
  console.log(
    `| duplicates: normalise, group, decide, explain | ${fmt(t.dups)} | group by the raw phone text | ${fmt(t.rawLoop)} | ${ratio(t.dups, t.rawLoop)}× |`,
  );
  console.log(
    `\nduplicates found: ${groups} groups over ${grouped} rows (the raw phone text alone finds ${rawGroups})\n`,
  );
  console.log(
    "| click in the fake host | ms | requests (syncs) | max MB per request | max MB per response | total MB sent |",
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  const line = (label: string, key: string, xs: number[]) => {
    const x = io[key]!;
    console.log(
      `| ${label} | ${fmt(xs)} | ${x.syncs} | ${mb(x.maxReq)} | ${mb(x.maxResp)} | ${mb(x.sent)} |`,
    );
  };
  line("report: scan + build sheet, pivot, chart", "report", clicks.report);
  line("duplicates: scan + write 3 columns", "dups", clicks.dups);
  line("follow-ups: scan + write the sheet", "due", clicks.due);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
