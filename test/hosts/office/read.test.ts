import { excelHost } from '../../../src/hosts/office/excel-host';
import { isDateFormat } from '../../../src/hosts/office/read';
import { SETTINGS_KEY } from '../../../src/hosts/host';
import { FakeSettings, FakeWorkbook } from './fake-excel';
import { readUnits } from '../../../src/sheets/read-units';

const SERIAL_2024_01_01 = 45292;

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('Hướng dẫn').setCells('A1', [['Xem trang Số liệu']]);
  wb.addSheet('Số liệu').setCells(
    'B3',
    [
      ['Đơn vị', 'KS', 'Ngày nhận', 'Đã kiểm'],
      ['Xã A', 1200, SERIAL_2024_01_01, true],
      ['Xã B', { error: '#N/A' }, SERIAL_2024_01_01 + 1.75, false],
      ['Xã C', 0.5, null, null],
    ],
    [
      [null, null, null, null],
      [null, '#,##0', 'dd/mm/yyyy', null],
      [null, '#,##0', '[$-42A]d mmmm yyyy h:mm', null],
      [null, '0%', null, null],
    ],
  );
  return wb;
}

describe('reading the units table through the Excel API (the fake)', () => {
  it('reads the active sheet’s used range when one cell is selected: dates from serials (UTC days), errors, booleans, where it starts', async () => {
    const wb = workbook();
    wb.select('Số liệu', 'A1');
    const [source] = await excelHost({ run: wb.run }).readSources();
    expect(source).toEqual({
      scope: 'sheet',
      label: 'Số liệu',
      grid: {
        sheet: 'Số liệu',
        firstRow: 3,
        firstCol: 2,
        rows: [
          ['Đơn vị', 'KS', 'Ngày nhận', 'Đã kiểm'],
          ['Xã A', 1200, { date: SERIAL_2024_01_01 - 25569 }, true],
          ['Xã B', { error: '#N/A' }, { date: SERIAL_2024_01_01 + 1 - 25569 }, false],
          ['Xã C', 0.5, null, null],
        ],
      },
    });
    // One sync finds the range, one reads its values, number formats and types together.
    expect(wb.syncs).toBe(2);
  });

  it('reads the first sheet people made when the active sheet is a form the pane wrote (where writing leaves the planner)', async () => {
    const wb = workbook();
    wb.sheets[0].visibility = 'Hidden'; // a hidden sheet is not what anyone means by "the units"
    const form = wb.addSheet('Tổng hợp');
    form.setCells('A1', [['TỔNG HỢP TIẾN ĐỘ']]);
    form.names.push({ name: 'QuotaPlanner.Form', formula: '="quota-planner/rollup/0badcafe"', visible: false });
    wb.select('Tổng hợp', 'A1');
    const [source] = await excelHost({ run: wb.run }).readSources();
    expect([source.label, source.grid.sheet, source.grid.rows[0]]).toEqual(['Số liệu', 'Số liệu', ['Đơn vị', 'KS', 'Ngày nhận', 'Đã kiểm']]);

    // A selection in a form is taken as asked, and a sheet of one's own is read as before.
    wb.select('Tổng hợp', 'A1:B2');
    expect((await excelHost({ run: wb.run }).readSources())[0].label).toBe('Tổng hợp!A1:B2');
  });

  it('reads the selection when it covers more than one cell: only its used part, labelled with its address', async () => {
    const wb = workbook();
    wb.select('Số liệu', 'C4:D40');
    const [source] = await excelHost({ run: wb.run }).readSources();
    expect(source.scope).toBe('selection');
    expect(source.label).toBe('Số liệu!C4:D40');
    expect(source.grid).toEqual({ sheet: 'Số liệu', firstRow: 4, firstCol: 3, rows: [[1200, { date: 19723 }], [{ error: '#N/A' }, { date: 19724 }], [0.5, null]] });
  });

  it('gives an empty grid for an empty sheet or an empty selection, not an error', async () => {
    const wb = workbook();
    wb.addSheet("Lịch's");
    wb.select("Lịch's", 'A1');
    const host = excelHost({ run: wb.run });
    expect(await host.readSources()).toEqual([{ scope: 'sheet', label: "Lịch's", grid: { sheet: "Lịch's", rows: [], firstRow: 1, firstCol: 1 } }]);
    wb.select("Lịch's", 'C5:D9');
    expect(await host.readSources()).toEqual([{ scope: 'selection', label: "Lịch's!C5:D9", grid: { sheet: "Lịch's", rows: [], firstRow: 5, firstCol: 3 } }]);
  });

  it('reads a national table in slices, each of the fake’s answers well under the 5 MB Excel on the web allows', async () => {
    const wb = new FakeWorkbook();
    const rows = Array.from({ length: 60_000 }, (_, i) => [`Xã ${i + 1}`, 1000 + i, 500, 20, 7]);
    wb.addSheet('Số liệu').setCells('A1', rows);
    const [source] = await excelHost({ run: wb.run }).readSources();
    expect(source.grid.rows).toHaveLength(60_000);
    expect(source.grid.rows[59_999]).toEqual(['Xã 60000', 60_999, 500, 20, 7]);
    expect(wb.syncs).toBe(1 + 6);
    expect(wb.maxResponse).toBeLessThan(2_000_000);
  });

  it('tells date formats from other number formats', () => {
    for (const f of ['dd/mm/yyyy', 'd/m/yy', 'mmm yyyy', '[$-42A]dddd, d mmmm yyyy', 'yyyy-mm-dd hh:mm']) expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ['General', '#,##0', '0.0%', 'h:mm', '[h]:mm:ss', '#,##0 "ngày"', '0.00E+00', '@']) expect([f, isDateFormat(f)]).toEqual([f, false]);
  });
});

describe('going to a cell and showing a sheet', () => {
  it('activates the sheet and selects the cell, whether its name is quoted or not', async () => {
    const wb = workbook();
    wb.addSheet('Tổng hợp');
    wb.addSheet("Lịch's");
    const host = excelHost({ run: wb.run });
    expect(await host.goToCell('Số liệu!C7')).toBe(true);
    expect([wb.active.name, wb.selection?.box]).toEqual(['Số liệu', { row: 6, col: 2, rows: 1, cols: 1 }]);
    expect(await host.goToCell("'Tổng hợp'!$B$2")).toBe(true);
    expect([wb.active.name, wb.selection?.box]).toEqual(['Tổng hợp', { row: 1, col: 1, rows: 1, cols: 1 }]);
    expect(await host.goToCell("'Lịch''s'!A1:B3")).toBe(true);
    expect([wb.active.name, wb.selection?.box]).toEqual(["Lịch's", { row: 0, col: 0, rows: 3, cols: 2 }]);
    expect(await host.goToCell('Không có!A1')).toBe(false);
    expect(await host.goToCell('Số liệu')).toBe(false);
    expect(await host.goToCell('Số liệu!tên')).toBe(false);
    expect(wb.active.name).toBe("Lịch's");
  });

  it('shows a written sheet by name', async () => {
    const wb = workbook();
    const host = excelHost({ run: wb.run });
    expect(await host.showSheet('Số liệu')).toBe(true);
    expect(wb.active.name).toBe('Số liệu');
    expect(await host.showSheet('Phụ lục 09')).toBe(false);
  });
});

describe('the pane’s settings, kept in the document', () => {
  it('loads nothing at first, then what was saved, under its own key', async () => {
    const settings = new FakeSettings();
    const host = excelHost({ run: new FakeWorkbook().run, settings });
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ lang: 'vi', method: 'priority' });
    expect(settings.saved.get(SETTINGS_KEY)).toEqual({ lang: 'vi', method: 'priority' });
    expect(await host.loadSettings()).toEqual({ lang: 'vi', method: 'priority' });
  });

  it('says so in both languages when the document cannot save them', async () => {
    const settings = new FakeSettings();
    settings.failNextSave = 'The document is read-only.';
    const host = excelHost({ run: new FakeWorkbook().run, settings });
    await expect(host.saveSettings({ lang: 'en' })).rejects.toMatchObject({
      code: 'settings',
      vi: 'Không lưu được cài đặt vào sổ tính (mã lỗi 5001): The document is read-only.',
      en: 'Could not save the settings in the workbook (error code 5001): The document is read-only.',
    });
  });

  it('gives the rows hidden by hand and those hidden by the autofilter apart, with one more sync only when some are hidden', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Số liệu');
    sheet.setCells('A1', [['Danh sách'], ['STT', 'Xã, phường', 'Khai sinh'], [1, 'Xã A', 1], [2, 'Xã B', 2], [3, 'Xã C', 3], [4, 'Xã D', 4]]);
    wb.select('Số liệu', 'A1');
    const plain = await excelHost({ run: wb.run }).readSources();
    expect(plain[0].grid.hiddenRows).toBeUndefined();
    expect(wb.syncs).toBe(2);
    // A1 hidden by hand; the filter over A2:C6 hides rows 4 and 6 (0-based 3 and 5).
    sheet.autoFilter = { box: { row: 1, col: 0, rows: 5, cols: 3 }, filtered: true };
    for (const r of [0, 3, 5]) sheet.hiddenRows.add(r);
    const syncs = wb.syncs;
    const [source] = await excelHost({ run: wb.run }).readSources();
    expect(wb.syncs - syncs).toBe(3);
    expect(source.grid).toMatchObject({ firstRow: 1, hiddenRows: [0], filteredRows: [3, 5] });
    const table = readUnits(source.grid);
    expect(table.units).toHaveLength(4);
    expect(table.problems.map((p) => [p.code, p.cell])).toEqual([['filtered-rows', 'Số liệu!B4']]);
    expect(table.problems[0].vi).toContain('Dòng 4, 6 bị bộ lọc ẩn («Xã B», «Xã D»)');
    // A filter that filters nothing any more: its rows hidden by hand are hidden by hand.
    sheet.autoFilter = { box: { row: 1, col: 0, rows: 5, cols: 3 }, filtered: false };
    const [again] = await excelHost({ run: wb.run }).readSources();
    expect(again.grid).toMatchObject({ hiddenRows: [0, 3, 5] });
    expect(again.grid.filteredRows).toBeUndefined();
  });
});

