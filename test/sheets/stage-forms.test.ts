import { planStages } from '../../src/planning/stage-plan';
import { defaultSettings } from '../../src/planning/settings';
import { stagesWindow } from '../../src/planning/stages';
import { FormulaValue, ModelValue, SheetModel } from '../../src/sheets/model';
import { planId } from '../../src/sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../../src/sheets/forms/options';
import { documentSettings } from '../../src/sheets/document-settings';
import { colsOf, progressCells } from '../../src/sheets/forms/progress-layout';
import { absCell, cell } from '../../src/sheets/forms/refs';
import { fitsAcross } from '../../src/sheets/forms/pages';
import { planForms } from '../../src/sheets/forms/workbook';
import { readPlanSettings } from '../../src/sheets/read-plan-settings';
import { gridOfModel, put, readSheets, sheetsOf } from '../helpers/grids';
import { stagesOf } from '../helpers/stages';
import { unit } from '../helpers/units';

const formula = (v: ModelValue | undefined): FormulaValue => v as FormulaValue;


/** Two districts, three communes; books collected first, then scan, entry and approval two days after entry. */
function staged(lang: 'vi' | 'en' = 'vi') {
  const stages = stagesOf('collect:2025-03-03..2025-03-07,scan:..2025-03-14,entry:..2025-03-21,approve:..2025-03-28+2');
  const units = [
    { ...unit('Xã A', { KS: 1000, KT: 400 }, { parent: 'Huyện X', row: 5 }), books: 12 },
    { ...unit('Xã B', { KS: 600 }, { parent: 'Huyện Y', row: 6 }), books: 5 },
    { ...unit('Xã C', { KS: 800 }, { parent: 'Huyện X', row: 7, machines: 2 }), books: 8 },
  ];
  const { start, end } = stagesWindow(stages);
  const plan = planStages(units, ['KS', 'KT'], { ...defaultSettings(start, end), granularity: 'week', stages });
  const names = defaultFormNames(lang);
  const options: FormOptions = { lang, document: documentSettings(), planId: planId(plan), revision: 1, names };
  const forms = planForms(plan, { units, registers: ['KS', 'KT'] }, options);
  const sheet = (kind: keyof typeof names): SheetModel => forms.sheets.find((s) => s.name === names[kind])!;
  return { plan, units, options, forms, sheet, stages };
}

type Staged = ReturnType<typeof staged>;

describe('forms of a plan with stages', () => {
  // Planned in each test, so that mutation testing knows which tests run the planner.
  let plan: Staged['plan'];
  let forms: Staged['forms'];
  let sheet: Staged['sheet'];
  let options: Staged['options'];
  let layout: Staged['forms']['progress'];
  let P: number;
  let progress: SheetModel;
  beforeEach(() => {
    ({ plan, forms, sheet, options } = staged());
    layout = forms.progress;
    P = plan.periods.length;
    progress = sheet('progress');
  });
  const lineRow = (n: number): ModelValue[] => progress.rows[layout.lineRow[n] - 1].values;

  test('Phụ lục 02 has one row per unit and register, and a block per stage with a box only where the stage works', () => {
    expect(P).toBe(4); // weeks of 3/3, 10/3, 17/3, 24/3
    // Xã A: books, births, deaths; Xã C: books, births; Xã B: books, births (grouped by district).
    const labels = Array.from(layout.lineRow, (_, n) => [lineRow(n)[1], lineRow(n)[2]]);
    expect(labels).toEqual([
      ['Xã A', 'Tất cả'], ['Xã A', 'Khai sinh'], ['Xã A', 'Khai tử'], ['Xã C', 'Tất cả'], ['Xã C', 'Khai sinh'], ['Xã B', 'Tất cả'], ['Xã B', 'Khai sinh'],
    ]);
    // Collecting ends on 7/3 (week 1), scanning on 14/3, entry on 21/3, approval on 28/3: one to four weeks of boxes.
    expect(layout.stages.map((c) => Array.from(c.actual).filter((x) => x >= 0).length)).toEqual([1, 2, 3, 4]);
    const band = progress.rows[9].values;
    expect(layout.stages.map((c) => band[c.first])).toEqual([
      // A block of one period is too narrow for the words: the stage alone.
      'Thu thập, phân loại sổ (quyển)', 'Quét sổ: Chỉ tiêu và số đã thực hiện theo kỳ',
      'Nhập liệu: Chỉ tiêu và số đã thực hiện theo kỳ', 'Phê duyệt: Chỉ tiêu và số đã thực hiện theo kỳ',
    ]);
    // Each stage's block starts a page of its own.
    expect(progress.page!.colBreaks).toEqual(expect.arrayContaining(layout.stages.slice(1).map((c) => c.first)));
    expect(progress.page!.printTitleCols).toEqual([0, 2]);
  });

  test('each stage row has its own boxes (the JSON contract) and the books row has only the books block', () => {
    const births = plan.rows.flatMap((r, i) => (r.register === 'KS' && plan.units[r.unitIndex].name === 'Xã A' ? [i] : []));
    expect(births.map((i) => plan.rows[i].stage)).toEqual([1, 2, 3]);
    const r = layout.rowOf[births[0]];
    const cells = births.map((i) => progressCells(layout, i).actualCells[0]);
    expect(cells).toEqual(births.map((i) => `'Phụ lục 02 - Báo cáo tiến độ'!${cell(colsOf(layout, i).actual[0], r)}`));
    // Approval's week 4 has a box; scanning's week 3 has none (its window ended on 14/3).
    expect(progressCells(layout, births[0]).actualCells[2]).toBeNull();
    expect(progressCells(layout, births[2]).actualCells[3]).not.toBeNull();
    const books = lineRow(0);
    expect(books[layout.stages[0].need]).toBe(12);
    expect(books[layout.stages[1].need]).toBeUndefined();
    expect(progress.rows[layout.lineRow[0] - 1].cellStyles?.[layout.stages[1].actual[0]]).toBe('none'); // shaded, locked
  });

  test('tracking per stage: the expected count runs over the stage window only', () => {
    const approve = plan.rows.findIndex((r) => r.stage === 3 && r.register === 'KS' && plan.units[r.unitIndex].name === 'Xã A');
    const c = colsOf(layout, approve);
    const r = layout.rowOf[approve];
    const row = progress.rows[r - 1].values;
    expect(row[c.need]).toBe(1000);
    expect(formula(row[c.done]).formula).toBe(`SUMIF(${absCell(c.first, 15)}:${absCell(c.last, 15)},">0",${cell(c.first, r)}:${cell(c.last, r)})`);
    // Approval's window starts with the plan, so its fraction of week 1 is the working days gone over 5.
    expect(formula(progress.rows[layout.fractionRow - 1].values[c.target[0]]).formula).toBe('MEDIAN(0,1,($C$8-0)/5)');
  });

  test('an actual ahead of the stage before it is shaded, periods matched by their start in the hidden key row', () => {
    const ahead = (progress.conditional ?? []).filter((f) => f.style === 'ahead');
    const [scan, entry] = [layout.stages[1], layout.stages[2]];
    expect(ahead.map((f) => f.range)).toEqual([2, 3].map((s) => `${cell(layout.stages[s].first, layout.firstRow)}:${cell(layout.stages[s].last, layout.lastRow)}`));
    const here = cell(entry.first, layout.firstRow);
    const key = `${cell(entry.first, 15).replace(/\d+$/, '')}$15`;
    const cumulative = (c: typeof scan): string =>
      `SUMIF(${absCell(c.first, 15)}:${absCell(c.last, 15)},"<="&${key},$${cell(c.first, layout.firstRow)}:$${cell(c.last, layout.firstRow)})`;
    expect(ahead[0].formula).toBe(`AND(${key}<>"",${here}<>"",${cumulative(entry)}>${cumulative(scan)})`);
  });

  test('Phụ lục 01 names each row\'s stage and adds up the final stage in its subtotals', () => {
    const quota = sheet('quota');
    const header = quota.rows.find((r) => r.values[0] === 'STT')!;
    expect(header.values.slice(0, 5)).toEqual(['STT', 'Đơn vị', 'Loại sổ', 'Giai đoạn', 'Số cần số hóa']);
    const total = quota.rows.find((r) => r.values[1] === 'Tổng cộng')!.values;
    expect(total[3]).toBe('Σ Phê duyệt');
    expect(formula(total[4])).toEqual({ formula: 'SUMIFS(E10:E26,$D10:$D26,"Phê duyệt")', result: 2800 });
  });

  test('the roll-up ranks by the final stage and shows % per stage and the stage each unit is in', () => {
    const rollup = sheet('rollup');
    const header = rollup.rows.find((r) => r.values[2] === 'Số cần số hóa')!.values;
    expect(header.slice(10, 15)).toEqual(['% Thu thập, phân loại sổ', '% Quét sổ', '% Nhập liệu', '% Phê duyệt', 'Đang ở giai đoạn']);
    const xaA = rollup.rows.find((r) => r.values[1] === 'Xã A')!.values;
    expect(formula(xaA[2])).toMatchObject({ result: 1400 }); // need: approval's records
    const now = formula(xaA[14]).formula;
    expect(now).toContain('"Hoàn thành"');
    expect(now).toContain('"Chưa bắt đầu"');
    expect(now).toContain('"Đang quét"');
    expect(now).toContain('"Đã xong các bước trước, chờ phê duyệt"');
  });

  test('Lịch stores the stages, and the workbook reads back as the same plan with each stage\'s actuals', () => {
    const settings = readPlanSettings(gridOfModel(sheet('calendar'))).plan!.settings;
    expect(settings.stages).toEqual(plan.settings.stages);
    const sheets = sheetsOf(forms, options);
    const scan = plan.rows.findIndex((r) => r.stage === 1 && r.register === 'KS' && plan.units[r.unitIndex].name === 'Xã C');
    const entry = plan.rows.findIndex((r) => r.stage === 2 && r.register === 'KS' && plan.units[r.unitIndex].name === 'Xã C');
    const sheetRow = layout.rowOf[scan];
    put(sheets.progress, cell(colsOf(layout, scan).actual[0], sheetRow), 300);
    put(sheets.progress, cell(colsOf(layout, entry).actual[1], sheetRow), 120);
    const book = readSheets(sheets);
    expect(book.plan.settings.stages).toEqual(plan.settings.stages);
    expect(book.actuals[scan * P]).toBe(300);
    expect(book.actuals[entry * P + 1]).toBe(120);
    expect(book.actuals.filter((a) => a !== null)).toHaveLength(2);
    expect(book.actualCell(entry, 1)).toBe(`Phụ lục 02 - Báo cáo tiến độ!${cell(colsOf(layout, entry).actual[1], sheetRow)}`);
  });

  test('the periodic report prints on one page across, a stage’s long name wrapped on a taller row rather than the status pushed off the page', () => {
    const report = sheet('report');
    const widths = report.columns.map((c) => c.width);
    expect(fitsAcross(widths, 12, report.page!.landscape)).toBe(true);
    expect(report.page!.colBreaks ?? []).toEqual([]);
    const header = report.rows.find((r) => r.values.includes('Tình trạng'))!.values;
    expect(header.indexOf('Tình trạng')).toBe(widths.length - 1);
  });
});

test('a commune’s own report of a plan in stages is one landscape page when portrait cannot hold its columns', () => {
  const { units, stages } = staged();
  const one = [units[0]];
  const { start, end } = stagesWindow(stages);
  const plan = planStages(one, ['KS', 'KT'], { ...defaultSettings(start, end), granularity: 'week', stages });
  const names = defaultFormNames('vi');
  const forms = planForms(plan, { units: one, registers: ['KS', 'KT'] }, { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names, reportingUnit: 'Xã A' });
  const report = forms.sheets.find((s) => s.name === names.report)!;
  expect(report.page!.landscape).toBe(true);
  expect(fitsAcross(report.columns.map((c) => c.width), 12, true)).toBe(true);
});
