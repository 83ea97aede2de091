/**
 * A real formula engine for the live-formula tests: HyperFormula (GPL-3, test-only: never
 * imported from src/, and a test checks dist/ holds none of it) with every SALES function
 * registered as a plugin function that calls our custom-function adapters (src/functions/
 * functions.ts), exactly as Excel calls them: each argument as a 2-D array (blank → null,
 * omitted → null), the result as a 2-D array that spills, errors as CustomFunctions.Error.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import * as functions from "../../src/functions/functions";
import { isSalesFormula } from "../../src/criteria/salesCells";

type Fn = (...args: unknown[]) => unknown[][];
const FUNCTIONS = Object.entries(functions).filter(
  (e): e is [string, Fn] => typeof e[1] === "function",
);

/** How many times each SALES function ran: what "recalculates only the SALES cells" counts. */
export const calls = { count: 0 };

function toArg(v: unknown): unknown[][] | null {
  if (v instanceof SimpleRangeValue)
    return v.rawData().map((row) => row.map(toScalar));
  if (v === EmptyValue || v === undefined) return null;
  return [[toScalar(v)]];
}

function toScalar(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return v;
  if (typeof v === "object" && v !== null && "val" in v)
    return (v as { val: number }).val; // RichNumber (dates, percents)
  return v;
}

const CODE: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
};

function toCell(v: unknown): unknown {
  if (v instanceof Error) {
    const code = (v as Error & { code?: string }).code ?? "#VALUE!";
    return new CellError(CODE[code] ?? ErrorType.VALUE, v.message);
  }
  return v;
}

class SalesPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};
}
interface PluginThis {
  evaluateAst(ast: unknown, state: unknown): unknown;
  arraySizeForAst(ast: unknown, state: unknown): ArraySize;
}
for (const [name, fn] of FUNCTIONS) {
  const id = `SALES.${name.toUpperCase()}`;
  const method = `sales_${name}`;
  SalesPlugin.implementedFunctions[id] = {
    method,
    sizeOfResultArrayMethod: `${method}Size`,
    parameters: Array.from({ length: fn.length }, () => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: true,
    })),
    vectorizationForbidden: true,
  };
  const proto = SalesPlugin.prototype as unknown as Record<string, unknown>;
  proto[method] = function (
    this: PluginThis,
    ast: { args: { type: string }[] },
    state: unknown,
  ) {
    const args = ast.args.map((a) =>
      a.type === "EMPTY" ? null : toArg(this.evaluateAst(a, state)),
    );
    for (const a of args)
      for (const row of a ?? [])
        for (const x of row) if (x instanceof CellError) return x;
    calls.count++;
    let out: unknown[][];
    try {
      out = fn(...args);
    } catch (e) {
      return toCell(e);
    }
    if (out.length === 1 && out[0]?.length === 1) return toCell(out[0][0]);
    return SimpleRangeValue.onlyValues(
      out.map((row) => row.map(toCell)) as never,
    );
  };
  proto[`${method}Size`] = function (
    this: PluginThis,
    ast: { args: { type: string }[] },
    state: unknown,
  ) {
    let height = 1;
    for (const a of ast.args)
      if (a.type !== "EMPTY")
        height = Math.max(height, this.arraySizeForAst(a, state).height);
    return new ArraySize(1, height);
  };
}

HyperFormula.registerFunctionPlugin(SalesPlugin as never, {
  enGB: Object.fromEntries(
    FUNCTIONS.map(([n]) => [
      `SALES.${n.toUpperCase()}`,
      `SALES.${n.toUpperCase()}`,
    ]),
  ),
});

export function buildEngine(sheets: Record<string, unknown[][]>): HyperFormula {
  // Writing "" through range.formulas/values leaves a cell empty in Excel: the same here.
  const empty = Object.fromEntries(
    Object.entries(sheets).map(([k, rows]) => [
      k,
      rows.map((r) => r.map((v) => (v === "" ? null : v))),
    ]),
  );
  return HyperFormula.buildFromSheets(empty as never, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    // Excel's date system: serial 1 = 1900-01-01 (with the 1900 leap-year bug)
    nullDate: { year: 1899, month: 12, day: 30 },
  });
}

/**
 * What the shared runtime does after a criteria or language change, in the engine: every
 * SALES formula cell is entered again (Excel: setDirty/calculate on those ranges), nothing else.
 */
export function recalcSalesCells(hf: HyperFormula): number {
  let n = 0;
  hf.batch(() => {
    for (const name of hf.getSheetNames()) {
      const id = hf.getSheetId(name)!;
      hf.getSheetFormulas(id).forEach((row, r) =>
        row.forEach((f, c) => {
          if (isSalesFormula(f)) {
            hf.setCellContents({ sheet: id, row: r, col: c }, [[f as string]]);
            n++;
          }
        }),
      );
    }
  });
  return n;
}

/** A sheet's contents as Excel's `formulas` would give them (formula text, else the value). */
export function serialized(hf: HyperFormula, name: string): unknown[][] {
  return hf.getSheetSerialized(hf.getSheetId(name)!) as unknown[][];
}
