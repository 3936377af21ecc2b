import { parseDate } from '../../src/planning/days';
import { planUnits } from '../../src/planning/plan';
import { planTotals } from '../../src/planning/plan-totals';
import { PlanSettings, defaultSettings } from '../../src/planning/settings';
import { previewModel } from '../../src/taskpane/plan/preview';
import { unit } from '../helpers/units';

const d = (text: string): number => parseDate(text)!;
const settings = (start: string, end: string, extra: Partial<PlanSettings> = {}): PlanSettings => ({ ...defaultSettings(d(start), d(end)), ...extra });

describe('the preview', () => {
  it('shows Đại Lãnh 2024 by month with the totals the plan mis-added (786, 785, 785, 784 = 3.140)', () => {
    const plan = planUnits([unit('Xã Đại Lãnh', { KS: 1972, KT: 461, KH: 707 })], ['KS', 'KT', 'KH'], settings('2024-06-01', '2024-09-30'));
    const model = previewModel(plan);
    expect(model.granularity).toBe('month');
    expect(model.periods.map((p) => [p.start, p.end, p.target])).toEqual([
      [d('2024-06-01'), d('2024-06-30'), 786],
      [d('2024-07-01'), d('2024-07-31'), 785],
      [d('2024-08-01'), d('2024-08-31'), 785],
      [d('2024-09-01'), d('2024-09-30'), 784],
    ]);
    expect(model.total).toBe(3140);
    expect(model.unscheduled).toBe(0);
    expect(model.workingDays).toBe(plan.periods.reduce((s, p) => s + p.workingDays, 0));
    expect(model.cannotFinish).toEqual([]);
    expect(model.warnings).toEqual([]);
  });

  it('lists the units that cannot finish by capacity, with the machines they need, apart from other warnings', () => {
    const units = [
      unit('Xã Minh Thắng', { KS: 30000 }, { machines: 1, row: 15 }),
      unit('Xã Nha Bích', { KS: 1000 }, { machines: 1, row: 16 }),
    ];
    const plan = planUnits(units, ['KS'], settings('2023-05-22', '2023-07-14', { method: 'capacity', granularity: 'week', calendar: { week: 'all', holidays: 'vn', daysOff: [], extraWorkdays: [] } }));
    const model = previewModel(plan);
    expect(model.cannotFinish.map((p) => [p.unit, p.cell])).toEqual([['Xã Minh Thắng', 'Số liệu!B15']]);
    expect(model.cannotFinish[0].en).toContain('cannot finish by 14/07/2023');
    expect(model.cannotFinish[0].en).toContain('needs 2 machines');
    expect(model.cannotFinish[0].vi).toContain('cần 2 máy');
    // 54 days × 300 records: what fits is planned, the rest is unscheduled, and the two add up.
    expect(model.total).toBe(54 * 300 + 1000);
    expect(model.unscheduled).toBe(30000 - 54 * 300);
    expect(model.periods.reduce((s, p) => s + p.target, 0)).toBe(model.total);
  });

  it('keeps the other warnings (over capacity) for the list under the table', () => {
    const plan = planUnits([unit('Xã Nhỏ', { KS: 9000 }, { machines: 1 })], ['KS'], settings('2024-06-01', '2024-06-30'));
    const model = previewModel(plan);
    expect(model.cannotFinish).toEqual([]);
    expect(model.warnings.map((p) => p.code)).toEqual(['over-capacity']);
  });
});

describe('planTotals', () => {
  it('adds every row per period, and what remains and is unscheduled', () => {
    const plan = planUnits([unit('A', { KS: 10, KT: 5 }), unit('B', { KS: 7 })], ['KS', 'KT'], settings('2024-06-01', '2024-08-31'));
    const totals = planTotals(plan);
    expect(totals.perPeriod.reduce((s, n) => s + n, 0)).toBe(22);
    // 10 → 4, 3, 3; 5 → 2, 2, 1; 7 → 3, 2, 2 (remainders to the earliest months).
    expect(totals.perPeriod).toEqual([9, 7, 6]);
    expect(totals.remaining).toBe(22);
    expect(totals.unscheduled).toBe(0);
  });
});
