/**
 * A block of cells as read from a sheet → its header row, data rows and the proposed column
 * for each input. The one entry point the task pane and the command line share: header row,
 * group row above it, contents below it, the workbook's own words, a remembered mapping.
 */
import {
  proposeMapping,
  restoreMapping,
  type Mapping,
  type WorkbookWords,
} from "./columnMapping";
import { detectHeader } from "./headerRow";

export interface SheetColumns {
  /** index of the header row within the block */
  readonly headerRow: number;
  /** rows the header takes: 2 for a group row over a sub-header row (found, never when headerRow is given) */
  readonly headerRows: 1 | 2;
  readonly headers: readonly unknown[];
  /** the data rows below the header row */
  readonly rows: readonly (readonly unknown[])[];
  readonly mapping: Mapping;
}

export interface SheetColumnsOptions {
  /** the header row when known (else found: the row among the first six naming the most inputs) */
  readonly headerRow?: number;
  /** columns never chosen (the add-in's own outputs), 0-based within the block */
  readonly exclude?: ReadonlySet<number>;
  readonly words?: WorkbookWords;
  /** a remembered mapping (each input's header text), untrusted */
  readonly saved?: unknown;
}

export function findColumns(
  values: readonly (readonly unknown[])[],
  options: SheetColumnsOptions = {},
): SheetColumns {
  // A header row given is one row (the pane knows where its data starts); one found may be
  // two: a group row over a sub-header row.
  const found =
    options.headerRow === undefined
      ? detectHeader(values)
      : {
          row: options.headerRow,
          rows: 1 as const,
          headers: values[options.headerRow] ?? [],
          groups:
            options.headerRow > 0 ? values[options.headerRow - 1] : undefined,
        };
  const headerRow = found.row;
  const headers = found.headers;
  const rows = values.slice(headerRow + found.rows);
  const mappingOptions = {
    rows,
    exclude: options.exclude,
    words: options.words,
    groups: found.groups,
  };
  const mapping =
    options.saved !== undefined && options.saved !== null
      ? restoreMapping(options.saved, headers, mappingOptions)
      : proposeMapping(headers, mappingOptions);
  return { headerRow, headerRows: found.rows, headers, rows, mapping };
}
