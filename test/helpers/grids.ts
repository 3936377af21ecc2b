import { CellValue, Grid, columnNumber } from '../../src/sheets/grid';
import { SheetModel } from '../../src/sheets/model';

/** A sheet model as a host would read it back: formulas give their cached result. */
export function gridOfModel(s: SheetModel): Grid {
  return {
    sheet: s.name,
    rows: s.rows.map((r) =>
      r.values.map((v): CellValue => (v !== null && typeof v === 'object' && 'formula' in v ? v.result ?? null : v)),
    ),
  };
}

/** Puts a value at an A1 address (`'Sheet'!E12` or `E12`) of a grid. */
export function put(grid: Grid, ref: string, value: CellValue): void {
  const m = /([A-Z]+)(\d+)$/.exec(ref)!;
  const c = columnNumber(m[1]);
  const r = Number(m[2]) - 1;
  while (grid.rows.length <= r) grid.rows.push([]);
  grid.rows[r][c - 1] = value;
}
