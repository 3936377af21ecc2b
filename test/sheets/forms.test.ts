import { parseDate } from '../../src/planning/days';
import { Plan, planUnits } from '../../src/planning/plan';
import { planJson } from '../../src/planning/plan-json';
import { PlanSettings, defaultSettings } from '../../src/planning/settings';
import { CellValue } from '../../src/sheets/grid';
import { FormulaValue, ModelValue, SheetModel, cellStyle } from '../../src/sheets/model';
import { SETTING_KEYS } from '../../src/sheets/forms/calendar-sheet';
import { formatMarker, parseMarker, planId } from '../../src/sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../../src/sheets/forms/options';
import { progressCells } from '../../src/sheets/forms/progress-report';
import { MAX_ROWS, builtSize, formsSize, planForms, sizeProblems } from '../../src/sheets/forms/workbook';
import { formsInto, isRefused } from '../../src/jobs/target';
import { planStages } from '../../src/planning/stage-plan';
import { stagedSettings, stagesOf } from '../helpers/stages';
import { placeForms } from '../../src/sheets/placement';
import { readPlanSettings } from '../../src/sheets/read-plan-settings';
import { readUnits } from '../../src/sheets/read-units';
import { unit } from '../helpers/units';

const d = (s: string): number => parseDate(s)!;

function settings(over: Partial<PlanSettings> = {}): PlanSettings {
  return { ...defaultSettings(d('2024-06-01'), d('2024-09-30')), ...over };
}

/** Two districts, three communes, one with two registers. */
function twoLevel(over: Partial<PlanSettings> = {}) {
  const units = [
    unit('Xã A', { KS: 1000, KT: 400 }, { parent: 'Huyện X', row: 5 }),
    unit('Xã B', { KS: 600 }, { parent: 'Huyện Y', row: 6 }),
    unit('Xã C', { KS: 800 }, { parent: 'Huyện X', row: 7, machines: 2 }),
  ];
  const plan = planUnits(units, ['KS', 'KT'], settings(over));
  const options: FormOptions = { lang: 'vi', issuer: 'UBND TỈNH Z', planId: planId(plan), revision: 1, names: defaultFormNames('vi') };
  return { plan, units, options, forms: planForms(plan, { units, registers: ['KS', 'KT'] }, options) };
}

type Built = ReturnType<typeof twoLevel>;
const sheet = (sheets: SheetModel[], name: string): SheetModel => sheets.find((s) => s.name === name)!;
const formula = (v: ModelValue | undefined): FormulaValue => v as FormulaValue;
const rowOf = (s: SheetModel, label: string, col = 1): number => s.rows.findIndex((r) => r.values[col] === label);

describe('Phụ lục 01 – quota assignment', () => {
  // Built in each test, so that mutation testing knows which tests run the planner.
  let plan: Plan;
  let forms: Built['forms'];
  let quota: SheetModel;
  beforeEach(() => {
    ({ plan, forms } = twoLevel());
    quota = sheet(forms.sheets, 'Phụ lục 01 - Giao chỉ tiêu');
  });

  it('groups units under their parents with SUBTOTALs whose cached results are the engine sums', () => {
    const names = quota.rows.slice(8).map((r) => r.values[1]);
    expect(names).toEqual(['Huyện X', 'Xã A', 'Xã A', 'Xã C', 'Huyện Y', 'Xã B', 'Tổng cộng']);
    const x = quota.rows[8];
    expect(x.values[0]).toBe('I');
    expect(formula(x.values[3])).toEqual({ formula: 'SUBTOTAL(9,D10:D12)', result: 2200 });
    const total = quota.rows[quota.rows.length - 1];
    expect(formula(total.values[3])).toEqual({ formula: 'SUBTOTAL(9,D9:D14)', result: 2800 });
    const perPeriod = total.values.slice(5, 9).map((v) => formula(v).result);
    expect(perPeriod.reduce((a, b) => (a as number) + (b as number), 0)).toBe(2800);
    expect(perPeriod).toEqual([700, 700, 700, 700]);
  });

  it('prints the issuer, the national motto and the plan window, on A4 landscape one page wide with the header repeated', () => {
    expect(quota.rows[0].values).toEqual(['UBND TỈNH Z', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(quota.rows[5].values[0]).toBe('Từ ngày 01/06/2024 đến ngày 30/09/2024; chia đều');
    expect(quota.page).toMatchObject({ landscape: true, fitToWidth: true, printTitleRows: [8, 8] });
    expect(quota.freeze).toEqual({ rows: 8, cols: 2 });
    expect(parseMarker(quota.marker)).toEqual({ kind: 'quota', planId: planId(plan) });
  });

  it('shows the daily quota and the unscheduled records only for the capacity method, with the warnings as notes', () => {
    const cap = twoLevel({ method: 'capacity', rate: 10, start: d('2024-06-03'), end: d('2024-06-28') });
    const q = sheet(cap.forms.sheets, 'Phụ lục 01 - Giao chỉ tiêu');
    const header = q.rows[7].values;
    expect(header.slice(0, 6)).toEqual(['STT', 'Đơn vị', 'Loại sổ', 'Số cần số hóa', 'Số máy', 'Chỉ tiêu/ngày']);
    expect(header.slice(-3)).toEqual(['Chưa xếp lịch', 'Ngày hoàn thành', 'Ghi chú']);
    const c = q.rows.find((r) => r.values[1] === 'Xã C')!;
    expect(c.values[5]).toBe(20); // 2 machines × 10
    expect(String(c.values[c.values.length - 1])).toContain('không thể hoàn thành');
    expect(quota.rows[7].values).not.toContain('Chỉ tiêu/ngày');
  });
});

describe('Phụ lục 02 – progress report', () => {
  let plan: Plan;
  let forms: Built['forms'];
  let progress: SheetModel;
  let layout: Built['forms']['progress'];
  beforeEach(() => {
    ({ plan, forms } = twoLevel());
    progress = sheet(forms.sheets, 'Phụ lục 02 - Báo cáo tiến độ');
    layout = forms.progress;
  });

  it('keeps the input cells together right after the unit and register, unlocked, validated and on a protected sheet', () => {
    expect(layout.stages[0].actual0).toBe(3);
    const r = layout.firstRow - 1;
    for (let k = 0; k < 4; k++) expect(cellStyle(progress, r, 3 + k)).toMatchObject({ unlocked: true });
    expect(cellStyle(progress, r, layout.stages[0].done).unlocked).toBeUndefined();
    expect(progress.protect).toBe(true);
    expect(progress.validations![0]).toMatchObject({ range: 'D10:G13', type: 'whole', min: 0 });
    expect(progress.validations![0].prompt!.text).toContain('Nhập số');
    expect(progress.names).toEqual([{ name: 'QuotaPlanner.Actuals', ref: "'Phụ lục 02 - Báo cáo tiến độ'!$D$10:$G$13" }]);
    expect(cellStyle(progress, 3, 2)).toMatchObject({ unlocked: true, numFmt: 'dd/mm/yyyy' }); // the report date
  });

  it('derives done, remaining, % and status by formulas from the typed actuals and the report date', () => {
    const r = layout.rowOf[0];
    const row = progress.rows[r - 1].values;
    const c = layout.stages[0];
    expect(row.slice(0, 3)).toEqual([1, 'Xã A', 'Khai sinh']);
    expect(row[c.need]).toBe(1000);
    expect(formula(row[c.done])).toEqual({ formula: 'SUM(D10:G10)', result: 0 });
    expect(formula(row[c.left])).toEqual({ formula: 'H10-I10', result: 1000 });
    expect(formula(row[c.expected]).formula).toBe('ROUND(SUMPRODUCT($P$9:$S$9,P10:S10),0)');
    expect(formula(row[c.status]).formula).toContain('"Chậm tiến độ"');
    // After the targets, hidden: the records not scheduled, the finish day and the periods held (none).
    expect(row.slice(c.target0)).toEqual([...Array.from(plan.targets.subarray(0, 4)), plan.rows[0].unscheduled, { date: plan.rows[0].finish }, null]);
    expect([c.unscheduled, c.finish, c.held]).toEqual([c.target0 + 4, c.target0 + 5, c.target0 + 6]);
    expect(progress.columns.slice(c.unscheduled).map((col) => col.hidden)).toEqual([true, true, true]);
    // The share of each period gone counts working days from the Lịch sheet.
    expect(formula(progress.rows[8].values[c.target0]).formula).toBe('MEDIAN(0,1,($C$5-0)/20)');
    expect(formula(progress.rows[4].values[2]).formula).toMatch(/^IF\(\$C\$4="",0,IF\(\$C\$4<45444,0,VLOOKUP\(\$C\$4,'Lịch'!\$B\$19:\$E\$\d+,4,TRUE\)\)\)$/);
  });

  it('gives the JSON contract the address of every actual and of the remaining count', () => {
    const json = planJson(plan, [], (i) => progressCells(layout, i));
    const c = json.rows.find((r) => r.unit === 'Xã C')!;
    expect(c.actualCells).toEqual(['D', 'E', 'F', 'G'].map((col) => `'Phụ lục 02 - Báo cáo tiến độ'!${col}12`));
    expect(c.remainingCell).toBe("'Phụ lục 02 - Báo cáo tiến độ'!J12");
    expect(progress.rows[11].values[1]).toBe('Xã C');
  });
});

describe('Tổng hợp – roll-up', () => {
  let rollup: SheetModel;
  beforeEach(() => (rollup = sheet(twoLevel().forms.sheets, 'Tổng hợp')));

  it('sums each parent and each unit over its block of the progress report and ranks by % done', () => {
    const x = rollup.rows[rowOf(rollup, 'Huyện X')].values;
    expect(formula(x[2])).toEqual({ formula: "SUM('Phụ lục 02 - Báo cáo tiến độ'!$H$10:$H$12)", result: 2200 });
    const xr = rowOf(rollup, 'Huyện X') + 1;
    expect(formula(x[9]).formula).toBe(`RANK(G${xr},$G$${xr}:$G$${xr + 1})`);
    const b = rollup.rows[rowOf(rollup, 'Xã B')].values;
    expect(formula(b[4]).formula).toBe("SUM('Phụ lục 02 - Báo cáo tiến độ'!$I$13:$I$13)");
    const total = rollup.rows[5].values;
    expect(total[1]).toBe('Tổng cộng');
    expect(formula(total[2]).result).toBe(2800);
  });

  it('projects the finish at the current pace from the Lịch sheet and charts planned against actual', () => {
    const a = rollup.rows[rowOf(rollup, 'Xã A')].values;
    expect(formula(a[8]).formula).toContain("MATCH('Phụ lục 02 - Báo cáo tiến độ'!$C$5+ROUNDUP(");
    expect(formula(a[8]).formula).toContain('"Sau 01/10/2025"');
    const chart = rollup.charts![0];
    expect(chart.series.map((s) => s.name)).toEqual(['Kế hoạch lũy kế', 'Thực hiện lũy kế']);
    expect(chart.categories).toBe("'Tổng hợp'!$L$26:$L$29");
    expect(chart.from.row).toBe(5); // below the frozen rows
    expect(rollup.rows[28].values[12]).toBe(2800); // planned cumulative at the last period
  });
});

describe('Lịch – calendar and settings', () => {
  it('lists every day with its working-day number and stores the settings so they read back exactly', () => {
    const s = settings({ method: 'priority', priority: ['KT', 'KS'], granularity: 'week' });
    s.calendar = { week: 'mon-sat', holidays: 'vn', daysOff: [d('2024-07-15')], extraWorkdays: [d('2024-06-02'), d('2024-06-09')] };
    const { plan, forms, options } = twoLevel(s);
    const cal = sheet(forms.sheets, 'Lịch');
    const grid = cal.rows.map((r) => r.values.map((v): CellValue => (v !== null && typeof v === 'object' && 'formula' in v ? null : (v as CellValue))));
    const back = readPlanSettings({ sheet: 'Lịch', rows: grid });
    expect(back.problems).toEqual([]);
    expect(back.plan).toEqual({ settings: plan.settings, planId: options.planId, revision: 1 });
    const sep2 = cal.rows.find((r) => (r.values[1] as { date: number } | null)?.date === d('2024-09-02'))!;
    expect(sep2.values[3]).toBe(0);
    expect(sep2.values[5]).toContain('Quốc khánh');
    expect(SETTING_KEYS).toHaveLength(13);
  });

  it('names the cell of a setting someone broke', () => {
    const { forms } = twoLevel();
    const cal = sheet(forms.sheets, 'Lịch');
    const rows = cal.rows.map((r) => r.values.map((v) => (v !== null && typeof v === 'object' && 'formula' in v ? null : (v as CellValue))));
    const methodRow = rows.findIndex((r) => r[0] === 'method');
    rows[methodRow][2] = 'nhanh';
    const back = readPlanSettings({ sheet: 'Lịch', rows });
    expect(back.plan).toBeNull();
    expect(back.problems.map((p) => p.cell)).toEqual([`Lịch!C${methodRow + 1}`]);
  });
});

describe('placing forms in a workbook that has sheets', () => {
  const defaults = defaultFormNames('vi');
  const mine = (kind: 'progress' | 'rollup', name: string, typedActual: string | null = null) => ({
    name, marker: parseMarker(formatMarker({ kind, planId: '0badcafe' })), typedActual,
  });

  it('never overwrites a sheet people made: the form takes the next free name', () => {
    const p = placeForms([{ name: 'tổng hợp', marker: null, typedActual: null }, { name: 'Tổng hợp (2)', marker: null, typedActual: null }], defaults);
    expect(p.names.rollup).toBe('Tổng hợp (3)');
    expect(p.names.quota).toBe('Phụ lục 01 - Giao chỉ tiêu');
    expect(p.replaced).toEqual([]);
  });

  it('replaces its own generated sheets, even renamed, but refuses one holding typed actuals', () => {
    const p = placeForms([mine('rollup', 'TH tháng 6')], defaults);
    expect(p.names.rollup).toBe('TH tháng 6');
    expect(p.replaced).toEqual(['TH tháng 6']);
    const refused = placeForms([mine('progress', 'Phụ lục 02 - Báo cáo tiến độ', "'Phụ lục 02 - Báo cáo tiến độ'!E11")], defaults);
    expect(refused.problems.map((x) => [x.code, x.cell])).toEqual([['actuals-typed', "'Phụ lục 02 - Báo cáo tiến độ'!E11"]]);
    expect(refused.problems[0].en).toContain('planning again would lose them');
  });

  it('refuses typed actuals in a copy of the progress report too, and does not count the copy as replaced', () => {
    const p = placeForms([mine('progress', 'Phụ lục 02 - Báo cáo tiến độ'), mine('progress', 'Phụ lục 02 (2)', 'Phụ lục 02 (2)!E11')], defaults);
    expect(p.problems.map((x) => x.cell)).toEqual(['Phụ lục 02 (2)!E11']);
    expect(p.replaced).toEqual(['Phụ lục 02 - Báo cáo tiến độ']);
  });

  it('keeps names within Excel’s 31 characters', () => {
    const p = placeForms([{ name: 'Phụ lục 02 - Báo cáo tiến độ', marker: null, typedActual: null }], defaults);
    expect(p.names.progress).toBe('Phụ lục 02 - Báo cáo tiến đ (2)');
    expect(p.names.progress).toHaveLength(31);
  });
});

describe('Đơn vị đã đọc – the units read', () => {
  const parent = 'Thành phố Thanh Hóa';
  const coded = [
    unit('Phường Đông Cương', { KS: 10 }, { parent, row: 2 }),
    unit('Xã Đông Khê', { KS: 20 }, { parent, row: 3, code: '16387' }),
    unit('Xã Đông Khê', { KS: 30 }, { parent, row: 4, code: '16408' }),
  ];
  const formsOf = (units: ReturnType<typeof unit>[]) => {
    const plan = planUnits(units, ['KS'], settings());
    const options: FormOptions = { lang: 'vi', issuer: '', planId: planId(plan), revision: 1, names: defaultFormNames('vi') };
    return { plan, units: sheet(planForms(plan, { units, registers: ['KS'] }, options).sheets, 'Đơn vị đã đọc') };
  };

  it('shows each unit’s code after its name only when a unit has one, so two units of one name read apart', () => {
    const plain = sheet(twoLevel().forms.sheets, 'Đơn vị đã đọc');
    expect(plain.rows.map((r) => r.values)).toEqual([
      ['STT', 'Đơn vị', 'Cấp trên', 'Số máy', 'Số quyển', 'Khai sinh', 'Khai tử', 'Ô nguồn'],
      [1, 'Xã A', 'Huyện X', null, null, 1000, 400, 'Số liệu!B5'],
      [2, 'Xã B', 'Huyện Y', null, null, 600, null, 'Số liệu!B6'],
      [3, 'Xã C', 'Huyện X', 2, null, 800, null, 'Số liệu!B7'],
    ]);
    expect(plain.freeze).toEqual({ rows: 1, cols: 2 });

    const { units } = formsOf(coded);
    expect(units.rows.map((r) => r.values)).toEqual([
      ['STT', 'Đơn vị', 'Mã đơn vị', 'Cấp trên', 'Số máy', 'Số quyển', 'Khai sinh', 'Ô nguồn'],
      [1, 'Phường Đông Cương', null, parent, null, null, 10, 'Số liệu!B2'],
      [2, 'Xã Đông Khê', '16387', parent, null, null, 20, 'Số liệu!B3'],
      [3, 'Xã Đông Khê', '16408', parent, null, null, 30, 'Số liệu!B4'],
    ]);
    expect(units.columns).toHaveLength(units.rows[0].values.length);
    expect(units.columns[2].style).toBe('text'); // as written: 00004 keeps its zeros
    expect(units.freeze).toEqual({ rows: 1, cols: 3 });
    // The form reads back as the same units.
    const back = readUnits({ sheet: units.name, rows: units.rows.map((r) => r.values as CellValue[]) });
    expect(back.problems).toEqual([]);
    expect(back.units.map((u) => [u.name, u.code, u.parent])).toEqual(coded.map((u) => [u.name, u.code, u.parent]));
  });

  it('shows the code beside a name two units of one district share, on every form people type into or read', () => {
    const plan = planUnits(coded, ['KS'], settings());
    const options: FormOptions = { lang: 'vi', issuer: '', planId: planId(plan), revision: 1, names: defaultFormNames('vi') };
    const { sheets } = planForms(plan, { units: coded, registers: ['KS'] }, options);
    const names = (s: SheetModel) => s.rows.map((r) => r.values[1]).filter((v) => typeof v === 'string' && /Đông/.test(v));
    for (const form of [options.names.quota, options.names.progress]) {
      expect(names(sheet(sheets, form))).toEqual(['Phường Đông Cương', 'Xã Đông Khê (mã 16387)', 'Xã Đông Khê (mã 16408)']);
    }
    expect(names(sheet(sheets, options.names.rollup))).toEqual(expect.arrayContaining(['Xã Đông Khê (mã 16387)', 'Xã Đông Khê (mã 16408)']));
  });

  it('gives a plan of coded units its own id, and a plan without codes the id it always had', () => {
    expect(planId(twoLevel().plan)).toBe('fbf0ecda');
    const swapped = formsOf([coded[0], { ...coded[1], code: '16408' }, { ...coded[2], code: '16387' }]).plan;
    expect(planId(swapped)).not.toBe(planId(formsOf(coded).plan));
  });
});

describe('size limits', () => {
  it('refuses a sheet beyond Excel’s rows, suggesting longer periods', () => {
    const huge: SheetModel = { name: 'X', font: { name: 'Arial', size: 10 }, columns: [], rows: new Array(MAX_ROWS + 1).fill({ values: [] }), styles: {}, merges: [] };
    const [p] = sizeProblems([huge]);
    expect(p.code).toBe('too-large');
    expect(p.vi).toContain('tuần hoặc tháng');
    expect(sizeProblems(twoLevel().forms.sheets)).toEqual([]);
  });

  it('estimates from the plan alone no more rows and columns than the forms then take: nothing that fits is refused', () => {
    const stages = stagesOf('collect:2025-03-03..2025-03-07,scan:..2025-03-14,entry:..2025-03-21,approve:..2025-03-28+2');
    const units = [unit('Xã A', { KS: 1000, KT: 400 }, { parent: 'Huyện X', row: 5 }), unit('Xã B', { KS: 600 }, { row: 6 })];
    const plans = [
      twoLevel().plan,
      twoLevel({ method: 'capacity', granularity: 'week' }).plan,
      planStages(units, ['KS', 'KT'], stagedSettings(stages, { granularity: 'week' })),
    ];
    for (const plan of plans) {
      const names = defaultFormNames('vi');
      const built = planForms(plan, { units: [...plan.units], registers: plan.registers }, { lang: 'vi', issuer: '', planId: planId(plan), revision: 1, names });
      const estimate = formsSize(plan, names);
      for (const e of estimate) {
        const real = builtSize(sheet(built.sheets, e.name));
        expect(e.rows).toBeLessThanOrEqual(real.rows);
        expect(e.cols).toBeLessThanOrEqual(real.cols);
      }
      // Phụ lục 02's width is exact: with many periods it is the figure that reaches Excel's limit first.
      expect(estimate[1].cols).toBe(builtSize(sheet(built.sheets, names.progress)).cols);
    }
  });

  it('refuses a plan whose forms would pass Excel’s columns before building them', () => {
    // 50 years by day: about 18,000 periods, so Phụ lục 02 would need some 36,000 columns.
    const { plan } = twoLevel({ granularity: 'day', end: d('2074-05-31') });
    let built = false;
    const out = formsInto({ existing: [], anew: true, label: null }, defaultFormNames('vi'), plan, () => {
      built = true;
      throw new Error('the forms are built');
    });
    expect(built).toBe(false);
    expect(isRefused(out) && out.problems.map((p) => [p.code, p.en])).toEqual([
      ['too-large', expect.stringMatching(/^Sheet "Phụ lục 01 - Giao chỉ tiêu" would need 18,\d{3} columns \(at most 16,384\)/)],
      ['too-large', expect.stringMatching(/^Sheet "Phụ lục 02 - Báo cáo tiến độ" would need 36,\d{3} columns/)],
    ]);
  });
});

describe('English labels', () => {
  it('writes the same forms with English labels and sheet names', () => {
    const units = [unit('Xã A', { KS: 100 })];
    const plan = planUnits(units, ['KS'], settings());
    const options: FormOptions = { lang: 'en', issuer: '', planId: planId(plan), revision: 1, names: defaultFormNames('en') };
    const { sheets } = planForms(plan, { units, registers: ['KS'] }, options);
    expect(sheets.map((s) => s.name)).toEqual(['Annex 01 - Quotas', 'Annex 02 - Progress report', 'Roll-up', 'Calendar', 'Units read', 'Plan history']);
    expect(sheets[0].rows[7].values.slice(0, 6)).toEqual(['No.', 'Unit', 'Register', 'To digitize', 'Machines', 'Jun 2024']);
    expect(formula(sheets[1].rows[9].values[3 + 4 + 5]).formula).toContain('"Behind"');
  });
});
