import { documentSettings } from '../../src/sheets/document-settings';
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { main } from '../../src/cli/main';
import { parseDate } from '../../src/planning/days';
import { Plan, planUnits } from '../../src/planning/plan';
import { PlanSettings, defaultSettings } from '../../src/planning/settings';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { gridOf } from '../../src/xlsx/read-grid';
import { FormKind, planId } from '../../src/sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../../src/sheets/forms/options';
import { progressCells } from '../../src/sheets/forms/progress-layout';
import { Lang } from '../../src/sheets/forms/text';
import { planForms } from '../../src/sheets/forms/workbook';
import { Grid } from '../../src/sheets/grid';
import { PlanWorkbook, PlanWorkbookSheets, readPlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { typeCell } from '../helpers/type-cell';
import { tempDir } from '../helpers/tmp';
import { unit } from '../helpers/units';
import { writeTwoDistricts } from '../helpers/xlsx-sample';
import { gridOfModel, put } from '../helpers/grids';

const d = (s: string): number => parseDate(s)!;

/** Two districts, three communes, one with two registers; June 2024 by week. */
const THREE_COMMUNES = [
  unit('Xã A', { KS: 1000, KT: 400 }, { parent: 'Huyện X', row: 5 }),
  unit('Xã B', { KS: 600 }, { parent: 'Huyện Y', row: 6 }),
  unit('Xã C', { KS: 800 }, { parent: 'Huyện X', row: 7, machines: 2 }),
];

function planned(lang: Lang = 'vi', over: Partial<PlanSettings> = {}, units = THREE_COMMUNES) {
  const settings: PlanSettings = { ...defaultSettings(d('2024-06-03'), d('2024-06-28')), granularity: 'week', ...over };
  const plan = planUnits(units, ['KS', 'KT'], settings);
  const options: FormOptions = { lang, document: documentSettings(), planId: planId(plan), revision: 1, names: defaultFormNames(lang) };
  const forms = planForms(plan, { units, registers: ['KS', 'KT'] }, options);
  const grid = (kind: FormKind): Grid => gridOfModel(forms.sheets.find((s) => s.name === options.names[kind])!);
  const sheets: PlanWorkbookSheets = {
    calendar: grid('calendar'), units: grid('units'), progress: grid('progress'), names: options.names, planId: options.planId,
  };
  return { plan, forms, sheets };
}

const rowIndex = (plan: Plan, name: string, register: string): number =>
  plan.rows.findIndex((r) => plan.units[r.unitIndex].name === name && r.register === register);

function ok(result: ReturnType<typeof readPlanWorkbook>): PlanWorkbook {
  if (result.plan === null) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result as PlanWorkbook;
}

describe('readPlanWorkbook', () => {
  it('rebuilds the plan the forms were made from, and reads the typed actuals by row and period', () => {
    const { plan, forms, sheets } = planned();
    const P = plan.periods.length;
    expect(P).toBe(4);
    const a = rowIndex(plan, 'Xã A', 'KT');
    const c = rowIndex(plan, 'Xã C', 'KS');
    put(sheets.progress, progressCells(forms.progress, a).actualCells[0], 100);
    put(sheets.progress, progressCells(forms.progress, a).actualCells[1], 0);
    put(sheets.progress, progressCells(forms.progress, c).actualCells[3], 250);
    put(sheets.progress, progressCells(forms.progress, c).actualCells[2], '  '); // blank text is blank

    const back = ok(readPlanWorkbook(sheets));
    expect(back.problems).toEqual([]);
    expect(back.revision).toBe(1);
    expect(planId(back.plan)).toBe(planId(plan));
    expect(Array.from(back.plan.targets)).toEqual(Array.from(plan.targets));
    expect(back.plan.rows.map((r) => [r.register, r.remaining])).toEqual(plan.rows.map((r) => [r.register, r.remaining]));
    // The units form shows Xã B's missing KT as 0; the plan never had that row, and the rebuilt one has none either.
    expect(rowIndex(back.plan, 'Xã B', 'KT')).toBe(-1);
    const expected: (number | null)[] = new Array(plan.rows.length * P).fill(null);
    expected[a * P + 0] = 100;
    expected[a * P + 1] = 0;
    expected[c * P + 3] = 250;
    expect(back.actuals).toEqual(expected);
  });

  it('reads forms written in English too (the layout does not depend on the language)', () => {
    const { plan, forms, sheets } = planned('en');
    const b = rowIndex(plan, 'Xã B', 'KS');
    put(sheets.progress, progressCells(forms.progress, b).actualCells[1], 42);
    for (const lang of ['en', undefined] as const) {
      const back = ok(readPlanWorkbook(sheets, lang));
      expect(back.actuals[b * plan.periods.length + 1]).toBe(42);
    }
    // Told the forms are Vietnamese, the English register labels do not match.
    expect(readPlanWorkbook(sheets, 'vi').problems[0].code).toBe('progress-row-moved');
  });

  it('refuses an actual that is not a whole number ≥ 0, naming its cell, and reports every one', () => {
    const { plan, forms, sheets } = planned();
    const cells = progressCells(forms.progress, rowIndex(plan, 'Xã B', 'KS')).actualCells;
    put(sheets.progress, cells[0], 'một trăm');
    put(sheets.progress, cells[1], -5);
    put(sheets.progress, cells[2], 2.5);
    put(sheets.progress, cells[3], { error: '#REF!' });
    const result = readPlanWorkbook(sheets);
    expect(result.plan).toBeNull();
    expect(result.problems.map((p) => [p.code, p.cell, p.unit])).toEqual(
      cells.map((ref) => ['bad-actual', ref!.replace(/^'(.*)'!/, '$1!'), 'Xã B']),
    );
    expect(result.problems[0].cell).toMatch(/^Phụ lục 02 - Báo cáo tiến độ![E-K]\d+$/);
    expect(result.problems[0].vi).toContain('«một trăm»');
    expect(result.problems[3].en).toContain('#REF!');
  });

  it('refuses rows that were moved, naming the cell that does not match', () => {
    const { sheets, forms } = planned();
    const rows = sheets.progress.rows;
    const [a, b] = forms.progress.lineRow; // Xã A's births and deaths, under Huyện X's heading
    [rows[a - 1], rows[b - 1]] = [rows[b - 1], rows[a - 1]];
    const result = readPlanWorkbook(sheets);
    expect(result.plan).toBeNull();
    expect(result.problems[0]).toMatchObject({ code: 'progress-row-moved', cell: `Phụ lục 02 - Báo cáo tiến độ!C${a}` });
  });

  it('tells two units of one name apart by the code the forms show, so their swapped rows are refused too', () => {
    const dongKhe = [
      unit('Xã Đông Khê', { KS: 20, KT: 5 }, { parent: 'Thành phố Thanh Hóa', row: 3, code: '16387' }),
      unit('Xã Đông Khê', { KS: 30, KT: 7 }, { parent: 'Thành phố Thanh Hóa', row: 4, code: '16408' }),
    ];
    expect(ok(readPlanWorkbook(planned('vi', {}, dongKhe).sheets)).plan.units.map((u) => u.code)).toEqual(['16387', '16408']);
    const { sheets, forms } = planned('vi', {}, dongKhe);
    const rows = sheets.progress.rows;
    const [a, , b] = forms.progress.lineRow; // the two units' births rows
    [rows[a - 1], rows[b - 1]] = [rows[b - 1], rows[a - 1]];
    const result = readPlanWorkbook(sheets);
    expect(result.plan).toBeNull();
    expect(result.problems[0]).toMatchObject({ code: 'progress-row-moved', cell: `Phụ lục 02 - Báo cáo tiến độ!B${a}` });
  });

  it('refuses a row deleted, and a row added below the plan’s', () => {
    const { sheets: deleted, forms } = planned();
    deleted.progress.rows.splice(forms.progress.lineRow[1] - 1, 1);
    const r1 = readPlanWorkbook(deleted);
    expect(r1.plan).toBeNull();
    expect(r1.problems.map((p) => p.code)).toContain('progress-row-moved');

    const added = planned().sheets;
    const total = forms.progress.totalRow;
    added.progress.rows.splice(total - 1, 0, [null, 'Xã D']); // a row inserted above the total
    const r2 = readPlanWorkbook(added);
    expect(r2.plan).toBeNull();
    expect(r2.problems).toEqual([expect.objectContaining({ code: 'progress-extra-row', cell: `Phụ lục 02 - Báo cáo tiến độ!B${total}` })]);
  });

  it('refuses when the Lịch settings no longer make the plan the forms carry (an end date edited)', () => {
    const { sheets } = planned();
    const end = sheets.calendar.rows.findIndex((r) => r[0] === 'end');
    sheets.calendar.rows[end][2] = { date: d('2024-07-31') };
    const result = readPlanWorkbook(sheets);
    expect(result.plan).toBeNull();
    expect(result.problems).toHaveLength(1);
    const planIdRow = sheets.calendar.rows.findIndex((r) => r[0] === 'planId') + 1;
    expect(result.problems[0]).toMatchObject({ code: 'plan-id-mismatch', cell: `${sheets.calendar.sheet}!C${planIdRow}` });
  });

  it('refuses when a unit’s count was edited on the units form', () => {
    const { sheets } = planned();
    const xaB = sheets.units.rows.findIndex((r) => r[1] === 'Xã B');
    const ks = sheets.units.rows[0].indexOf('Khai sinh');
    sheets.units.rows[xaB][ks] = 700;
    expect(readPlanWorkbook(sheets).problems.map((p) => p.code)).toEqual(['plan-id-mismatch']);
  });

  it('passes on the settings reader’s refusals', () => {
    const { sheets } = planned();
    sheets.calendar.rows = sheets.calendar.rows.filter((r) => r[0] !== 'rate');
    const result = readPlanWorkbook(sheets);
    expect(result.plan).toBeNull();
    expect(result.problems.map((p) => p.code)).toEqual(['missing-setting']);
  });
});

describe('readPlanWorkbook through a real file', () => {
  jest.setTimeout(60_000);
  const tmp = tempDir('quota-plan-read-');
  afterAll(() => tmp.cleanup());

  it('reads back what `quota-plan plan` wrote and a commune typed', async () => {
    const input = tmp.file('input.xlsx');
    await writeTwoDistricts(input);
    const out = tmp.file('forms.xlsx');
    const json = tmp.file('plan.json');
    const err: string[] = [];
    const code = await main(['plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', out, '--json', json],
      () => undefined, (s) => err.push(s));
    expect(err.join('\n')).not.toContain('LỖI');
    expect(code).toBe(0);
    const plan: { rows: { unit: string; register: string; actualCells: string[] }[] } = JSON.parse(readFileSync(json, 'utf8'));

    // The markers say which sheet is which, and the plan's id.
    const found = await existingSheets(out);
    const names = {} as Record<FormKind, string>;
    let id = '';
    for (const s of found) {
      if (!s.marker) continue;
      names[s.marker.kind] = s.name;
      id = s.marker.planId;
    }
    const progressNumber = found.findIndex((s) => s.name === names.progress) + 1;

    const cellOf = (unitName: string, register: string, k: number): string =>
      plan.rows.find((r) => r.unit === unitName && r.register === register)!.actualCells[k].replace(/^.*!/, '');
    await typeCell(out, progressNumber, cellOf('Xã A', 'KS', 0), '<v>300</v>');
    await typeCell(out, progressNumber, cellOf('Xã A', 'KH', 1), '<f>30+20</f><v>50</v>');
    await typeCell(out, progressNumber, cellOf('Xã B', 'KS', 0), '<v>0</v>');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const grid = (kind: FormKind): Grid => gridOf(book.getWorksheet(names[kind])!);
    const back = ok(readPlanWorkbook({ calendar: grid('calendar'), units: grid('units'), progress: grid('progress'), names, planId: id }));
    expect(planId(back.plan)).toBe(id);
    const P = back.plan.periods.length;
    const at = (u: string, reg: string, k: number): number | null => back.actuals[rowIndex(back.plan, u, reg) * P + k];
    expect(at('Xã A', 'KS', 0)).toBe(300);
    expect(at('Xã A', 'KH', 1)).toBe(50);
    expect(at('Xã B', 'KS', 0)).toBe(0);
    expect(back.actuals.filter((v) => v !== null)).toHaveLength(3);

    // A fraction typed as an actual is refused, naming its cell.
    await typeCell(out, progressNumber, cellOf('Xã C', 'KS', 2), '<v>2.5</v>');
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(out);
    const g = (kind: FormKind): Grid => gridOf(again.getWorksheet(names[kind])!);
    const refused = readPlanWorkbook({ calendar: g('calendar'), units: g('units'), progress: g('progress'), names, planId: id });
    expect(refused.plan).toBeNull();
    expect(refused.problems.map((p) => p.cell)).toEqual([`${names.progress}!${cellOf('Xã C', 'KS', 2)}`]);
  });
});
