import { planStages } from '../../src/planning/stage-plan';
import { defaultSettings } from '../../src/planning/settings';
import { stagesWindow } from '../../src/planning/stages';
import { FormulaValue, ModelValue, SheetModel } from '../../src/sheets/model';
import { planId } from '../../src/sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../../src/sheets/forms/options';
import { colsOf, progressCells } from '../../src/sheets/forms/progress-report';
import { cell } from '../../src/sheets/forms/refs';
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
  const options: FormOptions = { lang, issuer: '', planId: planId(plan), revision: 1, names };
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

  test('Phụ lục 02 has one row per unit and register, and a block of input columns per stage, named in the band', () => {
    expect(P).toBe(4); // weeks of 3/3, 10/3, 17/3, 24/3
    // Xã A: books, births, deaths; Xã C: books, births; Xã B: books, births (grouped by district).
    const labels = progress.rows.slice(9).map((r) => [r.values[1], r.values[2]]);
    expect(labels).toEqual([
      ['Xã A', 'Tất cả'], ['Xã A', 'Khai sinh'], ['Xã A', 'Khai tử'], ['Xã C', 'Tất cả'], ['Xã C', 'Khai sinh'], ['Xã B', 'Tất cả'], ['Xã B', 'Khai sinh'],
    ]);
    const band = progress.rows[6].values;
    expect(layout.stages.map((c) => band[c.actual0])).toEqual([
      'Thu thập, phân loại sổ (quyển): Số đã thực hiện (nhập)', 'Quét sổ: Số đã thực hiện (nhập)', 'Nhập liệu: Số đã thực hiện (nhập)', 'Phê duyệt: Số đã thực hiện (nhập)',
    ]);
    expect(layout.stages.map((c) => c.actual0)).toEqual([3, 7, 11, 15]);
    // Each input block is whole-number validated as one range, and named for automation.
    expect(progress.validations?.[0].range).toBe('D10:S16');
  });

  test('each stage row has its own actual cells (the JSON contract) and the books row has only the books block', () => {
    const births = plan.rows.flatMap((r, i) => (r.register === 'KS' && plan.units[r.unitIndex].name === 'Xã A' ? [i] : []));
    expect(births.map((i) => plan.rows[i].stage)).toEqual([1, 2, 3]);
    const cells = births.map((i) => progressCells(layout, i).actualCells[0]);
    expect(cells).toEqual(["'Phụ lục 02 - Báo cáo tiến độ'!H11", "'Phụ lục 02 - Báo cáo tiến độ'!L11", "'Phụ lục 02 - Báo cáo tiến độ'!P11"]);
    const booksLine = progress.rows[9];
    expect(booksLine.values[layout.stages[0].need]).toBe(12);
    expect(booksLine.values[layout.stages[1].need]).toBeUndefined();
    expect(booksLine.cellStyles?.[layout.stages[1].actual0]).toBe('none'); // shaded, locked: nothing to type there
  });

  test('tracking per stage: the expected count runs over the stage window only', () => {
    const approve = plan.rows.findIndex((r) => r.stage === 3 && r.register === 'KS' && plan.units[r.unitIndex].name === 'Xã A');
    const c = colsOf(layout, approve);
    const row = progress.rows[layout.rowOf[approve] - 1].values;
    expect(row[c.need]).toBe(1000);
    expect(formula(row[c.done]).formula).toBe('SUM(P11:S11)');
    // Approval's window starts with the plan, so its fraction of week 1 is the working days gone over 5.
    expect(formula(progress.rows[8].values[c.target0]).formula).toBe('MEDIAN(0,1,($C$5-0)/5)');
    // Collect's window is week 1 only: weeks 2–4 have none of its working days.
    expect(formula(progress.rows[8].values[layout.stages[0].target0 + 1]).formula).toMatch(/^IF\(\$C\$4>=/);
  });

  test('an actual ahead of the stage before it is shaded by a conditional format, for every stage with a predecessor', () => {
    const ahead = (progress.conditional ?? []).filter((f) => f.style === 'ahead');
    expect(ahead.map((f) => f.range)).toEqual(['L10:O16', 'P10:S16']);
    expect(ahead[0].formula).toBe('AND(L10<>"",SUM($L10:L10)>SUM($H10:H10))');
  });

  test('Phụ lục 01 names each row\'s stage and adds up the final stage in its subtotals', () => {
    const quota = sheet('quota');
    expect(quota.rows[7].values.slice(0, 5)).toEqual(['STT', 'Đơn vị', 'Loại sổ', 'Giai đoạn', 'Số cần số hóa']);
    const total = quota.rows[quota.rows.length - 1].values;
    expect(total[3]).toBe('Σ Phê duyệt');
    expect(formula(total[4])).toEqual({ formula: 'SUMIFS(E9:E25,$D9:$D25,"Phê duyệt")', result: 2800 });
  });

  test('the roll-up ranks by the final stage and shows % per stage and the stage each unit is in', () => {
    const rollup = sheet('rollup');
    const header = rollup.rows[4].values;
    expect(header.slice(10, 15)).toEqual(['% Thu thập, phân loại sổ', '% Quét sổ', '% Nhập liệu', '% Phê duyệt', 'Đang ở giai đoạn']);
    const xaA = rollup.rows.find((r) => r.values[1] === 'Xã A')!.values;
    expect(formula(xaA[2])).toMatchObject({ result: 1400 }); // need: approval's records
    const now = formula(xaA[14]).formula;
    expect(now).toContain('"Hoàn thành"');
    expect(now).toContain('"Chưa bắt đầu"');
    expect(now).toContain('"Đang quét"');
    expect(now).toContain('"Đã xong các bước trước, chờ phê duyệt"');
    // The chart's table moved right of the new columns, and plans the final stage only.
    expect(rollup.charts?.[0].from.col).toBe(16);
  });

  test('Lịch stores the stages, and the workbook reads back as the same plan with each stage\'s actuals', () => {
    const settings = readPlanSettings(gridOfModel(sheet('calendar'))).plan!.settings;
    expect(settings.stages).toEqual(plan.settings.stages);
    const sheets = sheetsOf(forms, options);
    const scan = plan.rows.findIndex((r) => r.stage === 1 && r.register === 'KS' && plan.units[r.unitIndex].name === 'Xã C');
    const entry = plan.rows.findIndex((r) => r.stage === 2 && r.register === 'KS' && plan.units[r.unitIndex].name === 'Xã C');
    const sheetRow = layout.rowOf[scan];
    put(sheets.progress, cell(colsOf(layout, scan).actual0, sheetRow), 300);
    put(sheets.progress, cell(colsOf(layout, entry).actual0 + 1, sheetRow), 120);
    const book = readSheets(sheets);
    expect(book.plan.settings.stages).toEqual(plan.settings.stages);
    expect(book.actuals[scan * P]).toBe(300);
    expect(book.actuals[entry * P + 1]).toBe(120);
    expect(book.actuals.filter((a) => a !== null)).toHaveLength(2);
    expect(book.actualCell(entry, 1)).toBe(`Phụ lục 02 - Báo cáo tiến độ!${cell(colsOf(layout, entry).actual0 + 1, sheetRow)}`);
  });
});
