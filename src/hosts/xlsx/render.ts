import ExcelJS from 'exceljs';
import { excelSerialFromDay } from '../../planning/days';
import { CellStyle, ModelValue, SheetModel, cellStyle } from '../../sheets/model';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};

/** Sheet model value → ExcelJS value. Text is always text: ExcelJS writes strings as strings, never as formulas. */
function excelValue(v: ModelValue): ExcelJS.CellValue {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if ('date' in v) return excelSerialFromDay(v.date);
  return { formula: v.formula } as ExcelJS.CellFormulaValue;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, font: SheetModel['font']): void {
  cell.font = { name: font.name, size: style.size ?? font.size, bold: style.bold, italic: style.italic };
  if (style.numFmt) cell.numFmt = style.numFmt;
  if (style.align || style.wrap) cell.alignment = { horizontal: style.align, vertical: 'middle', wrapText: style.wrap };
  if (style.border) cell.border = THIN;
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
}

/** Adds one sheet model to a workbook. */
export function renderSheet(workbook: ExcelJS.Workbook, model: SheetModel): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(model.name, {
    views: model.freeze ? [{ state: 'frozen', xSplit: model.freeze.cols, ySplit: model.freeze.rows }] : undefined,
    pageSetup: model.page
      ? {
          paperSize: 9, // A4
          orientation: model.page.landscape ? 'landscape' : 'portrait',
          fitToPage: model.page.fitToWidth,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: model.page.printTitleRows ? `${model.page.printTitleRows[0]}:${model.page.printTitleRows[1]}` : undefined,
        }
      : undefined,
  });
  ws.columns = model.columns.map((c) => ({ width: c.width }));
  model.rows.forEach((row, r) => {
    const xrow = ws.getRow(r + 1);
    const width = Math.max(row.values.length, row.style ? model.columns.length : 0);
    for (let c = 0; c < width; c++) {
      const cell = xrow.getCell(c + 1);
      const v = row.values[c] ?? null;
      if (v !== null) cell.value = excelValue(v);
      applyStyle(cell, cellStyle(model, r, c), model.font);
    }
  });
  for (const range of model.merges) ws.mergeCells(range);
  return ws;
}
