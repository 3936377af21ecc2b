import { formatISO, parseDate } from '../../src/planning/days';
import { Plan, planUnits } from '../../src/planning/plan';
import { planJson } from '../../src/planning/plan-json';
import { PlanSettings, defaultSettings } from '../../src/planning/settings';
import { CellValue } from '../../src/sheets/grid';
import { FormulaValue, ModelValue, SheetModel, cellStyle } from '../../src/sheets/model';
import { SETTING_KEYS } from '../../src/sheets/forms/calendar-sheet';
import { formatMarker, parseMarker, planId } from '../../src/sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../../src/sheets/forms/options';
import { progressCells, reportDateCell } from '../../src/sheets/forms/progress-layout';
import { MAX_ROWS, builtSize, formsSize, planForms, sizeProblems } from '../../src/sheets/forms/workbook';
import { formsInto, isRefused } from '../../src/jobs/target';
import { planStages } from '../../src/planning/stage-plan';
import { stagedSettings, stagesOf } from '../helpers/stages';
import { DocumentSettings, documentSettings } from '../../src/sheets/document-settings';
import { groupByParent } from '../../src/sheets/forms/groups';
import { quotaLayout } from '../../src/sheets/forms/quota-assignment';
import { planTotals } from '../../src/planning/plan-totals';
import { columnLetters } from '../../src/sheets/grid';
import { placeForms } from '../../src/sheets/placement';
import { readPlanSettings } from '../../src/sheets/read-plan-settings';
import { readUnits } from '../../src/sheets/read-units';
import { unit } from '../helpers/units';

const d = (s: string): number => parseDate(s)!;
const colName = (c: number): string => columnLetters(c + 1);

function settings(over: Partial<PlanSettings> = {}): PlanSettings {
  return { ...defaultSettings(d('2024-06-01'), d('2024-09-30')), ...over };
}

/** Two districts, three communes, one with two registers. */
function twoLevel(over: Partial<PlanSettings> = {}, document: Partial<DocumentSettings> = { issuer: 'UBND TỈNH Z' }) {
  const units = [
    unit('Xã A', { KS: 1000, KT: 400 }, { parent: 'Huyện X', row: 5 }),
    unit('Xã B', { KS: 600 }, { parent: 'Huyện Y', row: 6 }),
    unit('Xã C', { KS: 800 }, { parent: 'Huyện X', row: 7, machines: 2 }),
  ];
  const plan = planUnits(units, ['KS', 'KT'], settings(over));
  const options: FormOptions = { lang: 'vi', document: documentSettings(document), planId: planId(plan), revision: 1, names: defaultFormNames('vi') };
  return { plan, units, options, forms: planForms(plan, { units, registers: ['KS', 'KT'] }, options) };
}

type Built = ReturnType<typeof twoLevel>;
const sheet = (sheets: SheetModel[], name: string): SheetModel => sheets.find((s) => s.name === name)!;
const formula = (v: ModelValue | undefined): FormulaValue => v as FormulaValue;
const rowOf = (s: SheetModel, label: string, col = 1): number => s.rows.findIndex((r) => r.values[col] === label);
/** Every text of a sheet's rows, in order. */
const texts = (s: SheetModel): string[] => s.rows.flatMap((r) => r.values.filter((v): v is string => typeof v === 'string'));

describe('Phụ lục 01 – quota assignment', () => {
  // Built in each test, so that mutation testing knows which tests run the planner.
  let plan: Plan;
  let forms: Built['forms'];
  let quota: SheetModel;
  let L: ReturnType<typeof quotaLayout>;
  beforeEach(() => {
    ({ plan, forms } = twoLevel());
    quota = sheet(forms.sheets, 'Phụ lục 01 - Giao chỉ tiêu');
    L = quotaLayout(plan, groupByParent(plan));
  });

  it('groups units under their parents with SUBTOTALs whose cached results are the plan’s own group totals', () => {
    const names = quota.rows.slice(L.headerRow).map((r) => r.values[1]).filter((v) => typeof v === 'string' && /^(Huyện|Xã|Tổng)/.test(v));
    expect(names).toEqual(['Huyện X', 'Xã A', 'Xã A', 'Xã C', 'Huyện Y', 'Xã B', 'Tổng cộng']);
    const x = quota.rows[rowOf(quota, 'Huyện X')];
    expect(x.values[0]).toBe('I');
    const first = rowOf(quota, 'Huyện X') + 2;
    expect(formula(x.values[L.remaining])).toEqual({ formula: `SUBTOTAL(9,D${first}:D${first + 2})`, result: 2200 });
    const total = quota.rows[rowOf(quota, 'Tổng cộng')];
    expect(formula(total.values[L.remaining]).result).toBe(2800);
    const perPeriod = Array.from(L.target).map((c) => formula(total.values[c]).result);
    expect(perPeriod).toEqual(planTotals(plan).perPeriod);
  });

  it('is an appendix of the plan: issuing body, motto, title, the plan it is attached to, the unit, then recipients and signer', () => {
    const doc = twoLevel({}, {
      issuerParent: 'UBND TỈNH SƠN LA', issuer: 'SỞ TƯ PHÁP', number: '45/KH-STP', place: 'Sơn La', issued: d('2025-02-28'),
      signerTitle: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], signer: 'Nguyễn Văn A', recipients: ['UBND tỉnh (b/c)', 'UBND các huyện'],
    });
    const q = sheet(doc.forms.sheets, 'Phụ lục 01 - Giao chỉ tiêu');
    const all = texts(q);
    expect(all.slice(0, 4)).toEqual(['UBND TỈNH SƠN LA', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ TƯ PHÁP', 'Độc lập - Tự do - Hạnh phúc']);
    expect(all).toContain('PHỤ LỤC 01');
    expect(all).toContain('(Kèm theo Kế hoạch số 45/KH-STP ngày 28/02/2025 của SỞ TƯ PHÁP)');
    expect(all).toContain('Đơn vị tính: trường hợp');
    const foot = all.slice(all.indexOf('Tổng cộng') + 1);
    expect(foot).toEqual(['Nơi nhận:', 'KT. GIÁM ĐỐC', '- UBND tỉnh (b/c);', 'PHÓ GIÁM ĐỐC', '- UBND các huyện;', '- Lưu: VT.', 'Nguyễn Văn A']);
    // Unset, the same places print dotted lines to fill by hand.
    const blank = texts(sheet(twoLevel({}, {}).forms.sheets, 'Phụ lục 01 - Giao chỉ tiêu'));
    expect(blank).toContain('(Kèm theo Kế hoạch số ………… ngày ………… của …………)');
    expect(blank[0]).toBe('……………………');
  });

  it('prints on A4 landscape at its own size, the header repeated, the columns of whose row it is repeated on pages across', () => {
    expect(quota.page).toMatchObject({ landscape: true, printTitleRows: [L.headerRow, L.headerRow], overThenDown: true, footer: 'Trang &P/&N' });
    expect(quota.page!.fitToWidth).toBeUndefined();
    expect(quota.freeze).toEqual({ rows: L.headerRow, cols: 2 });
    expect(parseMarker(quota.marker)).toEqual({ kind: 'quota', planId: planId(plan) });
  });

  it('shows machines and the daily quota (machines × rate) for the capacity method, with the warnings as notes', () => {
    const cap = twoLevel({ method: 'capacity', rate: 10, start: d('2024-06-03'), end: d('2024-06-28') });
    const q = sheet(cap.forms.sheets, 'Phụ lục 01 - Giao chỉ tiêu');
    const CL = quotaLayout(cap.plan, groupByParent(cap.plan));
    const header = q.rows[CL.headerRow - 1].values;
    expect([header[CL.remaining], header[CL.machines], header[CL.dailyQuota]]).toEqual(['Số cần số hóa', 'Số máy', 'Chỉ tiêu/ngày']);
    expect([header[CL.unscheduled], header[CL.finish], header[CL.note]]).toEqual(['Chưa xếp lịch', 'Ngày hoàn thành', 'Ghi chú']);
    const c = q.rows.find((r) => r.values[1] === 'Xã C')!;
    expect(c.values[CL.dailyQuota]).toBe(20); // 2 machines × 10
    const a = q.rows.find((r) => r.values[1] === 'Xã A')!;
    expect([a.values[CL.machines], a.values[CL.dailyQuota]]).toEqual([1, 10]); // the default machine
    expect(String(a.values[CL.note] ?? c.values[CL.note])).toContain('không thể hoàn thành');
    // Not by capacity: no daily quota; machines only because a unit has some.
    expect(L.dailyQuota).toBe(-1);
    expect(quota.rows[L.headerRow - 1].values).not.toContain('Chỉ tiêu/ngày');
  });

  it('never breaks a page inside a commune’s rows, the first commune of a district (kept with its heading) included', () => {
    const regs = { KS: 900, KH: 500, KT: 300, CMC: 200, NCN: 100, GH: 100 };
    const units = ['X', 'Y', 'Z'].flatMap((p, i) => Array.from({ length: 6 }, (_, k) => unit(`Xã ${p}-${k}`, regs, { parent: `Huyện ${p}`, row: 5 + i * 6 + k })));
    const registers = ['KS', 'KH', 'KT', 'CMC', 'NCN', 'GH'] as const;
    const plan = planUnits(units, [...registers], settings());
    const forms = planForms(plan, { units, registers: [...registers] }, { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names: defaultFormNames('vi') });
    const q = sheet(forms.sheets, 'Phụ lục 01 - Giao chỉ tiêu');
    const breaks = q.page!.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(2);
    for (const u of units) {
      const rows = q.rows.flatMap((r, i) => (r.values[1] === u.name ? [i + 1] : []));
      expect([u.name, breaks.filter((b) => b > rows[0] && b <= rows[rows.length - 1])]).toEqual([u.name, []]);
    }
  });

  it('lets a unit’s note flow down beside all of its rows, rather than stretching its first row', () => {
    const cap = twoLevel({ method: 'capacity', rate: 10, start: d('2024-06-03'), end: d('2024-06-28') });
    const q = sheet(cap.forms.sheets, 'Phụ lục 01 - Giao chỉ tiêu');
    const CL = quotaLayout(cap.plan, groupByParent(cap.plan));
    const rows = q.rows.flatMap((r, i) => (r.values[1] === 'Xã A' ? [i + 1] : []));
    expect(rows).toHaveLength(2);
    expect(String(q.rows[rows[0] - 1].values[CL.note])).toContain('không thể hoàn thành');
    const note = `${columnLetters(CL.note + 1)}${rows[0]}:${columnLetters(CL.note + 1)}${rows[1]}`;
    expect(q.merges).toContain(note);
    // Grown (if at all) evenly: the unit's rows print at one height.
    const heights = rows.map((r) => q.rows[r - 1].height ?? 0);
    expect(new Set(heights).size).toBe(1);
  });

  it('has no column for a period without a working day, and nothing printed under 11 pt', () => {
    const daily = twoLevel({ granularity: 'day', start: d('2024-06-03'), end: d('2024-06-16') });
    const DL = quotaLayout(daily.plan, groupByParent(daily.plan));
    const weekend = daily.plan.periods.map((p, k) => (p.workingDays === 0 ? k : -1)).filter((k) => k >= 0);
    expect(weekend).toHaveLength(4);
    for (const k of weekend) expect(DL.target[k]).toBe(-1);
    for (const s of daily.forms.sheets) for (const style of Object.values(s.styles)) expect(style.size ?? s.font.size).toBeGreaterThanOrEqual(11);
  });
});

describe('Phụ lục 02 – progress report', () => {
  let plan: Plan;
  let forms: Built['forms'];
  let progress: SheetModel;
  let layout: Built['forms']['progress'];
  let c: Built['forms']['progress']['stages'][number];
  beforeEach(() => {
    ({ plan, forms } = twoLevel());
    progress = sheet(forms.sheets, 'Phụ lục 02 - Báo cáo tiến độ');
    layout = forms.progress;
    c = layout.stages[0];
  });

  it('puts each period’s box right of its target: unlocked, boxed with a medium border, validated, on a protected sheet', () => {
    expect(Array.from(c.target)).toEqual([3, 5, 7, 9]);
    expect(Array.from(c.actual)).toEqual([4, 6, 8, 10]);
    const r = layout.firstRow + 1; // Xã A's first line, after Huyện X's heading
    expect(layout.rowOf[0]).toBe(r);
    for (const k of [0, 1, 2, 3]) {
      expect(cellStyle(progress, r - 1, c.actual[k])).toMatchObject({ unlocked: true, border: 'medium' });
      expect(cellStyle(progress, r - 1, c.target[k]).unlocked).toBeUndefined();
    }
    expect(progress.protect).toBe(true);
    const rows = `${layout.firstRow}:${layout.lastRow}`.split(':');
    expect(progress.validations![0]).toMatchObject({ range: ['E', 'G', 'I', 'K'].map((x) => `${x}${rows[0]}:${x}${rows[1]}`).join(' '), type: 'whole', min: 0 });
    expect(progress.validations![0].prompt!.text).toContain('số trường hợp');
    expect(progress.names).toEqual([{ name: 'QuotaPlanner.Inputs', ref: `'Phụ lục 02 - Báo cáo tiến độ'!$D$${layout.actualKeyRow}:$K$${layout.lastRow}` }]);
    expect(cellStyle(progress, 6, 2)).toMatchObject({ unlocked: true, numFmt: 'dd/mm/yyyy', border: 'medium' }); // the report date, C7
    expect(layout.reportDate).toBe('$C$7');
  });

  it('shows each period once, its target beside its box, under the period; one word for a record', () => {
    const periodRow = progress.rows[layout.fractionRow - 3].values;
    const subRow = progress.rows[layout.fractionRow - 2].values;
    expect(periodRow[c.target[0]]).toBe('Tháng 6/2024');
    expect([subRow[c.target[0]], subRow[c.actual[0]]]).toEqual(['Chỉ tiêu', 'Thực hiện']);
    expect(texts(progress).filter((x) => /hồ sơ/.test(x))).toEqual([]);
    expect(texts(progress).some((x) => /trường hợp/.test(x) && /ô viền đậm/.test(x))).toBe(true);
    expect(progress.rows.filter((r) => r.values.includes('Tháng 6/2024'))).toHaveLength(1);
  });

  it('derives done, remaining, % and status by formulas from the boxes and the report date', () => {
    const r = layout.rowOf[0];
    const row = progress.rows[r - 1].values;
    expect(row.slice(0, 3)).toEqual([1, 'Xã A', 'Khai sinh']);
    expect(row[c.need]).toBe(1000);
    expect(formula(row[c.done])).toEqual({ formula: `SUMIF($D$15:$K$15,">0",D${r}:K${r})`, result: 0 });
    expect(formula(row[c.left]).formula).toBe(`${colName(c.need)}${r}-${colName(c.done)}${r}`);
    expect(formula(row[c.expected]).formula).toBe(`ROUND(SUMPRODUCT($D$13:$K$13,D${r}:K${r}),0)`);
    expect(formula(row[c.status]).formula).toContain('"Chậm tiến độ"');
    expect(Array.from(c.target).map((col) => row[col])).toEqual(Array.from(plan.targets.subarray(0, 4)));
    // Hidden after the table: the parent, then the records not scheduled, the finish day and the periods held.
    expect([row[layout.parent], row[c.unscheduled], row[c.finish], row[c.held], row[c.off]]).toEqual(['Huyện X', '0', formatISO(plan.rows[0].finish!), null, null]);
    expect(progress.columns.slice(layout.parent).every((col) => col.hidden)).toBe(true);
    // The share of each period gone counts working days from the Lịch sheet; the helper rows are hidden.
    expect(formula(progress.rows[layout.fractionRow - 1].values[c.target[0]]).formula).toBe('MEDIAN(0,1,($C$8-0)/20)');
    expect([layout.fractionRow, layout.targetKeyRow, layout.actualKeyRow].map((x) => progress.rows[x - 1].hidden)).toEqual([true, true, true]);
  });

  it('adds a subtotal for a unit of several registers and a heading for each parent, the total last, their period cells locked and empty', () => {
    const labels = progress.rows.slice(layout.firstRow - 1, layout.totalRow).map((r) => [r.values[0] ?? null, r.values[1], r.values[2] ?? null]);
    expect(labels).toEqual([
      ['I', 'Huyện X', null], [1, 'Xã A', 'Khai sinh'], [null, 'Xã A', 'Khai tử'], [null, 'Cộng', null], [2, 'Xã C', 'Khai sinh'],
      ['II', 'Huyện Y', null], [1, 'Xã B', 'Khai sinh'], [null, 'Tổng cộng', null],
    ]);
    const sub = progress.rows[layout.firstRow + 2].values;
    const r0 = layout.rowOf[0];
    expect(formula(sub[c.need])).toEqual({ formula: `SUBTOTAL(9,${colName(c.need)}${r0}:${colName(c.need)}${r0 + 1})`, result: 1400 });
    expect(sub[c.actual[0]]).toBeUndefined();
    expect(sub[c.target[0]]).toBeUndefined();
    expect(cellStyle(progress, layout.firstRow + 2, c.actual[0])).toMatchObject({ unlocked: false });
    expect(formula(progress.rows[layout.totalRow - 1].values[c.need]).result).toBe(2800);
  });

  it('gives the JSON contract the address of every box, the remaining count and the report date', () => {
    const json = planJson(plan, [], (i) => progressCells(layout, i), undefined, reportDateCell(layout));
    const xc = json.rows.find((r) => r.unit === 'Xã C')!;
    const r = layout.rowOf[json.rows.indexOf(xc)];
    expect(xc.actualCells).toEqual(['E', 'G', 'I', 'K'].map((col) => `'Phụ lục 02 - Báo cáo tiến độ'!${col}${r}`));
    expect(xc.remainingCell).toBe(`'Phụ lục 02 - Báo cáo tiến độ'!${colName(c.left)}${r}`);
    expect(progress.rows[r - 1].values[1]).toBe('Xã C');
    expect(json.reportDateCell).toBe("'Phụ lục 02 - Báo cáo tiến độ'!C7");
  });

  it('has no box for a day that is not a working day, and the JSON says so with null', () => {
    const daily = twoLevel({ granularity: 'day', start: d('2024-06-03'), end: d('2024-06-16') });
    const dl = daily.forms.progress;
    const json = planJson(daily.plan, [], (i) => progressCells(dl, i));
    const sat = daily.plan.periods.findIndex((p) => p.start === d('2024-06-08'));
    expect(dl.stages[0].actual[sat]).toBe(-1);
    expect(json.rows[0].actualCells![sat]).toBeNull();
    expect(json.rows[0].actualCells!.filter((x) => x !== null)).toHaveLength(10);
  });

  it('names the reporting unit of a part, and leaves a line to fill in the plan workbook', () => {
    expect(texts(progress).slice(0, 3)).toEqual(['ĐƠN VỊ BÁO CÁO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '……………………']);
    const part = planForms(plan, { units: [...plan.units], registers: ['KS', 'KT'] }, { ...twoLevel().options, reportingUnit: 'Huyện X' });
    expect(texts(sheet(part.sheets, 'Phụ lục 02 - Báo cáo tiến độ'))[2]).toBe('HUYỆN X');
    const foot = texts(progress).slice(texts(progress).indexOf('Tổng cộng') + 1);
    expect(foot).toEqual(['…………, ngày … tháng … năm …', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)']);
  });
});

describe('Tổng hợp – roll-up', () => {
  let rollup: SheetModel;
  let layout: Built['forms']['progress'];
  let c: Built['forms']['progress']['stages'][number];
  beforeEach(() => {
    const { forms } = twoLevel();
    rollup = sheet(forms.sheets, 'Tổng hợp');
    layout = forms.progress;
    c = layout.stages[0];
  });

  it('freezes the columns of whose row it is but no rows: the document block and the chart above the table would fill the window', () => {
    expect(rollup.freeze).toEqual({ rows: 0, cols: 2 });
  });

  it('sums each parent and each unit over its rows of the progress report, skipping the subtotals, and ranks by % done', () => {
    const x = rollup.rows[rowOf(rollup, 'Huyện X')].values;
    const [first, last] = [layout.firstRow + 1, layout.firstRow + 4];
    expect(formula(x[2])).toEqual({ formula: `SUBTOTAL(9,'Phụ lục 02 - Báo cáo tiến độ'!$${colName(c.need)}$${first}:$${colName(c.need)}$${last})`, result: 2200 });
    const xr = rowOf(rollup, 'Huyện X') + 1;
    expect(formula(x[9]).formula).toBe(`RANK(G${xr},$G$${xr}:$G$${xr + 1})`);
    const total = rollup.rows[rowOf(rollup, 'Tổng cộng')].values;
    expect(formula(total[2]).result).toBe(2800);
  });

  it('ranks the week (the month, in a monthly plan) by the share of its target done', () => {
    const b = rollup.rows[rowOf(rollup, 'Xã B')];
    const weekTarget = formula(b.values[10]).formula;
    expect(weekTarget).toMatch(/^SUMPRODUCT\(\('Phụ lục 02 - Báo cáo tiến độ'!\$D\$14:\$K\$14>=\$[A-Z]+\$\d+\)\*/);
    expect(rollup.rows.find((r) => r.values.includes('Xếp hạng thi đua tháng'))).toBeDefined();
    expect(formula(b.values[13]).formula).toMatch(/^IF\(ISNUMBER\(M\d+\),RANK\(M\d+,\$M\$\d+:\$M\$\d+\),"—"\)$/);
  });

  it('charts planned against actual cumulative progress, leaving later periods blank in print (#N/A only in a hidden column)', () => {
    const chart = rollup.charts![0];
    expect(chart.series.map((s) => s.name)).toEqual(['Kế hoạch lũy kế', 'Thực hiện lũy kế']);
    const hidden = rollup.columns.findIndex((col) => col.hidden);
    expect(chart.series[1].values).toContain(`$${colName(hidden)}$`);
    const points = rollup.rows.filter((r) => r.values[hidden] !== undefined);
    expect(points).toHaveLength(4);
    expect(formula(points[0].values[hidden]).formula).toMatch(/NA\(\)/);
    const shown = points.map((r) => r.values.find((v) => typeof v === 'object' && v !== null && 'formula' in v && /SUMPRODUCT/.test(v.formula)));
    for (const v of shown) expect(formula(v).formula).toMatch(/^IF\(\d+>\$[A-Z]+\$5,"",SUMPRODUCT/);
    expect(points[3].values.filter((v) => v === 2800)).toHaveLength(1); // planned cumulative at the last period
  });

  it('projects the finish at the current pace from the Lịch sheet', () => {
    const a = rollup.rows[rowOf(rollup, 'Xã A')].values;
    expect(formula(a[8]).formula).toContain("MATCH('Phụ lục 02 - Báo cáo tiến độ'!$C$8+ROUNDUP(");
    expect(formula(a[8]).formula).toContain('"Sau 01/10/2025"');
  });
});

describe('the periodic report', () => {
  it('reads the period holding the report date from Phụ lục 02, row by row, with the document block', () => {
    const { plan, forms } = twoLevel({ granularity: 'week', start: d('2024-06-03'), end: d('2024-06-28') });
    const report = sheet(forms.sheets, 'Báo cáo định kỳ');
    const layout = forms.progress;
    expect(parseMarker(report.marker)?.kind).toBe('report');
    expect(texts(report)).toContain('BÁO CÁO KẾT QUẢ SỐ HÓA SỔ HỘ TỊCH');
    const a = report.rows.find((r) => r.values[1] === 'Xã A' && r.values[2] === 'Khai sinh')!.values;
    const r = layout.rowOf[0];
    expect(formula(a[3]).formula).toBe(`SUMIF('Phụ lục 02 - Báo cáo tiến độ'!$D$14:$K$14,$D$5,'Phụ lục 02 - Báo cáo tiến độ'!D${r}:K${r})`);
    expect(formula(a[4]).formula).toBe(`SUMIF('Phụ lục 02 - Báo cáo tiến độ'!$D$15:$K$15,$D$5,'Phụ lục 02 - Báo cáo tiến độ'!D${r}:K${r})`);
    expect(formula(a[5]).formula).toBe(`'Phụ lục 02 - Báo cáo tiến độ'!${colName(layout.stages[0].done)}${r}`);
    // The week holding the report date (the plan's nearest day when the date is outside it), within the plan.
    const day = "MIN(MAX('Phụ lục 02 - Báo cáo tiến độ'!$C$7,45446),45471)";
    expect(formula(report.rows[4].values[3]).formula).toBe(`MIN(MAX(${day}-WEEKDAY(${day},3),45446),45471)`);
    expect(report.page).toMatchObject({ landscape: true });
    expect(plan.units).toHaveLength(3);
  });

  it('names the day of a daily plan’s report, and the first and last day of a week’s', () => {
    const line = (granularity: 'day' | 'week') => {
      const report = sheet(twoLevel({ granularity, start: d('2024-06-03'), end: d('2024-06-28') }).forms.sheets, 'Báo cáo định kỳ');
      return report.rows[4].values.filter((v) => v !== null && v !== undefined).map((v) => (typeof v === 'string' ? v : 'date'));
    };
    expect(line('day')).toEqual(['Ngày báo cáo:', 'date']);
    expect(line('week')).toEqual(['Kỳ báo cáo:', 'date', 'đến', 'date']);
  });

  it('is one A4 portrait page without a unit column for a commune’s own report', () => {
    const units = [unit('Xã A', { KS: 1000, KT: 400 })];
    const plan = planUnits(units, ['KS', 'KT'], settings());
    const forms = planForms(plan, { units, registers: ['KS', 'KT'] }, { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names: defaultFormNames('vi'), reportingUnit: 'Xã A' });
    const report = sheet(forms.sheets, 'Báo cáo định kỳ');
    expect(report.page).toMatchObject({ landscape: false });
    expect(report.page!.rowBreaks).toEqual([]);
    expect(texts(report)).toContain('XÃ A');
    expect(texts(report)).not.toContain('Đơn vị');
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
    expect(back.plan).toEqual({ settings: plan.settings, planId: options.planId, revision: 1, document: options.document });
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

  it('reads the document’s settings as typed on Lịch: a date of issue typed as text, a name like a formula kept as text; a date that is not one named by its cell', () => {
    const { forms } = twoLevel();
    const cal = sheet(forms.sheets, 'Lịch');
    const rows = cal.rows.map((r) => r.values.map((v) => (v !== null && typeof v === 'object' && 'formula' in v ? null : (v as CellValue))));
    const at = (key: string): number => rows.findIndex((r) => r[0] === key);
    rows[at('issued')][2] = '28/02/2025';
    rows[at('issuer')][2] = '=SỞ TƯ PHÁP';
    rows[at('signerTitle')][2] = 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH';
    const back = readPlanSettings({ sheet: 'Lịch', rows });
    expect(back.problems).toEqual([]);
    expect(back.plan!.document).toMatchObject({ issued: d('2025-02-28'), issuer: '=SỞ TƯ PHÁP', signerTitle: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] });
    rows[at('issued')][2] = '30/02/2025';
    const bad = readPlanSettings({ sheet: 'Lịch', rows });
    expect(bad.problems.map((p) => [p.cell, p.vi])).toEqual([[`Lịch!C${at('issued') + 1}`, expect.stringContaining('Ngày ban hành không hợp lệ')]]);
  });
});

describe('placing forms in a workbook that has sheets', () => {
  const defaults = defaultFormNames('vi');
  const mine = (kind: 'progress' | 'rollup', name: string, typedActual: string | null = null) => ({
    name, marker: parseMarker(formatMarker({ kind, planId: '0badcafe' })), typedActual, kept: false,
  });

  it('never overwrites a sheet people made: the form takes the next free name', () => {
    const p = placeForms([{ name: 'tổng hợp', marker: null, typedActual: null, kept: false }, { name: 'Tổng hợp (2)', marker: null, typedActual: null, kept: false }], defaults);
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

  it('passes by the forms Excel keeps for an undo, even first: never replaced, their actuals refuse nothing, their names stay taken', () => {
    const p = placeForms([
      { ...mine('progress', 'Quota Planner (cũ 1)', 'Quota Planner (cũ 1)!E11'), kept: true },
      { ...mine('rollup', 'Tổng hợp'), kept: true },
      mine('progress', 'Phụ lục 02 - Báo cáo tiến độ'),
    ], defaults);
    expect(p.problems).toEqual([]);
    expect(p.replaced).toEqual(['Phụ lục 02 - Báo cáo tiến độ']);
    expect(p.names.rollup).toBe('Tổng hợp (2)');
  });

  it('keeps names within Excel’s 31 characters', () => {
    const p = placeForms([{ name: 'Phụ lục 02 - Báo cáo tiến độ', marker: null, typedActual: null, kept: false }], defaults);
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
    const options: FormOptions = { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names: defaultFormNames('vi') };
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
    const options: FormOptions = { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names: defaultFormNames('vi') };
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
      const built = planForms(plan, { units: [...plan.units], registers: plan.registers }, { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names });
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
    // 50 years by day: about 18,000 periods, some 12,500 of them working days; a day off has no column, so
    // Phụ lục 01 fits (12,500 columns) and Phụ lục 02 (a target and a box a working day) would need some 25,000.
    const { plan } = twoLevel({ granularity: 'day', end: d('2074-05-31') });
    let built = false;
    const out = formsInto({ existing: [], anew: true, label: null }, defaultFormNames('vi'), plan, () => {
      built = true;
      throw new Error('the forms are built');
    });
    expect(built).toBe(false);
    expect(isRefused(out) && out.problems.map((p) => [p.code, p.en])).toEqual([
      ['too-large', expect.stringMatching(/^Sheet "Phụ lục 02 - Báo cáo tiến độ" would need 25,\d{3} columns \(at most 16,384\)/)],
    ]);
  });
});

describe('English labels', () => {
  it('writes the same forms with English labels and sheet names', () => {
    const units = [unit('Xã A', { KS: 100 })];
    const plan = planUnits(units, ['KS'], settings());
    const options: FormOptions = { lang: 'en', document: documentSettings(), planId: planId(plan), revision: 1, names: defaultFormNames('en') };
    const { sheets, progress } = planForms(plan, { units, registers: ['KS'] }, options);
    expect(sheets.map((s) => s.name)).toEqual(['Annex 01 - Quotas', 'Annex 02 - Progress report', 'Periodic report', 'Roll-up', 'Calendar', 'Units read', 'Plan history']);
    expect(sheets[0].rows[8].values.slice(0, 5)).toEqual(['No.', 'Unit', 'Register', 'To digitize', 'Jun 2024']);
    expect(formula(sheets[1].rows[progress.firstRow - 1].values[progress.stages[0].status]).formula).toContain('"Behind"');
    expect(texts(sheets[1])).toContain('HEAD OF THE UNIT');
  });
});
