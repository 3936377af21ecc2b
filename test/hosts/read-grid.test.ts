import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/hosts/files/load-workbook';
import { gridOf } from '../../src/xlsx/read-grid';
import { formatVN } from '../../src/planning/days';
import { readUnits } from '../../src/sheets/read-units';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('quota-read-grid-');
afterAll(() => tmp.cleanup());

/** Writes a workbook to disk and reads it back, as the CLI does. */
async function roundTrip(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Số liệu'));
  const file = tmp.file(`book-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return (await loadWorkbook(file)).getWorksheet('Số liệu')!;
}

describe('the .xlsx grid adapter', () => {
  it('gives formula results, merged titles once, rich text as text and dates as UTC day numbers', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A1').value = 'UBND HUYỆN VẠN NINH';
      s.mergeCells('A1:D1');
      s.getCell('A2').value = { richText: [{ text: 'Xã ' }, { text: 'Đại Lãnh', font: { bold: true } }] };
      s.getCell('B2').value = { formula: 'SUM(C2:D2)', result: 2433 };
      s.getCell('C2').value = new Date(Date.UTC(2024, 8, 2));
      s.getCell('D2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    });
    const grid = gridOf(ws);
    expect(grid.sheet).toBe('Số liệu');
    expect(grid.rows[0]).toEqual(['UBND HUYỆN VẠN NINH', null, null, null]);
    expect(grid.rows[1][0]).toBe('Xã Đại Lãnh');
    expect(grid.rows[1][1]).toBe(2433);
    expect(formatVN((grid.rows[1][2] as { date: number }).date)).toBe('02/09/2024');
    expect(grid.rows[1][3]).toEqual({ error: '#REF!' });
  });

  it('refuses a count whose formula was never calculated, naming the cell, instead of reading it as blank', async () => {
    const ws = await roundTrip((s) => {
      s.addRow(['Đơn vị', 'Khai sinh']);
      s.addRow(['Xã A', 120]);
      s.addRow(['Xã B', { formula: 'B2*2' }]);
    });
    const table = readUnits(gridOf(ws));
    const problem = table.problems.find((p) => p.severity === 'error')!;
    expect(problem.code).toBe('no-formula-result');
    expect(problem.cell).toBe('Số liệu!B3');
    expect(problem.en).toContain('open it in Excel, save it');
  });

  it('gives rows hidden by hand and rows hidden by the autofilter apart, and the reader warns of both', async () => {
    const ws = await roundTrip((s) => {
      s.addRow(['Danh sách đơn vị']);
      s.addRow(['STT', 'Xã, phường, đặc khu', 'Khai sinh']);
      for (let i = 1; i <= 5; i++) s.addRow([i, `Xã ${String.fromCharCode(64 + i)}`, i * 10]);
      s.autoFilter = 'A2:C7';
      s.getRow(4).hidden = true; // inside the filter: what Excel writes for a row a filter hides
      s.getRow(1).hidden = true; // above it: hidden by hand
      s.getRow(7).hidden = true;
    });
    const grid = gridOf(ws);
    expect(grid.hiddenRows).toEqual([0]);
    expect(grid.filteredRows).toEqual([3, 6]);
    const table = readUnits(grid);
    expect(table.units).toHaveLength(5);
    expect(table.problems.map((p) => [p.code, p.cell])).toEqual([['filtered-rows', 'Số liệu!B4']]);
    expect(table.problems[0].vi).toContain('Dòng 4, 7 bị bộ lọc ẩn («Xã B», «Xã E»)');
  });
});
