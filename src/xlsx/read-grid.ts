import ExcelJS from 'exceljs';
import { CellValue, Grid, NO_RESULT } from '../sheets/grid';

/**
 * ExcelJS's cell values → the host-neutral grid. Formula cells give their saved result; merged areas give
 * their value in the top-left cell only; dates become day numbers (ExcelJS reads them as UTC instants).
 */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  // ExcelJS's `value` drops a formula's falsy result (0, FALSE); `result` keeps it.
  if (cell.type === ExcelJS.ValueType.Formula) return formulaResult(cell.result);
  return convert(cell.value);
}

/** A formula never calculated (written by a library, not by Excel) has no result to plan with. */
function formulaResult(result: unknown): CellValue {
  // ExcelJS also turns a text result in a date-formatted cell into an invalid Date: the text is lost.
  if (result === undefined || result === null || (result instanceof Date && Number.isNaN(result.getTime()))) return { error: NO_RESULT };
  return typeof result === 'object' ? convert(result as ExcelJS.CellValue) : (result as CellValue);
}

function convert(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return { date: Math.floor(v.getTime() / 86400000) };
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return formulaResult((v as { result?: unknown }).result);
  if ('text' in v) return String((v as { text: unknown }).text);
  return null;
}

/** The rows an autofilter covers below its header row (1-based, inclusive), from ExcelJS's `ref` (`A3:F200`). */
function filterRows(autoFilter: unknown): [number, number] | null {
  const ref = typeof autoFilter === 'string' ? autoFilter : null;
  const m = ref === null ? null : /^\$?[A-Z]+\$?(\d+):\$?[A-Z]+\$?(\d+)$/i.exec(ref);
  return m ? [Number(m[1]) + 1, Number(m[2])] : null;
}

/**
 * A worksheet as a grid, with its hidden rows: a row hidden inside the sheet's autofilter is hidden by the
 * filter (the file keeps no other trace of it), any other by hand.
 */
export function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const filteredRows: number[] = [];
  const filtered = filterRows(sheet.autoFilter);
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = new Array(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      values[colNumber - 1] = cellValueOf(cell);
    });
    rows[rowNumber - 1] = values;
    if (row.hidden) (filtered && rowNumber >= filtered[0] && rowNumber <= filtered[1] ? filteredRows : hiddenRows).push(rowNumber - 1);
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return {
    sheet: sheet.name,
    rows,
    ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
    ...(filteredRows.length > 0 ? { filteredRows } : {}),
  };
}
