import { excelHost } from '../../../src/hosts/office/excel-host';
import { readPlanWorkbook } from '../../../src/sheets/read-plan-workbook';
import { FakeWorkbook } from './fake-excel';
import { monthlyForms } from './forms';
import { cell } from '../../../src/sheets/forms/refs';

const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';

/** People's sheet, then the forms of a monthly plan for 20 communes, as the pane writes them. */
async function withForms(): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook();
  wb.addSheet('Số liệu').setCells('A1', [['Đơn vị', 'KS']]);
  await excelHost({ run: wb.run }).writeForms(monthlyForms(20).sheets, [], () => {});
  return wb;
}

describe('reading the plan back from the open workbook', () => {
  it('finds the forms by their markers and reads each from A1, in a few syncs, for readPlanWorkbook', async () => {
    const wb = await withForms();
    const { progress: layout } = monthlyForms(20);
    const box = cell(layout.stages[0].actual[0], layout.lineRow[0]);
    wb.sheet(PROGRESS).setCells(box, [[7]]);
    const before = wb.syncs;
    const found = await excelHost({ run: wb.run }).readPlanSheets();
    if (found.sheets === null) throw new Error(JSON.stringify(found.problems));
    // The sheets and their names, the used ranges, then one read per form (each under 50,000 cells).
    expect(wb.syncs - before).toBe(3 + 5);
    expect(found.others).toEqual(['Số liệu']);
    expect(found.sheets.names).toEqual({
      quota: 'Phụ lục 01 - Giao chỉ tiêu', progress: PROGRESS, report: 'Báo cáo định kỳ', rollup: 'Tổng hợp', calendar: 'Lịch', units: 'Đơn vị đã đọc', history: 'Lịch sử kế hoạch',
    });
    const { progress, calendar } = found.sheets;
    expect([progress.sheet, progress.firstRow ?? 1, progress.firstCol ?? 1]).toEqual([PROGRESS, 1, 1]);
    expect(progress.rows[layout.lineRow[0] - 1][layout.stages[0].actual[0]]).toBe(7);
    expect(calendar.rows.find((r) => r[0] === 'revision')?.[2]).toBe(1);
    const book = readPlanWorkbook(found.sheets);
    expect(book.plan && [book.planId, book.actuals.filter((a) => a !== null)]).toEqual([found.sheets.planId, [7]]);
  });

  it('takes the first sheet of a kind for the form (a copy is someone’s), and refuses forms of two plans', async () => {
    const wb = await withForms();
    const copy = wb.addSheet('Lịch (bản sao)');
    copy.names.push({ ...wb.sheet('Lịch').names.find((n) => n.name === 'QuotaPlanner.Form')! });
    const found = await excelHost({ run: wb.run }).readPlanSheets();
    expect(found.sheets && found.others).toEqual(['Số liệu', 'Lịch (bản sao)']);

    wb.sheet('Tổng hợp').names.find((n) => n.name === 'QuotaPlanner.Form')!.formula = '="quota-planner/rollup/0badcafe"';
    const refused = await excelHost({ run: wb.run }).readPlanSheets();
    expect(refused.sheets === null && refused.problems.map((p) => [p.code, p.cell, p.en])).toEqual([
      ['not-a-plan-book', null, expect.stringMatching(/^The open workbook is not a plan workbook: it holds forms of 2 different plans \(\w{8}, 0badcafe\)/)],
    ]);
  });
});
