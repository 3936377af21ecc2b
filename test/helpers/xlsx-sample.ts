import ExcelJS from 'exceljs';
import { dayFromYMD } from '../../src/planning/days';
import { SheetModel } from '../../src/sheets/model';

export const SUMMARY = 'Tổng hợp';
export const MARKER = 'quota-planner/rollup/3f9a12c0';
export const DAY = dayFromYMD(2024, 6, 3);

/** A small workbook using every feature of the sheet model. */
export function sampleSheets(): SheetModel[] {
  const summary: SheetModel = {
    name: SUMMARY,
    font: { name: 'Times New Roman', size: 12 },
    columns: [
      { width: 6, style: 'center' },
      { width: 30, style: 'text' },
      { width: 12, style: 'count' },
      { width: 14, style: 'date' },
      { width: 12, style: 'input' },
      { width: 9, hidden: true },
    ],
    rows: [
      { values: ['BẢNG TỔNG HỢP & <KẾT QUẢ>'], style: 'title', ownStyle: true, height: 30 },
      { values: [], hidden: true },
      { values: ['STT', 'Đơn vị', 'Số còn lại', 'Ngày', 'Đã làm', 'khóa'], style: 'header' },
      { values: [1, 'Xã Đại Lãnh', 1234.5, { date: DAY }, null, 'k1'] },
      { values: [2, '=SUM(A1:A3)', 0.25, { date: DAY + 30 }, 5, '  thụt lề'], cellStyles: [undefined, undefined, 'percent'] },
      { values: [3, 'Tab\tand bell\u0007 gone', { formula: 'SUM(C4:C5)', result: 1234.75 }, null, null, 'x & "y"'] },
      { values: [4, { formula: 'IF(C4>1000,"Chậm","Đúng")', result: 'Chậm' }, { formula: 'C4*2' }, { formula: '=D4+1', result: 45447 }, null, null] },
      { values: [null, 'Tổng cộng', { formula: 'SUM(C4:C7)', result: 3704.75 }], style: 'total' },
    ],
    styles: {
      title: { bold: true, size: 14, align: 'center', valign: 'middle', underline: true },
      header: { bold: true, align: 'center', wrap: true, border: true, fill: 'FFDDEBF7' },
      center: { align: 'center', border: true },
      text: { border: true, valign: 'top', wrap: true },
      count: { numFmt: '#,##0', border: true },
      percent: { numFmt: '0.0%', italic: true, color: 'FFC00000' },
      date: { numFmt: 'dd/mm/yyyy', align: 'center', border: true },
      input: { numFmt: '#,##0', border: 'medium', fill: 'FFFFF2CC', unlocked: true },
      total: { bold: true, fill: 'FFE2EFDA' },
      behind: { color: 'FF9C0006', fill: 'FFFFC7CE', bold: true },
    },
    merges: ['A1:F1'],
    freeze: { rows: 3, cols: 2 },
    page: { landscape: true, printTitleRows: [3, 3], printTitleCols: [0, 1], footer: 'Trang &P/&N', overThenDown: true, rowBreaks: [6], colBreaks: [4] },
    marker: MARKER,
    names: [{ name: 'QuotaPlanner.Actuals', ref: `'${SUMMARY}'!$E$4:$E$7` }],
    protect: true,
    validations: [
      { range: 'E4:E5 E6:E7', type: 'whole', min: 0, prompt: { title: 'Số đã làm', text: 'Nhập số sổ\nđã số hóa' }, error: { title: 'Sai', text: 'Số nguyên ≥ 0' } },
      { range: 'D4:D7', type: 'date', min: DAY, max: DAY + 365 },
    ],
    conditional: [{ range: 'C4:C7', formula: 'C4>1000', style: 'behind' }],
    charts: [
      {
        title: 'Tiến độ',
        from: { col: 7, row: 2 },
        to: { col: 15, row: 20 },
        categories: `'${SUMMARY}'!$B$4:$B$7`,
        series: [{ name: 'Số còn lại', values: `'${SUMMARY}'!$C$4:$C$7`, color: 'FF4472C4' }],
      },
    ],
  };
  const plain: SheetModel = {
    name: "Lịch's",
    font: { name: 'Arial', size: 10 },
    columns: [{ width: 12 }],
    rows: [{ values: ['plain', 7] }, { values: [{ date: DAY }] }],
    styles: {},
    merges: [],
    page: { landscape: false, fitToWidth: true },
  };
  return [summary, plain];
}

/** Two districts, three communes (Xã B and Xã C have no marriages to digitize), written as a units workbook. */
export async function writeTwoDistricts(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['STT', 'Huyện', 'Xã', 'Khai sinh', 'Kết hôn']);
  ws.addRow([1, 'Huyện X', 'Xã A', 1000, 400]);
  ws.addRow([2, 'Huyện Y', 'Xã B', 600, null]);
  ws.addRow([3, 'Huyện X', 'Xã C', 800, null]);
  await wb.xlsx.writeFile(file);
}
