import { excelHost } from '../../../src/hosts/office/excel-host';
import { FakeWorkbook } from './fake-excel';
import { monthlyForms } from './forms';
import { cell } from '../../../src/sheets/forms/refs';

const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';

/** The box of period k on line n of the progress report (its A1 address). */
let box: (n: number, k: number) => string;

async function withForms(extraSheets = 0): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook();
  wb.addSheet('Số liệu').setCells('A1', [['Đơn vị', 'KS']]);
  for (let i = 1; i <= extraSheets; i++) wb.addSheet(`Ghi chú ${i}`).setCells('A1', [[i]]);
  const { sheets, progress } = monthlyForms(20);
  box = (n, k) => cell(progress.stages[0].actual[k], progress.lineRow[n]);
  await excelHost({ run: wb.run }).writeForms(sheets, [], () => {});
  return wb;
}

describe('finding the generated sheets already in the workbook', () => {
  it('finds each form by its hidden marker, and no typed actual in fresh forms', async () => {
    const wb = await withForms();
    const existing = await excelHost({ run: wb.run }).existingSheets();
    expect(existing.map((s) => [s.name, s.marker?.kind ?? null, s.typedActual])).toEqual([
      ['Số liệu', null, null],
      ['Phụ lục 01 - Giao chỉ tiêu', 'quota', null],
      [PROGRESS, 'progress', null],
      ['Báo cáo định kỳ', 'report', null],
      ['Tổng hợp', 'rollup', null],
      ['Lịch', 'calendar', null],
      ['Đơn vị đã đọc', 'units', null],
      ['Lịch sử kế hoạch', 'history', null],
    ]);
  });

  it('finds the first actual typed in a progress report, a value or a formula, in reading order, even in a renamed sheet', async () => {
    const wb = await withForms();
    const progress = wb.sheet(PROGRESS);
    progress.setCells(box(3, 0), [[120]]);
    progress.setCells(box(1, 4), [['=D12*2']]);
    progress.setCells(box(1, 6), [[7]]);
    progress.name = 'Báo cáo tháng';
    const existing = await excelHost({ run: wb.run }).existingSheets();
    expect(existing.find((s) => s.marker?.kind === 'progress')).toEqual({
      name: 'Báo cáo tháng', marker: { kind: 'progress', planId: expect.stringMatching(/^[0-9a-f]{8}$/) }, typedActual: `Báo cáo tháng!${box(1, 4)}`, kept: false,
    });
    // The targets beside the boxes, and the subtotals' figures, are not typed actuals.
    expect((await excelHost({ run: (await withForms()).run }).existingSheets()).every((s) => s.typedActual === null)).toBe(true);
  });

  it('takes the same few syncs with 7 sheets or 37', async () => {
    const small = await withForms();
    small.sheet(PROGRESS).setCells(box(0, 0), [[1]]);
    const large = await withForms(30);
    large.sheet(PROGRESS).setCells(box(0, 0), [[1]]);
    const before = [small.syncs, large.syncs];
    expect((await excelHost({ run: small.run }).existingSheets()).find((s) => s.typedActual)?.typedActual).toBe(`${PROGRESS}!${box(0, 0)}`);
    expect((await excelHost({ run: large.run }).existingSheets()).find((s) => s.typedActual)?.typedActual).toBe(`${PROGRESS}!${box(0, 0)}`);
    expect(small.syncs - before[0]).toBe(4);
    expect(large.syncs - before[1]).toBe(4);
  });

  it('does not take a sheet people made for a form, whatever its names say', async () => {
    const wb = new FakeWorkbook();
    const theirs = wb.addSheet('Phụ lục 01 - Giao chỉ tiêu');
    theirs.names.push({ name: 'QuotaPlanner.Form', formula: '="kế hoạch của tôi"', visible: true });
    theirs.names.push({ name: 'QuotaPlanner.Actuals', formula: "='Phụ lục 01 - Giao chỉ tiêu'!$A$1:$B$2", visible: true });
    theirs.setCells('A1', [[5]]);
    expect(await excelHost({ run: wb.run }).existingSheets()).toEqual([{ name: 'Phụ lục 01 - Giao chỉ tiêu', marker: null, typedActual: null, kept: false }]);
    expect(wb.syncs).toBe(2);
  });
});
