import { CellValue, Grid, columnNumber } from '../../src/sheets/grid';
import { SheetModel } from '../../src/sheets/model';
import { FormKind } from '../../src/sheets/forms/marker';
import { FormOptions } from '../../src/sheets/forms/options';
import { PlanForms } from '../../src/sheets/forms/workbook';
import { PlanWorkbook, PlanWorkbookSheets, readPlanWorkbook } from '../../src/sheets/read-plan-workbook';

/** A sheet model as a host would read it back: formulas give their cached result. */
export function gridOfModel(s: SheetModel): Grid {
  return {
    sheet: s.name,
    rows: s.rows.map((r) =>
      r.values.map((v): CellValue => (v !== null && typeof v === 'object' && 'formula' in v ? v.result ?? null : v)),
    ),
  };
}

/** Puts a value at an A1 address (`'Sheet'!E12` or `E12`) of a grid; a period without a box (null) is a test's mistake. */
export function put(grid: Grid, ref: string | null, value: CellValue): void {
  if (ref === null) throw new Error('No box for that period');
  const m = /([A-Z]+)(\d+)$/.exec(ref)!;
  const c = columnNumber(m[1]);
  const r = Number(m[2]) - 1;
  while (grid.rows.length <= r) grid.rows.push([]);
  grid.rows[r][c - 1] = value;
}

/** The grids a host would read back from a plan's forms, found by kind. */
export function sheetsOf(forms: PlanForms, options: Pick<FormOptions, 'names' | 'planId'>): PlanWorkbookSheets {
  const grid = (kind: FormKind) => gridOfModel(forms.sheets.find((s) => s.name === options.names[kind])!);
  return {
    calendar: grid('calendar'), units: grid('units'), progress: grid('progress'), quota: grid('quota'), history: grid('history'),
    names: options.names, planId: options.planId,
  };
}

/** A plan workbook read back from grids; throws on any refusal. */
export function readSheets(sheets: PlanWorkbookSheets): PlanWorkbook {
  const book = readPlanWorkbook(sheets);
  if (book.plan === null) throw new Error(JSON.stringify(book.problems));
  return book;
}
