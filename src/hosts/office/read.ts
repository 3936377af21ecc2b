import { dayFromExcelSerial } from '../../planning/days';
import { MARKER_NAME } from '../../sheets/forms/marker';
import { CellValue } from '../../sheets/grid';
import { SourceGrid } from '../host';
import { Box, boxAddress, parseBox, splitAddress } from './address';
import type { Run } from './run';

/** Cells per request: values, number formats and types come back together, well under Excel on the web's 5 MB response limit. */
const CELLS_PER_READ = 50_000;

/**
 * Whether a number format shows a date: day, month or year codes outside quoted text, escapes and brackets
 * (`[$-42A]`, `[Red]`); an `m` next to hours or seconds is minutes (`h:mm`), not a month.
 */
export function isDateFormat(format: string): boolean {
  const code = format.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  if (/[dy]/i.test(code)) return true;
  return /m/i.test(code) && !/[hs]/i.test(code);
}

/** One cell as Office.js reads it → the host-neutral value; a number in a date format is a date (its serial, in UTC). */
function cellValue(value: unknown, type: string, format: unknown): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return value === true;
    case 'Double':
    case 'Integer': {
      const n = Number(value);
      return typeof format === 'string' && isDateFormat(format) ? { date: dayFromExcelSerial(n) } : n;
    }
    default:
      return typeof value === 'number' || typeof value === 'boolean' ? value : value === null || value === undefined ? null : String(value);
  }
}

const isForm = (names: Excel.NamedItemCollection): boolean => names.items.some((n) => n.name.toLowerCase() === MARKER_NAME.toLowerCase());

/**
 * The sheet to read when the active one is a form the pane wrote (after writing, the planner is left on
 * one): the first visible sheet that is not a form, or the active one when every sheet is. Two syncs.
 */
async function sheetPeopleMade(ctx: Excel.RequestContext, active: Excel.Worksheet): Promise<Excel.Worksheet> {
  const worksheets = ctx.workbook.worksheets.load('items/name,items/visibility');
  await ctx.sync();
  const names = worksheets.items.map((ws) => ws.names.load('items/name'));
  await ctx.sync();
  return worksheets.items.find((ws, i) => ws.visibility === 'Visible' && !isForm(names[i])) ?? active;
}

/**
 * The selection when it covers more than one cell, else the active sheet's used range (the first sheet
 * people made when the active one is a generated form): only cells with values count (a shaded but empty
 * table is no data), and an empty sheet gives an empty grid. One sync finds the range; its values, number
 * formats and types then come in one more (more for a huge range).
 */
export async function readSources(run: Run): Promise<SourceGrid[]> {
  return run(async (ctx) => {
    const selection = ctx.workbook.getSelectedRange().load('address,cellCount');
    const selectionUsed = selection.getUsedRangeOrNullObject(true).load('address,rowHidden');
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    const activeNames = active.names.load('items/name');
    let sheetUsed = active.getUsedRangeOrNullObject(true).load('address,rowHidden');
    await ctx.sync();

    const scope = selection.cellCount > 1 ? 'selection' : 'sheet';
    let sheet = active;
    if (scope === 'sheet' && isForm(activeNames)) {
      sheet = await sheetPeopleMade(ctx, active);
      sheetUsed = sheet.getUsedRangeOrNullObject(true).load('address,rowHidden');
      await ctx.sync();
    }
    const selected = splitAddress(selection.address)?.local ?? selection.address;
    const label = scope === 'selection' ? `${sheet.name}!${selected}` : sheet.name;
    const used = scope === 'selection' ? selectionUsed : sheetUsed;
    const box = used.isNullObject ? null : parseBox(splitAddress(used.address)?.local ?? used.address);
    if (!box) {
      const at = scope === 'selection' ? parseBox(selected) : null;
      return [{ grid: { sheet: sheet.name, rows: [], firstRow: at?.row ?? 1, firstCol: at?.col ?? 1 }, scope, label }];
    }
    const rows = await readCells(ctx, sheet, box);
    // Hidden rows are looked for only when some are: one more sync, then.
    const hidden = used.rowHidden === false ? {} : await hiddenRows(ctx, sheet, box, used.rowHidden === true);
    return [{ grid: { sheet: sheet.name, rows, firstRow: box.row, firstCol: box.col, ...hidden }, scope, label }];
  });
}

/**
 * The cells of `box` as host-neutral values: values, number formats and types together, one sync per
 * CELLS_PER_READ cells (a date is a number in a date format; an error its text).
 */
export async function readCells(ctx: Excel.RequestContext, sheet: Excel.Worksheet, box: Box): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  const step = Math.max(1, Math.floor(CELLS_PER_READ / box.cols));
  for (let r = 0; r < box.rows; r += step) {
    const part = sheet.getRange(boxAddress({ ...box, row: box.row + r, rows: Math.min(step, box.rows - r) })).load('values,numberFormat,valueTypes');
    await ctx.sync();
    part.values.forEach((line, i) => rows.push(line.map((v, c) => cellValue(v, part.valueTypes[i][c], part.numberFormat[i][c]))));
  }
  return rows;
}

/**
 * The rows of `box` that are hidden, as indices into its grid: those inside the sheet's autofilter while it
 * filters are hidden by the filter, the others by hand (Excel keeps one flag for both). One sync: the
 * autofilter, and the visible rows of the box's first column (none to ask for when every row is hidden).
 */
async function hiddenRows(ctx: Excel.RequestContext, sheet: Excel.Worksheet, box: Box, all: boolean): Promise<{ hiddenRows?: number[]; filteredRows?: number[] }> {
  const filter = sheet.autoFilter.load('isDataFiltered');
  const filterRange = sheet.autoFilter.getRangeOrNullObject().load('address');
  const view = all ? null : sheet.getRange(boxAddress({ ...box, cols: 1 })).getVisibleView().load('cellAddresses');
  await ctx.sync();
  const visible = new Set((view?.cellAddresses ?? []).map((line) => Number(/(\d+)$/.exec(String(line[0]))?.[1])));
  const filtered = filterRange.isNullObject || !filter.isDataFiltered ? null : parseBox(splitAddress(filterRange.address)?.local ?? filterRange.address);
  const out: { hiddenRows: number[]; filteredRows: number[] } = { hiddenRows: [], filteredRows: [] };
  for (let r = 0; r < box.rows; r++) {
    const row = box.row + r;
    if (visible.has(row)) continue;
    // The filter's first row is its header: never hidden by it.
    const byFilter = filtered !== null && row > filtered.row && row < filtered.row + filtered.rows;
    (byFilter ? out.filteredRows : out.hiddenRows).push(r);
  }
  return {
    ...(out.hiddenRows.length > 0 ? { hiddenRows: out.hiddenRows } : {}),
    ...(out.filteredRows.length > 0 ? { filteredRows: out.filteredRows } : {}),
  };
}
