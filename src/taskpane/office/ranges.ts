/*
 * Chunked reads and writes shared by the pane's tools. Excel on the web rejects a request or a
 * response over 5 MB; every request and response here stays under 4 MB, measured in bytes
 * (UTF-8 JSON of what travels), whatever the cells hold:
 * - reads start with a small probe, then size each chunk from the largest row seen so far
 *   (aiming at half the budget), and halve and read again when Excel refuses a response;
 * - writes are cut by the measured bytes of what they send (sheet/chunking).
 */
import { chunkRows, utf8Length, MAX_REQUEST_BYTES } from "../../sheet/chunking";

export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Cells per read for callers that cut reads by cell count (prefer readGrid, which measures bytes). */
export const READ_CELLS = 100000;
const PROBE_ROWS = 200;

export type Grid = unknown[][];
export type CellProp = "values" | "formulas" | "numberFormat" | "valueTypes";

export interface ReadStats {
  syncs: number;
  /** largest response measured (bytes) */
  largestResponse: number;
  /** largest request measured (bytes) */
  largestRequest: number;
}

export function newStats(): ReadStats {
  return { syncs: 0, largestResponse: 0, largestRequest: 0 };
}

function sizeError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  const msg = e instanceof Error ? e.message : String(e);
  return /PayloadSizeLimitExceeded|5 ?MB/i.test(`${code} ${msg}`);
}

/**
 * Reads `props` of a block (`rows` × `cols` from `top`,`left`), in as many requests as the
 * measured bytes need. Returns one grid per property, rows in order.
 */
export async function readGrid<P extends CellProp>(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: number,
  cols: number,
  props: readonly P[],
  stats: ReadStats,
  budget = MAX_RESPONSE_BYTES,
): Promise<Record<P, Grid>> {
  const out = Object.fromEntries(props.map((p) => [p, [] as Grid])) as Record<
    P,
    Grid
  >;
  if (rows <= 0 || cols <= 0) return out;
  let perRow = 0; // largest bytes per row seen
  let step = Math.min(rows, PROBE_ROWS);
  for (let start = 0; start < rows;) {
    const count = Math.max(1, Math.min(step, rows - start));
    const range = sheet.getRangeByIndexes(top + start, left, count, cols);
    // `props` is never empty (the callers name what they need); the rule cannot see a joined list.
    // eslint-disable-next-line office-addins/no-empty-load
    range.load(props.join(","));
    try {
      // One request per chunk is the point: each stays under the byte budget.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!sizeError(e) || count === 1) throw e;
      step = Math.max(1, Math.floor(count / 2));
      continue;
    }
    stats.syncs++;
    let bytes = 0;
    for (const p of props) {
      const grid = range[p as CellProp] as Grid;
      for (const row of grid) {
        const b = utf8Length(JSON.stringify(row));
        bytes += b;
        perRow = Math.max(perRow, b * props.length);
      }
      out[p].push(...grid);
    }
    stats.largestResponse = Math.max(stats.largestResponse, bytes);
    start += count;
    // Next chunk: half the budget at the largest row seen, growing at most fourfold.
    const fit = Math.max(1, Math.floor(budget / 2 / Math.max(1, perRow)));
    step =
      bytes > budget
        ? Math.max(1, Math.floor(count / 2))
        : Math.min(fit, count * 4);
  }
  return out;
}

/** Runs of consecutive columns, so non-adjacent columns are written as few ranges as possible. */
export function columnRuns(
  columns: readonly number[],
): { left: number; width: number; at: number[] }[] {
  const order = columns.map((c, i) => ({ c, i })).sort((a, b) => a.c - b.c);
  const runs: { left: number; width: number; at: number[] }[] = [];
  for (const { c, i } of order) {
    const last = runs[runs.length - 1];
    if (last && last.left + last.width === c) {
      last.width++;
      last.at.push(i);
    } else runs.push({ left: c, width: 1, at: [i] });
  }
  return runs;
}

export interface ColumnsWrite {
  /** absolute columns, one per entry of each row */
  readonly columns: readonly number[];
  /** absolute row of rows[0] */
  readonly top: number;
  readonly rows: readonly (readonly (string | number | boolean)[])[];
  /** write through formulas (parsed as typed) or values */
  readonly as: "formulas" | "values";
  /** number formats per row and column (same shape), or one per column, or none */
  readonly numberFormat?:
    readonly (readonly string[])[] | readonly (string | undefined)[];
  /** rows not to write (skipped: the user's); they split the runs */
  readonly skip?: ReadonlySet<number>;
}

/** Bytes Office.js spends per queued action beside its data (object path, method, ids): an estimate kept high. */
const ACTION_OVERHEAD = 200;

/**
 * Requests of one write under the byte budget: each chunk is one `context.sync()`. A row counts
 * what `queueChunk` sends for it: its values, the number formats of every column run that has
 * one (the run's other columns as "General"), and the actions of each range a skipped row
 * starts anew.
 */
export function planWrite(w: ColumnsWrite, maxBytes = MAX_REQUEST_BYTES) {
  const runs = columnRuns(w.columns);
  const perColFormat = !!w.numberFormat && !Array.isArray(w.numberFormat[0]);
  const colFormats = perColFormat
    ? (w.numberFormat as readonly (string | undefined)[])
    : [];
  const runFormatBytes = perColFormat
    ? runs
        .filter((run) => run.at.some((j) => colFormats[j]))
        .reduce(
          (b, run) =>
            b +
            utf8Length(
              JSON.stringify(run.at.map((j) => colFormats[j] ?? "General")),
            ) +
            1,
          0,
        )
    : 0;
  const extra = (i: number) => {
    let b = 0;
    if (w.numberFormat)
      b += perColFormat
        ? runFormatBytes
        : utf8Length(JSON.stringify((w.numberFormat as string[][])[i] ?? [])) +
          1;
    if (w.skip?.has(i)) return 0;
    if (i === 0 || w.skip?.has(i - 1)) b += runs.length * 3 * ACTION_OVERHEAD;
    return b;
  };
  return chunkRows(w.rows, maxBytes, extra);
}

/** Queues one chunk (rows `start`..`start+count`) of a write; the caller syncs. Returns bytes queued. */
export function queueChunk(
  sheet: Excel.Worksheet,
  w: ColumnsWrite,
  start: number,
  count: number,
): number {
  let bytes = 0;
  const runs = columnRuns(w.columns);
  const perColFormat = w.numberFormat && !Array.isArray(w.numberFormat[0]);
  // Row runs: consecutive rows not skipped.
  const rowRuns: [number, number][] = [];
  for (let i = start; i < start + count; i++) {
    if (w.skip?.has(i)) continue;
    const last = rowRuns[rowRuns.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else rowRuns.push([i, 1]);
  }
  for (const [r0, h] of rowRuns) {
    for (const run of runs) {
      const range = sheet.getRangeByIndexes(w.top + r0, run.left, h, run.width);
      const block: (string | number | boolean)[][] = [];
      for (let i = r0; i < r0 + h; i++)
        block.push(run.at.map((j) => w.rows[i]?.[j] ?? ""));
      if (w.numberFormat) {
        const nf: string[][] = [];
        let any = false;
        for (let i = r0; i < r0 + h; i++)
          nf.push(
            run.at.map((j) => {
              const f = perColFormat
                ? (w.numberFormat as (string | undefined)[])[j]
                : (w.numberFormat as string[][])[i]?.[j];
              if (f) any = true;
              return f ?? "General";
            }),
          );
        // Number formats first: a text format makes what follows stay text.
        if (any) {
          range.numberFormat = nf;
          bytes += utf8Length(JSON.stringify(nf));
        }
      }
      if (w.as === "formulas") range.formulas = block;
      else range.values = block;
      bytes += utf8Length(JSON.stringify(block));
    }
  }
  return bytes;
}
