import { parseDate } from '../../src/planning/days';
import { planUnits } from '../../src/planning/plan';
import { planJson } from '../../src/planning/plan-json';
import { PlanSettings, defaultSettings } from '../../src/planning/settings';
import { Unit } from '../../src/planning/units';
import { unit } from '../helpers/units';

/*
 * The finish date a planner reads on each row (Phụ lục 01, the JSON): the last working day of the last period
 * with a target, or, in a capacity plan, the working day the unit's machines do its last record. Mon–Fri with
 * the Vietnamese holidays, as offices work.
 */

const d = (text: string): number => parseDate(text)!;
const settings = (start: string, end: string, extra: Partial<PlanSettings> = {}): PlanSettings => ({ ...defaultSettings(d(start), d(end)), ...extra });
/** What the planner reads per row: register, targets, unscheduled, finish. */
const rows = (units: Unit[], registers: string[], cfg: PlanSettings) =>
  planJson(planUnits(units, registers, cfg)).rows.map((r) => ({ unit: r.unit, register: r.register, targets: r.targets, unscheduled: r.unscheduled, finish: r.finish }));
const finishes = (units: Unit[], registers: string[], cfg: PlanSettings): (string | null)[] => rows(units, registers, cfg).map((r) => r.finish);

describe('capacity: the day the machines do the last record, counting only working days', () => {
  // 300 records a machine a day from Monday 26/8/2024: 26–30/8, then 31/8–1/9 weekend, 2–3/9 National Day, 4/9 on.
  const cfg = settings('2024-08-26', '2024-09-30', { method: 'capacity' });

  it('skips weekends and holidays: 3.000 records on one machine take 10 working days and finish on 10/09/2024', () => {
    expect(finishes([unit('Xã A', { KS: 3000 }, { machines: 1 })], ['KS'], cfg)).toEqual(['2024-09-10']);
  });

  it('the next register finishes when the machines have done both: 600 more records finish on 12/09/2024', () => {
    expect(finishes([unit('Xã A', { KS: 3000, KH: 600 }, { machines: 1 })], ['KS', 'KH'], cfg)).toEqual(['2024-09-10', '2024-09-12']);
  });

  it('two machines halve the days: 3.000 records finish on Friday 30/08/2024', () => {
    expect(finishes([unit('Xã A', { KS: 3000 }, { machines: 2 })], ['KS'], cfg)).toEqual(['2024-08-30']);
  });

  it('a register with nothing left has no finish date, first or after another', () => {
    expect(finishes([unit('Xã A', { KS: 0, KH: 600, KT: 0 }, { machines: 1 })], ['KS', 'KH', 'KT'], cfg)).toEqual([null, '2024-08-27', null]);
  });

  it('a unit that cannot finish by the end is given the working day it would finish on, after the end', () => {
    // 26/8–6/9 has 8 working days: 2.400 records are planned, 600 are not, and the 10th working day is 10/09/2024.
    const [ks] = rows([unit('Xã A', { KS: 3000 }, { machines: 1 })], ['KS'], settings('2024-08-26', '2024-09-06', { method: 'capacity', granularity: 'week' }));
    expect(ks).toMatchObject({ targets: [1500, 900], unscheduled: 600, finish: '2024-09-10' });
  });

  it('a unit with no machine has no finish date', () => {
    expect(finishes([unit('Xã A', { KS: 600 }, { machines: 0 })], ['KS'], cfg)).toEqual([null]);
  });
});

describe('even, workdays and priority: the last working day of the last period with a target', () => {
  it('a month that ends on a weekend finishes on its last Friday: June 2024 → 28/06/2024, not Sunday 30/06 nor Monday 01/07', () => {
    // 2 records over June and July: one a month.
    expect(finishes([unit('Xã A', { KS: 2, KT: 1 })], ['KS', 'KT'], settings('2024-06-01', '2024-07-31'))).toEqual(['2024-07-31', '2024-06-28']);
  });

  it('work that all falls in the first period finishes in the first period', () => {
    const [ks] = rows([unit('Xã A', { KS: 1 })], ['KS'], settings('2024-06-01', '2024-09-30'));
    expect(ks).toMatchObject({ targets: [1, 0, 0, 0], finish: '2024-06-28' });
  });

  it('a window that ends on holidays finishes on the last working day before them: 30/08/2024 for a plan to 3/9/2024', () => {
    // September 2024 up to the 3rd: Sunday 1/9, then the National Day holidays 2/9 and 3/9.
    const [ks] = rows([unit('Xã A', { KS: 100 })], ['KS'], settings('2024-08-01', '2024-09-03'));
    expect(ks).toMatchObject({ targets: [100, 0], finish: '2024-08-30' });
  });

  it('weeks run Monday to Sunday, so each week finishes on its Friday', () => {
    const cfg = settings('2024-06-03', '2024-06-23', { granularity: 'week', method: 'priority' });
    // 1.500 records over three weeks: 500 a week, filled in priority order.
    expect(rows([unit('Xã A', { KS: 400, KH: 600, KT: 500 })], ['KS', 'KH', 'KT'], cfg)).toEqual([
      { unit: 'Xã A', register: 'KS', targets: [400, 0, 0], unscheduled: 0, finish: '2024-06-07' },
      { unit: 'Xã A', register: 'KH', targets: [100, 500, 0], unscheduled: 0, finish: '2024-06-14' },
      { unit: 'Xã A', register: 'KT', targets: [0, 0, 500], unscheduled: 0, finish: '2024-06-21' },
    ]);
  });

  it('workdays: a register whose share rounds to nothing in the last month finishes in the month before', () => {
    // By working days (Jun 20, Jul 23, Aug 22): 3 records give one a month; 1 record goes to July, the largest share.
    expect(finishes([unit('Xã A', { KS: 3, KT: 1 })], ['KS', 'KT'], settings('2024-06-01', '2024-08-31', { method: 'workdays' })))
      .toEqual(['2024-08-30', '2024-07-31']);
  });

  it('a register with nothing left has no finish date', () => {
    expect(finishes([unit('Xã A', { KS: 0, KT: 10 })], ['KS', 'KT'], settings('2024-06-01', '2024-07-31'))).toEqual([null, '2024-07-31']);
  });
});
